"""The city's handouts: a card per help path and the booklet, responsibilities, the dossier for a decision."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from engine.core import formatting
from engine.core.icons import icon_svg
from engine.core.printer import Chapter, Handout, HandoutContext, Printer
from engine.core.project import Project
from engine.core.urls import html_of
from engine.features.city.cards import CARD_SIZE, card_lines, card_type_size
from engine.features.city.charts import NOT_MEASURED, chart_spec
from engine.features.city.costs import cost_totals, euro
from engine.features.city.drawings import city_cache, draw, has_city
from engine.features.city.model import (
    ACTOR_GROUP_LABELS,
    PERIOD_LABELS,
    RELATION_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    Dossier,
    HelpPath,
)
from engine.features.city.network_view import network_chapters
from engine.features.city.responsibilities import (
    dossier_matrix,
    ordered_paths,
    responsibility_matrix,
    unlisted_offices,
)
from engine.features.city.urls import (
    DOSSIER_HANDOUT,
    DOSSIER_PAGE,
    HELP_PATHS_HANDOUT,
    HELP_PATHS_PAGE,
    RESPONSIBILITIES_HANDOUT,
    RESPONSIBILITIES_PAGE,
    help_path_handout,
    help_path_page,
)


def plan_handouts(context: HandoutContext) -> list[Handout]:
    """The city's handouts, for the data the programme has."""
    printer, project = context.printer, context.project
    if not has_city(project):
        return []
    values = _values(project)
    handouts: list[Handout] = []
    paths = ordered_paths(project)
    cards = [_card(printer, project, path, values) for path in paths]
    for path, card in zip(paths, cards, strict=True):
        handouts.append(printer.document(help_path_handout(path.id), card.title, [card],
                                         f"Stand {formatting.date_de(path.updated)}",
                                         html_of(help_path_page(path.id)), page_class="card"))
    if cards:
        newest = max(path.updated for path in paths)
        handouts.append(printer.document(HELP_PATHS_HANDOUT, "Wegweiser", cards,
                                         f"Stand {formatting.date_de(newest)}", html_of(HELP_PATHS_PAGE),
                                         page_class="card"))
        matrix = Chapter("Zuständigkeiten", printer.fragment("city_matrix.html.j2", **values))
        handouts.append(printer.document(RESPONSIBILITIES_HANDOUT, "Zuständigkeiten", [matrix],
                                         f"Stand {formatting.date_de(newest)}", html_of(RESPONSIBILITIES_PAGE)))
    if project.dossier:
        handouts.append(_dossier(context, project.dossier, {**values, "matrix": dossier_matrix(project)}))
    return handouts


#: How a part of the dossier sits on paper: the summary alone on the first page; every other part
#: runs on after the one before (a part on a page of its own, e.g. 'landscape', would leave the
#: page before it part empty).
_PART_PAGES = {"kurzfassung": "alone"}


def _dossier(context: HandoutContext, dossier: Dossier, values: dict[str, Any]) -> Handout:
    printer, project = context.printer, context.project
    cache = city_cache(context.root) if context.root else None
    made = draw(project, cache)
    funding = project.funding
    parts = {"dossier": dossier, "network": project.network, "indicators": project.indicators,
             "funding": funding, "totals": cost_totals(funding) if funding else None,
             "funding_titles": {source.id: source.title for source in funding.funding} if funding else {},
             "charts": {k: Markup(v) for k, v in made.charts.items()}}
    chapters: list[Chapter] = []
    for section in dossier.sections:
        html = printer.fragment("city_dossier.html.j2", section=section, **parts, **values)
        # --- the network map: its own A4-landscape page(s), then its tables (network_view) ---
        if section.part == "netzwerkkarte" and project.network:
            chapters += network_chapters(printer, section.title, project.network, made, values, cache, html)
            continue
        # The summary opens the document: its chapter carries the dossier's title, the part its own.
        chapters.append(Chapter(dossier.title if section.part == "kurzfassung" else section.title, html,
                                page=_PART_PAGES.get(section.part or "", "")))
    if dossier.references:
        chapters.append(Chapter("Quellen", printer.fragment("city_references.html.j2", dossier=dossier)))
    return printer.document(DOSSIER_HANDOUT, dossier.title, chapters, f"Stand {formatting.date_de(dossier.stand)}",
                            html_of(DOSSIER_PAGE), page_class="flow small-type")


def _card(printer: Printer, project: Project, path: HelpPath, values: dict[str, Any]) -> Chapter:
    contacts = [project.contact_by_id[c] for c in path.all_contacts if c in project.contact_by_id]
    modules = [project.module_by_id[m] for m in path.modules]
    by_id = {other.id: other for other in project.help_paths}
    see_also = [by_id[also.path] for also in path.see_also if also.path in by_id]
    card = {"path": path, "contacts": contacts, "modules": modules, "see_also": see_also,
            "unlisted": unlisted_offices(project, path), **values}
    size = card_type_size(card_lines(printer.fragment("help_path_card.html.j2", type_size=CARD_SIZE, **card)))
    return Chapter(f"Wegweiser: {path.title}", printer.fragment("help_path_card.html.j2", type_size=size, **card))


def _values(project: Project) -> dict[str, Any]:
    return {
        "matrix": responsibility_matrix(project),
        "urgency_labels": URGENCY_LABELS, "group_labels": ACTOR_GROUP_LABELS, "relation_labels": RELATION_LABELS,
        "contact_by_id": project.contact_by_id,
        "not_measured": NOT_MEASURED, "number": formatting.number,
        "target_text": lambda indicator: chart_spec(indicator).target_label.removeprefix("Ziel: "),
        "icon": icon_svg, "euro": euro, "period_labels": PERIOD_LABELS, "status_labels": STATUS_LABELS,
    }
