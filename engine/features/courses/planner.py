"""The course planner page's data: the programme's facts and the checks' messages, as JSON.

The page is generated like every other; its data and script are added to the finished HTML
(`with_planner`), so the generated Markdown carries no `<script>` of its own and a course's
text can never become markup: every `<` in the JSON is written as `\\u003c`.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from markupsafe import Markup

from engine.core.project import Project
from engine.core.urls import html_of
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.checks import MESSAGES, WARNINGS
from engine.features.courses.schedule import BLOCK_LABELS
from engine.features.courses.urls import PLANNER_PAGE, PLANNER_SCRIPT

#: The element in the generated page that `with_planner` replaces by the data and the script.
PLANNER_SLOT = '<div id="qp-planner-slot" hidden></div>'


def planner_data(project: Project) -> dict[str, Any]:
    """Everything the planner plans against, and the project's courses as starting points."""
    return {
        "catalogue": Catalogue.of(project).to_json(),
        "messages": MESSAGES,
        "warnings": sorted(WARNINGS),
        "labels": BLOCK_LABELS,
        "courses": [course.model_dump(mode="json", by_alias=True, exclude_none=True)
                    for course in project.courses],
    }


def planner_json(project: Project) -> str:
    """`planner_data` as JSON that is safe inside a `<script>` element."""
    text = json.dumps(planner_data(project), ensure_ascii=False, separators=(",", ":"))
    # `<` alone suffices: without it neither `</script>` nor `<!--` can occur.
    return text.replace("<", "\\u003c")


def planner_scripts(project: Project) -> Markup:
    """The data block and the planner's script, with a path relative to the planner page."""
    script = posixpath.relpath(PLANNER_SCRIPT, posixpath.dirname(html_of(PLANNER_PAGE)))
    return Markup('<script type="application/json" id="qp-planner-data">{}</script>\n'
                  '<script src="{}"></script>').format(Markup(planner_json(project)), script)


def with_planner(html: str, project: Project) -> str:
    """The built planner page with its data and script in place of the slot."""
    if PLANNER_SLOT not in html:  # without it the page would show an empty planner, silently
        raise ValueError(f"the planner page has lost its slot {PLANNER_SLOT}; see templates/planner.md.j2")
    return html.replace(PLANNER_SLOT, str(planner_scripts(project)), 1)
