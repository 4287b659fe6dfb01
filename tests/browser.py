"""Proofs on a built site: headless Chromium (Debian's, never a downloaded one) opened on it from
file://, axe-core in that browser, and the W3C Nu HTML checker (vnu-jar) over its pages.

Shared by the engine's proofs on the fixture programmes (`tests/engine/`) and by the same proofs
on our own programme (`tests/content/`); axe-core and vnu-jar come from `node_modules/` (npm ci).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builders import REPO
from playwright.sync_api import Browser, Page, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

CHROMIUM = "/usr/bin/chromium"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SERIOUS = ("serious", "critical")
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


def open_page(page: Page, site: Path, path: str) -> None:
    """Open `path` of the built site from file://, as a reader who double-clicked it."""
    page.goto((site / path).as_uri())
    page.wait_for_load_state("load")


def site_root(page: Page) -> str:
    return str(page.evaluate("() => document.querySelector('a.md-logo').href")).rsplit("/", 1)[0] + "/"


def search(page: Page, query: str, *, delay: int = 40) -> list[str]:
    """Type into Material's search like a reader and return the result links, best first."""
    search_field = page.locator("input.md-search__input")
    if not search_field.is_visible():  # on phones the field opens from a button
        page.locator("label.md-header__button[for='__search']").first.click()
    search_field.click()
    search_field.fill("")
    page.keyboard.type(query, delay=delay)  # Material listens to key events, as from a reader
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    root = site_root(page)
    return [link.removeprefix(root).split("?")[0].split("#")[0] for link in links]


def settled_search(page: Page, query: str, *, pause_ms: int = 250, delay: int = 10) -> list[str]:
    """`search`, then the result links once they stop changing (the worker answers each keystroke);
    an empty list when nothing is found."""
    try:
        links = search(page, query, delay=delay)
    except PlaywrightTimeout:
        return []
    root = site_root(page)
    for _ in range(20):
        page.wait_for_timeout(pause_ms)
        again = [link.removeprefix(root).split("?")[0].split("#")[0] for link in
                 page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")]
        if again == links:
            break
        links = again
    return links


def recall_at(browser: Browser, site: Path, phrasings: Sequence[Mapping[str, Any]], count: int = 3
              ) -> tuple[float, list[str]]:
    """The share of `phrasings` (`query`, `pages`) with one of their pages among the first `count`
    results, searched from the site's home page; and the misses, with what came first instead."""
    misses: list[str] = []
    with offline_page(browser, site) as (page, _traffic):
        open_page(page, site, "index.html")
        for phrasing in phrasings:
            top = top_pages(settled_search(page, phrasing["query"]), count)
            if not set(top) & set(phrasing["pages"]):
                misses.append(f"„{phrasing['query']}“ → {', '.join(top) or 'nichts'} "
                              f"(erwartet: {', '.join(phrasing['pages'])})")
    return 1 - len(misses) / len(phrasings), misses


def top_pages(results: Sequence[str], count: int = 5) -> list[str]:
    """The first `count` distinct pages of a result list (a page can appear with several sections)."""
    return list(dict.fromkeys(results))[:count]


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the open page, three nodes each, for the report."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
            for v in result["violations"] if v["impact"] in SERIOUS]


def report(violations: list[dict[str, Any]]) -> str:
    return json.dumps(violations, indent=1)


def vnu_errors(pages: Sequence[Path], folders: Mapping[str, Path]) -> list[str]:
    """Every error of the Nu HTML checker on `pages`, all checked in one Java run, as
    `name/path:line: message`, where `name` stands for the page's folder in `folders`."""
    assert pages, "no page to check"
    completed = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                                *(str(page) for page in pages)], capture_output=True, text=True, check=False)
    messages = json.loads(completed.stderr or completed.stdout)["messages"]
    return [f"{_named(m.get('url', '?'), folders)}:{m.get('lastLine')}: {m['message']}" for m in messages]


def _named(url: str, folders: Mapping[str, Path]) -> str:
    path = Path(url.removeprefix("file:"))
    for name, folder in folders.items():
        if path.is_relative_to(folder.resolve()):
            return f"{name}/{path.relative_to(folder.resolve())}"
    return str(path)
