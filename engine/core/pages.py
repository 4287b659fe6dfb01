"""Rendering the site's generated pages: one Jinja environment over every feature's templates.

Plain text from the sources is escaped for Markdown and HTML by the environment's `finalize`
hook; only trusted Markdown (module bodies, links built here) is passed as `Markup`. Pure: the
features plan their pages with `PageContext.render`; nothing here knows MkDocs.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from engine.core import formatting, templating
from engine.core.editions import Edition
from engine.core.project import Project
from engine.core.registry import Registry
from engine.core.urls import HANDOUT_FOLDER, from_page, large_print_name

CORE_TEMPLATES = Path(__file__).parent / "templates"
_PLAIN_TARGET = re.compile(r"[A-Za-z0-9_./#:-]*")
# Compiled code depends on how filters are called, which these files decide: their hash is part
# of the bytecode cache key, or an old compilation would outlive a change here.
_SELF_HASH = hashlib.sha256(Path(__file__).read_bytes() + Path(templating.__file__).read_bytes()).hexdigest()[:12]


@dataclass(frozen=True)
class GeneratedPage:
    """A page of the site made from the sources: docs-relative path and Markdown text."""

    path: str
    markdown: str
    label: str = ""
    """Short name for navigation groups, e.g. the module id."""


@dataclass(frozen=True)
class LinkSource:
    """Markdown an editor wrote, where it ends up in the site, and where it stands in its file."""

    file: str
    """Project-relative source file, e.g. `curriculum/modules/M06-demenz.md`."""
    page: str
    """Docs-relative page it becomes, e.g. `module/m06.md`."""
    text: str
    first_line: int = 1


Renderer = Callable[..., GeneratedPage]
PagePlan = dict[str, Callable[[], GeneratedPage]]


@dataclass(frozen=True)
class PageContext:
    """What a feature's page planner gets: the project of this edition and a renderer."""

    project: Project
    edition: Edition
    render: Renderer
    root: Path | None = None
    """The project folder, for caches of expensive drawings; None in pure tests."""
    shared: dict[str, Any] = field(default_factory=dict)
    """What one feature's plan offers the next (the contact directory's entry pages)."""


def renderer(registry: Registry, edition: Edition, project: Project) -> Renderer:
    """`render(template, path, label="", **values)` → a `GeneratedPage`."""
    environment = site_environment(registry)

    def render(template: str, path: str, label: str = "", **values: Any) -> GeneratedPage:
        text = environment.get_template(template).render(
            page_path=path, edition=edition, project=project, programme=project.programme, **values)
        return GeneratedPage(path, _tidy(text), label)

    return render


_ENVIRONMENTS: dict[int, Environment] = {}


def site_environment(registry: Registry) -> Environment:
    """The site's Jinja environment for `registry`, made once."""
    if id(registry) not in _ENVIRONMENTS:
        _ENVIRONMENTS[id(registry)] = _environment(registry)
    return _ENVIRONMENTS[id(registry)]


def _environment(registry: Registry) -> Environment:
    environment = Environment(
        loader=FileSystemLoader([CORE_TEMPLATES, *registry.templates]), autoescape=True,
        undefined=StrictUndefined, finalize=formatting.plain_text, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
        # Compiled templates are kept in the user's temporary folder (keyed by the template's
        # checksum), so a build does not compile them again: that was most of a small build's cost.
        bytecode_cache=FileSystemBytecodeCache(pattern=f"__portal_{_SELF_HASH}_%s.cache"),
    )
    environment.filters.update(templating.filters(Markup("*unbekannt*"), Markup("*noch offen*")))
    environment.filters["page_title"] = _page_title
    environment.globals.update(link=link, pdf_link=_pdf_link_with_twin(registry), count=formatting.count)
    environment.globals.update(registry.template_globals)
    return environment


def _page_title(title: str) -> Markup:
    """The front-matter title: HTML-escaped, because MkDocs themes print `page.title` raw."""
    return Markup(json.dumps(html.escape(title, quote=False), ensure_ascii=False))


@pass_context
def link(context: Context, text: str, target: str) -> Markup:
    """A Markdown link from the page being rendered to a docs-relative page or a URL."""
    if "://" not in target and not target.startswith(("mailto:", "tel:")):
        target = from_page(target, context["page_path"])
    label = formatting.plain_text(text)
    # Percent-encode what would end a Markdown link target early or smuggle in markup; most
    # targets are plain paths, and a page has hundreds of links.
    if not _PLAIN_TARGET.fullmatch(target):
        target = quote(target, safe=":/?#[]@!$&'*+,;=%~.-_")
    return Markup(f"[{escape(label)}]({target})")


@pass_context
def pdf_link(context: Context, name: str, label: str) -> Markup:
    """A download button for a handout. Raw HTML on purpose: under `mkdocs serve` handouts are
    not rendered, and a Markdown link to a missing file would fail the strict preview."""
    target = from_page(f"{HANDOUT_FOLDER}/{name}", context["page_path"])
    return Markup('<a class="md-button qp-pdf" href="{}" download>{}</a>').format(target, label)


def _pdf_link_with_twin(registry: Registry) -> Callable[..., Markup]:
    """`pdf_link`, with a second button „Großdruck“ for a handout that has a large-print twin."""

    @pass_context
    def pdf_links(context: Context, name: str, label: str) -> Markup:
        button = pdf_link(context, name, label)
        if not registry.large_print(name):
            return button
        return button + Markup(" ") + pdf_link(context, large_print_name(name), "Großdruck (PDF)")

    return pdf_links


def _tidy(text: str) -> str:
    """Collapse runs of blank lines that template blocks leave behind."""
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip() if not line.strip() else line)
    return "\n".join(lines).strip() + "\n"
