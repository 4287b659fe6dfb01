"""„Kursunterlagen drucken“ in real headless Chromium, from file://: the same rules as Python, and no name kept.

The shared cases (tests/courses/documents.json) run through `QPPlanner.documentsSummary` in the
built page and must give exactly what `documents_summary` gives. A trainer's flow is played as
a trainer would: choose the course, paste twelve names with one absent, make the certificates,
print them (Chromium's own print-to-PDF, which is what the print dialog does); then every
place a browser can keep data is searched for the names, every request the page made is read
through the DevTools protocol, and after a reload the names must be gone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from browser import offline_page, report, serious_violations
from builders import REPO, BuildResult, pdf_text
from playwright.sync_api import Browser, CDPSession, Page

CASES = json.loads((REPO / "tests" / "courses" / "documents.json").read_text(encoding="utf-8"))
PAGE = "kurse/unterlagen.html"
#: Twelve participants of the tiny fixture's two-day course; Greta misses the second day's teaching.
NAMES = ["Anna Ahorn", "Bernd Birke", "Clara Eiche", "Dieter Esche", "Emma Linde", "Franz Pappel", "Greta Ulme",
         "Hans Weide", "Ida Buche", "Jonas Kiefer", "Karla Tanne", "Ludwig Fichte"]
ABSENT = "Greta Ulme"
ROSTER = "Name\tTag 1\tTag 2\n" + "".join(f"{name}\tja\t{'nein' if name == ABSENT else 'ja'}\n" for name in NAMES)

#: Everything a page can keep: web storage, cookies, IndexedDB, the Cache Storage (all of it, read back).
STORED = """async () => {
  const found = {local: JSON.stringify(Object.entries(localStorage)),
                 session: JSON.stringify(Object.entries(sessionStorage)), cookies: document.cookie}
  try { found.indexeddb = JSON.stringify(await indexedDB.databases()) } catch (e) { found.indexeddb = "error " + e }
  try {
    const all = []
    for (const key of await caches.keys()) {
      const cache = await caches.open(key)
      for (const request of await cache.keys()) all.push([key, request.url, await (await cache.match(request)).text()])
    }
    found.caches = JSON.stringify(all)
  } catch (e) { found.caches = "unavailable: " + e.name }
  return found
}"""


@pytest.fixture
def documents(browser: Browser, tiny_site: BuildResult) -> Iterator[tuple[Page, list[dict[str, Any]]]]:
    """The page in a fresh context, network blocked, every request recorded through the DevTools protocol."""
    with offline_page(browser, tiny_site.site, viewport={"width": 1280, "height": 900}) as (page, traffic):
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        session: CDPSession = page.context.new_cdp_session(page)
        requests: list[dict[str, Any]] = []
        session.on("Network.requestWillBeSent", lambda event: requests.append(event["request"]))
        session.send("Network.enable")
        page.goto((tiny_site.site / PAGE).as_uri())
        page.wait_for_load_state("load")
        yield page, requests
        assert errors == []
        assert traffic.outside == []


def make(page: Page, roster: str = ROSTER) -> None:
    page.select_option("#qp-doc-course", "grundkurs")
    page.fill("#qp-doc-roster", roster)
    page.click("#qp-doc-certificates")


def status(page: Page) -> str:
    return page.inner_text("#qp-doc-status")


@pytest.fixture(scope="module")
def case_page(browser: Browser, tiny_site: BuildResult) -> Iterator[Page]:
    with offline_page(browser, tiny_site.site) as (page, _):
        page.goto((tiny_site.site / PAGE).as_uri())
        page.wait_for_load_state("load")
        yield page


@pytest.mark.parametrize("case", CASES["cases"], ids=[case["name"] for case in CASES["cases"]])
def test_the_page_gives_the_shared_expectation(case_page: Page, case: dict[str, Any]) -> None:
    got = case_page.evaluate("([c, r, course, roster, rows]) => QPPlanner.documentsSummary(c, r, course, roster, rows)",
                             [CASES["catalogue"], CASES["rules"], case["course"], case["roster"], case["blank_rows"]])
    assert got == case["expect"]


def test_twelve_pasted_one_absent_eleven_certificates_and_no_name_kept(
        documents: tuple[Page, list[dict[str, Any]]], tmp_path: Path) -> None:
    page, requests = documents
    make(page)
    certificates = page.locator("#qp-doc-output .certificate")
    assert certificates.count() == 11
    texts = certificates.all_inner_texts()
    assert [next(n for n in NAMES if n in text) for text in texts] == [n for n in NAMES if n != ABSENT]
    for number, text in enumerate(texts, start=1):
        assert f"Nr. grundkurs-20270313-{number:02d}" in text
        assert "158 Minuten = 3,5 Unterrichtseinheiten" in text
        assert "Samstag, 13. März 2027\t13:30–14:53 Uhr\t38 Min." in text
        assert "angeboten von Nachbarschaftsverein Teststadt." in text
        assert "Kursleitung: Fachkraft des Vereins" in text and "Kursort: Begegnungsstätte Am Markt" in text
    assert f"Keine Bescheinigung für {ABSENT} (Zeile 8): fehlte an Tag 2 (38 Min. Unterricht)" in status(page)
    # What the print dialog makes: one A4 page per certificate, nothing of the page around them.
    page.emulate_media(media="print")
    printed = tmp_path / "bescheinigungen.pdf"
    page.pdf(path=str(printed), prefer_css_page_size=True)
    reader = pypdf.PdfReader(printed)
    assert len(reader.pages) == 11
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(595, 842)}
    first = reader.pages[0].extract_text()
    assert "Anna Ahorn" in first and "Bernd Birke" not in first and "Teilnehmende einfügen" not in first
    page.emulate_media(media="screen")

    stored = page.evaluate(STORED)
    state = json.dumps(page.context.storage_state(indexed_db=True), ensure_ascii=False)
    sent = json.dumps(requests, ensure_ascii=False)
    assert requests and all(r["url"].startswith(("file://", "data:")) for r in requests)
    for name in NAMES:
        for where, text in [*stored.items(), ("storage state", state), ("requests", sent)]:
            assert name not in text, (name, where)
    assert json.loads(stored["indexeddb"]) == []
    assert page.context.cookies() == []

    page.reload()
    page.wait_for_load_state("load")
    assert page.input_value("#qp-doc-roster") == ""
    body = page.inner_text("body")
    assert not [name for name in NAMES if name in body]
    assert page.locator("#qp-doc-output > *").count() == 0


def test_missing_provider_and_trainer_are_named_and_nothing_is_made(documents: tuple[Page, list[Any]]) -> None:
    page, _ = documents
    page.select_option("#qp-doc-course", "grundkurs")
    page.fill("#qp-doc-provider", "")
    page.fill("#qp-doc-trainers", "")
    page.fill("#qp-doc-date-2", "")
    page.fill("#qp-doc-roster", ROSTER)
    page.click("#qp-doc-certificates")
    text = status(page)
    assert "Der Träger fehlt" in text and "Feld „Träger“" in text
    assert "Die Kursleitung fehlt" in text and "Tag 2 hat kein Datum" in text
    assert page.locator("#qp-doc-output .certificate").count() == 0
    assert page.get_attribute("#qp-doc-provider", "aria-invalid") == "true"
    assert page.get_attribute("#qp-doc-status", "aria-live") == "polite"
    page.fill("#qp-doc-provider", "Nachbarschaftshilfe Ost e.V.")
    page.fill("#qp-doc-trainers", "Pflegefachkraft des Vereins")
    page.fill("#qp-doc-date-2", "2027-03-13")
    page.click("#qp-doc-certificates")
    assert page.locator("#qp-doc-output .certificate").count() == 11
    first = page.locator("#qp-doc-output .certificate").first.inner_text()
    assert "angeboten von Nachbarschaftshilfe Ost e.V.\n" in first + "\n" and "e.V.." not in first
    assert "Unterschrift der Kursleitung für Nachbarschaftshilfe Ost e.V." in first


@pytest.mark.parametrize(("roster", "expected"), [
    ("Name;Tag 1;Tag 2\nAnna Ahorn;ja;ja\nBernd Birke;ja;\n",
     "Zeile 3, Tag 2: Das Feld ist leer; tragen Sie 'ja' (anwesend) oder 'nein' (gefehlt) ein"),
    ("Name;Tag 1;Tag 2\nAnna Ahorn;ja;ja\nAnna Ahorn;ja;ja\n", "Zeile 3, Name: 'Anna Ahorn' steht schon in Zeile 2"),
])
def test_a_bad_roster_row_is_named_in_the_page(documents: tuple[Page, list[Any]], roster: str, expected: str) -> None:
    page, _ = documents
    make(page, roster)
    assert expected in status(page)
    assert page.locator("#qp-doc-output .certificate").count() == 0
    assert page.get_attribute("#qp-doc-roster", "aria-invalid") == "true"


def test_sign_in_sheets_with_names_and_blank(documents: tuple[Page, list[Any]], tmp_path: Path) -> None:
    page, _ = documents
    page.select_option("#qp-doc-course", "grundkurs")
    page.fill("#qp-doc-roster", "Name\n" + "\n".join(NAMES))
    page.click("#qp-doc-sign-in")
    rows = page.locator("#qp-doc-output .qp-signin-list tbody tr")
    assert rows.count() == 12 and "Anna Ahorn" in rows.first.inner_text()
    head = page.inner_text("#qp-doc-output .qp-signin-list thead")
    assert "Tag 1" in head and "06.03.2027" in head and "13.03.2027" in head
    facts = page.inner_text("#qp-doc-output .qp-signin-facts")
    assert "Nachbarschaftsverein Teststadt" in facts and "Fachkraft des Vereins" in facts
    assert "Samstag, 6. März 2027, 09:00–11:30 Uhr" in facts
    page.emulate_media(media="print")
    printed = tmp_path / "liste.pdf"
    page.pdf(path=str(printed), prefer_css_page_size=True)
    reader = pypdf.PdfReader(printed)
    assert len(reader.pages) == 1 and reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    page.emulate_media(media="screen")
    page.fill("#qp-doc-blank-rows", "20")
    page.click("#qp-doc-sign-in-blank")
    assert rows.count() == 20
    assert not [name for name in NAMES if name in page.inner_text("#qp-doc-output")]


def test_a_course_file_from_the_planner_is_loaded(documents: tuple[Page, list[Any]]) -> None:
    page, _ = documents
    source = (REPO / "tests/fixtures/tiny/curriculum/courses/grundkurs.yml").read_text(encoding="utf-8")
    planned = source.replace("provider: Nachbarschaftsverein Teststadt\n", "in_person: true\n").replace(
        "title: Grundkurs Test", "title: Grundkurs Herbst")
    page.set_input_files("#qp-doc-file", files=[{"name": "grundkurs-herbst.yml", "mimeType": "text/yaml",
                                                 "buffer": planned.encode()}])
    page.wait_for_function("document.getElementById('qp-doc-course-result').textContent.includes('Herbst')")
    assert page.input_value("#qp-doc-provider") == "" and page.input_value("#qp-doc-mode") == "true"
    page.fill("#qp-doc-roster", ROSTER)
    page.click("#qp-doc-certificates")
    assert "Der Träger fehlt" in status(page)
    page.fill("#qp-doc-provider", "Verein Nachbarn helfen")
    page.click("#qp-doc-certificates")
    first = page.locator("#qp-doc-output .certificate").first.inner_text()
    assert "Grundkurs Herbst" in first and "Durchführung: in Präsenz" in first
    page.set_input_files("#qp-doc-file", files=[{"name": "kaputt.yml", "mimeType": "text/yaml",
                                                 "buffer": b"id: [kaputt\n"}])
    page.wait_for_function("document.getElementById('qp-doc-course-result').textContent.includes('kaputt.yml')")
    assert "kein lesbarer Kurs" in page.inner_text("#qp-doc-course-result")


def test_by_keyboard_on_a_phone_without_sideways_scrolling(browser: Browser, tiny_site: BuildResult) -> None:
    with offline_page(browser, tiny_site.site, viewport={"width": 390, "height": 844}) as (page, _):
        page.goto((tiny_site.site / PAGE).as_uri())
        page.wait_for_load_state("load")
        page.focus("#qp-doc-course")
        page.keyboard.press("ArrowDown")  # the first course
        page.focus("#qp-doc-roster")
        page.keyboard.insert_text(ROSTER)
        for _ in range(15):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "qp-doc-certificates":
                break
        page.keyboard.press("Enter")
        assert page.locator("#qp-doc-output .certificate").count() == 11
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        violations = serious_violations(page)
        assert violations == [], report(violations)
        page.click("#qp-doc-sign-in")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_each_course_has_its_blank_sign_in_sheet(tiny_site: BuildResult) -> None:
    sheet = tiny_site.site / "handouts" / "kurs-grundkurs-anwesenheitsliste.pdf"
    reader = pypdf.PdfReader(sheet)
    assert len(reader.pages) == 1 and reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    text = pdf_text(sheet)
    for expected in ("Teilnehmer- und Anwesenheitsliste", "Grundkurs Test", "Nachbarschaftsverein Teststadt",
                     "Begegnungsstätte Am Markt", "Fachkraft des Vereins", "06.03.2027", "13.03.2027", "Unterschrift"):
        assert expected in text, expected
    lines = (reader.pages[0].extract_text() or "").splitlines()
    assert [line for line in lines if line.strip().isdigit()] == [str(n) for n in range(1, 16)]  # fifteen lines
    course_page = tiny_site.page("kurse/grundkurs.html")
    assert "kurs-grundkurs-anwesenheitsliste.pdf" in course_page and "unterlagen.html" in course_page


def test_on_a_phone_the_heading_stays_whole_and_pasted_rows_stay_on_one_line(
        browser: Browser, tiny_site: BuildResult) -> None:
    with offline_page(browser, tiny_site.site, viewport={"width": 390, "height": 844}) as (page, _):
        page.goto((tiny_site.site / PAGE).as_uri())
        page.wait_for_load_state("load")
        make(page)
        roster = page.locator("#qp-doc-roster")
        line = float(roster.evaluate("t => parseFloat(getComputedStyle(t).lineHeight)"))
        # Twelve rows and the header: with wrapping, a long row took two lines and hid its columns.
        assert roster.evaluate("t => t.scrollHeight") < line * 15
        heading = page.locator("#qp-doc-output .certificate h1").first
        assert heading.inner_text() == "Teilnahmebescheinigung"
        size = float(heading.evaluate("h => parseFloat(getComputedStyle(h).lineHeight)"))
        assert heading.bounding_box()["height"] < 1.5 * size  # one line, not „Teilnahmebescheinigun / g“
        # Printed, the heading is dark and bold like the PDF's (print.css), not the theme's light grey.
        page.emulate_media(media="print")
        assert heading.evaluate("h => [getComputedStyle(h).color, getComputedStyle(h).fontWeight]") == [
            "rgb(18, 60, 66)", "700"]


def test_a_blank_sheet_without_dates_leaves_a_line_long_enough_for_all_dates(
        documents: tuple[Page, list[Any]]) -> None:
    page, _ = documents
    page.select_option("#qp-doc-course", "grundkurs")
    page.fill("#qp-doc-date-1", "")
    page.fill("#qp-doc-date-2", "")
    page.click("#qp-doc-sign-in-blank")
    page.emulate_media(media="print")
    line = page.locator('#qp-doc-output .qp-signin-facts [data-field="dates"]')
    assert line.inner_text() == ""
    # Two days with their times („Sa 06.03.2027, 9–11:30 Uhr; …“) by hand need some 13 cm, not 5.5.
    assert line.bounding_box()["width"] >= 140 / 25.4 * 96 - 1


def test_certificates_of_a_course_that_misses_its_rule_come_with_a_warning(documents: tuple[Page, list[Any]]) -> None:
    """A trainer got „1 Bescheinigung erstellt“ for a course without a core module, and the
    certificate said both „erfüllt die Regel nicht“ and „Zählt als Grundkurs …“."""
    page, _ = documents
    source = (REPO / "tests/fixtures/tiny/curriculum/courses/grundkurs.yml").read_text(encoding="utf-8")
    short = source.replace("      - module: M01\n", "").replace("title: Grundkurs Test",
                                                                                  "title: Grundkurs zu kurz")
    page.set_input_files("#qp-doc-file", files=[{"name": "zu-kurz.yml", "mimeType": "text/yaml",
                                                 "buffer": short.encode()}])
    page.wait_for_function("document.getElementById('qp-doc-course-result').textContent.includes('zu kurz')")
    page.fill("#qp-doc-roster", ROSTER)
    page.click("#qp-doc-certificates")
    assert status(page).startswith("Achtung: Der Kurs erfüllt die Regel der Anerkennung nicht")
    first = page.locator("#qp-doc-output .certificate").first.inner_text()
    assert "Er erfüllt die Regel nicht vollständig." in first and "Hinweis zur Anerkennung" not in first
    make(page)  # the course as it is meets its rule: no warning
    assert status(page).startswith("11 Bescheinigungen erstellt")
