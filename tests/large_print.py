"""The type sizes of a PDF as a reader sees them, header and footer included (pypdf's text visitor)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pypdf

#: The smallest type a large-print edition may use anywhere on the page.
SMALLEST = 16.0


def text_pieces(path: Path) -> Iterator[tuple[int, float, str]]:
    """(page, size in points, text) of every piece of text, in reading order."""
    for number, page in enumerate(pypdf.PdfReader(path).pages, start=1):
        found: list[tuple[float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  found: list[tuple[float, str]] = found) -> None:
            if text.strip():
                found.append((round(abs(size * (tm[3] or 1) * (cm[3] or 1)), 1), text.strip()))

        page.extract_text(visitor_text=visit)
        yield from ((number, size, text) for size, text in found)


def glyph_sizes(path: Path) -> Counter[float]:
    """How many characters the PDF prints at each size."""
    sizes: Counter[float] = Counter()
    for _, size, text in text_pieces(path):
        sizes[size] += len(text)
    return sizes


def glyphs_below(path: Path, smallest: float = SMALLEST) -> list[tuple[int, float, str]]:
    """(page, size, text) of every piece of text smaller than `smallest` points."""
    return [piece for piece in text_pieces(path) if piece[1] < smallest]
