"""How a printed PDF's pages look to a reader: how full each page is, whether text leaves the text area.

Read with pdfplumber (every glyph with its box), so the tests see what a printer prints, not the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageLayout:
    """One page: its size, its text, and where its rightmost glyph ends (points from the left edge)."""

    number: int
    width: float
    height: float
    text: str
    right: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def amount(self) -> int:
        """How much text the page carries: its characters without blanks."""
        return len("".join(self.text.split()))


def page_layouts(path: Path) -> list[PageLayout]:
    """Every page of the PDF at `path`, in order."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [PageLayout(index + 1, float(page.width), float(page.height), page.extract_text() or "",
                           max((float(char["x1"]) for char in page.chars), default=0.0))
                for index, page in enumerate(pdf.pages)]


#: Where the print CSS's A4 page has its running header, and where its body begins and ends
#: (fractions of the page height from the top).
HEADER_END, BODY_TOP, BODY_BOTTOM = 0.045, 0.06, 0.92

#: A glyph closer than this to the paper's right edge (10 mm, in points) has left the text area.
EDGE = 28.35


def spilled(pages: list[PageLayout]) -> list[int]:
    """The numbers of pages with text beyond the text area: less than 10 mm from the right edge."""
    return [page.number for page in pages if page.right > page.width - EDGE]


def nearly_empty(pages: list[PageLayout], share: float) -> list[int]:
    """The numbers of pages carrying less than `share` of the fullest page's text."""
    fullest = max(page.amount for page in pages)
    return [page.number for page in pages if page.amount < share * fullest]
