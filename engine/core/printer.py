"""The printer every feature's handouts share: Markdown as the site reads it, print templates,
documents with the programme's header and footer. Pure: WeasyPrint comes later (`handouts/`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import markdown
import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from engine.core import formatting, templating
from engine.core.project import Project
from engine.core.registry import Registry
from engine.core.urls import html_of, large_print_name

CORE_TEMPLATES = Path(__file__).parent / "templates"
_LINK = re.compile(r'<a href="(?P<href>[^"]*)"(?P<attrs>[^>]*)>(?P<text>.*?)</a>', re.S)
_THEAD = re.compile(r"<thead\b.*?</thead>", re.S | re.I)
_TH_WITHOUT_SCOPE = re.compile(r"<th(?=[\s>])(?![^>]*\bscope=)", re.I)
#: A bare `<style>` block as the print templates write it (`engine/core/pdf.py` parses each once).
STYLE_BLOCK = re.compile(r"<style>(?P<css>.*?)</style>\s*", re.S)
T = TypeVar("T")


@dataclass(frozen=True)
class MarkdownSetup:
    """The Markdown extensions of the site, so handouts read the bodies exactly like it."""

    extensions: tuple[str, ...]
    configs: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()

    @classmethod
    def of(cls, extensions: list[str], configs: dict[str, dict[str, Any]]) -> MarkdownSetup:
        return cls(tuple(extensions), tuple((name, tuple(sorted(values.items())))
                                            for name, values in sorted(configs.items())))


@dataclass(frozen=True)
class Handout:
    """One PDF to make: where it goes, what it is called, and the HTML it is printed from."""

    name: str
    title: str
    html: str
    base: str = "docs/"
    """Project-relative folder that relative image paths in the HTML start from."""

    @property
    def key(self) -> str:
        """Hash of everything the PDF depends on; the cache re-renders only when it changes."""
        return hashlib.sha256(f"{self.base}\n{self.html}".encode()).hexdigest()[:32]


_BODY = re.compile(r'<body(?: class="(?P<classes>[^"]*)")?>')


def large_print_twin(handout: Handout) -> Handout:
    """The same handout in large print: the same HTML, its body marked `large-print` (see print.css)."""
    def mark(match: re.Match[str]) -> str:
        classes = match.group("classes")
        return f'<body class="{classes + " " if classes else ""}large-print">'

    html = _BODY.sub(mark, handout.html, count=1)
    html = html.replace(f"<title>{handout.title}</title>", f"<title>{handout.title} (Großdruck)</title>", 1)
    return Handout(large_print_name(handout.name), f"{handout.title} (Großdruck)", html, handout.base)


@dataclass(frozen=True)
class Chapter:
    """A part of a handout with its own running header and bookmark."""

    title: str
    html: Markup
    page: str = ""
    """A page format of the print CSS for this chapter alone, e.g. 'landscape' for a map in a portrait
    handout; in a document whose chapters run on (`page_class="flow"`) also 'alone' (nothing follows
    on its last page)."""

    @property
    def anchor(self) -> str:
        return "k-" + hashlib.sha1(self.title.encode()).hexdigest()[:10]


class Printer:
    """Renders fragments and documents with one Markdown setup and one public address."""

    def __init__(self, registry: Registry, setup: MarkdownSetup, public_url: str, project: Project) -> None:
        self.project = project
        self.registry = registry
        configs = {name: dict(values) for name, values in setup.configs}
        if "toc" in configs:
            configs["toc"] = {**configs["toc"], "permalink": False}  # no "¶" on paper
        self._markdown = markdown.Markdown(extensions=list(setup.extensions), extension_configs=configs)
        self._made: dict[Any, Any] = {}
        self.public_url = public_url.rstrip("/")

    def once(self, key: Any, make: Callable[[], T]) -> T:
        """`make()` the first time `key` is asked for, then the same result: a module's chapter
        is rendered once for its handout, every course that teaches it and the book."""
        if key not in self._made:
            self._made[key] = make()
        result: T = self._made[key]
        return result

    def markdown(self, text: str, page: str) -> Markup:
        return Markup(self._links(_scope_headers(self._markdown.reset().convert(text)), page))

    def _links(self, html: str, page: str) -> str:
        """Site-relative links become the public address, or plain text when there is none."""

        def replace(match: re.Match[str]) -> str:
            href = match.group("href")
            if re.match(r"(https?:|mailto:)", href) or href.startswith("#"):
                return match.group(0)
            if not self.public_url:
                return match.group("text")
            target = html_of(Path(page).parent.joinpath(href).as_posix())
            return f'<a href="{self.public_url}/{_normalize(target)}">{match.group("text")}</a>'

        return _LINK.sub(replace, html)

    def where(self, handout: str) -> str:
        """Where a reader finds another handout: its web address, else its file name."""
        return f"{self.public_url}/handouts/{handout}" if self.public_url else f"PDF: {handout}"

    def fragment(self, template: str, **values: Any) -> Markup:
        environment = print_environment(self.registry)
        return Markup(environment.get_template(template).render(programme=self.project.programme,
                                                                 project=self.project, **values))

    def document(self, name: str, title: str, chapters: list[Chapter], footer: str, page: str,
                 cover: str = "", page_class: str = "") -> Handout:
        """`page_class` names page formats of the print CSS: 'card' (A5), 'landscape' (A4 quer), 'flow'
        (chapters run on instead of each starting a page; a chapter's `page` may ask for its own) and
        'small-type' (11 pt, for readers at a desk)."""
        web_address = f"{self.public_url}/{page}" if self.public_url else ""
        chapters, styles = _hoisted_styles(chapters)
        html = print_environment(self.registry).get_template("handout.html.j2").render(
            title=title, chapters=chapters, footer=footer, cover=cover, web_address=web_address,
            page_class=page_class, programme=self.project.programme, css=Markup(print_css()), styles=styles)
        return Handout(name, title, html, base=f"docs/{Path(page).parent.as_posix()}/".replace("/./", "/"))


@dataclass(frozen=True)
class HandoutContext:
    """What a feature's handout planner gets: the project of this edition and the printer."""

    project: Project
    printer: Printer
    root: Path | None = None
    """The project folder, for caches of expensive drawings; None in pure tests."""
    shared: dict[str, Any] = field(default_factory=dict)


def stand(version: str, updated: Any) -> str:
    """The footer of a versioned handout."""
    return f"Version {version} · Stand {formatting.date_de(updated)}"


def _hoisted_styles(chapters: list[Chapter]) -> tuple[list[Chapter], list[Markup]]:
    """The chapters without their `<style>` blocks, and each distinct block once, for the head.

    A feature's fragment brings its own stylesheet; 49 cards in one file would otherwise repeat
    it 49 times, and WeasyPrint matches every `@page` rule of every copy on every page."""
    styles: dict[str, None] = {}

    def keep(match: re.Match[str]) -> str:
        styles.setdefault(match.group("css").strip(), None)
        return ""

    bare = [replace(chapter, html=Markup(STYLE_BLOCK.sub(keep, chapter.html))) for chapter in chapters]
    return bare, [Markup(css) for css in styles]


def _scope_headers(html: str) -> str:
    """Every <th> of the Markdown gets a `scope` (PDF/UA: /Scope): in <thead> the column's, in a
    body row the row's. The `tables` extension writes <th> only in <thead>, without scope."""
    html = _THEAD.sub(lambda head: _TH_WITHOUT_SCOPE.sub('<th scope="col"', head.group(0)), html)
    return _TH_WITHOUT_SCOPE.sub('<th scope="row"', html)


def _normalize(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


_CSS: dict[Path, str] = {}


def stylesheet(path: Path) -> str:
    """A print stylesheet's text, read once."""
    if path not in _CSS:
        _CSS[path] = path.read_text(encoding="utf-8")
    return _CSS[path]


def print_css() -> str:
    return stylesheet(CORE_TEMPLATES / "print.css")


_ENVIRONMENTS: dict[int, Environment] = {}


def print_environment(registry: Registry) -> Environment:
    """The handouts' Jinja environment for `registry`, made once."""
    if id(registry) not in _ENVIRONMENTS:
        environment = Environment(loader=FileSystemLoader([CORE_TEMPLATES, *registry.templates]), autoescape=True,
                                  undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        environment.filters.update(templating.filters(Markup('<span class="unknown">unbekannt</span>'),
                                                      "noch offen"))
        environment.filters["css_string"] = lambda text: Markup('"{}"'.format(
            str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")))
        environment.globals["count"] = formatting.count
        environment.globals["qr"] = lambda url: segno.make(url, error="m").svg_data_uri(scale=4)
        environment.globals.update(registry.template_globals)
        _ENVIRONMENTS[id(registry)] = environment
    return _ENVIRONMENTS[id(registry)]
