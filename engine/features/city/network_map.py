"""The network map: actors and relations as DOT, drawn by Graphviz into an accessible SVG.

Node ids in the DOT source are ASCII (`a0`, `a1`, …: a colon in an id would be read as a
port); the German names go into labels. Drawn at build time, cached by the DOT source.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from engine.features.city.cache import CODE_VERSION, cache_key, cached
from engine.features.city.model import ACTOR_GROUP_LABELS, RELATION_LABELS, Network
from engine.features.city.svg import accessible_svg

#: Light fills with dark text (contrast above 7:1), one per group of actors.
GROUP_COLOURS = {
    "bewohner": "#fde7c8", "nachbarschaft": "#fff3b0", "koordination": "#d7ecd9", "pflege": "#f6d5d5",
    "wohnen": "#dbe7f7", "verwaltung": "#e6dcf2", "verein": "#d9f0ee", "kasse": "#efe3d3",
    "medizin": "#f3dbe9", "politik": "#e4e4e4",
}
FONT = "DejaVu Sans"


def node_ids(network: Network) -> dict[str, str]:
    """ASCII DOT ids per actor id, by position: `a0`, `a1`, …"""
    return {actor.id: f"a{index}" for index, actor in enumerate(network.actors)}


def relation_sentences(network: Network) -> list[str]:
    """Each relation in words: 'Sozialamt berät Koordination' (for the description and the table)."""
    names = {actor.id: actor.name for actor in network.actors}
    return [f"{names[r.source]} {RELATION_LABELS[r.kind]} {names[r.target]}"
            + (" (vorgeschlagen)" if r.proposed else "") for r in network.relations]


def dot_source(network: Network) -> str:
    """The DOT text of the map; clusters by group, dashed lines for proposed relations."""
    ids = node_ids(network)
    lines = ["digraph netzwerk {",
             f'  graph [rankdir=LR, fontname="{FONT}", fontsize=11, nodesep=0.25, ranksep=0.9, '
             'bgcolor="white", pad=0.2];',
             f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize=10, color="#333333", '
             'fontcolor="#111111", margin="0.12,0.06"];',
             f'  edge [fontname="{FONT}", fontsize=8, color="#444444", fontcolor="#222222", arrowsize=0.7];']
    groups: dict[str, list[str]] = {}
    for actor in network.actors:
        groups.setdefault(actor.group, []).append(actor.id)
    by_id = {actor.id: actor for actor in network.actors}
    for number, (group, members) in enumerate(groups.items()):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f'    label={_quote(ACTOR_GROUP_LABELS[group])}; style="rounded"; color="#999999";')
        for actor_id in members:
            label = "\n".join(textwrap.wrap(by_id[actor_id].name, 24)) or actor_id
            lines.append(f'    {ids[actor_id]} [label={_quote(label)}, fillcolor="{GROUP_COLOURS[group]}"];')
        lines.append("  }")
    for relation in network.relations:
        if relation.source not in ids or relation.target not in ids:
            continue  # reported by the check; never drawn
        style = ', style="dashed"' if relation.proposed else ""
        lines.append(f"  {ids[relation.source]} -> {ids[relation.target]} "
                     f"[label={_quote(RELATION_LABELS[relation.kind])}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _run_dot(source: str) -> str:
    """Graphviz' SVG for a DOT text (the one place that runs the `dot` program)."""
    import graphviz  # imported here: `check` and pages without a map do not need it

    return str(graphviz.Source(source).pipe(format="svg", encoding="utf-8"))


def network_svg(network: Network, cache: Path | None = None) -> str:
    """The accessible SVG of the map, from the cache when the DOT source is unchanged."""
    source = dot_source(network)
    description = (f"{network.description} Beziehungen: " + "; ".join(relation_sentences(network)) + "."
                   if network.relations else network.description)
    key = cache_key("network", source, network.title, description, CODE_VERSION)
    return cached(key, lambda: accessible_svg(_run_dot(source), "svg-netzwerkkarte", network.title, description),
                  cache)
