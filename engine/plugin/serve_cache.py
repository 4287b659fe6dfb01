"""Under `mkdocs serve`, a page whose inputs did not change since the last rebuild is neither
converted from Markdown nor rendered through the theme again.

MkDocs rebuilds every page after every saved file; for an editor who changed one module that
was three of the four seconds until the page showed the edit (Markdown and Material's templates,
`benchmarks/serve_edit.py`). This plugin keeps, between the rebuilds of one `serve`:

- each page's Markdown conversion, by the page's final Markdown (after the macros), the set of
  files its links resolve against and the configuration; the warnings the conversion logged are
  logged again, so a broken link keeps its warning on every rebuild;
- each page's HTML from the theme, by the converted content, the page's title, table of
  contents, metadata and addresses, the whole navigation (every title, address and metadata a
  navigation entry shows) and the configuration.

A missed input only ever makes a key differ (the page is rendered again), never the reverse:
keys hash the values themselves. Only `serve` uses it; a build that is published renders
everything (`engine/plugin/plugin.py` adds this plugin under `serve` alone). It relies on two
details of MkDocs 1.6 (`mkdocs<2` is pinned): `Page.render` fills `content`, `toc`, the title
from the first heading and the anchors, and the `template` metadata picks a page's template.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from engine.core.formatting import count

log = get_plugin_logger("portal")

#: Characters of HTML and converted Markdown kept at most. Our site needs about 20 million; a
#: programme of 10,000 items (6,000 pages with their navigation) would need a gigabyte, so beyond
#: this its further pages are simply made again on every rebuild.
KEPT_AT_MOST = 200_000_000

#: The template a page whose HTML is known renders: the HTML itself.
KNOWN_PAGE_TEMPLATE = "portal-known-page.html"
_KNOWN_HTML = "portal_known_html"


@dataclass(frozen=True)
class Reuse:
    """What one rebuild made anew and what it reused."""

    converted: int = 0
    reused_conversions: int = 0
    rendered: int = 0
    reused_pages: int = 0


@dataclass(frozen=True)
class Converted:
    """What `Page.render` left on a page, with the targets of its anchor links by source path."""

    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None
    records: tuple[logging.LogRecord, ...]


def _plain(value: Any) -> Any:
    """Configuration values as JSON can write them; MkDocs' Config objects and the theme are
    mappings, anything else is written by its type and repr."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return f"{type(value).__name__}:{value!r}"


def digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(_plain(parts), sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def configuration_key(config: MkDocsConfig) -> str:
    """Everything in `mkdocs.yml` after every plugin's `on_config`, the plugins by their settings."""
    plugins = {name: dict(plugin.config.items()) if hasattr(plugin, "config") else None
               for name, plugin in config.plugins.items()}
    settings = {name: value for name, value in config.items() if name not in ("plugins", "nav")}
    return digest(settings, plugins, config.theme.dirs)  # the theme's settings are among `settings`


def files_key(files: Files) -> str:
    """The files links resolve against: their paths, addresses and whether they are published."""
    return digest([(f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files])


def _nav_entries(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        children = list(_nav_entries(item.children or [])) if getattr(item, "children", None) else []
        yield (type(item).__name__, item.title, getattr(item, "url", None), getattr(item, "meta", None), children)


def navigation_key(nav: Navigation) -> str:
    return digest(list(_nav_entries(nav.items)), nav.homepage.url if nav.homepage else None)


def _toc(items: Iterable[Any]) -> list[Any]:
    return [(item.id, item.title, item.level, _toc(item.children)) for item in items]


def page_key(page: Page, context_key: str) -> str:
    """What the theme makes of a page besides the navigation and the configuration."""
    return digest(context_key, page.file.src_uri, page.url, page.title, page.content, _toc(page.toc),
                  page.meta, page.canonical_url, page.edit_url, page.is_homepage)


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def recorded(logger_name: str = "mkdocs") -> Iterator[list[logging.LogRecord]]:
    """The records `logger_name` and its children log meanwhile (they are logged as usual too)."""
    recorder = _Recorder()
    logger = logging.getLogger(logger_name)
    logger.addHandler(recorder)
    try:
        yield recorder.records
    finally:
        logger.removeHandler(recorder)


class ServeCachePlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # MkDocs leaves it untyped
    """Kept by the `portal` plugin across the rebuilds of one `serve`; see the module's docstring."""

    def __init__(self) -> None:
        self._converted: dict[str, Converted] = {}
        self._html: dict[str, str] = {}
        self._used_converted: dict[str, Converted] = {}
        self._used_html: dict[str, str] = {}
        self._config_key = ""
        self._files_key = ""
        self._kept = 0
        self._nav: Navigation | None = None
        self._page_keys: dict[str, str] = {}
        self._known_html: dict[str, str] = {}
        self.converted = self.rendered = self.reused_conversions = self.reused_pages = 0
        self.last = Reuse()

    @event_priority(-100)  # after every plugin that adds files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._config_key, self._files_key = configuration_key(config), files_key(files)
        self._used_converted, self._used_html, self._page_keys, self._known_html = {}, {}, {}, {}
        self._kept = 0
        self.converted = self.rendered = self.reused_conversions = self.reused_pages = 0
        return files

    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav  # its pages' titles and metadata are known only once they are read: see on_env
        return nav

    @event_priority(-100)  # after the macros: the key is the Markdown that is converted
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        key = digest(self._config_key, self._files_key, page.file.src_uri, markdown)
        known = self._converted.get(key)
        if known is not None:
            page.render = lambda config, files: self._restore(page, known, files, key)  # type: ignore[method-assign]
        else:
            convert = page.render
            page.render = lambda config, files: self._convert(page, convert, config, files, key)  # type: ignore[method-assign]
        return markdown

    def _convert(self, page: Page, convert: Any, config: MkDocsConfig, files: Files, key: str) -> None:
        with recorded() as records:
            convert(config, files)
        links = None if page.links_to_anchors is None else {
            target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
        self.converted += 1
        if self._keeps(page.content or ""):
            self._used_converted[key] = Converted(page.content or "", page.toc, page._title_from_render,
                                                  frozenset(page.present_anchor_ids or ()), links, tuple(records))

    def _restore(self, page: Page, known: Converted, files: Files, key: str) -> None:
        page.content, page.toc, page._title_from_render = known.content, known.toc, known.title
        page.present_anchor_ids = set(known.anchors)
        if known.links is not None:  # the same files by path (the key holds them), new objects
            page.links_to_anchors = {files.get_file_from_path(uri): dict(anchors)  # type: ignore[misc]
                                     for uri, anchors in known.links.items()}
        for record in known.records:
            logging.getLogger(record.name).handle(record)
        if self._keeps(known.content):
            self._used_converted[key] = known
        self.reused_conversions += 1

    @event_priority(-100)  # every page converted, every title known
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        context_key = digest(self._config_key, navigation_key(self._nav) if self._nav else None)
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            key = page_key(page, context_key)
            self._page_keys[file.src_uri] = key
            if key in self._html:
                self._known_html[file.src_uri] = self._html[key]
                page.meta["template"] = KNOWN_PAGE_TEMPLATE
        known = DictLoader({KNOWN_PAGE_TEMPLATE: "{{ " + _KNOWN_HTML + " | safe }}"})
        env.loader = ChoiceLoader([known, env.loader] if env.loader else [known])
        return env

    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if page.file.src_uri in self._known_html:
            context[_KNOWN_HTML] = self._known_html[page.file.src_uri]
        return context

    @event_priority(100)  # the theme's HTML before any plugin changes it
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        key = self._page_keys.get(page.file.src_uri)
        if key is not None:
            if page.file.src_uri in self._known_html:
                self.reused_pages += 1
            else:
                self.rendered += 1
            if self._keeps(output):
                self._used_html[key] = output
        return output

    def _keeps(self, text: str) -> bool:
        """Whether `text` still fits under KEPT_AT_MOST (and is then counted)."""
        if self._kept + len(text) > KEPT_AT_MOST:
            return False
        self._kept += len(text)
        return True

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Only what this rebuild used is kept: the cache never outgrows the site.
        self._converted, self._html = self._used_converted, self._used_html
        self.last = Reuse(self.converted, self.reused_conversions, self.rendered, self.reused_pages)
        log.info("Vorschau: %s neu erstellt, %s unverändert übernommen",
                 count(self.rendered, "Seite", "Seiten"), count(self.reused_pages, "Seite", "Seiten"))
