"""Build the tiny fixture project for real and read the HTML as a reader would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from builders import BuildResult, build, table_rows, visible_text

from engine.site.theme_html import repair_theme_html


def test_module_page_shows_title_objectives_and_facts(tiny_site: BuildResult) -> None:
    page = tiny_site.page("module/m01.html")
    text = visible_text(page)
    assert "<h1 id=\"m01-grundlagen-der-nachbarschaftshilfe\">M01 · Grundlagen der Nachbarschaftshilfe" in page
    assert "<title>M01 · Grundlagen der Nachbarschaftshilfe - Nachbarschaftsnetz Teststadt</title>" in page
    assert "Sie können Ihre Rolle im Quartier erklären." in text
    assert "Dauer 2 UE (90 Min.)" in text
    assert "Anerkennung Kernmodul für Nordland , Südland" in text
    assert "Version 1.2 · zuletzt geprüft am 01.11.2026" in text
    assert "§ 45b SGB XI – Entlastungsbetrag (Stand: 01.01.2025)" in text


def test_trainer_notes_are_a_closed_details_block(tiny_site: BuildResult) -> None:
    page = tiny_site.page("module/m01.html")
    details = re.search(r"<details class=\"info\">(.*?)</details>", page, re.S)
    assert details is not None
    assert "GEHEIMER-TRAINERHINWEIS" in details.group(1)
    assert page.count("GEHEIMER-TRAINERHINWEIS") == 1
    # The section after the trainer notes stays in the participant part.
    assert page.index("Das Wichtigste in Kürze") < details.start()


def test_text_from_yaml_is_escaped(tiny_site: BuildResult) -> None:
    page = tiny_site.page("module/m02.html")
    assert "Demenz &lt;verstehen&gt; &amp; begleiten" in page
    assert "<verstehen>" not in page


def test_footer_links_are_named_as_they_read(tiny_site: BuildResult) -> None:
    """The theme escaped the already escaped title again: a screen reader said „&lt;verstehen&gt;“."""
    page = tiny_site.page("module/m01.html")
    assert 'aria-label="Weiter: M02 · Demenz &lt;verstehen&gt; &amp; begleiten"' in page
    assert "&amp;lt;" not in page and "&amp;amp;" not in page


def test_footer_label_repair_keeps_the_attribute_closed() -> None:
    link = '<a href="m02.html" class="md-footer__link md-footer__link--next" aria-label="Weiter: {}">'
    repaired = repair_theme_html(link.format("Sagen &#34;Nein&#34; &amp;amp; &amp;lt;Ja&amp;gt;"))
    assert repaired == link.format("Sagen &quot;Nein&quot; &amp; &lt;Ja&gt;")
    assert repair_theme_html(link.format("M01 · Grundlagen")) == link.format("M01 · Grundlagen")


def test_curriculum_lists_durations_and_total(tiny_site: BuildResult) -> None:
    rows = table_rows(tiny_site.page("module/index.html"))
    assert rows[1:] == [
        ["M01", "Grundlagen der Nachbarschaftshilfe", "2 UE (90 Min.)", "Nordland, Südland"],
        ["M02", "Demenz <verstehen> & begleiten", "1,5 UE (68 Min.)", "Südland"],
        ["", "Summe", "3,5 UE (2,6 Stunden)", ""],
    ]


def test_qualification_matrix_cells(tiny_site: BuildResult) -> None:
    rows = table_rows(tiny_site.page("qualifikationsmatrix.html"))
    assert rows == [
        ["Modul", "Ehrenamtskoordinator:in", "Nachbarschaftshelfer:in"],
        ["M01 · Grundlagen der Nachbarschaftshilfe", "Pflicht", "Pflicht"],
        ["M02 · Demenz <verstehen> & begleiten", "Pflicht", "Wahl"],
        ["Pflicht-UE", "3,5", "2"],
    ]


def test_role_course_and_glossary_pages(tiny_site: BuildResult) -> None:
    role = visible_text(tiny_site.page("rollen/helferin.html"))
    assert "Grenzen: Das gehört nicht zu dieser Rolle" in role
    assert "Keine Behandlungspflege" in role
    assert "Höchstens 40 Stunden im Monat. (Stand: 01.01.2026; Quelle: Helferverordnung Nordland § 3)" in role
    course = table_rows(tiny_site.page("kurse/grundkurs.html"))
    assert [row[1] for row in course[1:5]] == ["Begrüßung", "M01 · Grundlagen der Nachbarschaftshilfe", "Pause",
                                               "M02 · Demenz <verstehen> & begleiten (Teil 1 von 2)"]
    glossary = tiny_site.page("glossar.html")
    assert 'id="entlastungsbetrag"' in glossary
    assert "131 € im Monat für Unterstützung im Alltag. (Stand: 01.01.2025)" in visible_text(glossary)
    assert "Stichwörter: Hilfe unter Nachbarn, Alltagshilfe" in visible_text(glossary)  # found by search


def test_contact_directory_shows_unknown_values(tiny_site: BuildResult) -> None:
    assert "Amt der Stadt (1 Eintrag)" in visible_text(tiny_site.page("kontakte/index.html"))
    assert "Hilfe zur Pflege Sozialamt Teststadt – Teststadt" in visible_text(tiny_site.page("kontakte/themen.html"))
    text = visible_text(tiny_site.page("kontakte/amt.html"))
    assert "Adresse unbekannt" in text
    assert "Telefon unbekannt" in text
    assert "Webseite https://www.example.org/sozialamt" in text


def test_hand_written_page_reaches_content_through_macros(tiny_site: BuildResult) -> None:
    assert "Das Curriculum hat 2 Module mit 3,5 UE." in visible_text(tiny_site.page("index.html"))


def test_every_generated_page_is_in_the_navigation(tiny_site: BuildResult) -> None:
    home = tiny_site.page("index.html")
    for href in ("module/m01.html", "module/m02.html", "rollen/helferin.html", "kurse/grundkurs.html",
                 "kontakte/index.html", "glossar.html", "qualifikationsmatrix.html"):
        assert f'href="{href}"' in home, href


def test_site_is_german_without_generator_footer(tiny_site: BuildResult) -> None:
    page = tiny_site.page("index.html")
    assert '<html lang="de"' in page
    assert "Made with" not in page


def test_nothing_is_loaded_from_the_network(tiny_site: BuildResult) -> None:
    for path in tiny_site.site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        loads = re.findall(r"<(?:script|link|img|iframe)\b[^>]*?(?:src|href)=\"([^\"]+)\"", page)
        remote = [url for url in loads if re.match(r"(https?:)?//", url)]
        assert remote == [], f"{path.name} lädt {remote}"
        assert "fonts.googleapis" not in page
    assert (tiny_site.site / "assets/portal/javascripts/iframe-worker-shim.js").is_file()
    assert 'src="assets/portal/javascripts/iframe-worker-shim.js"' in tiny_site.page("index.html")


def test_search_works_offline_in_german_with_compound_parts(tiny_site: BuildResult) -> None:
    assert (tiny_site.site / "search/search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    index = json.loads((tiny_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"]
    m01 = next(doc for doc in index["docs"] if doc["location"] == "module/m01.html")
    # The editor's keywords and the compounds' tails are the page's search tags, not page text.
    assert m01["tags"] == ["Datenschutz", "Hilfe", "Schutz"]
    assert "Stichwörter" not in " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("module/"))
    assert "Datenschutz" not in visible_text(tiny_site.page("module/m01.html"))


def test_broken_link_fails_and_keeps_the_old_site(tiny: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(tiny, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (tiny / "docs/index.md").write_text("# Start\n\n[kaputt](gibt-es-nicht.md)\n", encoding="utf-8")
    result = build(tiny, site)
    assert result.returncode != 0
    assert ("docs/index.md:3: der Link 'gibt-es-nicht.md' führt ins Leere: die Seite 'gibt-es-nicht.md' gibt es "
            "nicht;") in result.output
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "tiny"]  # no staging left behind


def test_broken_anchor_fails(tiny: Path, tmp_path: Path) -> None:
    (tiny / "docs/index.md").write_text("# Start\n\n[Begriff](glossar.md#entlastungsbetrg)\n", encoding="utf-8")
    result = build(tiny, tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/index.md:3: der Link 'glossar.md#entlastungsbetrg' zeigt auf den Anker '#entlastungsbetrg', den es "
            "auf 'glossar.md' nicht gibt; meinten Sie '#entlastungsbetrag'?") in result.output
    assert not (tmp_path / "site").exists()


def test_bad_yaml_fails_with_file_and_line_and_keeps_the_old_site(tiny: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(tiny, site).returncode == 0
    marker = (site / "index.html").read_bytes()
    role = tiny / "role_profiles/helferin.yml"
    role.write_text(role.read_text(encoding="utf-8").replace("summary: Hilft im Alltag.",
                                                             "summary: Hilft: im Alltag."), encoding="utf-8")
    result = build(tiny, site)
    assert result.returncode != 0
    assert "role_profiles/helferin.yml:4: YAML-Syntaxfehler" in result.output
    assert "Traceback" not in result.output
    assert (site / "index.html").read_bytes() == marker


def test_undefined_macro_variable_fails_the_build(tiny: Path, tmp_path: Path) -> None:
    (tiny / "docs/index.md").write_text("# Start\n\n{{ qp.gibt_es_nicht }}\n", encoding="utf-8")
    result = build(tiny, tmp_path / "site")
    assert result.returncode != 0
    assert not (tmp_path / "site").exists()


def test_hand_written_page_cannot_shadow_a_generated_one(tiny: Path, tmp_path: Path) -> None:
    (tiny / "docs/glossar.md").write_text("# Glossar von Hand\n", encoding="utf-8")
    result = build(tiny, tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/glossar.md:1: die Seite 'glossar.md' wird aus den Inhalten erzeugt; benennen Sie die Datei in "
            "docs/ um oder löschen Sie sie") in result.output


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engine", "--root", str(project), "check"],
                          capture_output=True, text=True, check=False)


def test_check_finds_a_broken_link_in_a_module_body_at_its_source_line(tiny: Path) -> None:
    module = tiny / "curriculum/modules/M02-demenz.md"
    text = module.read_text(encoding="utf-8").replace("siehe [Modul 1](m01.md)", "siehe [Modul 1](m1.md)")
    module.write_text(text, encoding="utf-8")
    completed = check(tiny)
    assert completed.returncode == 1
    assert [line for line in completed.stderr.splitlines() if "Warnung" not in line] == [
        "curriculum/modules/M02-demenz.md:20: der Link 'm1.md' führt ins Leere: die Seite 'module/m1.md' gibt es "
        "nicht; meinten Sie 'm01.md' oder 'm02.md'? Links schreiben Sie relativ zu dieser Seite ('module/m02.md'), "
        "z. B. '../glossar.md#begriff'"]
    assert completed.stderr.splitlines()[-1].startswith("1 Fehler")


def test_check_finds_a_broken_anchor_on_a_generated_page(tiny: Path) -> None:
    page = tiny / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZiele: [Lernziele](module/m01.md#lernzile)\n",
                    encoding="utf-8")
    completed = check(tiny)
    assert completed.returncode == 1
    assert completed.stderr.splitlines()[0] == (
        "docs/index.md:6: der Link 'module/m01.md#lernzile' zeigt auf den Anker '#lernzile', den es auf "
        "'module/m01.md' nicht gibt; meinten Sie '#lernziele'? ein Anker ist die Überschrift in Kleinbuchstaben, "
        "Leerzeichen als '-', ohne Umlaute (ä → a)")


def test_check_accepts_every_kind_of_valid_link_and_so_does_mkdocs(tiny: Path, tmp_path: Path) -> None:
    page = tiny / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[a](module/m01.md#das-wichtigste-in-kurze) "
                    "[b](glossar.md#nachbarschaftshilfe) [c](kontakte/amt.md#sozialamt) "
                    "[d](rollen/helferin.md) [e](https://example.org/x#y) [f](#testportal) "
                    "[g](module/anerkennung.md#land-sued) `[h](kein-link.md)`\n", encoding="utf-8")
    completed = check(tiny)
    assert completed.returncode == 0, completed.stderr
    result = build(tiny, tmp_path / "site")  # MkDocs' own strict link and anchor check agrees
    assert result.returncode == 0, result.output


def test_search_preview_of_a_module_starts_with_its_purpose(tiny_site: BuildResult) -> None:
    """A reader choosing among results sees what the module is for, not its fact list."""
    index = json.loads((tiny_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    [entry] = [doc for doc in index["docs"] if doc["location"] == "module/m01.html"]
    assert visible_text(entry["text"]).startswith("Dieses Modul führt in die Nachbarschaftshilfe ein.")


#: Markup a reader must never see: an attribute list Markdown did not apply, Jinja left unrendered.
LEFTOVER_SYNTAX = re.compile(r"\{:[^}]*\}|\{\{|\}\}|\{%|%\}")


def test_no_page_shows_markup_as_text(tiny_site: BuildResult) -> None:
    """Every Leichte-Sprache page ended in „Stand: 3. Dezember 2026{: .qp-stand }“."""
    leftovers = {str(path.relative_to(tiny_site.site)):
                 LEFTOVER_SYNTAX.findall(visible_text(path.read_text(encoding="utf-8")))
                 for path in tiny_site.site.rglob("*.html")}
    assert {path: found for path, found in leftovers.items() if found} == {}
