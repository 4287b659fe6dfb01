"""One set of Jinja filters and helpers for the site's pages and the printed handouts.

The two differ only where the medium does: an unknown value is Markdown emphasis on a page
and a styled span on paper.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from engine.core import formatting
from engine.core.freshness import stale_marks


@pass_context
def ue_filter(context: Context, value: float) -> str:
    """Teaching units with minutes, in the unit length of the `programme` being rendered."""
    return formatting.ue(value, context["programme"].teaching_unit_minutes)


@pass_context
def hours_filter(context: Context, value: float) -> str:
    return formatting.hours(value, context["programme"].teaching_unit_minutes)


def ue_minutes(value: float, minutes: float) -> str:
    """Teaching units with the exact minutes they come from, e.g. '10 UE (450 Min.)'."""
    return f"{formatting.number(value)}\u00a0UE ({formatting.minutes_label(minutes)})"


def clock(minutes: float) -> str:
    """`HH:MM` for minutes since midnight, half a minute rounded up (as the course planner does)."""
    whole = formatting.whole_minutes(minutes)
    return f"{whole // 60:02d}:{whole % 60:02d}"


@pass_context
def stale_mark(context: Context, record: Any, *at: str | int) -> str:
    """What readers are told about a stale date of `record` (only under `at`, e.g. one indicator
    of the file); '' when its dates are fresh. Judged once per project and build day."""
    project = context["project"]
    marks = project.__dict__.get("_stale_marks")
    if marks is None:
        marks = project.__dict__["_stale_marks"] = stale_marks(project, date.today())
    kind = project.shape.by_model.get(type(record))
    if kind is None:
        return ""
    key = (kind.name, None if kind.single else str(record.id))
    return "; ".join(dict.fromkeys(text for where, text in marks.get(key, []) if where[:len(at)] == at))


def filters(unknown: Markup, still_open: Markup | str) -> dict[str, Callable[..., Any]]:
    """The filters of both media; `unknown` and `still_open` are how each shows a missing value."""
    return {
        "number": formatting.number, "ue": ue_filter, "hours": hours_filter,
        "date_de": formatting.date_de, "date_long": formatting.date_long, "date_weekday": formatting.date_weekday,
        "or_unknown": lambda value: value if value else unknown,
        "or_open": lambda value: value if value else still_open,
        "clock": clock, "whole_minutes": formatting.minutes_label, "whole": formatting.whole_minutes,
        "ue_minutes": ue_minutes, "stale_mark": stale_mark, "tel_href": formatting.tel_href,
    }
