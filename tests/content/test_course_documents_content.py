"""„Kursunterlagen drucken“ on our own courses: each can be chosen, completed and certified in the page,
with exactly what `./qp certificates` would print, and each has its blank sign-in sheet.

Our course files leave provider, place, trainers and dates open (they are not known yet), so
the page must refuse certificates until a trainer enters them, and then give Python's texts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pypdf
import pytest
from browser import offline_page
from builders import REPO, BuildResult
from playwright.sync_api import Browser, Page

from engine.core.editions import Edition, for_edition
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.certificates import rule_texts
from engine.features.courses.documents import documents_summary
from engine.features.courses.urls import course_sign_in
from engine.portal import load_checked

PAGE = "kurse/unterlagen.html"
PROJECT = for_edition(load_checked(REPO), Edition.PUBLIC)
NAMES = ["Anna Ahorn", "Bernd Birke", "Clara Eiche", "Dieter Esche", "Emma Linde", "Franz Pappel", "Greta Ulme",
         "Hans Weide", "Ida Buche", "Jonas Kiefer", "Karla Tanne", "Ludwig Fichte"]
PROVIDER = "Nachbarschaftshilfe Ost e.V."
TRAINER = "Pflegefachkraft des Trägers"


def roster(days: int) -> str:
    """Twelve, all present except Greta on the last day."""
    header = "\t".join(["Name", *(f"Tag {n}" for n in range(1, days + 1))])
    rows = ["\t".join([name, *("nein" if name == "Greta Ulme" and n == days else "ja"
                               for n in range(1, days + 1))]) for name in NAMES]
    return "\n".join([header, *rows]) + "\n"


def dates(days: int) -> list[str]:
    return [(date(2027, 4, 10) + timedelta(days=7 * n)).isoformat() for n in range(days)]


@pytest.fixture(scope="module")
def page(browser: Browser, real_site: BuildResult) -> Iterator[Page]:
    with offline_page(browser, real_site.site) as (opened, traffic):
        errors: list[str] = []
        opened.on("pageerror", lambda error: errors.append(str(error)))
        opened.goto((real_site.site / PAGE).as_uri())
        opened.wait_for_load_state("load")
        yield opened
        assert errors == [] and traffic.outside == []


def test_the_page_offers_every_course(page: Page) -> None:
    options = page.eval_on_selector_all("#qp-doc-course option", "os => os.map(o => [o.value, o.textContent])")
    assert options[1:] == [[course.id, course.title] for course in PROJECT.courses]


@pytest.mark.parametrize("course_id", [course.id for course in PROJECT.courses])
def test_a_course_of_ours_is_certified_as_python_would(page: Page, course_id: str) -> None:
    course = PROJECT.course_by_id[course_id]
    days = len(course.days)
    page.select_option("#qp-doc-course", course_id)
    page.fill("#qp-doc-roster", roster(days))
    page.click("#qp-doc-certificates")
    assert "Der Träger fehlt" in page.inner_text("#qp-doc-status")  # our files leave it open
    page.fill("#qp-doc-provider", PROVIDER)
    page.fill("#qp-doc-trainers", TRAINER)
    page.select_option("#qp-doc-mode", "true")
    for number, day in enumerate(dates(days), start=1):
        page.fill(f"#qp-doc-date-{number}", day)
    page.click("#qp-doc-certificates")
    completed = course.model_copy(update={
        "provider": PROVIDER, "trainers": [TRAINER], "in_person": True,
        "days": [d.model_copy(update={"date": date.fromisoformat(iso)}) for d, iso in zip(course.days, dates(days),
                                                                                         strict=True)]})
    expected = documents_summary(completed, Catalogue.of(PROJECT), rule_texts(PROJECT.programme), roster(days))
    shown = page.locator("#qp-doc-output .certificate").all_inner_texts()
    assert len(shown) == len(expected["certificates"]) == 11
    for text, view in zip(shown, expected["certificates"], strict=True):
        for field in ("number", "name", "total", "contents", "recognition", "counts_for", "due", "signature"):
            assert view[field] in text, (field, view[field])
    as_file = completed.model_dump(mode="json", by_alias=True, exclude_none=True)  # `break`, as in a file
    got: dict[str, Any] = page.evaluate(
        "([course, roster]) => { const d = QPPlanner.data(); return QPPlanner.documentsSummary(d.catalogue, "
        "d.documents.rules, course, roster) }", [as_file, roster(days)])
    assert got == expected


@pytest.mark.parametrize("course_id", [course.id for course in PROJECT.courses])
def test_each_course_has_a_blank_sign_in_sheet_on_one_page(real_site: BuildResult, course_id: str) -> None:
    reader = pypdf.PdfReader(real_site.site / "handouts" / course_sign_in(course_id))
    assert len(reader.pages) == 1 and reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    text = reader.pages[0].extract_text() or ""
    # A long title may break at its hyphen („Sachsen-⏎Anhalt“): compared without spaces.
    assert PROJECT.course_by_id[course_id].title.replace(" ", "") in "".join(text.split())
    assert [line for line in text.splitlines() if line.strip().isdigit()] == [str(n) for n in range(1, 16)]

