"""Courses as delivered: schedule pages, checks at the course file's line, PDFs, calendar, certificates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from builders import BuildResult, build, everything_published, pdf_text, table_rows, visible_text
from icalendar import Calendar

from engine.portal import check_project


def test_course_page_shows_clock_times_per_day_and_what_counts(tiny_site: BuildResult) -> None:
    page = tiny_site.page("kurse/grundkurs.html")
    rows = table_rows(page)
    assert rows[:5] == [
        ["Zeit", "Programmpunkt", "Dauer", "Unterricht"],
        ["09:00–09:15", "Begrüßung", "15 Min.", "–"],
        ["09:15–10:45", "M01 · Grundlagen der Nachbarschaftshilfe", "90 Min.", "2 UE"],
        ["10:45–11:00", "Pause", "15 Min.", "–"],
        ["11:00–11:30", "M02 · Demenz <verstehen> & begleiten (Teil 1 von 2)", "30 Min.", "0,7 UE"],
    ]
    assert rows[5:9] == [
        ["Zeit", "Programmpunkt", "Dauer", "Unterricht"],
        ["13:30–14:08", "M02 · Demenz <verstehen> & begleiten (Teil 2 von 2)", "38 Min.", "0,8 UE"],
        ["14:08–14:38", "Mittagspause", "30 Min.", "–"],
        ["14:38–14:53", "Abschluss und Bescheinigungen", "15 Min.", "–"],
    ]
    text = visible_text(page)
    assert "Tag 1 – Samstag, 6. März 2027" in text
    assert "Tag 2 – Samstag, 13. März 2027" in text
    assert "Tag 2: 13:30 bis 14:53 Uhr, davon 38 Min. Unterricht (0,8 UE) und 30 Min. Pausen, 15 Min." in text
    assert "Gesamt: 158 Min. Unterricht = 3,5 UE zu je 45 Minuten, dazu 45 Min. Pausen." in text
    assert "Anerkennung Nordland : Die Regel ist erfüllt: 3,5 UE Unterricht, verlangt sind mindestens 3 UE und alle " \
        "Kernmodule." in text
    assert "Träger Nachbarschaftsverein Teststadt" in text
    assert "Kursleitung Fachkraft des Vereins" in text
    assert 'href="../handouts/kurs-grundkurs.ics"' in page


def test_course_without_provider_says_it_is_open(solo: BuildResult) -> None:
    text = visible_text(solo.page("kurse/besuchskurs.html"))
    assert "Träger noch offen" in text and "Kursleitung noch offen" in text
    assert ".ics" not in solo.page("kurse/besuchskurs.html")  # no dates, no calendar
    assert not list((solo.site / "handouts").glob("*.ics"))


def test_calendar_has_one_event_per_day_at_the_schedule_times(tiny_site: BuildResult) -> None:
    calendar = Calendar.from_ical((tiny_site.site / "handouts" / "kurs-grundkurs.ics").read_bytes())
    events = [(str(e["summary"]), e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat(),
               str(e["location"])) for e in calendar.walk("VEVENT")]
    assert events == [
        ("Grundkurs Test – Tag 1", "2027-03-06T09:00:00", "2027-03-06T11:30:00", "Begegnungsstätte Am Markt"),
        ("Grundkurs Test – Tag 2", "2027-03-13T13:30:00", "2027-03-13T14:53:00", "Begegnungsstätte Am Markt"),
    ]


def test_run_sheet_is_landscape_with_the_step_plans_and_folder_has_none(tiny_site: BuildResult) -> None:
    sheet = tiny_site.site / "handouts" / "kurs-grundkurs-ablaufplan.pdf"
    box = pypdf.PdfReader(sheet).pages[0].mediabox
    assert box.width > box.height
    text = pdf_text(sheet)
    assert "09:15–10:45" in text and "Überblick" in text
    assert "09:15–09:30 15 Einstieg: Wo helfen Sie schon heute?" in text
    # The run sheet is for the table: the trainer notes stay in the module's trainer PDF.
    assert "GEHEIMER-TRAINERHINWEIS" not in text
    folder = pdf_text(tiny_site.site / "handouts" / "kurs-grundkurs.pdf")
    assert "11:00–11:30" in folder and "Anlaufstellen" in folder
    assert "GEHEIMER-TRAINERHINWEIS" not in folder and "Wo helfen Sie schon heute?" not in folder


def checked(project: Path) -> list[str]:
    """The problems `check` reports in course files (other files may carry stale-date warnings)."""
    return [str(problem) for problem in check_project(project)[1] if problem.path.startswith("curriculum/courses/")]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_course_checks_point_at_the_line_of_the_course_file(tiny: Path) -> None:
    course = tiny / "curriculum/courses/grundkurs.yml"
    edit(course, '    latest_end: "12:00"', '    latest_end: "11:00"')
    edit(course, "      - break: 15\n", "")
    edit(course, "recognition: land-nord", "recognition: land-sued")
    assert checked(tiny) == [
        "curriculum/courses/grundkurs.yml:6: recognition: der Kurs hat 3,5 UE Unterricht, für „Südland“ sind "
        "mindestens 8 UE nötig; es fehlen 4,5 UE (Pausen und Programmpunkte zählen nicht)",
        "curriculum/courses/grundkurs.yml:6: recognition: „Südland“ erkennt nur Kurse in Präsenz an; kreuzen Sie "
        "„Der Kurs findet in Präsenz statt“ an (in der Datei: in_person: true)",
        "curriculum/courses/grundkurs.yml:14: days[0].latest_end: Tag 1 endet um 11:15, soll aber spätestens um "
        "11:00 enden; kürzen Sie ihn um 15 Min. oder verschieben Sie Blöcke auf einen anderen Tag",
        "curriculum/courses/grundkurs.yml:19: days[0].blocks[2]: von 09:00 bis 11:15 sitzt die Gruppe 135 Min. "
        "ohne Pause von mindestens 15 Min. (Unterricht und Programmpunkte zählen mit); erlaubt sind 120 Min. am "
        "Stück – setzen Sie vor diesen Block eine Pause",
    ]


def test_a_module_before_its_prerequisite(tiny: Path) -> None:
    course = tiny / "curriculum/courses/grundkurs.yml"
    edit(course, "      - module: M01\n", "")
    edit(course, "      - lunch: 30\n", "      - lunch: 30\n      - module: M01\n")
    assert checked(tiny) == ["curriculum/courses/grundkurs.yml:19: days[0].blocks[2].module: M02 „Demenz "
                             "<verstehen> & begleiten“ setzt M01 „Grundlagen der Nachbarschaftshilfe“ voraus, das "
                             "erst in Tag 2, Block 3 kommt; ordnen Sie M01 davor ein"]


def test_a_role_left_short_is_a_warning_that_does_not_stop_check(tiny: Path) -> None:
    role = tiny / "role_profiles/helferin.yml"
    edit(role, "required_modules: [M01]", "required_modules: [M01, M02]")
    edit(role, "optional_modules: [M02]", "optional_modules: []")
    course = tiny / "curriculum/courses/grundkurs.yml"
    edit(course, "recognition: land-nord\n", "")
    edit(course, "      - module: M02\n        minutes: 30\n", "")
    edit(course, "      - module: M02\n", "")
    result = subprocess.run([sys.executable, "-m", "engine", "--root", str(tiny), "check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("curriculum/courses/")] == [
        "curriculum/courses/grundkurs.yml:5: audience[0]: Warnung: für „Nachbarschaftshelfer:in“ gehört auch M02 "
        "„Demenz <verstehen> & begleiten“ zu den Pflichtmodulen; dieser Kurs lässt es aus – planen Sie dafür einen "
        "weiteren Kurs"]
    assert result.stderr.splitlines()[-1].startswith("0 Fehler und ")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("      - break: 15\n", "      - break: 15\n        module: M02\n",
     "curriculum/courses/grundkurs.yml:19: days[0].blocks[2]: ein Block ist genau eines von 'module', 'activity', "
     "'break' oder 'lunch' (gefunden: module, break); schreiben Sie z. B. '- module: M01' oder '- break: 15'"),
    ("        minutes: 15\n      - module: M01", "      - module: M01",
     "curriculum/courses/grundkurs.yml:16: days[0].blocks[0]: bei 'activity' fehlt die Dauer; ergänzen Sie z. B. "
     "'minutes: 15'"),
    ('start: "09:00"', "start: 9:00",
     "curriculum/courses/grundkurs.yml:13: days[0].start: '9:00' passt nicht: Uhrzeiten schreiben Sie als SS:MM, "
     'z. B. "09:00" oder "13:30"'),
    ("      - break: 15\n", "      - pause: 15\n",
     "curriculum/courses/grundkurs.yml:19: days[0].blocks[2].pause: unbekanntes Feld 'pause'; erlaubt sind: module, "
     "minutes, activity, break, lunch"),
])
def test_a_malformed_block_gets_a_german_message_at_its_line(tiny: Path, old: str, new: str, expected: str) -> None:
    edit(tiny / "curriculum/courses/grundkurs.yml", old, new)
    assert expected in checked(tiny)


ROSTER = "Name;Geburtsdatum;Tag 1;Tag 2\nErika Planmuster;04.05.1961;ja;ja\nOtto Fehltag;;ja;nein\nJo Test;;x;ja\n"


def certificates(project: Path, roster: str | bytes,
                 course: str = "private/kurs.yml") -> subprocess.CompletedProcess[str]:
    private = project / "private"
    private.mkdir(exist_ok=True)
    if not (private / "kurs.yml").exists():
        (private / "kurs.yml").write_bytes((project / "curriculum/courses/grundkurs.yml").read_bytes())
    data = roster.encode("utf-8") if isinstance(roster, str) else roster
    (private / "liste.csv").write_bytes(data)
    return subprocess.run([sys.executable, "-m", "engine", "--root", str(project), "certificates", course,
                           "private/liste.csv"], capture_output=True, text=True, check=False)


def test_certificates_for_those_present_and_the_others_listed(tiny: Path) -> None:
    result = certificates(tiny, ROSTER)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2\u00a0Bescheinigungen in private/bescheinigungen/grundkurs/ (zum Drucken: alle.pdf)",
        "Keine Bescheinigung für Otto Fehltag (Zeile 3): fehlte an Tag 2 (38 Min. Unterricht)"]
    folder = tiny / "private/bescheinigungen/grundkurs"
    assert sorted(p.name for p in folder.iterdir()) == ["alle.pdf", "grundkurs-20270313-01.pdf",
                                                         "grundkurs-20270313-02.pdf"]
    erika = pdf_text(folder / "grundkurs-20270313-01.pdf")
    for expected in ("Teilnahmebescheinigung", "Nr. grundkurs-20270313-01", "Erika Planmuster",
                     "geboren am 04.05.1961", "Grundkurs Test", "Nachbarschaftsverein Teststadt",
                     "Helferverordnung Nordland, § 3", "Samstag, 6. März 2027 09:00–11:30 Uhr 120 Min.",
                     "Samstag, 13. März 2027 13:30–14:53 Uhr 38 Min.",
                     "158 Minuten = 3,5 Unterrichtseinheiten", "Grundlagen der Nachbarschaftshilfe",
                     "Kursleitung: Fachkraft des Vereins",
                     "Auffrischung fällig spätestens am 13.03.2029: Auffrischungskurs.",
                     "Unterschrift der Kursleitung"):
        assert expected in erika, expected
    assert "Jo Test" not in erika
    assert len(pypdf.PdfReader(folder / "alle.pdf").pages) == 2


@pytest.mark.parametrize(("roster", "expected"), [
    ("Name;Tag 1;Tag 2\n;ja;ja\n", "private/liste.csv:2: Name: der Name ist leer; tragen Sie ihn ein oder löschen "
                                   "Sie die Zeile"),
    ("Name;Tag 1;Tag 3\nErika;ja;ja\n", "private/liste.csv:1: unbekannter Tag 'Tag 3': der Kurs hat 2 Tage"),
    ("Name;Tag 1;Tag 2\nErika;ja;ja\nMüller; Hans;ja;ja\n",
     "private/liste.csv:3: die Zeile hat 4 Felder, die Kopfzeile 3; steht ein Trennzeichen zu viel oder zu wenig "
     "im Namen?"),
    ("Name;Tag 1;Tag 2\nErika;ja;vielleicht\n", "private/liste.csv:2: Tag 2: 'vielleicht' ist weder 'ja' noch "
                                                "'nein'"),
    ("Name;Tag 1\nJürgen;ja\n".encode("latin-1"), "private/liste.csv:1: die Datei ist nicht UTF-8-kodiert (Byte "
                                                   "0xfc); speichern Sie sie als „CSV UTF-8“"),
])
def test_a_bad_roster_row_is_named_and_nothing_is_written(tiny: Path, roster: str | bytes, expected: str) -> None:
    result = certificates(tiny, roster)
    assert result.returncode == 1
    assert expected in result.stderr.splitlines()
    assert not (tiny / "private/bescheinigungen").exists()


def test_certificates_need_a_provider_and_a_trainer(tiny: Path) -> None:
    (tiny / "private").mkdir()
    course = (tiny / "curriculum/courses/grundkurs.yml").read_text(encoding="utf-8")
    (tiny / "private/kurs.yml").write_text(course.replace("provider: Nachbarschaftsverein Teststadt\n", "").replace(
        "trainers: [Fachkraft des Vereins]\n", ""), encoding="utf-8")
    result = certificates(tiny, ROSTER)
    assert result.returncode == 1
    assert "private/kurs.yml:1: provider: der Träger fehlt" in result.stderr
    assert ("tragen Sie ihn im Feld „Träger“ ein (im Kursplaner und auf der Seite „Kursunterlagen drucken“"
            in result.stderr)
    assert "private/kurs.yml:1: trainers: die Kursleitung fehlt" in result.stderr
    assert not (tiny / "private/bescheinigungen").exists()


def test_a_certificate_prints_the_caveat_place_and_delivery_and_one_period(tiny: Path) -> None:
    (tiny / "private").mkdir()
    course = (tiny / "curriculum/courses/grundkurs.yml").read_text(encoding="utf-8")
    (tiny / "private/kurs.yml").write_text(course.replace(
        "provider: Nachbarschaftsverein Teststadt\n",
        "provider: Nachbarschaftsverein Teststadt e.V.\nin_person: true\n"
        "counts_for: Zählt für die Anerkennung in Nordland, nicht für andere Länder\n"), encoding="utf-8")
    result = certificates(tiny, ROSTER)
    assert result.returncode == 0, result.stderr
    text = pdf_text(tiny / "private/bescheinigungen/grundkurs/grundkurs-20270313-01.pdf")
    assert "angeboten von Nachbarschaftsverein Teststadt e.V. Der Kurs dient" in text
    assert "e.V.." not in text
    assert "Hinweis zur Anerkennung: Zählt für die Anerkennung in Nordland, nicht für andere Länder." in text
    assert "Kursort: Begegnungsstätte Am Markt" in text and "Durchführung: in Präsenz" in text


def test_a_blank_day_cell_is_an_error_at_its_line_not_an_absence(tiny: Path) -> None:
    result = certificates(tiny, "Name;Tag 1;Tag 2\nErika Planmuster;ja;ja\nOtto Fehltag;ja;\n")
    assert result.returncode == 1
    assert ("private/liste.csv:3: Tag 2: das Feld ist leer; tragen Sie 'ja' (anwesend) oder 'nein' (gefehlt) ein – "
            "ein leeres Feld zählt weder als anwesend noch als gefehlt") in result.stderr.splitlines()
    assert not (tiny / "private/bescheinigungen").exists()


def test_certificates_need_dates_and_a_roster_in_private(tiny: Path) -> None:
    (tiny / "private").mkdir()
    undated = (tiny / "curriculum/courses/grundkurs.yml").read_text(encoding="utf-8").replace(
        "  - date: 2027-03-13\n    start", "  - start")
    (tiny / "private/kurs.yml").write_text(undated, encoding="utf-8")
    result = certificates(tiny, ROSTER)
    assert result.returncode == 1
    assert ("private/kurs.yml:1: days: Tag 2 hat kein Datum; für Bescheinigungen braucht jeder Tag eines: "
            "tragen Sie es im Feld „Datum“ ein") in result.stderr
    (tiny / "liste.csv").write_text(ROSTER, encoding="utf-8")
    outside = subprocess.run([sys.executable, "-m", "engine", "--root", str(tiny), "certificates",
                              "curriculum/courses/grundkurs.yml", "liste.csv"], capture_output=True, text=True,
                             check=False)
    assert outside.returncode == 1 and "Die Teilnehmerliste gehört nach private/" in outside.stderr


def test_a_planted_roster_name_reaches_no_built_file(tiny: Path, tmp_path: Path) -> None:
    planted = "Zacharias Geheimnisträger"
    assert certificates(tiny, f"Name;Tag 1;Tag 2\n{planted};ja;ja\n").returncode == 0
    result = build(tiny, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert planted not in everything_published(result.site)
    assert planted not in result.output
    assert not [p for p in (tiny / ".cache").rglob("*") if p.is_file() and planted.encode() in p.read_bytes()]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("      - module: M02\n      - lunch", "      - module: M02\n        minutes: 60\n      - lunch",
     "curriculum/courses/grundkurs.yml:25: days[1].blocks[0].module: die Teile von M02 „Demenz <verstehen> & "
     "begleiten“ ergeben 90 Min., das Modul hat nur 68 Min. (1,5 UE); kürzen Sie die Minuten der Teile"),
    ("      - module: M01\n      - break: 15", "      - module: M01\n        minutes: 90\n      - module: M01\n"
                                              "      - break: 15",
     "curriculum/courses/grundkurs.yml:20: days[0].blocks[2].module: M01 „Grundlagen der Nachbarschaftshilfe“ ist "
     "mit seinen anderen Teilen schon vollständig (90 Min.); streichen Sie diesen Block oder geben Sie seine "
     "Minuten an (minutes)"),
    ("  - date: 2027-03-13", "  - date: 2027-03-01",
     "curriculum/courses/grundkurs.yml:22: days[1].date: Tag 2 liegt am 01.03.2027 vor Tag 1 (06.03.2027); "
     "ordnen Sie die Tage nach dem Datum"),
    ('    start: "13:30"', '    start: "23:30"',
     "curriculum/courses/grundkurs.yml:23: days[1].start: Tag 2 endet erst um 24:53, nach Mitternacht; verteilen "
     "Sie Blöcke auf mehr Tage"),
    ("break_rule:", "max_day_minutes: 120\nbreak_rule:",
     "curriculum/courses/grundkurs.yml:14: days[0].start: Tag 1 dauert 150 Min., erlaubt sind höchstens 120 Min. "
     "(max_day_minutes); verteilen Sie Blöcke auf mehr Tage"),
    ("recognition: land-nord", "recognition: land-sued\nrefresher: true",
     "curriculum/courses/grundkurs.yml:7: refresher: die Regel „Südland“ kennt keine Auffrischung; nehmen Sie das "
     "Häkchen bei „Der Kurs ist die Auffrischung“ heraus (in der Datei: refresher: true streichen)"),
])
def test_every_course_check_points_at_its_line(tiny: Path, old: str, new: str, expected: str) -> None:
    edit(tiny / "curriculum/courses/grundkurs.yml", old, new)
    assert expected in checked(tiny)


def test_a_missing_core_module_is_named_at_the_claim(tiny: Path) -> None:
    edit(tiny / "programme.yml", "core_modules: [M01]", "core_modules: [M01, M02]")
    course = tiny / "curriculum/courses/grundkurs.yml"
    edit(course, "      - module: M02\n        minutes: 30\n", "")
    edit(course, "      - module: M02\n      - lunch", "      - lunch")
    assert ("curriculum/courses/grundkurs.yml:6: recognition: für „Nordland“ fehlt das Kernmodul M02 „Demenz "
            "<verstehen> & begleiten“; nehmen Sie es in den Kurs auf") in checked(tiny)
