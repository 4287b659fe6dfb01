"""Everything `check` and the build verify, in one place: records, then the checks built on them.

Loading (`core/`) validates each record and the references between them. The features' checks
need more than one record; the link check needs the pages. They run only when the records
themselves are valid, so one broken file does not produce a flood.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from engine.core.freshness import date_problems
from engine.core.loading import collector_paused, content_files, load_project
from engine.core.problems import Problem, errors_of
from engine.core.project import Project
from engine.core.registry import Registry
from engine.core.source_stands import source_stands
from engine.core.sources import read_docs, read_sources
from engine.site.links import check_links


def check_everything(registry: Registry, root: Path, docs: Path | None = None, *, today: date | None = None,
                     strict_dates: bool = False) -> tuple[Project, list[Problem]]:
    """The project under `root` and every problem found in it, sorted; links in `docs` too.

    Dated facts are compared with `today` (the clock's date unless given); with `strict_dates`
    stale ones are errors instead of warnings.
    """
    with collector_paused():  # the checks, like loading, make many objects and no cycles
        files = read_sources(root, content_files(registry.kinds).globs)
        project, problems = load_project(files, registry.shape, registry.record_checks)
        if errors_of(problems):
            return project, problems
        for check in (*registry.project_checks, source_stands):
            problems += check(project)
        problems += date_problems(project, today or date.today(), strict_dates)
        if not errors_of(problems):
            problems += check_links(registry, project, *read_docs(docs or root / "docs"))
        return project, sorted(problems)
