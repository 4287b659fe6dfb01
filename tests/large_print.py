"""Reading a large-print PDF as the test of issue 18 asks: the size of every glyph, header and footer included."""

from __future__ import annotations

from pathlib import Path

import pypdf

#: The smallest type a large-print edition may use anywhere on the page.
SMALLEST = 16.0


def glyphs_below(path: Path, smallest: float = SMALLEST) -> list[tuple[int, float, str]]:
    """(page, size, text) of every piece of text smaller than `smallest` points."""
    found: list[tuple[int, float, str]] = []
    for number, page in enumerate(pypdf.PdfReader(path).pages, start=1):

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float, number: int = number) -> None:
            shown = round(abs(size * (tm[3] or 1) * (cm[3] or 1)), 1)
            if text.strip() and shown < smallest:
                found.append((number, shown, text.strip()))

        page.extract_text(visitor_text=visit)
    return found
