"""Headless Chromium (Debian's, never a downloaded one) opened on the built site from file://."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's services at start (the machine has no network).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@dataclass
class Traffic:
    """Every request a page made, and those that tried to leave the site's folder."""

    site: Path
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def inside(self, url: str) -> bool:
        return url.startswith(self.site.resolve().as_uri()) or url.startswith(("data:", "blob:", "about:"))


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def offline_page(browser: Browser, site: Path, **context_options: object) -> Iterator[tuple[Page, Traffic]]:
    """A page whose requests outside `site` are recorded and refused (the network is 'blocked')."""
    traffic = Traffic(site)
    context = browser.new_context(**context_options)  # type: ignore[arg-type]

    def route(route: Route) -> None:
        url = route.request.url
        traffic.requests.append(url)
        if traffic.inside(url):
            route.continue_()
        else:
            traffic.outside.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        yield page, traffic
    finally:
        context.close()
