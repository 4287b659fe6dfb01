"""The features the engine serves, and what is derived from their declarations.

A feature is a folder under `engine/features/` that declares a `Feature`: its kinds of content,
its checks, pages, handouts, published files, navigation sections and assets. The core, the site
and the handout layers know features only through this registry and import none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from engine.core.assets import Asset
from engine.core.kinds import Kind
from engine.core.problems import Problem
from engine.core.programme import PROGRAMME_KIND
from engine.core.project import EditionFilter, InlineValues, Project, Shape
from engine.core.references import RecordCheck
from engine.core.urls import LARGE_PRINT_SUFFIX

#: A check on a valid project (courses against their rules, one „Stand“ per law).
ProjectCheck = Callable[[Project], list[Problem]]


@dataclass(frozen=True)
class NavSection:
    """Where a feature's generated pages go in the navigation.

    `slot` is what an editor writes in `mkdocs.yml`'s `nav` to place the section (a folder of
    generated pages such as `module/`); without it, the engine appends the section at the end
    with its default `title`.
    """

    slot: str
    title: str
    pages: str = ""
    """The folder (`module/`) or single page (`glossar.md`) the section holds; the slot if empty."""
    parent: str = ""
    """A slot this section belongs under (a city's help paths under `stadt/`)."""

    @property
    def target(self) -> str:
        return self.pages or self.slot


@dataclass(frozen=True)
class Feature:
    """Everything one feature offers; every part is optional."""

    name: str
    kinds: tuple[Kind, ...] = ()
    record_checks: tuple[RecordCheck, ...] = ()
    """Checks across records a declaration cannot express; run with the reference checks."""
    project_checks: tuple[ProjectCheck, ...] = ()
    """Checks on a project whose records are valid."""
    derived: Mapping[str, Callable[[Project], Any]] = field(default_factory=dict)
    """Figures computed from the project, read as `project.<name>` (and `qp.<name>` in pages)."""
    edition_filter: EditionFilter | None = None
    inline_values: InlineValues | None = None
    """Values any text may show by id, written `((id))` (the legal facts): see `engine.core.inline`."""
    pages: Callable[[Any], dict[str, Callable[[], Any]]] | None = None
    """The feature's generated pages: `PageContext` → page path → renderer (see `engine.site.pages`)."""
    handouts: Callable[[Any], list[Any]] | None = None
    """The feature's handouts: `HandoutContext` → handouts (see `engine.core.printer`)."""
    files: Callable[[Project, str], dict[str, str]] | None = None
    """Extra files published beside the handouts (a course's calendar): (project, the site's public
    address or "") → file name → text."""
    post_page: Mapping[str, Callable[[str, Project], str]] = field(default_factory=dict)
    """Built page (docs path) → a transformation of its HTML (the planner's data and scripts)."""
    link_sources: Callable[[Project], Iterable[Any]] | None = None
    """Markdown the editors wrote inside records (module bodies), for the link check."""
    nav: tuple[NavSection, ...] = ()
    templates: Path | None = None
    """The feature's Jinja templates: `*.md.j2` for pages, `*.html.j2` and CSS for handouts."""
    template_globals: Mapping[str, Any] = field(default_factory=dict)
    """Names the feature's templates (and others') may call, e.g. `module_page`."""
    assets: tuple[Asset, ...] = ()
    large_print: Callable[[str], bool] | None = None
    """Which of the feature's handouts neighbours read or fill in (by file name): each also gets a
    large-print twin, linked beside it as „Großdruck“."""


@dataclass(frozen=True)
class Registry:
    """The features of one engine, and the content shape derived from their kinds."""

    features: tuple[Feature, ...]

    @cached_property
    def kinds(self) -> tuple[Kind, ...]:
        return (PROGRAMME_KIND, *(kind for feature in self.features for kind in feature.kinds))

    @cached_property
    def shape(self) -> Shape:
        derived: dict[str, Callable[[Project], Any]] = {}
        for feature in self.features:
            derived.update(feature.derived)
        return Shape(self.kinds, derived,
                     tuple(f.edition_filter for f in self.features if f.edition_filter is not None),
                     tuple(f.inline_values for f in self.features if f.inline_values is not None))

    def inline_values(self, project: Project) -> dict[str, str]:
        """Every feature's values for `((id))` tokens, for texts outside the records (hand-written pages)."""
        return {key: text for offer in self.shape.inline_values for key, text in offer(project).items()}

    @cached_property
    def record_checks(self) -> tuple[RecordCheck, ...]:
        return tuple(check for feature in self.features for check in feature.record_checks)

    @cached_property
    def project_checks(self) -> tuple[ProjectCheck, ...]:
        return tuple(check for feature in self.features for check in feature.project_checks)

    @cached_property
    def templates(self) -> tuple[Path, ...]:
        return tuple(feature.templates for feature in self.features if feature.templates is not None)

    @cached_property
    def template_globals(self) -> dict[str, Any]:
        names: dict[str, Any] = {}
        for feature in self.features:
            names.update(feature.template_globals)
        return names

    @cached_property
    def nav(self) -> tuple[NavSection, ...]:
        return tuple(section for feature in self.features for section in feature.nav)

    @cached_property
    def assets(self) -> tuple[Asset, ...]:
        return tuple(asset for feature in self.features for asset in feature.assets)

    def large_print(self, handout: str) -> bool:
        """Whether the handout `handout` (file name) has a large-print twin."""
        if handout.rpartition(".")[0].endswith(LARGE_PRINT_SUFFIX):
            return False  # a twin has no twin
        return any(feature.large_print(handout) for feature in self.features if feature.large_print is not None)

    def summary(self, project: Project) -> list[str]:
        """The check's summary line: how many records of each counted kind, e.g. „16 Module“."""
        return [kind.count(len(project.content.get(kind.name, ()))) for kind in self.kinds
                if kind.counted and not kind.single]
