"""Everything `check` and the build verify, in one place: records, then the checks built on them.

Loading (`content/`) validates each record and the references between them. The checks here
need more than one record and live in the packages of their concern (links in `site/`); they run
only when the records themselves are valid, so one broken file does not produce a flood.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from engine.core.freshness import date_problems
from engine.core.loading import collector_paused, load_project
from engine.core.problems import Problem, errors_of
from engine.core.project import Project
from engine.core.source_stands import source_stands
from engine.core.sources import read_docs, read_sources
from engine.features.courses.plan import course_problems
from engine.site.links import check_links

#: Checks on a valid project; each returns its problems (errors or warnings) with file and line.
ProjectCheck = Callable[[Project], list[Problem]]
PROJECT_CHECKS: tuple[ProjectCheck, ...] = (course_problems, source_stands)


def check_project(root: Path, docs: Path | None = None, *, today: date | None = None,
                  strict_dates: bool = False) -> tuple[Project, list[Problem]]:
    """The project under `root` and every problem found in it, sorted; links in `docs` too.

    Dated facts are compared with `today` (the clock's date unless given); with `strict_dates`
    stale ones are errors instead of warnings.
    """
    with collector_paused():  # the checks, like loading, make many objects and no cycles
        project, problems = load_project(read_sources(root))
        if errors_of(problems):
            return project, problems
        for check in PROJECT_CHECKS:
            problems += check(project)
        problems += date_problems(project, today or date.today(), strict_dates)
        if not errors_of(problems):
            problems += check_links(project, *read_docs(docs or root / "docs"))
        return project, sorted(problems)
