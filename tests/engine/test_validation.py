"""One test per validation rule, on small in-memory projects."""

from __future__ import annotations

from textwrap import dedent

import pytest

from engine.core.records import SourceFile
from engine.portal import load_project

MODULE = """\
---
id: {id}
title: Modul {id}
version: "1.0"
duration_ue: 1
prerequisites: {pre}
objectives: [Sie können etwas.]
key_points: [Etwas.]
updated: 2026-11-01
---
Text.
"""

CONTACT = """\
id: amt
name: Amt
kind: amt
topics: [wohnen]
city: Teststadt
"""

PROGRAMME = """\
name: Testprogramm
short_name: Test
region: Teststadt
publisher: Testverein e.V.
contact_kinds:
  - {id: amt, label: Amt}
  - {id: gremium, label: Gremium}
topics:
  - {id: wohnen, label: Wohnen}
  - {id: pflege, label: Pflege}
"""


def problems(files: dict[str, str]) -> list[tuple[str, int, str]]:
    """Problems of an in-memory project; a small programme file is added unless one is given."""
    files = {"programme.yml": PROGRAMME, **files}
    _, found = load_project([SourceFile(path, dedent(text).encode()) for path, text in files.items()])
    return [(p.path, p.line, f"{p.field}: {p.message}" if p.field else p.message) for p in found]


def module(module_id: str, pre: str = "[]") -> dict[str, str]:
    return {f"curriculum/modules/{module_id}-x.md": MODULE.format(id=module_id, pre=pre)}


def test_valid_project_has_no_problems() -> None:
    assert problems({**module("M01"), **module("M02", "[M01]"), "contacts/amt.yml": CONTACT}) == []


def test_missing_field_points_at_the_record_start() -> None:
    text = MODULE.format(id="M01", pre="[]").replace('title: Modul M01\n', "")
    assert problems({"curriculum/modules/M01-x.md": text}) == [
        ("curriculum/modules/M01-x.md", 2, "title: Pflichtfeld 'title' fehlt; ergänzen Sie eine Zeile 'title: …'"),
    ]


def test_unknown_field_suggests_the_right_one() -> None:
    [(_, line, message)] = problems({"contacts/amt.yml": CONTACT + "webseite: https://example.org\n"})
    assert line == 6
    assert message.startswith("webseite: unbekanntes Feld 'webseite'; meinten Sie 'website'?")


@pytest.mark.parametrize(("line", "expected"), [
    ("website: example.org", "website: 'example.org' passt nicht: eine Webadresse beginnt mit https://"),
    ("email: amt.example.org", "email: 'amt.example.org' passt nicht: eine E-Mail-Adresse hat die Form"),
    ("phone: bitte anrufen", "phone: 'bitte anrufen' passt nicht: eine Telefonnummer besteht aus Ziffern"),
    ("verified: 23.11.2026", "verified: Datum im Format JJJJ-MM-TT erwartet"),
    ("verified: 2026-02-30", "verified: '2026-02-30' ist kein gültiges Datum"),
    ("kind: behoerde", "kind: Art der Stelle 'behoerde' ist in programme.yml nicht festgelegt; erlaubt sind: "
                       "amt, gremium. Ein neuer Wert wird unter 'contact_kinds' in programme.yml ergänzt"),
    ("topics: [wohnen, pflge]",
     "topics[1]: Thema 'pflge' ist in programme.yml nicht festgelegt; meinten Sie 'pflege'?"),
    ("topics: wohnen", "topics: Liste erwartet, gefunden: 'wohnen'"),
    ("visibility: geheim", "visibility: ungültiger Wert 'geheim'; erlaubt sind: 'public' oder 'internal'"),
    ("internal_fields: [telefon]", "internal_fields[0]: ungültiger Wert 'telefon'"),
])
def test_wrong_values_say_what_would_be_right(line: str, expected: str) -> None:
    key = line.split(":")[0]
    text = "\n".join(row for row in CONTACT.splitlines() if not row.startswith(f"{key}:")) + f"\n{line}\n"
    [(_, found_line, message)] = problems({"contacts/amt.yml": text})
    assert found_line == text.splitlines().index(line) + 1
    assert message.startswith(expected)


def test_wrong_type_of_number_and_version() -> None:
    text = MODULE.format(id="M01", pre="[]").replace('version: "1.0"', "version: 1.0").replace(
        "duration_ue: 1", "duration_ue: zwei")
    assert problems({"curriculum/modules/M01-x.md": text}) == [
        ("curriculum/modules/M01-x.md", 4, 'version: Text erwartet, gefunden: 1.0 (Zahl); setzen Sie den Wert '
                                           'in Anführungszeichen, z. B. version: "1.0"'),
        ("curriculum/modules/M01-x.md", 5, "duration_ue: Zahl erwartet, gefunden: 'zwei'"),
    ]


def test_duplicate_ids_name_the_first_place() -> None:
    found = problems({**module("M01"), "curriculum/modules/M01-y.md": MODULE.format(id="M01", pre="[]")})
    assert found == [("curriculum/modules/M01-y.md", 2, "id: die ID 'M01' ist schon vergeben in "
                                                        "curriculum/modules/M01-x.md:2; wählen Sie eine neue")]


def test_dangling_reference_lists_the_known_ids() -> None:
    files = {**module("M01"), **module("M02"), **module("M03"), **module("M05", "[M01, M99]")}
    assert problems(files) == [("curriculum/modules/M05-x.md", 6, "prerequisites[1]: unbekanntes Modul 'M99'; "
                                                                  "bekannte IDs: M01–M03, M05")]


def test_prerequisite_cycle_is_named() -> None:
    files = {**module("M01", "[M03]"), **module("M02", "[M01]"), **module("M03", "[M02]")}
    assert problems(files) == [("curriculum/modules/M02-x.md", 6, "prerequisites[0]: die Voraussetzungen bilden "
                                "einen Kreis: M01 → M03 → M02 → M01; entfernen Sie eine dieser Voraussetzungen")]


def test_module_that_requires_itself_is_a_cycle() -> None:
    [(_, _, message)] = problems(module("M01", "[M01]"))
    assert "Kreis: M01 → M01" in message


def test_file_name_must_match_id() -> None:
    [(path, line, message)] = problems({"contacts/sozialamt.yml": CONTACT})
    assert (path, line) == ("contacts/sozialamt.yml", 1)
    assert "nennen Sie die Datei 'amt.yml'" in message


def test_every_problem_of_every_file_is_reported_at_once() -> None:
    broken_contact = CONTACT.replace("city: Teststadt", "city: Teststadt\nemail: x")
    broken_module = MODULE.format(id="M01", pre="[M02]").replace("duration_ue: 1", "duration_ue: -1")
    found = problems({"contacts/amt.yml": broken_contact, "curriculum/modules/M01-x.md": broken_module,
                      **module("M03", "[M04]")})
    assert [(path, line) for path, line, _ in found] == [
        ("contacts/amt.yml", 6), ("curriculum/modules/M01-x.md", 5), ("curriculum/modules/M03-x.md", 6)]


def test_a_field_named_body_in_front_matter_is_refused() -> None:
    text = MODULE.format(id="M01", pre="[]").replace("updated:", "body: x\nupdated:")
    [(_, line, message)] = problems({"curriculum/modules/M01-x.md": text})
    assert (line, message.startswith("body: unbekanntes Feld 'body'")) == (9, True)


def test_files_outside_the_content_folders_are_ignored() -> None:
    assert problems({"contacts/README.md": "nichts", "contacts/_vorlage.yml": "kaputt: [",
                     "docs/index.md": "---\nkaputt"}) == []


def test_empty_required_text_asks_for_a_value_not_for_quotes() -> None:
    [(_, line, message)] = problems({"contacts/amt.yml": CONTACT.replace("name: Amt", "name: null")})
    assert line == 2
    assert message == "name: 'name' ist leer; tragen Sie einen Text ein (erfinden Sie nichts: fragen Sie nach)"


def test_broken_glossary_term_names_its_line() -> None:
    glossary = "terms:\n  - id: pflegegrad\n    term: Pflegegrad\n  - id: demenz\n    term: Demenz\n    definition: x\n"
    found = problems({"curriculum/glossary.yml": glossary})
    assert found == [("curriculum/glossary.yml", 2, "terms[0].definition: Pflichtfeld 'definition' fehlt; "
                                                    "ergänzen Sie eine Zeile 'definition: …'")]


def test_active_html_in_a_module_body_is_refused() -> None:
    text = MODULE.format(id="M01", pre="[]") + "\nGut.\n<script>alert(1)</script>\n[x](javascript:alert(1))\n"
    assert problems({"curriculum/modules/M01-x.md": text}) == [
        ("curriculum/modules/M01-x.md", 14, "„<script“ ist im Lehrtext nicht erlaubt (kein Skript, keine aktiven "
                                            "HTML-Elemente); schreiben Sie Markdown"),
        ("curriculum/modules/M01-x.md", 15, "„javascript:“ ist im Lehrtext nicht erlaubt (kein Skript, keine aktiven "
                                            "HTML-Elemente); schreiben Sie Markdown"),
    ]


def test_a_long_prerequisite_chain_is_no_problem() -> None:
    files: dict[str, str] = {}
    for number in range(1, 3001):
        files.update(module(f"M{number:04d}", f"[M{number - 1:04d}]" if number > 1 else "[]"))
    assert problems(files) == []


ROLE = """\
id: helferin
title: Helferin
summary: Hilft.
tasks: [Einkaufen]
boundaries: [Keine Pflege]
time_commitment: Wenig.
compensation:
  - model: ehrenamt
    description: Ehrenamtlich.
version: "1.0"
updated: 2026-11-01
"""

COURSE = """\
id: kurs
title: Kurs
summary: Ein Kurs.
audience: [helferin]
days:
  - start: "09:00"
    blocks:
      - module: M01
      - module: M02
      - module: M01
version: "1.0"
updated: 2026-11-01
"""


def test_tab_in_yaml_indentation_gets_the_tab_hint() -> None:
    text = CONTACT.replace("topics: [wohnen]", "topics:\n\t- wohnen")
    [(path, line, message)] = problems({"contacts/amt.yml": text})
    assert (path, line) == ("contacts/amt.yml", 5)
    assert message.startswith("YAML-Syntaxfehler: in der Einrückung steht ein Tabulator; YAML erlaubt nur "
                              "Leerzeichen")


def test_an_unreadable_file_is_reported_once_not_wherever_it_is_referenced() -> None:
    broken_role = ROLE.replace("title: Helferin", "title: Helferin: neu")  # ': ' inside a plain value
    found = problems({"role_profiles/helferin.yml": broken_role, **module("M01"), **module("M02"),
                      "curriculum/courses/kurs.yml": COURSE.replace("      - module: M01\nversion", "version")})
    assert found == [("role_profiles/helferin.yml", 2, "YAML-Syntaxfehler: ein Doppelpunkt mit Leerzeichen steht "
                      "mitten im Text; setzen Sie den Text in Anführungszeichen")]


def test_a_course_that_lists_a_module_twice_is_an_error() -> None:
    from engine.features.courses.plan import course_problems

    files = {"programme.yml": PROGRAMME, "role_profiles/helferin.yml": ROLE, **module("M01"), **module("M02"),
             "curriculum/courses/kurs.yml": COURSE}
    project, found = load_project([SourceFile(path, dedent(text).encode()) for path, text in files.items()])
    assert found == []
    assert [str(p) for p in course_problems(project)] == [
        "curriculum/courses/kurs.yml:10: days[0].blocks[2].module: M01 „Modul M01“ steht schon in Tag 1, Block 1; "
        "wollen Sie das Modul aufteilen, geben Sie bei beiden Teilen die Minuten an (minutes: 45), sonst streichen "
        "Sie diesen Block"]


def test_decimal_comma_gets_the_hint_to_write_a_point() -> None:
    text = MODULE.format(id="M01", pre="[]").replace("duration_ue: 1", "duration_ue: 1,5")
    assert problems({"curriculum/modules/M01-x.md": text}) == [
        ("curriculum/modules/M01-x.md", 5, "duration_ue: '1,5' ist in YAML keine Zahl: Dezimalzahlen schreiben Sie "
                                           "mit Punkt statt Komma, also duration_ue: 1.5")]


def test_a_number_in_a_list_of_texts_shows_the_item_line_as_example() -> None:
    text = MODULE.format(id="M01", pre="[]").replace("key_points: [Etwas.]", "key_points: [Etwas., 112]")
    [(_, line, message)] = problems({"curriculum/modules/M01-x.md": text})
    assert line == 8
    assert message == ('key_points[1]: Text erwartet, gefunden: 112 (Zahl); setzen Sie den Wert in '
                       'Anführungszeichen, z. B. - "112"')


def test_a_megabyte_title_is_rejected_by_size_before_parsing() -> None:
    text = MODULE.format(id="M01", pre="[]").replace("title: Modul M01", "title: " + "x" * 1_048_576)
    assert problems({"curriculum/modules/M01-x.md": text}) == [
        ("curriculum/modules/M01-x.md", 1, "die Datei ist 1024\u00a0KiB groß, erlaubt sind 512\u00a0KiB; kürzen Sie "
                                           "sie oder teilen Sie sie auf mehrere Dateien auf")]


def test_an_overlong_title_below_the_file_limit_is_rejected_by_length() -> None:
    text = CONTACT.replace("name: Amt", "name: " + "x" * 5000)
    assert problems({"contacts/amt.yml": text}) == [
        ("contacts/amt.yml", 2, "name: zu lang: 5000 Zeichen, erlaubt sind höchstens 300; kürzen Sie den Text "
                                "(ausführliche Erklärungen gehören in den Lehrtext)")]


def test_a_vocabulary_value_the_programme_lacks_names_the_programme_file() -> None:
    text = CONTACT.replace("kind: amt", "kind: verein")
    [(_, line, message)] = problems({"contacts/amt.yml": text})
    assert line == 3
    assert "ist in programme.yml nicht festgelegt" in message and "unter 'contact_kinds'" in message


def test_a_missing_programme_file_is_reported() -> None:
    _, found = load_project([SourceFile("contacts/amt.yml", CONTACT.encode())])
    assert [str(problem) for problem in found] == [
        "programme.yml:1: die Programmdatei fehlt; legen Sie programme.yml an (Name, Kurzname, Region, "
        "Herausgeber – siehe CONTENT.md)"]


def test_warnings_are_reported_and_counted_apart_from_errors() -> None:
    from engine.core.problems import Problem, errors_of, format_report

    problems = [Problem("contacts/a.yml", 3, "verified", "seit über 12 Monaten nicht geprüft", warning=True,
                        code="contact.stale"),
                Problem("contacts/b.yml", 1, "id", "fehlt", code="field.missing")]
    report = format_report(problems)
    assert report.splitlines() == ["contacts/b.yml:1: id: fehlt",
                                   "contacts/a.yml:3: verified: Warnung: seit über 12 Monaten nicht geprüft",
                                   "1 Fehler und 1 Warnung gefunden."]
    assert errors_of(problems) == [problems[1]]
