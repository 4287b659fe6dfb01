"""Forms („Vorlagen“): validation with file and line, pages, fillable A4 PDFs, module links."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from builders import FIXTURES, BuildResult, pdf_text, table_rows, visible_text
from test_validation import module, problems

from engine.core.source_stands import source_stands
from engine.portal import load_project, read_sources

FORM = """\
id: bogen
title: Bogen
purpose: Wozu.
filled_by: Wer.
when: Wann.
afterwards: Danach.
modules: [M01]
sections:
  - title: Teil
    fields:
      - {label: Name}
version: "1.0"
updated: 2026-11-01
"""
FILE = "curriculum/forms/bogen.yml"


def test_a_valid_form_has_no_problems() -> None:
    assert problems({**module("M01"), FILE: FORM}) == []


def test_an_unknown_module_is_named_with_file_and_line() -> None:
    text = FORM.replace("modules: [M01]", "modules: [M01, M99]")
    assert problems({**module("M01"), **module("M02"), FILE: text}) == [
        (FILE, 7, "modules[1]: unbekanntes Modul 'M99'; bekannte IDs: M01–M02"),
    ]


def test_field_kinds_and_their_settings_are_checked() -> None:
    text = FORM.replace("      - {label: Name}\n", """\
      - {label: Name, kind: radio}
      - {label: Notiz, columns: [A, B]}
      - {label: Liste, kind: table, columns: [A]}
      - {label: Weg, kind: choice, options: [bar]}
  - title: Leer
""")
    assert problems({**module("M01"), FILE: text}) == [
        (FILE, 11, "sections[0].fields[0].kind: ungültiger Wert 'radio'; erlaubt sind: 'text', 'multiline', "
                   "'date', 'time', 'number', 'checkbox', 'choice', 'signature' oder 'table'"),
        (FILE, 12, "sections[0].fields[1]: 'columns' gehört nur zu kind: table, dieses Feld hat kind: text; "
                   "entfernen Sie 'columns' oder ändern Sie kind"),
        (FILE, 13, "sections[0].fields[2]: eine Tabelle (kind: table) braucht 'rows' (Zahl der leeren Zeilen) "
                   "oder 'row_labels' (vorgegebene Zeilen)"),
        (FILE, 14, "sections[0].fields[3]: eine Auswahl (kind: choice) braucht unter 'options' mindestens zwei "
                   "Möglichkeiten"),
        (FILE, 15, "sections[1]: ein Abschnitt braucht 'fields', 'statements' oder 'conditions_of'"),
    ]


def test_an_unknown_field_and_a_rule_the_programme_lacks() -> None:
    text = FORM.replace("      - {label: Name}\n", "      - {label: Name, breite: half}\n")
    [(path, line, message)] = problems({**module("M01"), FILE: text})
    assert (path, line) == (FILE, 11)
    assert message.startswith("sections[0].fields[0].breite: unbekanntes Feld 'breite'; erlaubt sind: label, kind")
    text = FORM.replace("modules: [M01]", "modules: [M01]\nlimits_of: [nordland]")
    assert problems({**module("M01"), FILE: text}) == [
        (FILE, 8, "limits_of[0]: Anerkennungsregel 'nordland' ist in programme.yml nicht festgelegt; erlaubt "
                  "sind: keine. Ein neuer Wert wird unter 'recognition' in programme.yml ergänzt"),
    ]


def test_a_form_cites_a_law_with_the_stand_the_modules_give_it(tiny: Path) -> None:
    form = tiny / "curriculum" / "forms" / "einsatznachweis.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("    stand: 2025-01-01", "    stand: 2026-01-01"),
                    encoding="utf-8")
    project, found = load_project(read_sources(tiny))
    assert found == []
    assert [str(p) for p in source_stands(project)] == [
        "curriculum/forms/einsatznachweis.yml:15: sources[0].stand: '§ 45b SGB XI' hat in M01 "
        "(curriculum/modules/M01-grundlagen.md:18) den Stand 2025-01-01, hier 2026-01-01; eine Quelle hat "
        "überall denselben Stand – gleichen Sie die Daten an",
    ]


def test_the_form_page_shows_purpose_notice_limits_and_every_field(tiny_site: BuildResult) -> None:
    page = tiny_site.page("vorlagen/einsatznachweis.html")
    text = visible_text(page)  # whitespace collapsed: a non-breaking space reads as a space
    assert "Hält fest, wann eine Helferin im Einsatz war." in text
    assert "Eigene Vordrucke der zuständigen Stelle Die Kasse hat eigene Vordrucke" in text
    assert "Nordland: höchstens 40 Stunden im Monat" in text
    assert "Südland: höchstens 30 Stunden im Monat; höchstens 2 Personen zugleich" in text
    rows = table_rows(page)
    assert ["Geburtsdatum", "Datum", "TT.MM.JJJJ"] in rows
    assert ["Besonderheiten", "mehrzeiliges Textfeld, 3 Zeilen", "–"] in rows
    assert ["Abrechnungsweg", "Auswahl zum Ankreuzen: Kostenerstattung / Abtretung", "–"] in rows
    assert ["Einsätze im Monat", "Tabelle: Datum, Tätigkeit (2 Zeilen)", "–"] in rows
    assert ["Unterschrift der Helferin", "Unterschrift", "–"] in rows
    assert "Teilnahmebescheinigung" in text  # the rule's evidence, read from programme.yml
    assert 'href="../handouts/vorlage-einsatznachweis.pdf"' in page


def test_forms_have_an_overview_a_nav_section_and_links_from_their_modules(tiny_site: BuildResult) -> None:
    overview = tiny_site.page("vorlagen/index.html")
    assert ["Einsatznachweis Test", "Hält fest, wann eine Helferin im Einsatz war.", "M01"] in table_rows(overview)
    assert re.search(r'<a [^>]*href="einsatznachweis.html"[^>]*>\s*Einsatznachweis Test', overview)
    m01 = tiny_site.page("module/m01.html")
    assert re.search(r'<h2 id="vorlagen">Vorlagen.*?href="../vorlagen/einsatznachweis.html"', m01, re.S)
    assert 'id="vorlagen"' not in tiny_site.page("module/m02.html")  # M02 uses no form
    assert "Grundkurs Test Vorlagen Vorlagen Einsatznachweis Test Rollen" in visible_text(tiny_site.page("index.html"))


def test_a_programme_without_forms_has_no_form_pages_and_no_nav_entry(solo: BuildResult) -> None:
    assert not (solo.site / "vorlagen").exists()
    assert not list((solo.site / "handouts").glob("vorlage-*"))
    assert "Vorlagen" not in visible_text(solo.page("index.html"))


@pytest.fixture(scope="module")
def form_pdf(tiny_site: BuildResult) -> Path:
    return tiny_site.site / "handouts" / "vorlage-einsatznachweis.pdf"


def test_the_form_pdf_is_a4_with_real_form_fields(form_pdf: Path) -> None:
    reader = pypdf.PdfReader(form_pdf)
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (595, 842)
               for p in reader.pages)
    fields = reader.get_fields() or {}
    kinds = {name: str(field.get("/FT")) for name, field in fields.items()}
    labels = {name: str(field.get("/TU")) for name, field in fields.items()}
    assert kinds["a1-f1"] == "/Tx" and labels["a1-f1"] == "Name der unterstützten Person"
    assert kinds["a1-f5"] == "/Tx" and labels["a1-f5"] == "Besonderheiten"  # the multi-line field
    assert kinds["a1-f6-o2"] == "/Btn" and labels["a1-f6-o2"] == "Abtretung"
    assert kinds["a1-f7"] == "/Btn" and labels["a1-f7"] == "Die Angaben stimmen."
    assert labels["a2-f1-z2-s2"] == "Tätigkeit, Zeile 2"
    assert labels["a2-f2-z1-s2"] == "Hausarztpraxis: Telefon"
    assert labels["a3-v1"] == "höchstens 40\u00a0Stunden im Monat"  # the rule's limit as a box to tick
    assert labels["a3-n1"] == "Teilnahmebescheinigung"
    # 7 fields and options, 2 × 2 + 1 table cells, 2 conditions and 1 evidence of the rule
    assert len(fields) == 16
    # Signatures are for the hand: a line on paper, no field.
    assert not any("Unterschrift" in label for label in labels.values())


def test_the_form_pdf_reads_right_and_carries_stand_and_programme(form_pdf: Path) -> None:
    text = pdf_text(form_pdf)
    for expected in ("Einsatznachweis Test", "Nachbarschaftsnetz Teststadt · Teststadt", "Netz Teststadt",
                     "Version 1.0 · Stand 01.11.2026", "Eigene Vordrucke der zuständigen Stelle",
                     "Zum Ankreuzen, was zutrifft – nach Nordland (Helferverordnung Nordland, § 3, Stand: 01.01.2026)",
                     "Ich habe nur eingetragen, was ich wirklich getan habe.", "Zu dieser Vorlage",
                     "Lassen Sie sich nie leere Formulare unterschreiben.", "(Stand: 01.01.2025)"):
        assert expected in text, expected
    reader = pypdf.PdfReader(form_pdf)
    assert reader.metadata is not None and reader.metadata.title == "Einsatznachweis Test"
    assert str(reader.trailer["/Root"]["/Lang"]) == "de"


def test_the_module_handout_lists_its_forms(tiny_site: BuildResult) -> None:
    assert "Vorlagen Einsatznachweis Test (PDF: vorlage-einsatznachweis.pdf)" in pdf_text(
        tiny_site.site / "handouts" / "modul-m01.pdf")
    assert "Vorlagen" not in pdf_text(tiny_site.site / "handouts" / "modul-m02.pdf")


def test_the_fixture_form_uses_every_kind_of_field() -> None:
    """The tests above cover every kind only while the fixture keeps one of each."""
    project, _ = load_project(read_sources(FIXTURES / "tiny"))
    [form] = project.forms
    kinds = {field.kind for section in form.sections for field in section.fields}
    assert kinds == {"text", "multiline", "date", "time", "number", "checkbox", "choice", "signature", "table"}


def test_two_modules_citing_one_law_with_two_stands_is_an_error(tiny: Path) -> None:
    m02 = tiny / "curriculum" / "modules" / "M02-demenz.md"
    text = m02.read_text(encoding="utf-8")
    assert "sources:" not in text
    m02.write_text(text.replace("updated:", "sources:\n  - title: \"§ 45b SGB XI – Entlastungsbetrag\"\n"
                                "    stand: 2026-01-01\nupdated:", 1), encoding="utf-8")
    project, found = load_project(read_sources(tiny))
    assert found == []
    line = m02.read_text(encoding="utf-8").splitlines().index("    stand: 2026-01-01") + 1
    assert [str(p) for p in source_stands(project)] == [
        f"curriculum/modules/M02-demenz.md:{line}: sources[0].stand: '§ 45b SGB XI' hat in M01 "
        "(curriculum/modules/M01-grundlagen.md:18) den Stand 2025-01-01, hier 2026-01-01; eine Quelle hat "
        "überall denselben Stand – gleichen Sie die Daten an",
    ]
