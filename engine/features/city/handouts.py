"""The city's handouts: a card per help path and the booklet, responsibilities, the dossier for a decision."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from engine.core import formatting
from engine.core.icons import icon_svg
from engine.core.printer import Chapter, Handout, HandoutContext, Printer
from engine.core.project import Project
from engine.core.urls import html_of
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
from engine.features.city.network_map import relation_sentences
from engine.features.city.responsibilities import ordered_paths, responsibility_matrix
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
                                         f"Stand {formatting.date_de(newest)}", html_of(RESPONSIBILITIES_PAGE),
                                         page_class="landscape"))
    if project.dossier:
        handouts.append(_dossier(context, project.dossier, values))
    return handouts


#: How a part of the dossier sits on paper: the summary alone on the first page; every other part
#: runs on after the one before (a part on a page of its own, e.g. 'landscape', would leave the
#: page before it part empty).
_PART_PAGES = {"kurzfassung": "alone"}


def _dossier(context: HandoutContext, dossier: Dossier, values: dict[str, Any]) -> Handout:
    printer, project = context.printer, context.project
    made = draw(project, city_cache(context.root) if context.root else None)
    funding = project.funding
    parts = {"dossier": dossier, "network": project.network, "indicators": project.indicators,
             "funding": funding, "totals": cost_totals(funding) if funding else None,
             "funding_titles": {source.id: source.title for source in funding.funding} if funding else {},
             "network_svg": Markup(made.network), "charts": {k: Markup(v) for k, v in made.charts.items()}}
    # The summary opens the document: its chapter carries the dossier's title, the part its own.
    chapters = [Chapter(dossier.title if section.part == "kurzfassung" else section.title,
                        printer.fragment("city_dossier.html.j2", section=section, **parts, **values),
                        page=_PART_PAGES.get(section.part or "", ""))
                for section in dossier.sections]
    if dossier.references:
        chapters.append(Chapter("Quellen", printer.fragment("city_references.html.j2", dossier=dossier)))
    return printer.document(DOSSIER_HANDOUT, dossier.title, chapters, f"Stand {formatting.date_de(dossier.stand)}",
                            html_of(DOSSIER_PAGE), page_class="flow")


def _card(printer: Printer, project: Project, path: HelpPath, values: dict[str, Any]) -> Chapter:
    contacts = [project.contact_by_id[c] for c in path.contacts if c in project.contact_by_id]
    modules = [project.module_by_id[m] for m in path.modules]
    return Chapter(f"Wegweiser: {path.title}", printer.fragment(
        "help_path_card.html.j2", path=path, contacts=contacts, modules=modules, **values))


def _values(project: Project) -> dict[str, Any]:
    matrix = responsibility_matrix(project)
    return {
        "urgency_labels": URGENCY_LABELS, "group_labels": ACTOR_GROUP_LABELS, "relation_labels": RELATION_LABELS,
        "matrix": matrix, "contact_by_id": project.contact_by_id,
        "named_contacts": lambda row: [c for c, named in zip(matrix.columns, row.cells, strict=True) if named],
        "relation_sentences": relation_sentences(project.network) if project.network else [],
        "not_measured": NOT_MEASURED, "number": formatting.number,
        "target_text": lambda indicator: chart_spec(indicator).target_label.removeprefix("Ziel: "),
        "icon": icon_svg, "euro": euro, "period_labels": PERIOD_LABELS, "status_labels": STATUS_LABELS,
    }
