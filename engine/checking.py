"""Everything `check` and the build verify, in one place: records, then the checks built on them.

Loading (`core/`) validates each record and the references between them. The features' checks
need more than one record; the link check needs the pages. They run only when the records
themselves are valid, so one broken file does not produce a flood.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from engine.core.editions import Edition, for_edition
from engine.core.freshness import date_problems
from engine.core.inline import fill, unknown_in_text
from engine.core.loading import collector_paused, content_files, load_project
from engine.core.problems import Problem, errors_of
from engine.core.project import Project
from engine.core.registry import Registry
from engine.core.source_stands import source_stands
from engine.core.sources import read_docs, read_sources
from engine.site.handwritten import Rendered, page_filters, page_variables, render_handwritten
from engine.site.links import check_links
from engine.site.nav_check import nav_problems
from engine.site.pages import plan_pages
from engine.site.site_config import SITE_CONFIG, SiteSource, read_site_source


def check_everything(registry: Registry, root: Path, docs: Path | None = None, *, today: date | None = None,
                     strict_dates: bool = False, site_config: Path | None = None) -> tuple[Project, list[Problem]]:
    """The project under `root` and every problem found in it, sorted; the pages in `docs` too.

    Dated facts are compared with `today` (the clock's date unless given); with `strict_dates`
    stale ones are errors instead of warnings. The hand-written pages' macros, their links and
    the `nav` of `site_config` (`mkdocs.yml` beside the content unless given) are checked as the
    strict build would check them, so that a clean check means a clean build.
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
            problems += _site_problems(registry, project, docs or root / "docs", site_config or root / SITE_CONFIG)
        return project, sorted(problems)


def _site_problems(registry: Registry, project: Project, docs: Path, site_config: Path) -> list[Problem]:
    """The hand-written pages' macros and links, and the `nav`, judged against the public edition."""
    shown = site_config.name
    site = (read_site_source(shown, site_config.read_text(encoding="utf-8")) if site_config.is_file()
            else SiteSource(shown, None, omitted_pages_fail=False))
    if isinstance(site, Problem):
        return [site]
    if site.outdated:
        return list(site.outdated)
    public = for_edition(project, Edition.PUBLIC)
    pages, assets = read_docs(docs)
    values = registry.inline_values(public)
    problems = [problem for path, text in sorted(pages.items())
                for problem in unknown_in_text(f"docs/{path}", text, 1, set(values))]
    pages = {path: fill(text, values) for path, text in pages.items()}
    rendered, page_problems = render_handwritten(pages, page_variables(public, Edition.PUBLIC), page_filters(public),
                                                 site.extra)
    problems += page_problems
    plan = plan_pages(registry, public, Edition.PUBLIC)
    problems += nav_problems(site, pages, plan, registry.nav)
    if problems:
        return problems
    links = check_links(registry, public, plan, {path: page.text for path, page in rendered.items()}, assets)
    return [_at_source_line(problem, pages, rendered) for problem in links]


def _at_source_line(problem: Problem, pages: dict[str, str], rendered: dict[str, Rendered]) -> Problem:
    """A link problem of a rendered hand-written page, moved to the line where the editor wrote the link.

    Rendering can drop lines (`{% if %}` blocks), so the rendered line is looked up in the source.
    """
    path = problem.path.removeprefix("docs/")
    page = rendered.get(path)
    if page is None or not problem.path.startswith("docs/"):
        return problem
    shown = page.text.split("\n")
    written = pages[path].split("\n")
    line = shown[problem.line - 1] if 0 < problem.line <= len(shown) else None
    if line is not None and line in written:
        return replace(problem, line=written.index(line) + 1)
    return replace(problem, line=page.first_line + problem.line - 1)
