"""The course planner page's data: the programme's facts, the model's rules and the checks' messages.

The page is generated like every other; its data and scripts are added to the finished HTML
(`with_planner`), so the generated Markdown carries no `<script>` of its own and a course's
text can never become markup: every `<` in the JSON is written as `\\u003c`.
"""

from __future__ import annotations

import json
import posixpath
from typing import Annotated, Any, get_args, get_origin

import annotated_types
from markupsafe import Markup
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from engine.core.fields import ISO_DATE_REGEX, Pattern
from engine.core.project import Project
from engine.core.urls import html_of
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.checks import MESSAGES, WARNINGS
from engine.features.courses.model import Block, BreakRule, Course, Day
from engine.features.courses.schedule import BLOCK_LABELS
from engine.features.courses.urls import PLANNER_PAGE, PLANNER_SCRIPTS

#: The element in the generated page that `with_planner` replaces by the data and the scripts.
PLANNER_SLOT = '<div id="qp-planner-slot" hidden></div>'


def planner_data(project: Project) -> dict[str, Any]:
    """Everything the planner plans against, and the project's courses as starting points."""
    return {
        "catalogue": Catalogue.of(project).to_json(),
        "messages": MESSAGES,
        "warnings": sorted(WARNINGS),
        "labels": BLOCK_LABELS,
        "model": model_rules(),
        "courses": [course.model_dump(mode="json", by_alias=True, exclude_none=True)
                    for course in project.courses],
    }


def model_rules() -> dict[str, Any]:
    """What the course model accepts, read from the models: the planner checks input against it.

    Patterns are anchored JavaScript-compatible regular expressions, with the German hints
    `check` gives when a value does not match; limits are inclusive
    (`min`/`max` for whole numbers, `max_length` for text); defaults are the course's own.
    """
    return {
        "patterns": {
            "slug": _pattern(Course, "id"),
            "module": _pattern(Block, "module"),
            "clock": _pattern(Day, "start"),
            "date": f"^{ISO_DATE_REGEX}$",
        },
        "hints": {
            "slug": _pattern_of(Course, "id").hint,
            "module": _pattern_of(Block, "module").hint,
            "clock": _pattern_of(Day, "start").hint,
        },
        "limits": {
            "minutes": _limits(Block, "minutes"),
            "break": _limits(Block, "break_minutes"),
            "lunch": _limits(Block, "lunch"),
            "after_minutes": _limits(BreakRule, "after_minutes"),
            "break_minutes": _limits(BreakRule, "break_minutes"),
            "max_day_minutes": _limits(Course, "max_day_minutes"),
            "title": _limits(Course, "title"),
            "summary": _limits(Course, "summary"),
            "activity": _limits(Block, "activity"),
            "seats": _limits(Course, "seats"),
            "short_text": _limits(Course, "provider"),
            "counts_for": _limits(Course, "counts_for"),
        },
        "defaults": {name: field.get_default(call_default_factory=True)
                     for name, field in Course.model_fields.items() if not field.is_required()},
    }


def _constraints(model: type[BaseModel], name: str) -> list[Any]:
    """The metadata of a field, including that inside `X | None` and nested `Annotated`."""
    field = model.model_fields[name]
    found = list(field.metadata)

    def walk(annotation: Any) -> None:
        if get_origin(annotation) is Annotated:
            for extra in annotation.__metadata__:
                found.extend(extra.metadata if isinstance(extra, FieldInfo) else [extra])
            walk(get_args(annotation)[0])
        else:
            for argument in get_args(annotation):
                walk(argument)

    walk(field.annotation)
    return found


def _pattern_of(model: type[BaseModel], name: str) -> Pattern:
    [pattern] = {c for c in _constraints(model, name) if isinstance(c, Pattern)}
    return pattern


def _pattern(model: type[BaseModel], name: str) -> str:
    return _pattern_of(model, name).anchored


def _limits(model: type[BaseModel], name: str) -> dict[str, int]:
    """Inclusive bounds of a whole-number field, or the longest text of a text field."""
    limits: dict[str, int] = {}
    for constraint in _constraints(model, name):
        if isinstance(constraint, annotated_types.Gt):
            limits["min"] = _integer(constraint.gt) + 1
        elif isinstance(constraint, annotated_types.Ge):
            limits["min"] = _integer(constraint.ge)
        elif isinstance(constraint, annotated_types.Lt):
            limits["max"] = _integer(constraint.lt) - 1
        elif isinstance(constraint, annotated_types.Le):
            limits["max"] = _integer(constraint.le)
        elif isinstance(constraint, annotated_types.MaxLen):
            limits["max_length"] = constraint.max_length
    if not limits:
        raise ValueError(f"{model.__name__}.{name} has no limits for the planner")
    return limits


def _integer(bound: object) -> int:
    if isinstance(bound, bool) or not isinstance(bound, int):
        raise TypeError(f"the planner takes whole-number limits only, not {bound!r}")
    return bound


def planner_json(project: Project) -> str:
    """`planner_data` as JSON that is safe inside a `<script>` element."""
    text = json.dumps(planner_data(project), ensure_ascii=False, separators=(",", ":"))
    # `<` alone suffices: without it neither `</script>` nor `<!--` can occur.
    return text.replace("<", "\\u003c")


def planner_script_paths() -> list[str]:
    """The planner's scripts in load order, relative to the planner page (works from file://)."""
    page_folder = posixpath.dirname(html_of(PLANNER_PAGE))
    return [posixpath.relpath(script.url, page_folder) for script in PLANNER_SCRIPTS]


def planner_scripts(project: Project) -> Markup:
    """The data block and the planner's classic scripts, in order, with paths relative to the page."""
    tags = [Markup('<script type="application/json" id="qp-planner-data">{}</script>').format(
        Markup(planner_json(project)))]
    tags += [Markup('<script src="{}"></script>').format(path) for path in planner_script_paths()]
    return Markup("\n").join(tags)


def with_planner(html: str, project: Project) -> str:
    """The built planner page with its data and scripts in place of the slot."""
    if PLANNER_SLOT not in html:  # without it the page would show an empty planner, silently
        raise ValueError(f"the planner page has lost its slot {PLANNER_SLOT}; see templates/planner.md.j2")
    return html.replace(PLANNER_SLOT, str(planner_scripts(project)), 1)
