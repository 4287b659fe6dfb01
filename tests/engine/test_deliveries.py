"""Deliveries (Kurstermine): „Nächste Kurse“, each delivery's page, calendar, invitation, and their checks."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from builders import FIXTURES, BuildResult, pdf_text, table_rows, visible_text
from icalendar import Calendar

from engine.features.deliveries.calendar import calendars
from engine.portal import check_project, load_checked

TBA = "wird noch bekannt gegeben"


def events(site: Path, name: str) -> list[tuple[str, str, str, str, str]]:
    calendar = Calendar.from_ical((site / "handouts" / name).read_bytes())
    return [(str(e["summary"]), e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat(),
             str(e.get("location", "")), str(e["status"])) for e in calendar.walk("VEVENT")]


def test_next_courses_lists_every_delivery_by_date(tiny_site: BuildResult) -> None:
    text = visible_text(tiny_site.page("termine/index.html"))
    spring, autumn = text.index("Samstag, 10. April 2027"), text.index("Samstag, 4. September 2027")
    assert spring < autumn
    assert "Termin bestätigt" in text and "Termin in Planung" in text
    assert f"Teststadt, genauer Ort {TBA}" in text
    assert 'href="grundkurs-fruehjahr.html"' in tiny_site.page("termine/index.html")


def test_delivery_page_has_the_course_clock_times_from_its_own_start(tiny_site: BuildResult) -> None:
    page = tiny_site.page("termine/grundkurs-fruehjahr.html")
    rows = table_rows(page)
    # Day 1 starts at 10:00 (the delivery's start), day 2 at the course's 13:30; the blocks are the course's.
    assert rows[:3] == [["Zeit", "Programmpunkt"], ["10:00–10:15", "Begrüßung"],
                        ["10:15–11:45", "M01 · Grundlagen der Nachbarschaftshilfe"]]
    assert ["13:30–14:08", "M02 · Demenz <verstehen> & begleiten"] in rows
    text = visible_text(page)
    assert "Samstag, 10. April 2027, 10:00 bis 12:30 Uhr" in text
    assert "Begegnungsstätte Am Markt, Am Markt 1, 12345 Teststadt" in text
    assert "Nachbarschaftsverein Teststadt, Lindenweg 2, 12345 Teststadt" in text
    # How to register: the office's public data from its contact record, and the editor's note.
    assert "Sozialamt Teststadt, https://www.example.org/sozialamt" in text
    assert TBA not in text
    assert 'href="../handouts/termin-grundkurs-fruehjahr.ics"' in page
    assert 'href="../handouts/termin-grundkurs-fruehjahr-einladung.pdf"' in page
    assert 'href="../handouts/vorlage-einsatznachweis.pdf"' in page  # the feedback form


def test_unknown_values_are_shown_as_to_be_announced(tiny_site: BuildResult) -> None:
    text = visible_text(tiny_site.page("termine/grundkurs-herbst.html"))
    for label in ("Träger", "Kursleitung", "Plätze", "Kosten", "Bitte mitbringen", "Anmeldung", "Barrierefreiheit"):
        assert f"{label} {TBA}" in text, label
    assert "Termin in Planung" in text
    assert "Samstag, 4. September 2027, 09:00 bis 11:30 Uhr" in text


def test_invitation_and_reminder_are_ready_to_copy(tiny_site: BuildResult) -> None:
    page = tiny_site.page("termine/grundkurs-fruehjahr.html")
    boxes = dict(re.findall(r'<textarea id="([a-z-]+)"[^>]*>(.*?)</textarea>', page, re.S))
    invitation, reminder = boxes["einladung"], boxes["erinnerung"]
    assert invitation.startswith("Einladung: Grundkurs Test\n\nLiebe Nachbarinnen und Nachbarn,")
    assert "Wann: Tag 1: Samstag, 10. April 2027, 10:00 bis 12:30 Uhr; Tag 2: Samstag, 17. April 2027" in invitation
    assert "Kosten: kostenfrei" in invitation and "Plätze: 12" in invitation
    assert "Demenz &lt;verstehen&gt; &amp; begleiten" in invitation  # escaped once, shown as written
    assert reminder.startswith("Erinnerung: Grundkurs Test beginnt in einer Woche")
    assert "Der erste Tag beginnt um 10:00" in reminder
    assert "am Samstag, 3. April 2027" in visible_text(page)  # when to send it


def test_every_delivery_has_its_calendar_with_one_event_per_day(tiny_site: BuildResult) -> None:
    pages = sorted(p.stem for p in (tiny_site.site / "termine").glob("*.html") if p.stem != "index")
    assert pages == ["grundkurs-fruehjahr", "grundkurs-herbst"]
    for name in pages:
        assert (tiny_site.site / "handouts" / f"termin-{name}.ics").is_file()
    assert events(tiny_site.site, "termin-grundkurs-fruehjahr.ics") == [
        ("Grundkurs Test – Tag 1", "2027-04-10T10:00:00", "2027-04-10T12:30:00",
         "Begegnungsstätte Am Markt, Am Markt 1, 12345 Teststadt", "CONFIRMED"),
        ("Grundkurs Test – Tag 2", "2027-04-17T13:30:00", "2027-04-17T14:53:00",
         "Begegnungsstätte Am Markt, Am Markt 1, 12345 Teststadt", "CONFIRMED"),
    ]
    assert events(tiny_site.site, "termin-grundkurs-herbst.ics") == [
        ("Grundkurs Test (Termin in Planung) – Tag 1", "2027-09-04T09:00:00", "2027-09-04T11:30:00",
         "Teststadt", "TENTATIVE"),
        ("Grundkurs Test (Termin in Planung) – Tag 2", "2027-09-11T13:30:00", "2027-09-11T14:53:00",
         "Teststadt", "TENTATIVE"),
    ]


def test_course_page_lists_its_deliveries_and_feedback_form(tiny_site: BuildResult) -> None:
    page = tiny_site.page("kurse/grundkurs.html")
    text = visible_text(page)
    assert "Samstag, 10. April 2027 (2 Tage): Termin bestätigt" in text
    assert "Samstag, 4. September 2027 (2 Tage): Termin in Planung" in text
    assert 'href="../termine/grundkurs-fruehjahr.html"' in page
    assert 'href="../handouts/vorlage-einsatznachweis.pdf"' in page


def test_course_without_delivery_invites_with_dates_to_be_announced(solo: BuildResult) -> None:
    page = solo.page("kurse/besuchskurs.html")
    assert "Für diesen Kurs steht noch kein Termin fest" in visible_text(page)
    invitation = re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S)
    assert invitation is not None and f"Wann: {TBA}" in invitation.group(1)
    assert f"Wo: {TBA}" in invitation.group(1)
    printed = pdf_text(solo.site / "handouts" / "kurs-besuchskurs-einladung.pdf")
    assert "Einladung" in printed and TBA in printed
    assert "Zurzeit steht kein Termin fest" in visible_text(solo.page("termine/index.html"))


def test_printed_invitation_has_the_facts(tiny_site: BuildResult) -> None:
    text = " ".join(pdf_text(tiny_site.site / "handouts" / "termin-grundkurs-fruehjahr-einladung.pdf").split())
    assert "Liebe Nachbarinnen und Nachbarn" in text
    assert "Samstag, 10. April 2027, 10:00 bis 12:30 Uhr" in text
    assert "Begegnungsstätte Am Markt" in text and "kostenfrei" in text


def delivery_problems(project: Path, today: date | None = None) -> list[tuple[str, int, str, bool]]:
    return [(p.path, p.line, p.code, p.warning) for p in check_project(project, today=today)[1]
            if p.path.startswith("curriculum/deliveries/")]


def test_checks_report_dates_that_do_not_fit_the_course(tiny: Path) -> None:
    spring = tiny / "curriculum/deliveries/grundkurs-fruehjahr.yml"
    text = spring.read_text(encoding="utf-8")
    spring.write_text(text.replace("  - date: 2027-04-17\n", "").replace("in_person: true", "in_person: false")
                      .replace("place: Begegnungsstätte Am Markt\n", ""), encoding="utf-8")
    course = tiny / "curriculum/courses/grundkurs.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("recognition: land-nord", "recognition: land-sued"),
                      encoding="utf-8")
    assert delivery_problems(tiny, date(2026, 12, 1)) == [
        ("curriculum/deliveries/grundkurs-fruehjahr.yml", 5, "delivery.confirmed-incomplete", True),
        ("curriculum/deliveries/grundkurs-fruehjahr.yml", 6, "delivery.day-count", False),
        ("curriculum/deliveries/grundkurs-fruehjahr.yml", 14, "delivery.not-in-person", False),
    ]


def test_a_past_date_is_a_warning_to_remove_it(tiny: Path) -> None:
    problems = delivery_problems(tiny, date(2027, 4, 20))
    assert problems == [("curriculum/deliveries/grundkurs-fruehjahr.yml", 7, "date.ended", True),
                        ("curriculum/deliveries/grundkurs-fruehjahr.yml", 9, "date.ended", True)]
    assert delivery_problems(tiny, date(2027, 4, 1)) == []


def test_calendar_links_the_published_pages_when_the_address_is_known() -> None:
    project = load_checked(FIXTURES / "tiny")
    calendar = Calendar.from_ical(calendars(project, "https://portal.example.org/")["termin-grundkurs-herbst.ics"])
    [first, _] = calendar.walk("VEVENT")
    assert str(first["url"]) == "https://portal.example.org/termine/grundkurs-herbst.html"
    description = str(first["description"])
    assert description.startswith("Termin in Planung: Datum und Ort werden noch bestätigt.\n"
                                  "Der Kurs: https://portal.example.org/kurse/grundkurs.html\n09:00–09:15 Begrüßung")
    assert "URL" not in calendars(project, "")["termin-grundkurs-herbst.ics"]
