"""The onion model as a vector drawing from data: rings from the inside out, each with its name
and members, and a German text alternative that lists them for screen readers and search."""

from __future__ import annotations

from html import escape

from engine.features.curriculum.materials import Part

_WIDTH, _HEIGHT = 800, 560
#: The person in warm yellow, the rings around in teal that lightens to the outside.
_CENTRE = "#f6d7a7"
_RINGS = ("#7fbcae", "#a9d3ca", "#d5ebe6", "#e9f4f1", "#f4faf8")


def onion_description(rings: list[Part]) -> str:
    """The drawing in words, from the inside out."""
    parts = [f"{index}. {ring.heading}" + (f": {', '.join(ring.lines)}" if ring.lines else "")
             for index, ring in enumerate(rings, start=1)]
    return "Ringe von innen nach außen: " + "; ".join(parts) + "."


def onion_svg(rings: list[Part], title: str, prefix: str, labelled: bool = True) -> str:
    """The rings as concentric ellipses, the innermost first in `rings`; `prefix` makes its ids unique.

    `labelled`: each ring carries its name and members (the printable to lay cards on); otherwise
    only its number, large, and the caption below the drawing names the rings: in a module's page
    and its large-print PDF the words then follow the reader's type size.
    """
    count = len(rings)
    cx, cy = _WIDTH / 2, _HEIGHT / 2
    # The centre gets half a band more, so its words fit inside.
    band_x, band_y = (_WIDTH / 2 - 8) / (count + 0.5), (_HEIGHT / 2 - 8) / (count + 0.5)
    shapes: list[str] = []
    labels: list[str] = []
    for index in reversed(range(count)):
        rx, ry = band_x * (index + 1.5), band_y * (index + 1.5)
        fill = _RINGS[min(index - 1, len(_RINGS) - 1)] if index else _CENTRE
        shapes.append(f'<ellipse cx="{cx:g}" cy="{cy:g}" rx="{rx:g}" ry="{ry:g}" fill="{fill}" '
                      'stroke="#123c42" stroke-width="2"/>')
    for index, ring in enumerate(rings):
        top = cy - band_y * (index + 1.5)
        if not labelled:
            number_y = cy + 16 if index == 0 else top + band_y * 0.5 + 16
            labels.append(f'<text x="{cx:g}" y="{number_y:g}" text-anchor="middle" font-size="44" '
                          f'font-weight="bold" fill="#0b2a2e">{index + 1}</text>')
            continue
        heading_y = cy - 4 if index == 0 else top + band_y * 0.45
        labels.append(f'<text x="{cx:g}" y="{heading_y:g}" text-anchor="middle" font-size="20" '
                      f'font-weight="bold" fill="#0b2a2e">{escape(ring.heading)}</text>')
        if ring.lines:
            labels.append(f'<text x="{cx:g}" y="{heading_y + 20:g}" text-anchor="middle" font-size="15" '
                          f'fill="#0b2a2e">{escape(", ".join(ring.lines))}</text>')
    description = onion_description(rings)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
            f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="DejaVu Sans, sans-serif">'
            f'<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(description)}</desc>'
            + "".join(shapes) + "".join(labels) + "</svg>")
