"""Answers for neighbours: a page per question with what to do, whom to call and where to learn more,
and a card to print (A5, one side, large type); every reference is checked with file and line."""

from __future__ import annotations

from pathlib import Path

import pypdf
from builders import BuildResult, visible_text
from large_print import glyph_sizes

from engine.portal import check_project


def test_an_answer_page_says_what_to_do_whom_to_call_and_where_to_learn_more(tiny_site: BuildResult) -> None:
    page = tiny_site.page("antworten/sturz.html")
    text = visible_text(page)
    for expected in ("Was tun, wenn meine Nachbarin gestürzt ist?", "Heben Sie sie nicht hoch.",
                     "Das dürfen Sie eine Decke holen", "Das tun Sie nicht die Person hochziehen",
                     "Wen Sie anrufen Im Notfall: 112 Sozialamt Teststadt",
                     "M01 · Grundlagen der Nachbarschaftshilfe: Worum es geht", "Wegweiser: Sturz in der Wohnung"):
        assert expected in text, expected
    assert 'href="../module/m01.html#worum-es-geht"' in page
    assert '<svg class="qp-icon"' in page and 'aria-label="Ein Mensch mit Gehstock"' in page
    assert "Ihre Koordination: fragen Sie im Quartier nach der Koordination" in text  # none in programme.yml


def test_the_list_of_questions_links_every_answer(tiny_site: BuildResult) -> None:
    text = visible_text(tiny_site.page("antworten/index.html"))
    assert "Was tun, wenn meine Nachbarin gestürzt ist?" in text and "Wie bekomme ich Geld für meine Hilfe?" in text


def test_each_answer_is_a_one_page_card_in_large_type(tiny_site: BuildResult) -> None:
    card = tiny_site.site / "handouts/antwort-sturz.pdf"
    reader = pypdf.PdfReader(card)
    assert len(reader.pages) == 1
    width, height = (float(v) / 72 * 25.4 for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (148, 210)  # A5
    sizes = glyph_sizes(card)
    # Only the running header and footer (10 pt, in the page margins) are smaller than 16 pt.
    assert {size for size, n in sizes.items() if n and size < 16} == {10.0}, sizes
    assert sizes[16.0] > sizes[10.0]
    text = reader.pages[0].extract_text()
    assert "Ihre Koordination:" in text and "Im Notfall: 112" in text
    assert len(pypdf.PdfReader(tiny_site.site / "handouts/antworten-karten.pdf").pages) == 2


def test_wrong_references_are_problems_at_their_line(tiny: Path) -> None:
    answer = tiny / "answers/sturz.yml"
    text = answer.read_text(encoding="utf-8")
    answer.write_text(text.replace("section: Worum es geht", "section: Worum geht es")
                      .replace("help_paths: [sturz]", "help_paths: [stutz]")
                      .replace("pictogram: human-cane", "pictogram: mensch-mit-stock"), encoding="utf-8")
    _, problems = check_project(tiny)
    found = sorted((p.path, p.line, p.code) for p in problems if not p.warning)
    assert found == [("answers/sturz.yml", 22, "field.value-error")]  # the pictogram first: the record is invalid
    answer.write_text(text.replace("section: Worum es geht", "section: Worum geht es")
                      .replace("help_paths: [sturz]", "help_paths: [stutz]"), encoding="utf-8")
    _, problems = check_project(tiny)
    found = sorted((p.path, p.line, p.code) for p in problems if not p.warning)
    assert found == [("answers/sturz.yml", 20, "answer.section-unknown"),
                     ("answers/sturz.yml", 21, "reference.unknown")]


def test_sheets_are_a_page_and_a_pdf_the_wallet_card_to_cut_out(tiny_site: BuildResult) -> None:
    text = visible_text(tiny_site.page("blaetter/notfallkarte.html"))
    assert "Im Notfall Rettungsdienst: 112" in text and "Ihre Koordination:" in text
    card = pypdf.PdfReader(tiny_site.site / "handouts/karte-notfallkarte.pdf")
    assert len(card.pages) == 1
    assert card.pages[0].extract_text().count("Rettungsdienst: 112") == 2  # two cards to cut out
    assert not (tiny_site.site / "handouts/karte-notfallkarte-grossdruck.pdf").exists()  # a wallet card stays small
    sheet = pypdf.PdfReader(tiny_site.site / "handouts/blatt-darf-ich.pdf")
    assert len(sheet.pages) == 1 and "Keine Medikamente geben." in sheet.pages[0].extract_text()
    assert (tiny_site.site / "handouts/blatt-darf-ich-grossdruck.pdf").is_file()


def test_numbers_to_call_can_be_tapped_on_a_phone(tiny_site: BuildResult) -> None:
    """„112“ on the answer page and a contact's phone were plain text: on a phone, typed by hand."""
    page = tiny_site.page("antworten/sturz.html")
    assert 'Im Notfall: <a href="tel:112">112</a>' in page


def test_dial_links_take_whole_numbers_only() -> None:
    from engine.core.formatting import dial_links, tel_href

    assert dial_links("Rufen Sie 112 oder 116 117 an, nicht 1120 <b>", ["112", "116 117"]) == (
        'Rufen Sie <a href="tel:112">112</a> oder <a href="tel:116117">116 117</a> an, nicht 1120 &lt;b&gt;')
    assert tel_href("0341 123-0") == "tel:03411230" and tel_href("+49 341 1230") == "tel:+493411230"
