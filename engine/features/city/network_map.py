"""The network map: actors and relations as DOT, drawn by Graphviz into accessible SVGs.

Two drawings from the same data: the detailed map (every actor, every relation, coloured by
group) and an overview (one box per group, one line per pair of groups that work together).
Every label of a drawing has one size, `FONT_SIZE`, so a drawing is sized by its labels: on
screen one label is one em of the text around it (`screen_sized`), on paper `PRINT_LABEL_PT`
(`print_maps`). Node ids in the DOT source are ASCII (`a0`, `g0`, …: a colon in an id would be
read as a port); the German names go into labels. Drawn at build time, cached by the DOT source.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from engine.core.formatting import count
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
#: The one size of every label in the DOT (points of the drawing, before it is sized).
FONT_SIZE = 10
#: The size of every label on paper: at least 9 pt, the smallest a printed map may use.
PRINT_LABEL_PT = 9.2
#: What a map may fill on its A4-landscape page (print.css `@page landscape`: 269 × 176 mm),
#: less the heading, one sentence and the legend above it.
PRINT_BOX_PT = (762.0, 390.0)
TABLE_NAME = "Beziehungen"

_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) (?P<height>[\d.]+)"')
_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')


@dataclass(frozen=True)
class RelationRow:
    """One relation as the table shows it: who, how, whom, and the note (a proposal says so)."""

    source: str
    relation: str
    target: str
    note: str


@dataclass(frozen=True)
class GroupLink:
    """The relations between two groups, for the overview: their kinds, directions and whether all are proposals."""

    first: str
    second: str
    kinds: tuple[str, ...]
    forward: bool
    backward: bool
    proposed: bool
    relations: int


@dataclass(frozen=True)
class PrintMap:
    """A map for paper: its heading and the SVG sized so that every label is `PRINT_LABEL_PT`."""

    title: str
    svg: str


def node_ids(network: Network) -> dict[str, str]:
    """ASCII DOT ids per actor id, by position: `a0`, `a1`, …"""
    return {actor.id: f"a{index}" for index, actor in enumerate(network.actors)}


def groups_of(network: Network) -> list[str]:
    """The groups that have actors, in the order of their first actor."""
    return list(dict.fromkeys(actor.group for actor in network.actors))


def relation_rows(network: Network) -> list[RelationRow]:
    """Every relation as a row of the table „Beziehungen“ (page and paper), in the file's order."""
    names = {actor.id: actor.name for actor in network.actors}
    return [RelationRow(names.get(r.source, r.source), RELATION_LABELS[r.kind], names.get(r.target, r.target),
                        " – ".join(part for part in ("Vorschlag" if r.proposed else "", r.note or "") if part))
            for r in network.relations]


def map_sentence(network: Network) -> str:
    """The one sentence that names the detailed map for screen readers, after its title."""
    return (f"{count(len(network.relations), 'Beziehung', 'Beziehungen')} zwischen "
            f"{count(len(network.actors), 'Akteur', 'Akteuren')}; die Tabelle „{TABLE_NAME}“ nennt sie alle.")


def overview_sentence(network: Network) -> str:
    """The one sentence that names the overview, after its title."""
    return (f"{count(len(groups_of(network)), 'Gruppe', 'Gruppen')} und "
            f"{count(len(group_links(network)), 'Verbindung', 'Verbindungen')} zwischen ihnen; "
            f"die Tabelle „{TABLE_NAME}“ nennt jede Beziehung einzeln.")


def overview_title(network: Network) -> str:
    return f"Überblick: {network.title}"


def group_links(network: Network) -> list[GroupLink]:
    """The relations between different groups, one link per pair of groups, in the file's order."""
    group = {actor.id: actor.group for actor in network.actors}
    links: dict[tuple[str, str], list[tuple[str, bool, bool]]] = {}
    for relation in network.relations:
        source, target = group.get(relation.source), group.get(relation.target)
        if source is None or target is None or source == target:
            continue
        key = tuple(sorted((source, target), key=groups_of(network).index))
        links.setdefault((key[0], key[1]), []).append((relation.kind, source == key[0], relation.proposed))
    return [GroupLink(first, second, tuple(dict.fromkeys(kind for kind, _, _ in found)),
                      any(forward for _, forward, _ in found), not all(forward for _, forward, _ in found),
                      all(proposed for _, _, proposed in found), len(found))
            for (first, second), found in links.items()]


def _header(rankdir: str) -> list[str]:
    return [f'  graph [rankdir={rankdir}, fontname="{FONT}", fontsize={FONT_SIZE}, nodesep=0.1, ranksep=0.3, '
            'bgcolor="white", pad=0.1];',
            f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize={FONT_SIZE}, color="#333333", '
            'fontcolor="#111111", margin="0.07,0.04"];',
            f'  edge [fontname="{FONT}", fontsize={FONT_SIZE}, color="#444444", fontcolor="#111111", arrowsize=0.7];']


def _wrapped(text: str, width: int) -> str:
    # Words stay whole: a name broken inside a word („Fachservicest-elle“) cannot be read.
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


#: Graphviz sets edge labels side by side with no gap: „arbeitet zusammen mit“ and „finanziert“
#: read as „mitfinanziert“. A six-per-em space at each end keeps them apart and the map on its page
#: (a normal space made it too wide for the dossier's page).
_LABEL_PAD = "\u2006"


def _padded(label: str) -> str:
    return "\n".join(f"{_LABEL_PAD}{line}{_LABEL_PAD}" for line in label.split("\n"))


def dot_source(network: Network) -> str:
    """The detailed map: every actor filled with its group's colour, dashed lines for proposals."""
    ids = node_ids(network)
    lines = ["digraph netzwerk {", *_header("TB")]
    for actor in network.actors:
        lines.append(f"  {ids[actor.id]} [label={_quote(_wrapped(actor.name, 14))}, "
                     f'fillcolor="{GROUP_COLOURS[actor.group]}"];')
    for relation in network.relations:
        if relation.source not in ids or relation.target not in ids:
            continue  # reported by the check; never drawn
        style = ', style="dashed"' if relation.proposed else ""
        lines.append(f"  {ids[relation.source]} -> {ids[relation.target]} "
                     f"[label={_quote(_padded(_wrapped(RELATION_LABELS[relation.kind], 10)))}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def overview_source(network: Network) -> str:
    """The overview: a box per group with its number of actors, a line per pair of groups."""
    groups = groups_of(network)
    ids = {group: f"g{index}" for index, group in enumerate(groups)}
    members = {group: sum(actor.group == group for actor in network.actors) for group in groups}
    lines = ["digraph ueberblick {", *_header("TB")]
    for group in groups:
        label = f"{ACTOR_GROUP_LABELS[group]}\n{count(members[group], 'Akteur', 'Akteure')}"
        lines.append(f'  {ids[group]} [label={_quote(label)}, fillcolor="{GROUP_COLOURS[group]}"];')
    for link in group_links(network):
        direction = "both" if link.forward and link.backward else "forward" if link.forward else "back"
        style = ', style="dashed"' if link.proposed else ""
        label = _wrapped(", ".join(RELATION_LABELS[kind] for kind in link.kinds), 14)
        lines.append(f"  {ids[link.first]} -> {ids[link.second]} [label={_quote(label)}, dir={direction}, "
                     f"penwidth={min(1 + link.relations // 2, 3)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _run_dot(source: str) -> str:
    """Graphviz' SVG for a DOT text (the one place that runs the `dot` program)."""
    import graphviz  # imported here: `check` and pages without a map do not need it

    return str(graphviz.Source(source).pipe(format="svg", encoding="utf-8"))


def _drawn(source: str, prefix: str, title: str, sentence: str, cache: Path | None) -> str:
    key = cache_key(prefix, source, title, sentence, CODE_VERSION)
    return cached(key, lambda: accessible_svg(_run_dot(source), prefix, title, sentence), cache)


def network_svg(network: Network, cache: Path | None = None, prefix: str = "svg-netzwerkkarte") -> str:
    """The accessible SVG of the detailed map, from the cache when the DOT source is unchanged;
    `prefix` makes its ids unique when one document shows several maps."""
    return _drawn(dot_source(network), prefix, network.title, map_sentence(network), cache)


def overview_svg(network: Network, cache: Path | None = None) -> str:
    """The accessible SVG of the overview of groups."""
    return _drawn(overview_source(network), "svg-netzwerk-ueberblick", overview_title(network),
                  overview_sentence(network), cache)


def label_size(svg: str) -> tuple[float, float]:
    """Width and height of a drawing in labels (its size divided by the size of one label)."""
    box = _VIEWBOX.search(svg)
    if box is None:
        raise ValueError("the drawing has no viewBox")
    return float(box.group("width")) / FONT_SIZE, float(box.group("height")) / FONT_SIZE


def sized(svg: str, label: float, unit: str) -> str:
    """`svg` sized so that one label is `label` `unit` (e.g. 1 em, 9.2 pt), whatever it is shown in."""
    width, height = label_size(svg)
    root = svg.index(">", svg.index("<svg"))
    head = _SIZE.sub("", svg[:root])
    return f'{head} width="{width * label:.2f}{unit}" height="{height * label:.2f}{unit}"{svg[root:]}'


def screen_sized(svg: str) -> str:
    """On screen every label is as large as the text around the drawing (1 em); wider drawings
    scroll. The drawing carries its natural width in `--qp-drawing-width`, so the portal's CSS can
    let a map a little wider than a desktop column shrink to fit it (see `portal.css`)."""
    if not svg:
        return svg
    drawn = sized(svg, 1, "em")
    width, _ = label_size(svg)
    root = drawn.index("<svg") + len("<svg")
    return f'{drawn[:root]} style="--qp-drawing-width: {width:.2f}em"{drawn[root:]}'


def fits_paper(svg: str) -> bool:
    width, height = label_size(svg)
    return width * PRINT_LABEL_PT <= PRINT_BOX_PT[0] and height * PRINT_LABEL_PT <= PRINT_BOX_PT[1]


def group_network(network: Network, group: str) -> Network:
    """The part of the map around one group: its actors, their relations and the actors at the other end."""
    members = {actor.id for actor in network.actors if actor.group == group}
    relations = [r for r in network.relations if r.source in members or r.target in members]
    shown = members | {r.source for r in relations} | {r.target for r in relations}
    return network.model_copy(update={
        "title": f"{network.title}: {ACTOR_GROUP_LABELS[group]}",
        "actors": [actor for actor in network.actors if actor.id in shown], "relations": relations})


def print_maps(network: Network, whole: str, cache: Path | None = None) -> list[PrintMap]:
    """The maps for paper: the whole map when its labels fit the page at `PRINT_LABEL_PT`, else one
    detail map per group (each with the actors its relations reach)."""
    if fits_paper(whole):
        return [PrintMap(network.title, sized(whole, PRINT_LABEL_PT, "pt"))]
    parts = [(group, group_network(network, group)) for group in groups_of(network)]
    return [PrintMap(part.title, sized(network_svg(part, cache, f"svg-netzwerkkarte-{group}"), PRINT_LABEL_PT, "pt"))
            for group, part in parts if part.relations]
