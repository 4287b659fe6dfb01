"""A contact's `sources`: every filled way to reach it names a public source, shown on its entry.

On the tiny fixture: `contacts/sozialamt.yml` has a website backed by a dated source and an
internal note backed by an undated one; the public edition shows the first and hides the second.
"""

from __future__ import annotations

from textwrap import dedent

import pytest
from builders import FIXTURES, BuildResult, pdf_text, visible_text

from engine.core.problems import Problem
from engine.core.records import SourceFile
from engine.core.source_stands import source_stands
from engine.features.contacts.model import stated_start
from engine.features.contacts.sources import covers_de, stated_de
from engine.portal import load_project, read_sources

TINY = FIXTURES / "tiny"
SOZIALAMT = "contacts/sozialamt.yml"
WEBSITE_SOURCE = """\
  - title: Amtsblatt Teststadt, „Das Sozialamt im Netz“
    url: https://www.example.org/amtsblatt/sozialamt
    stated: 2026-02-26
    covers: [website]
"""


def tiny_problems(old: str, new: str, path: str = SOZIALAMT) -> list[Problem]:
    """The problems of the tiny fixture with `old` replaced by `new` in one file."""
    files = {source.path: source.data for source in read_sources(TINY)}
    text = files[path].decode()
    assert old in text
    files[path] = dedent(text.replace(old, new)).encode()
    _, problems = load_project([SourceFile(name, data) for name, data in files.items()])
    return problems


def line_of(text: str, path: str = SOZIALAMT) -> int:
    return (TINY / path).read_text(encoding="utf-8").splitlines().index(text) + 1


WEBSITE_LINE = line_of("website: https://www.example.org/sozialamt")


def test_the_fixture_is_clean() -> None:
    assert tiny_problems("", "") == []


def test_a_filled_field_without_a_source_is_an_error_at_its_line() -> None:
    [problem] = tiny_problems(WEBSITE_SOURCE, "")
    assert (problem.path, problem.line, problem.field, problem.code) == (
        SOZIALAMT, WEBSITE_LINE, "website", "contact.source-missing")
    assert str(problem).startswith(f"{SOZIALAMT}:{WEBSITE_LINE}: website: Webseite ohne Quelle; ergänzen Sie "
                                   "unter 'sources' einen Eintrag mit title, url, stated")
    assert "covers: [website]" in problem.message


def test_a_source_counts_only_for_the_fields_it_covers() -> None:
    [problem] = tiny_problems("    covers: [website]\n", "    covers: [phone]\n")
    assert (problem.line, problem.code) == (WEBSITE_LINE, "contact.source-missing")


def test_every_reachable_field_needs_one() -> None:
    problems = tiny_problems("phone: null\n", "phone: 0123 456789\nopening_hours: montags\naddress: Markt 1\n")
    assert [(p.field, p.code) for p in problems] == [
        ("phone", "contact.source-missing"), ("opening_hours", "contact.source-missing"),
        ("address", "contact.source-missing")]


def test_a_source_may_not_be_younger_than_the_check() -> None:
    [problem] = tiny_problems("    stated: 2026-02-26\n", "    stated: 2026-12\n")
    assert (problem.line, problem.field, problem.code) == (
        line_of("    stated: 2026-02-26"), "sources[0].stated", "contact.source-after-verified")
    assert problem.message.startswith("der Stand der Quelle (Dezember 2026) liegt nach der Prüfung am 01.11.2026 "
                                      "(verified, Zeile 9)")
    # A month, quarter or year is as early as its first day: November 2026 fits a check on 1 November.
    assert tiny_problems("    stated: 2026-02-26\n", "    stated: 2026-11\n") == []
    assert tiny_problems("    stated: 2026-02-26\n", "    stated: 2026-Q4\n") == []


@pytest.mark.parametrize(("stated", "expected"), [
    ("26.02.2026", "'26.02.2026' passt nicht: den Stand der Quelle schreiben Sie so genau, wie die Quelle ihn "
                   "nennt: JJJJ-MM-TT, JJJJ-MM, JJJJ-Q1 bis JJJJ-Q4 (Quartal) oder JJJJ"),
    ("Februar 2026", "'Februar 2026' passt nicht: den Stand der Quelle schreiben Sie"),
    ("2026-13", "'2026-13' passt nicht"),
    ("2026-Q5", "'2026-Q5' passt nicht"),
    ("2026-02-30", "'2026-02-30' ist kein gültiges Datum"),
])
def test_a_wrong_stand_says_how_to_write_it(stated: str, expected: str) -> None:
    [problem] = tiny_problems("    stated: 2026-02-26\n", f"    stated: {stated}\n")
    assert (problem.line, problem.field) == (line_of("    stated: 2026-02-26"), "sources[0].stated")
    assert problem.message.startswith(expected)


def test_a_source_needs_a_web_address_and_what_it_covers() -> None:
    problems = tiny_problems("    url: https://www.example.org/amtsblatt/sozialamt\n    stated: 2026-02-26\n"
                             "    covers: [website]\n", "    url: www.example.org\n    covers: [telefon]\n")
    url = line_of("    url: https://www.example.org/amtsblatt/sozialamt")
    assert [(p.line, p.field) for p in problems] == [(url, "sources[0].url"), (url + 1, "sources[0].covers[0]")]
    assert problems[0].message.startswith("'www.example.org' passt nicht: eine Webadresse beginnt mit https://")


def test_a_year_alone_may_be_written_without_quotes() -> None:
    assert tiny_problems("    stated: 2026-02-26\n", "    stated: 2025\n") == []


def test_contact_sources_are_no_legal_citations() -> None:
    """The Stand of '§ 45b SGB XI' is compared across modules and forms, never with an office's page."""
    files = {source.path: source.data for source in read_sources(TINY)}
    text = files[SOZIALAMT].decode().replace("Amtsblatt Teststadt, „Das Sozialamt im Netz“",
                                             '"§ 45b SGB XI – eine Seite des Amts"')
    files[SOZIALAMT] = text.encode()
    project, problems = load_project([SourceFile(name, data) for name, data in files.items()])
    assert problems == []
    assert source_stands(project) == []


@pytest.mark.parametrize(("stated", "german", "first_day"), [
    ("2018-02-26", "26.02.2018", "2018-02-26"), ("2022-01", "Januar 2022", "2022-01-01"),
    ("2010-Q2", "2. Quartal 2010", "2010-04-01"), ("2018", "2018", "2018-01-01"), (None, "ohne Datum", None),
])
def test_a_stand_reads_as_precise_as_the_source(stated: str | None, german: str, first_day: str | None) -> None:
    assert stated_de(stated) == german
    if stated is not None:
        assert stated_start(stated).isoformat() == first_day


def test_covered_fields_read_as_a_list() -> None:
    assert covers_de(["website"]) == "Webseite"
    assert covers_de(["address", "phone"]) == "Adresse und Telefon"
    assert covers_de(["phone", "opening_hours", "note"]) == "Telefon, Öffnungszeiten und Anmerkung"


# --- rendering ----------------------------------------------------------------------------------

def test_the_entry_links_its_source_with_the_stand(tiny_site: BuildResult) -> None:
    page = tiny_site.page("kontakte/amt.html")
    assert ('<a href="https://www.example.org/amtsblatt/sozialamt">Amtsblatt Teststadt, „Das Sozialamt im Netz“</a> '
            "(Stand der Quelle: 26.02.2026)") in page
    assert "Quelle Webseite: Amtsblatt Teststadt, „Das Sozialamt im Netz“ (Stand der Quelle: 26.02.2026)" in (
        visible_text(page))


def test_the_public_edition_hides_a_source_of_an_internal_field(tiny_site: BuildResult) -> None:
    published = visible_text(tiny_site.page("kontakte/amt.html"))
    assert "INTERN-QUELLE" not in published and "Quellen" not in published
    assert "example.org/intern" not in tiny_site.page("kontakte/amt.html")
    handout = pdf_text(tiny_site.site / "handouts" / "kontakte.pdf")
    assert "Quelle für Webseite: Amtsblatt Teststadt, „Das Sozialamt im Netz“ (Stand der Quelle: 26.02.2026)" in (
        " ".join(handout.split()))
    assert "INTERN-QUELLE" not in handout


def test_the_internal_edition_shows_it_undated(tiny_internal: BuildResult) -> None:
    text = visible_text(tiny_internal.page("kontakte/amt.html"))
    assert ("Quellen Webseite: Amtsblatt Teststadt, „Das Sozialamt im Netz“ (Stand der Quelle: 26.02.2026) "
            "Anmerkung: INTERN-QUELLE-GESPRAECHSNOTIZ (ohne Datum)") in text
