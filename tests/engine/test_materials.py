"""The materials catalogue, its printables, the short course folder and where solutions go."""

from __future__ import annotations

import re
from textwrap import dedent

import pypdf
import pytest
from builders import BuildResult, pdf_text, visible_text
from large_print import glyphs_below, text_pieces

from engine.core.body import split_body
from engine.core.records import SourceFile
from engine.features.curriculum.checks import drawing_sections
from engine.features.curriculum.materials import Per, Quantity
from engine.portal import load_project

PROGRAMME = """\
name: Testprogramm
short_name: Test
region: Teststadt
publisher: Testverein e.V.
"""

MODULE = """\
---
id: M01
title: Modul M01
version: "1.0"
duration_ue: 1
objectives: [Sie können etwas.]
key_points: [Etwas.]
plans:
  - minutes: 45
    steps:
      - minutes: 45
        content: Alles
        method: Kurzvortrag
        materials: [flipchart, {material}]
updated: 2026-11-01
---
Text.

## Übung: Frau K.

Was tun Sie?

Lösungshinweis: Sie fragen nach.

## Das Wichtigste in Kürze

- Nachfragen.
"""

CATALOGUE = """\
materials:
  - id: flipchart
    name: Flipchart
  - id: ampelkarten
    name: Ampelkarten
    printable:
      format: cards
      parts: [{heading: Rot, color: red, lines: [Nein.]}]
  - id: zeichnung
    name: Zeichnung
    printable:
      drawing: onion
      parts: [{heading: Mitte}]
      shown_in: [{module: M01, section: "{section}"}]
"""


def loaded(material: str = "ampelkarten", section: str = "Übung: Frau K."):  # type: ignore[no-untyped-def]
    files = {"programme.yml": PROGRAMME, "curriculum/modules/M01-x.md": MODULE.format(material=material),
             "curriculum/materials.yml": CATALOGUE.replace("{section}", section)}
    return load_project([SourceFile(path, dedent(text).encode()) for path, text in files.items()])


def test_a_plan_may_name_only_materials_of_the_catalogue_with_file_and_line() -> None:
    project, found = loaded()
    assert found == [] and drawing_sections(project) == []
    _, found = loaded("ampelkarte")
    assert [(p.path, p.line, p.field, p.code) for p in found] == [
        ("curriculum/modules/M01-x.md", 14, "plans[0].steps[0].materials[1]", "reference.unknown")]
    assert "Materialverzeichnis curriculum/materials.yml" in found[0].message
    assert "meinten Sie 'ampelkarten'?" in found[0].message


def test_a_drawing_must_name_a_section_the_module_has() -> None:
    project, found = loaded(section="Gibt es nicht")
    assert found == []
    assert [(p.path, p.line, p.code) for p in drawing_sections(project)] == [
        ("curriculum/materials.yml", 14, "material.section-unknown")]


def test_quantities_follow_the_rule_for_a_group_size() -> None:
    assert Quantity(per=Per.PARTICIPANT, count=2).for_group(12) == 24
    assert Quantity(per=Per.GROUP, count=1, group_of=5).for_group(12) == 3  # a smaller last group too
    assert Quantity(per=Per.COURSE, count=1).for_group(40) == 1
    with pytest.raises(ValueError, match="group_of"):
        Quantity(per=Per.GROUP, count=1)


def test_solutions_leave_the_participant_part_for_the_trainer_part() -> None:
    body = MODULE.split("---\n", 2)[2]
    split = split_body(body)
    assert "Lösungshinweis" not in split.participant and "Was tun Sie?" in split.participant
    assert "## Das Wichtigste in Kürze" in split.participant
    assert re.search(r"### Lösungshinweise zu den Übungen\n\n#### Übung: Frau K\.\n\nLösungshinweis: Sie fragen",
                     split.trainer)
    assert [(e.title, e.task) for e in split.exercises] == [("Übung: Frau K.", "Was tun Sie?\n")]


def test_the_folder_has_worksheets_without_solutions_and_the_answers_at_the_end(tiny_site: BuildResult) -> None:
    text = pdf_text(tiny_site.site / "handouts/kurs-grundkurs.pdf")
    assert "Übung: Frau K. braucht Hilfe" in text and "Was dürfen Sie tun?" in text
    assert "Lösungshinweis" not in text and "GEHEIMER-LÖSUNGSHINWEIS" not in text
    assert "GEHEIMER-TRAINERHINWEIS" not in text
    assert text.index("Selbstcheck") < text.index("Antworten zum Selbstcheck") < text.index("SELBSTCHECK-ANTWORT")
    assert text.rindex("Anlaufstellen") < text.index("SELBSTCHECK-ANTWORT")  # the answers come last
    # The take-home part is the summary; the objectives stay on the module pages.
    assert "Das Wichtigste in Kürze" in text and "Sie können Ihre Rolle im Quartier erklären." not in text


def test_the_folder_has_a_large_print_twin(tiny_site: BuildResult) -> None:
    twin = tiny_site.site / "handouts/kurs-grundkurs-grossdruck.pdf"
    assert glyphs_below(twin) == []
    assert "Lösungshinweis" not in pdf_text(twin)
    assert 'kurs-grundkurs-grossdruck.pdf" download>Großdruck (PDF)</a>' in tiny_site.page("kurse/grundkurs.html")


def test_the_trainer_edition_keeps_the_solutions(tiny_site: BuildResult) -> None:
    assert "GEHEIMER-LÖSUNGSHINWEIS" in pdf_text(tiny_site.site / "handouts/modul-m01-trainer.pdf")
    assert "GEHEIMER-LÖSUNGSHINWEIS" not in pdf_text(tiny_site.site / "handouts/modul-m01.pdf")
    page = tiny_site.page("module/m01.html")
    trainer = page[page.index("Hinweise für Trainer:innen"):]
    assert "GEHEIMER-LÖSUNGSHINWEIS" in trainer and "GEHEIMER-LÖSUNGSHINWEIS" not in page[:page.index(
        "Hinweise für Trainer:innen")]


def test_every_printable_is_a_pdf_linked_from_the_materials_page(tiny_site: BuildResult) -> None:
    page = tiny_site.page("kurse/material.html")
    for name in ("fallkarten-m01", "ampelkarten", "zwiebelmodell", "nummernkarte", "liste-anlaufstellen",
                 "checkliste-anerkennung"):
        assert (tiny_site.site / f"handouts/material-{name}.pdf").is_file(), name
        assert f'handouts/material-{name}.pdf" download>' in page, name
    assert 'href="../vorlagen/einsatznachweis.html"' in page
    assert "Flipchart mit Papier und Stiften" in visible_text(page)


def test_the_printables_print_their_content(tiny_site: BuildResult) -> None:
    handouts = tiny_site.site / "handouts"
    cases = pdf_text(handouts / "material-fallkarten-m01.pdf")
    assert "Was dürfen Sie tun?" in cases and "Lösungshinweis" not in cases
    assert "Das darf ich nicht." in pdf_text(handouts / "material-ampelkarten.pdf")
    onion = pdf_text(handouts / "material-zwiebelmodell.pdf")
    assert "Die Person selbst" in onion and "Ringe von innen nach außen" in onion  # drawn and in words
    card = pypdf.PdfReader(handouts / "material-nummernkarte.pdf").pages[0]
    assert round(float(card.mediabox.width) / 72 * 25.4) == 105  # A6
    assert min(size for _, size, text in text_pieces(handouts / "material-nummernkarte.pdf")
               if "Entlastungsbetrag" in text) >= 16  # large type on the card
    assert "Sozialamt" in pdf_text(handouts / "material-liste-anlaufstellen.pdf")
    assert "Nordland" in pdf_text(handouts / "material-checkliste-anerkennung.pdf")


def test_the_module_page_shows_its_drawing_in_its_section_and_links_its_printables(tiny_site: BuildResult) -> None:
    drawn = tiny_site.page("module/m02.html")
    section = drawn[drawn.index('id="wer-hilft"'):]
    assert '<svg' in section and 'role="img"' in section and "<title" in section
    assert "Ringe von innen nach außen: 1. Die Person selbst: ihre Wünsche" in section
    assert "Ringe von innen nach außen" in pdf_text(tiny_site.site / "handouts/modul-m02.pdf")
    page = tiny_site.page("module/m01.html")
    assert 'handouts/material-fallkarten-m01.pdf" download>' in page
    assert 'handouts/material-ampelkarten.pdf" download>' in page  # named by the module's plan


def test_the_course_lists_its_materials_with_quantities(tiny_site: BuildResult) -> None:
    text = visible_text(tiny_site.page("kurse/grundkurs.html"))
    assert "Für 12 Teilnehmende" in text
    assert re.search(r"Ampelkarten 12 M01", text) and re.search(r"Fallkarten zu M01 4 M01", text)
    listed = pdf_text(tiny_site.site / "handouts/kurs-grundkurs-material.pdf")
    assert "Ampelkarten" in listed and "1 je Person" in listed and "Flipchart mit Papier und Stiften" in listed
