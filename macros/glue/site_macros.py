"""Variables and filters for hand-written pages (mkdocs-macros' `define_env`).

Hand-written pages reach the content through `qp`, e.g. `{{ qp.modules | length }}` or
`{{ qp.total_ue | number }}`; the project was loaded and checked by the hooks just before.
"""

from __future__ import annotations

from typing import Any

from macros.content import formatting
from macros.glue import state as glue_state


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build."""
    state = glue_state.current()
    env.variables["qp"] = state.project
    env.variables["qp_edition"] = state.edition.value
    for name in ("number", "ue", "hours", "date_de", "date_long"):
        env.filters[name] = getattr(formatting, name)
