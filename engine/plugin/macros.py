"""Variables and filters for hand-written pages (mkdocs-macros' `define_env`).

Hand-written pages reach the content through `qp`, e.g. `{{ qp.modules | length }}` or
`{{ qp.total_ue | number }}`, and the programme through `programme`, e.g.
`{{ programme.name }}`; the `portal` plugin loaded and checked the project just before, and
`check` rendered every page with the same names (`engine.site.handwritten`).
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from engine.plugin.plugin import PortalPlugin
from engine.site.handwritten import page_filters, page_variables


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build, after the portal plugin's `on_config`."""
    portal = env.conf.plugins.get("portal")
    if not isinstance(portal, PortalPlugin):
        raise PluginError("mkdocs.yml: das Plugin 'portal' fehlt unter plugins (vor 'macros')")
    state = portal.state
    env.variables.update(page_variables(state.project, state.edition))
    env.filters.update(page_filters(state.project))
