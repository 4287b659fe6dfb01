"""No page of a handout whose chapters run on is left nearly empty: a reader calls it wasted.

The book and the course folders (and their large-print twins) let each chapter follow on the
page where the last one ended; before, a module's sources or three rows of a schedule stood
alone on a page (curriculum.pdf pages 17, 80, 88, the Aufbaukurs folder page 2). So do the cards
of the large-print booklet of help paths, whose pages 3, 14 and 19 held a card's last lines."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from builders import REPO, BuildResult
from pdf_layout import BODY_BOTTOM, BODY_TOP

from engine.core.urls import large_print_name
from engine.features.city.urls import HELP_PATHS_HANDOUT
from engine.features.courses.model import Course
from engine.features.courses.urls import course_handout
from engine.portal import load_checked

LEAST = 0.30


def filled(page: pdfplumber.page.Page) -> float:
    """How far down the page body its lowest line or drawing reaches, 0 to 1."""
    top, bottom = page.height * BODY_TOP, page.height * BODY_BOTTOM
    objects = [*page.extract_words(), *page.rects, *page.images]
    lows = [item["bottom"] for item in objects if top < item["top"] < bottom]
    return (max(lows, default=top) - top) / (bottom - top)


def underfilled(pdf: Path) -> list[int]:
    with pdfplumber.open(pdf) as document:
        return [number for number, page in enumerate(document.pages[:-1], start=1) if filled(page) < LEAST]


def test_the_book_the_course_folders_and_the_large_print_booklet_leave_no_page_nearly_empty(
        real_site: BuildResult) -> None:
    handouts = real_site.site / "handouts"
    names = [course_handout(course.id) for course in load_checked(REPO).all(Course)]
    folders = [handouts / name for folder in names for name in (folder, large_print_name(folder))]
    assert len(folders) == 8  # four courses, each with its large-print twin
    booklet = handouts / large_print_name(HELP_PATHS_HANDOUT)  # A4, read, not cut into cards
    found = {pdf.name: underfilled(pdf) for pdf in [handouts / "curriculum.pdf", *folders, booklet]}
    assert {name: pages for name, pages in found.items() if pages} == {}
