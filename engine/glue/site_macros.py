"""Variables and filters for hand-written pages (mkdocs-macros' `define_env`).

Hand-written pages reach the content through `qp`, e.g. `{{ qp.modules | length }}` or
`{{ qp.total_ue | number }}`, and the programme through `programme`, e.g.
`{{ programme.name }}`; the project was loaded and checked by the hooks just before.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from engine.core import formatting
from engine.glue import state as glue_state


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build."""
    state = glue_state.current()
    env.variables["qp"] = state.project
    env.variables["programme"] = state.project.programme
    env.variables["qp_edition"] = state.edition.value
    for name in ("number", "date_de", "date_long", "count"):
        env.filters[name] = getattr(formatting, name)
    minutes = state.project.programme.teaching_unit_minutes
    env.filters["ue"] = partial(formatting.ue, unit_minutes=minutes)
    env.filters["hours"] = partial(formatting.hours, unit_minutes=minutes)
