"""The pages in Leichte Sprache: one per module, and a list of them."""

from __future__ import annotations

from functools import partial
from typing import Any

from engine.core.icons import icon_svg
from engine.core.pages import PageContext, PagePlan
from engine.core.project import Project
from engine.features.curriculum.urls import module_page
from engine.features.easy_read.model import EasyRead
from engine.features.easy_read.urls import EASY_READ_INDEX, easy_read_handout, easy_read_page


def easy_read_values(project: Project) -> dict[str, Any]:
    """What the templates (page and print) use besides the page."""
    return {"module_by_id": project.module_by_id, "icon": icon_svg, "module_page": module_page,
            "easy_read_handout": easy_read_handout}


def ordered(project: Project) -> tuple[EasyRead, ...]:
    return project.all(EasyRead)


def plan_pages(context: PageContext) -> PagePlan:
    project, render = context.project, context.render
    easy_reads = ordered(project)
    if not easy_reads:
        return {}
    values = easy_read_values(project)
    plan: PagePlan = {EASY_READ_INDEX: partial(render, "easy_reads.md.j2", EASY_READ_INDEX, label="Leichte Sprache",
                                               easy_reads=easy_reads, **values)}
    for easy in easy_reads:
        page = easy_read_page(easy.module)
        plan[page] = partial(render, "easy_read.md.j2", page, label=easy.module, easy=easy, **values)
    return plan
