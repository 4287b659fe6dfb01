"""A page's running header names the chapter the page begins in.

In the book, the course folders and the large-print booklet of help paths chapters run on, so
many pages begin with the end of one chapter and start the next further down; their header named
the next one (WeasyPrint's `string()` takes the first value set on the page unless told `start`)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdf
from builders import REPO, BuildResult
from pdf_layout import BODY_BOTTOM, BODY_TOP, HEADER_END

from engine.core.urls import large_print_name
from engine.features.city.urls import HELP_PATHS_HANDOUT
from engine.features.courses.model import Course
from engine.features.courses.urls import course_handout
from engine.portal import load_checked

#: A chapter's heading is set in 20 pt (print.css `h1`, 26 pt in large print); a drawing's large
#: numbers are not one.
HEADING_PT = 19.5


def _chapters(pdf: Path) -> set[str]:
    """The first 20 characters of each top-level bookmark: one per chapter (h1)."""
    return {str(getattr(entry, "title", ""))[:20] for entry in pypdf.PdfReader(pdf).outline
            if not isinstance(entry, list)}


def _lines(words: list[dict[str, object]]) -> list[tuple[float, str, float]]:
    """(top, text, largest font size) of each line of `words`."""
    rows: dict[int, list[dict[str, object]]] = {}
    for word in words:
        rows.setdefault(round(float(str(word["top"]))), []).append(word)
    return [(float(top), " ".join(str(w["text"]) for w in sorted(row, key=lambda w: float(str(w["x0"])))),
             max(float(str(w["size"])) for w in row)) for top, row in sorted(rows.items())]


def misheaded(pdf: Path) -> list[tuple[int, str, str]]:
    """(page, header, the chapter the page begins in) wherever the two disagree."""
    wrong = []
    current = ""
    chapters = _chapters(pdf)
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            words = page.extract_words(extra_attrs=["size"])
            header = " ".join(str(w["text"]) for w in words if float(w["bottom"]) < page.height * HEADER_END
                              and float(w["x0"]) < page.width / 2)
            body = _lines([w for w in words if page.height * BODY_TOP < float(w["top"]) < page.height * BODY_BOTTOM])
            headings = [text for _, text, size in body if size >= HEADING_PT and text[:20] in chapters]
            begins_with_heading = bool(body) and bool(headings) and body[0][1] == headings[0]
            expected = headings[0] if begins_with_heading else current
            if header and expected and header[:20] != expected[:20]:
                wrong.append((number, header, expected))
            if headings:
                current = headings[-1]
    return wrong


def test_each_page_of_the_book_the_folders_and_the_booklet_is_headed_by_the_chapter_it_begins_in(
        real_site: BuildResult) -> None:
    handouts = real_site.site / "handouts"
    folders = [course_handout(course.id) for course in load_checked(REPO).all(Course)]
    names = ["curriculum.pdf", *folders, HELP_PATHS_HANDOUT]
    checked = {name: misheaded(handouts / name) for name in [*names, *(large_print_name(n) for n in names[1:])]}
    assert len(checked) == 11
    assert {name: pages for name, pages in checked.items() if pages} == {}
