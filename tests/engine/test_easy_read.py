"""Leichte Sprache: a page per module with one sentence a line, pictograms and the mark of a missing
review; a large-print PDF (every glyph ≥ 16 pt); and the rules a machine can check, as warnings
with their code at their line."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from builders import BuildResult, visible_text
from large_print import glyph_sizes, glyphs_below
from pdfua_check import check

from engine.features.easy_read import checks
from engine.portal import check_project

FIXTURE = "curriculum/leichte-sprache/M01.yml"


def test_the_page_shows_every_sentence_on_its_own_line_with_its_pictogram(tiny_site: BuildResult) -> None:
    page = tiny_site.page("leichte-sprache/m01.html")
    text = visible_text(page)
    assert "Nachbarschafts·hilfe – das Wichtigste in Leichter Sprache" in text
    for line in ("Sie helfen Ihrer Nachbarin beim Einkaufen.", "Im Notfall rufen Sie sofort 112.",
                 "Die Pflege·kasse zahlt 131 € im Monat."):
        assert f"<p>{line}</p>" in page, line
    assert "Noch nicht von Prüflesenden geprüft." in text
    assert '<svg class="qp-icon"' in page and 'aria-label="Ein Telefon"' in page
    # The read-aloud control's placeholder comes right after the heading.
    after_heading = page[page.index("</h1>") + len("</h1>"):].lstrip()
    assert after_heading.startswith('<div class="qp-read-aloud" data-read-aloud hidden>')
    assert 'href="../handouts/leichte-sprache-m01.pdf"' in page and 'href="../module/m01.html"' in page


def test_the_module_page_and_the_list_link_the_page(tiny_site: BuildResult) -> None:
    button = '<a class="md-button qp-easy" href="../leichte-sprache/m01.html">Das Wichtigste in Leichter Sprache</a>'
    assert button in tiny_site.page("module/m01.html")
    assert "Das Wichtigste in Leichter Sprache</a>" not in tiny_site.page("module/m02.html")  # M02 has none
    listing = visible_text(tiny_site.page("leichte-sprache/index.html"))
    assert "Nachbarschafts·hilfe – das Wichtigste in Leichter Sprache (noch nicht geprüft)" in listing


def test_a_recorded_review_replaces_the_mark(tiny: Path, tmp_path: Path) -> None:
    from builders import build

    page = tiny / FIXTURE
    page.write_text(page.read_text(encoding="utf-8").replace(
        "updated: 2026-11-01", "checked_by: Prüfgruppe der Lebenshilfe\nchecked_on: 2026-11-02\nupdated: 2026-11-01"),
        encoding="utf-8")
    result = build(tiny, tmp_path / "site")
    assert result.returncode == 0, result.output
    text = visible_text(result.page("leichte-sprache/m01.html"))
    assert "Noch nicht von Prüflesenden geprüft." not in text
    assert "Geprüft von: Prüfgruppe der Lebenshilfe, am 2. November 2026" in text


def test_the_pdf_is_large_print_down_to_its_header_and_footer(tiny_site: BuildResult) -> None:
    pdf = tiny_site.site / "handouts/leichte-sprache-m01.pdf"
    assert glyphs_below(pdf) == []  # every glyph, running header and footer included
    assert [str(finding) for finding in check(pdf)] == []  # PDF/UA: the pictograms keep their text as /Alt
    sizes = glyph_sizes(pdf)
    assert max(sizes, key=lambda size: sizes[size]) == 18.0  # the body
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    for expected in ("Noch nicht von Prüflesenden geprüft.", "Seite 1 von 1", "Stand: 1. November 2026"):
        assert expected in text, expected
    lines = [line for page in pypdf.PdfReader(pdf).pages for line in page.extract_text().splitlines()]
    assert max(len(line) for line in lines) <= 60, max(lines, key=len)


def test_the_fixture_page_is_clean(tiny: Path) -> None:
    _, problems = check_project(tiny)
    assert [p for p in problems if p.code.startswith("easy.")] == []


@pytest.mark.parametrize(("code", "bad", "good"), [
    ("easy.sentence-long", "Wenn Ihre Nachbarin am Abend allein ist und Sie sich Sorgen machen, rufen Sie an.",
     "Ihre Nachbarin ist am Abend allein."),
    ("easy.line-sentences", "Rufen Sie ((notruf)) an. Bleiben Sie bei ihr.", "Rufen Sie ((notruf)) an."),
    ("easy.passive", "Die Tür wird abgeschlossen.", "Sie schließen die Tür ab."),
    ("easy.negation", "Heben Sie die Person nicht hoch.", "Lassen Sie die Person liegen."),
    ("easy.abbreviation", "Nehmen Sie z. B. eine Decke.", "Nehmen Sie zum Beispiel eine Decke."),
    ("easy.abbreviation", "Das zahlt die Pflege·kasse nach dem SGB.", "Das zahlt die Pflege·kasse."),
    ("easy.section-sign", "Das steht in § 45b.", "Das steht im Gesetz."),
    ("easy.number-word", "Drei Nachbarn helfen.", "3 Nachbarn helfen."),
    ("easy.word-long", "Die Nachbarschaftshilfe ist gut.", "Die Nachbarschafts·hilfe ist gut."),
])
def test_each_rule_fires_on_a_bad_line_and_stays_quiet_on_a_good_one(code: str, bad: str, good: str) -> None:
    assert code in {finding.code for finding in checks.line_findings(bad)}
    assert checks.line_findings(good) == []


def test_ordinals_dates_and_future_tense_are_no_findings() -> None:
    for line in ("Die Frist endet am 30. Juni.", "Sie werden morgen kommen.", "Im Notfall rufen Sie ((notruf)).",
                 "Sie sind 2 Jahre dabei."):
        assert checks.line_findings(line) == [], line


def test_the_warnings_name_file_line_and_field(tiny: Path) -> None:
    page = tiny / FIXTURE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Dann bleiben Sie bei ihr.", "Dann wird die Nachbarin nicht allein gelassen.")
                    .replace("heading: Im Notfall", "heading: Notfall nach § 2"), encoding="utf-8")
    _, problems = check_project(tiny)
    found = sorted((p.path, p.line, p.field, p.code, p.warning) for p in problems if p.code.startswith("easy."))
    assert found == [
        (FIXTURE, 11, "parts[1].heading", "easy.section-sign", True),
        (FIXTURE, 14, "parts[1].lines[1]", "easy.negation", True),
        (FIXTURE, 14, "parts[1].lines[1]", "easy.passive", True),
    ]
    assert not [p for p in problems if not p.warning]


def test_a_long_word_is_reported_once_a_page(tiny: Path) -> None:
    page = tiny / FIXTURE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Sie trinken mit ihr einen Tee.", "Die Nachbarschaftshilfe hilft.")
                    .replace("Dann bleiben Sie bei ihr.", "Die Nachbarschaftshilfe bleibt."), encoding="utf-8")
    _, problems = check_project(tiny)
    assert [(p.line, p.code) for p in problems if p.code.startswith("easy.")] == [(8, "easy.word-long")]


def test_the_module_must_exist_and_match_the_file_name(tiny: Path) -> None:
    page = tiny / FIXTURE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("module: M01", "module: M09"), encoding="utf-8")
    _, problems = check_project(tiny)
    assert sorted((p.path, p.line, p.code) for p in problems if not p.warning) == [
        (FIXTURE, 2, "id.file-name"), (FIXTURE, 2, "reference.unknown")]


def test_a_pictogram_needs_a_known_name_and_a_label(tiny: Path) -> None:
    page = tiny / FIXTURE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("pictogram: phone", "pictogram: telefon-alt")
                    .replace("    pictogram_label: Ein Einkaufs·wagen\n", ""), encoding="utf-8")
    _, problems = check_project(tiny)
    assert sorted((p.line, p.field, p.code) for p in problems if not p.warning) == [
        (5, "parts[0]", "field.value-error"), (14, "parts[1].pictogram", "field.value-error")]


def test_a_review_is_recorded_with_both_who_and_when(tiny: Path) -> None:
    page = tiny / FIXTURE
    page.write_text(page.read_text(encoding="utf-8").replace(
        "updated: 2026-11-01", "checked_on: 2026-11-02\nupdated: 2026-11-01"), encoding="utf-8")
    _, problems = check_project(tiny)
    assert [(p.path, p.code) for p in problems if not p.warning] == [(FIXTURE, "field.value-error")]
