"""The printed size of every piece of text on a PDF page, drawings included.

pypdf's text visitor reports the font size without the matrices of form XObjects, and WeasyPrint
draws an inline SVG as form XObjects scaled to the figure's width: a map label printed at 9 pt
would be reported at its SVG size. This walks the content streams itself, with the graphics
state's matrix (`cm`, `q`/`Q`), each form's `/Matrix` and the text matrix (`Tm`, `Tf`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pypdf
from pypdf.generic import ContentStream

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(m: Matrix, n: Matrix) -> Matrix:
    """m × n as PDF matrices multiply (m applied first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _matrix(operands: list[Any]) -> Matrix:
    a, b, c, d, e, f = (float(value) for value in operands)
    return (a, b, c, d, e, f)


def _scale(m: Matrix) -> float:
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


def _walk(stream: Any, reader: pypdf.PdfReader, resources: Any, ctm: Matrix, found: list[tuple[float, str]]) -> None:
    stack: list[Matrix] = []
    text_matrix, size = IDENTITY, 0.0
    xobjects = resources.get("/XObject", {}) if resources else {}
    for operands, operator in ContentStream(stream, reader).operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q" and stack:
            ctm = stack.pop()
        elif operator == b"cm":
            ctm = _times(_matrix(operands), ctm)
        elif operator == b"BT":
            text_matrix = IDENTITY
        elif operator == b"Tm":
            text_matrix = _matrix(operands)
        elif operator == b"Tf":
            size = float(operands[1])
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            shown = operands[-1]
            text = "".join(str(part) for part in shown if isinstance(part, str)) if isinstance(shown, list) \
                else str(shown)
            found.append((round(size * _scale(_times(text_matrix, ctm)), 2), text))
        elif operator == b"Do":
            xobject = xobjects[operands[0]].get_object()
            if xobject.get("/Subtype") == "/Form":
                form = _matrix(xobject.get("/Matrix", list(IDENTITY)))
                _walk(xobject, reader, xobject.get("/Resources", resources), _times(form, ctm), found)


def printed_sizes(path: Path, page_number: int) -> list[float]:
    """The size in points of every text-showing operation on a page (1-based), as printed."""
    reader = pypdf.PdfReader(path)
    page = reader.pages[page_number - 1]
    found: list[tuple[float, str]] = []
    _walk(page.get_contents(), reader, page.get("/Resources"), IDENTITY, found)
    return [size for size, _ in found]


def map_page_of(path: Path) -> int:
    """The number of a handout's page with the network map (A4 landscape, with the map's legend)."""
    pages = pypdf.PdfReader(path).pages
    found = [number for number, page in enumerate(pages, start=1)
             if float(page.mediabox.width) > float(page.mediabox.height)
             and "gestrichelte Linie: Vorschlag" in (page.extract_text() or "")]
    assert len(found) == 1, found
    return found[0]
