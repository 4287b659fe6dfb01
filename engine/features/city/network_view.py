"""The network map as readers get it: the values of its page part, and its chapters on paper.

The page shows the overview, the detailed map at full size (one label = one em, wider maps
scroll), the legend and the table „Beziehungen“. On paper the map has an A4-landscape page of
its own with every label at `PRINT_LABEL_PT` (or one page per group when the whole does not
fit); the overview and the tables follow in a portrait chapter. The dossier uses
`network_chapters` for its part `netzwerkkarte`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from engine.core.printer import Chapter, Printer
from engine.features.city.drawings import Drawings
from engine.features.city.model import ACTOR_GROUP_LABELS, Network
from engine.features.city.network_map import (
    GROUP_COLOURS,
    PRINT_LABEL_PT,
    TABLE_NAME,
    groups_of,
    print_maps,
    relation_rows,
    sized,
)

MAP_TEXTS = {
    "overview_caption": "Überblick: ein Kasten je Gruppe, eine Linie je Paar von Gruppen, die zusammenarbeiten. "
                        "Je breiter die Linie, desto mehr Beziehungen; gestrichelt: nur Vorschläge.",
    "map_caption": "Die Karte in voller Größe: Schieben Sie sie zur Seite, wenn sie breiter ist als der Bildschirm. "
                   f"Dieselben Beziehungen stehen in der Tabelle „{TABLE_NAME}“.",
    "paper_caption": f"Dieselben Beziehungen stehen mit ihren Anmerkungen in der Tabelle „{TABLE_NAME}“ danach.",
}


@dataclass(frozen=True)
class LegendEntry:
    label: str
    colour: Markup
    """A colour of the engine's own (`#fde7c8`), not an editor's text: page templates escape
    editors' text for Markdown, which turned it into `\\#fde7c8`, a colour no browser knows."""


def network_values(network: Network | None) -> dict[str, Any]:
    """What the map's templates need besides the drawings, the same on page and paper."""
    return {
        "map_groups": [LegendEntry(ACTOR_GROUP_LABELS[group], Markup(GROUP_COLOURS[group]))
                       for group in groups_of(network)] if network else [],
        "relation_rows": relation_rows(network) if network else [],
        "table_name": TABLE_NAME, "map_texts": MAP_TEXTS,
    }


def network_chapters(printer: Printer, title: str, network: Network, drawings: Drawings, values: dict[str, Any],
                     cache: Path | None = None, before: str = "") -> list[Chapter]:
    """The map on A4-landscape pages of its own (titled `title`), then `before` (the dossier
    section's own text), the overview and the tables under „`title`: Beziehungen“."""
    maps = print_maps(network, drawings.network, cache)
    shared = {**values, **network_values(network)}
    chapters = [Chapter(title if number == 0 else drawn.title, printer.fragment(
        "city_network_map.html.j2", network=network, drawn=drawn, first=number == 0, **shared), page="landscape")
        for number, drawn in enumerate(maps)]
    overview = Markup(sized(drawings.overview, PRINT_LABEL_PT, "pt")) if drawings.overview else Markup("")
    chapters.append(Chapter(f"{title}: {TABLE_NAME}", printer.fragment(
        "city_network_tables.html.j2", network=network, overview=overview, before=Markup(before), **shared)))
    return chapters
