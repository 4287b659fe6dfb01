"""Pictograms from a kept, licensed set: the Material Design Icons that Material for MkDocs ships.

An editor names one by its file name (`phone`, `human-cane`); it is inlined as SVG with a German
text alternative, on the page and in the PDF alike, so nothing is loaded from anywhere. The set
and its licence (Apache 2.0) come with the pinned `mkdocs-material` package.
"""

from __future__ import annotations

import html
import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator

#: The icon set's folder inside the installed theme package.
ICONS = Path(str(files("material"))) / "templates" / ".icons" / "material"
LICENCE = ICONS / "LICENSE"
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def icon_exists(name: str) -> bool:
    return bool(_NAME.fullmatch(name)) and (ICONS / f"{name}.svg").is_file()


@cache
def _svg(name: str) -> str:
    return (ICONS / f"{name}.svg").read_text(encoding="utf-8")


def icon_svg(name: str, label: str, css_class: str = "qp-icon", *, titled: bool = False) -> str:
    """The icon as inline SVG, labelled for screen readers (or hidden from them when `label` is empty).

    `titled` adds the label as the SVG's `<title>` too: WeasyPrint makes that the PDF figure's
    alternative text (PDF/UA); on a page the `aria-label` is enough."""
    svg = _svg(name)
    accessible = f'role="img" aria-label="{html.escape(label)}">' if label else 'aria-hidden="true" focusable="false">'
    if label and titled:
        accessible += f"<title>{html.escape(label)}</title>"
    return svg.replace("<svg ", f'<svg class="{css_class}" ', 1).replace(">", f" {accessible}", 1)


def _known_icon(name: str) -> str:
    if not icon_exists(name):
        raise ValueError(f"unbekanntes Piktogramm '{name}'; erlaubt sind die Namen der Material Design Icons "
                         "(https://pictogrammers.com/library/mdi/), z. B. 'phone', 'human-cane', 'cup-water'")
    return name


Pictogram = Annotated[str, AfterValidator(_known_icon)]
"""An icon's name, checked against the set: a field type for every kind that shows pictograms."""
