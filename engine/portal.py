"""The engine as it is assembled: its features, and the entry points that use all of them.

The one place that names every feature. The command line, the MkDocs plugin and the tests go
through here; the core, the site and the handout layers receive the registry as a value.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from engine.checking import check_everything
from engine.core.editions import Edition
from engine.core.loading import content_files
from engine.core.loading import load_project as _load_project
from engine.core.pages import GeneratedPage, PagePlan
from engine.core.printer import Handout, MarkdownSetup
from engine.core.problems import ContentError, Problem, errors_of
from engine.core.programme import Programme
from engine.core.project import Project
from engine.core.records import SourceFile
from engine.core.registry import Registry
from engine.core.schemas import editor_settings as _editor_settings
from engine.core.schemas import render_schemas as _render_schemas
from engine.core.sources import read_sources as _read_sources
from engine.features.answers.feature import FEATURE as ANSWERS
from engine.features.city.feature import FEATURE as CITY
from engine.features.contacts.feature import FEATURE as CONTACTS
from engine.features.courses.feature import FEATURE as COURSES
from engine.features.curriculum.feature import FEATURE as CURRICULUM
from engine.features.deliveries.feature import FEATURE as DELIVERIES
from engine.features.easy_read.feature import FEATURE as EASY_READ
from engine.features.facts.feature import FEATURE as FACTS
from engine.features.forms.feature import FEATURE as FORMS
from engine.handouts.html import plan_handouts as _plan_handouts
from engine.site.pages import generate_pages as _generate_pages
from engine.site.pages import plan_pages as _plan_pages

#: Every feature of the engine, in the order of their pages and handouts.
REGISTRY = Registry((CURRICULUM, COURSES, DELIVERIES, CONTACTS, FORMS, CITY, FACTS, ANSWERS, EASY_READ))


def read_sources(root: Path) -> list[SourceFile]:
    """Every file under `root` that may hold content of a declared kind."""
    return _read_sources(root, content_files(REGISTRY.kinds).globs)


def load_project(files: Iterable[SourceFile]) -> tuple[Project, list[Problem]]:
    """Validate all files; the project of the valid records and every problem found."""
    return _load_project(files, REGISTRY.shape, REGISTRY.record_checks)


def load_checked(root: Path) -> Project:
    """The project under `root`; raises `ContentError` if its records have errors (not warnings)."""
    project, problems = load_project(read_sources(root))
    if errors_of(problems):
        raise ContentError(problems)
    return project


def kind_of(path: str) -> str | None:
    """The content kind of a project-relative path, or None for files that are not content."""
    kind = content_files(REGISTRY.kinds).kind_of(path)
    return kind.name if kind else None


def plan_pages(project: Project, edition: Edition = Edition.PUBLIC, root: Path | None = None) -> PagePlan:
    return _plan_pages(REGISTRY, project, edition, root)


def generate_pages(project: Project, edition: Edition = Edition.PUBLIC,
                   root: Path | None = None) -> list[GeneratedPage]:
    return _generate_pages(REGISTRY, project, edition, root)


def plan_handouts(project: Project, setup: MarkdownSetup, public_url: str = "",
                  root: Path | None = None) -> list[Handout]:
    return _plan_handouts(REGISTRY, project, setup, public_url, root)


def render_schemas(programme: Programme) -> dict[str, str]:
    return _render_schemas(programme, REGISTRY.kinds)


def editor_settings() -> dict[str, str | list[str]]:
    return _editor_settings(REGISTRY.kinds)


def check_project(root: Path, docs: Path | None = None, *, today: date | None = None,
                  strict_dates: bool = False, site_config: Path | None = None) -> tuple[Project, list[Problem]]:
    """The project under `root` and every problem `check` reports (see `engine.checking`)."""
    return check_everything(REGISTRY, root, docs, today=today, strict_dates=strict_dates, site_config=site_config)


def project_of(programme: Programme | None = None, **collections: tuple[object, ...]) -> Project:
    """A project from models by collection name (`modules=(…)`): for tests and tools that build one in memory."""
    by_collection = REGISTRY.shape.by_collection
    content = {kind.name: tuple(sorted(collections.get(kind.collection, ()), key=kind.sort_key))
               for kind in REGISTRY.kinds if kind.name != "programme"}
    unknown = set(collections) - set(by_collection)
    if unknown:
        raise TypeError(f"unknown collections: {sorted(unknown)}")
    return Project(programme=programme or Project().programme, content=content, shape=REGISTRY.shape)
