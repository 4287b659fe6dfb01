"""The city's pages: help paths, the network map, responsibilities, impact, the dossier for a decision.

Planned like every generated page (see `pages.plan_pages`); a programme without data in
`city/` gets none of them. The drawings are made once, on the first page that shows one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import Any

from markupsafe import Markup

from engine.core.icons import icon_svg
from engine.core.pages import PageContext, PagePlan
from engine.core.project import Project
from engine.features.city.charts import NOT_MEASURED, chart_spec, describe
from engine.features.city.costs import cost_totals, euro
from engine.features.city.drawings import Drawings, city_cache, draw, has_city
from engine.features.city.model import (
    ACTOR_GROUP_LABELS,
    PERIOD_LABELS,
    RELATION_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
)
from engine.features.city.network_map import screen_sized
from engine.features.city.network_view import network_values
from engine.features.city.responsibilities import dossier_matrix, ordered_paths, responsibility_matrix
from engine.features.city.urls import (
    DOSSIER_HANDOUT,
    DOSSIER_PAGE,
    HELP_PATHS_HANDOUT,
    HELP_PATHS_PAGE,
    IMPACT_PAGE,
    NETWORK_PAGE,
    RESPONSIBILITIES_HANDOUT,
    RESPONSIBILITIES_PAGE,
    help_path_handout,
    help_path_page,
)
from engine.features.contacts.directory import contact_directory
from engine.features.curriculum.urls import module_page


def city_values(project: Project, entry_page: dict[str, str], drawings: Callable[[], Drawings]) -> dict[str, Any]:
    """What every city template may use: labels, pages, contact entries, the drawings."""
    return {
        "urgency_labels": URGENCY_LABELS, "group_labels": ACTOR_GROUP_LABELS, "relation_labels": RELATION_LABELS,
        "contact_entry": lambda contact_id: f"{entry_page[contact_id]}#{contact_id}",
        "has_contact": lambda contact_id: contact_id in entry_page,
        "listed_contacts": lambda contact_ids: [c for c in contact_ids if c in entry_page],
        "contact_name": lambda contact_id: project.contact_by_id[contact_id].name,
        "help_path_page": help_path_page, "help_path_handout": help_path_handout, "module_page": module_page,
        "help_paths_handout": HELP_PATHS_HANDOUT, "responsibilities_handout": RESPONSIBILITIES_HANDOUT,
        "dossier_handout": DOSSIER_HANDOUT, "network_page": NETWORK_PAGE, "impact_page": IMPACT_PAGE,
        "responsibilities_page": RESPONSIBILITIES_PAGE, "help_paths_page": HELP_PATHS_PAGE,
        "not_measured": NOT_MEASURED,
        "network_svg": lambda: Markup(screen_sized(drawings().network)),
        "overview_svg": lambda: Markup(screen_sized(drawings().overview)),
        "chart_svg": lambda indicator_id: Markup(drawings().charts.get(indicator_id, "")),
        "chart_description": lambda indicator: describe(chart_spec(indicator)),
        "target_text": lambda indicator: chart_spec(indicator).target_label.removeprefix("Ziel: "),
        **network_values(project.network),
        "matrix": responsibility_matrix(project),
        "paths": ordered_paths(project),
        "help_path_by_id": {path.id: path for path in project.help_paths},
        "module_by_id": project.module_by_id,
        "icon": icon_svg, "euro": euro, "period_labels": PERIOD_LABELS, "status_labels": STATUS_LABELS,
    }


def plan_pages(context: PageContext) -> PagePlan:
    """Each city page's path and its renderer; only pages whose data exist."""
    project, render = context.project, context.render
    if not has_city(project):
        return {}

    @cache
    def made() -> Drawings:
        return draw(project, city_cache(context.root) if context.root else None)

    values = city_values(project, contact_directory(project).entry_page, made)
    plan: PagePlan = {}
    if project.help_paths:
        plan[HELP_PATHS_PAGE] = partial(render, "city_paths.md.j2", HELP_PATHS_PAGE, label="Wegweiser", **values)
        for path in values["paths"]:
            page = help_path_page(path.id)
            plan[page] = partial(render, "city_path.md.j2", page, label=path.title, help_path=path, **values)
    if project.network:
        plan[NETWORK_PAGE] = partial(render, "city_network.md.j2", NETWORK_PAGE, network=project.network, **values)
    if project.help_paths:
        plan[RESPONSIBILITIES_PAGE] = partial(render, "city_matrix.md.j2", RESPONSIBILITIES_PAGE, **values)
    if project.indicators:
        plan[IMPACT_PAGE] = partial(render, "city_impact.md.j2", IMPACT_PAGE, indicators=project.indicators,
                                    **values)
    if project.dossier:
        funding = project.funding
        plan[DOSSIER_PAGE] = partial(
            render, "city_dossier.md.j2", DOSSIER_PAGE, dossier=project.dossier, network=project.network,
            indicators=project.indicators, funding=funding, totals=cost_totals(funding) if funding else None,
            funding_titles={source.id: source.title for source in funding.funding} if funding else {},
            **{**values, "matrix": dossier_matrix(project)})
    return plan
