"""The city's instruments on fixture programmes: checks, the map, the charts, pages, handouts, dates."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from textwrap import dedent

import pypdf
import pytest
from builders import FIXTURES, REPO, BuildResult, pdf_text, table_rows, visible_text
from markupsafe import Markup
from pdf_layout import nearly_empty, page_layouts, spilled

from engine.core.freshness import date_problems
from engine.core.pdf import render_pdf
from engine.core.printer import Chapter, MarkdownSetup, Printer
from engine.core.problems import Problem
from engine.core.project import Project
from engine.core.records import SourceFile
from engine.features.city import cache as drawing_cache
from engine.features.city import charts, network_map
from engine.features.city.cards import CARD_SIZE, LARGEST_SIZE, card_lines, card_type_size
from engine.features.city.costs import cost_totals, euro
from engine.features.city.drawings import draw
from engine.features.city.responsibilities import in_areas, responsibility_matrix
from engine.portal import REGISTRY, check_project, load_checked, load_project, read_sources

TINY = FIXTURES / "tiny"


def tiny_with(changes: dict[str, str]) -> tuple[Project, list[tuple[str, int, str]]]:
    """The tiny fixture's sources with some files replaced or added; its project and problems."""
    files = {source.path: source.data for source in read_sources(TINY)}
    files.update({path: dedent(text).encode() for path, text in changes.items()})
    project, problems = load_project([SourceFile(path, data) for path, data in files.items()])
    return project, [(p.path, p.line, f"{p.field}: {p.message}" if p.field else p.message) for p in problems]


def tiny_problems(changes: dict[str, str], removed: tuple[str, ...] = ()) -> list[Problem]:
    """The problems of the tiny fixture with some files replaced, added or removed."""
    files = {source.path: source.data for source in read_sources(TINY) if source.path not in removed}
    files.update({path: dedent(text).encode() for path, text in changes.items()})
    return load_project([SourceFile(path, data) for path, data in files.items()])[1]


def tight(text: str) -> str:
    """Visible text without the space `visible_text` leaves between a link and the punctuation after it."""
    return re.sub(r" ([).:,])", r"\1", text)


def replaced(path: str, old: str, new: str) -> dict[str, str]:
    text = (TINY / path).read_text(encoding="utf-8")
    assert old in text
    return {path: text.replace(old, new)}


# --- validation: German messages with file and line ---------------------------------------------

def test_a_help_path_naming_an_unknown_contact() -> None:
    _, problems = tiny_with(replaced("city/wegweiser/sturz.yml", "contacts: [sozialamt, geheim]",
                                     "contacts: [sozialamt, sozialamtt]"))
    assert problems == [("city/wegweiser/sturz.yml", 9, "contacts[1]: unbekannter Kontakt 'sozialamtt'; "
                                                        "meinten Sie 'sozialamt'? bekannte IDs: geheim, sozialamt")]


def test_a_step_naming_an_unknown_contact() -> None:
    _, problems = tiny_with(replaced("city/wegweiser/sturz.yml", "contacts: [sozialamt], deadline",
                                     "contacts: [sozialamtt], deadline"))
    assert problems == [("city/wegweiser/sturz.yml", 8, "who_helps[1].contacts[0]: unbekannter Kontakt 'sozialamtt'; "
                                                        "meinten Sie 'sozialamt'? bekannte IDs: geheim, sozialamt")]


@pytest.mark.parametrize(("links", "message"), [
    ("[{path: strait, reason: Weil.}]",
     "see_also[0].path: unbekannter Wegweiser 'strait'; meinten Sie 'streit'? bekannte IDs: streit, sturz"),
    ("[{path: streit, reason: Weil.}]",
     "see_also[0].path: 'streit' verweist auf sich selbst; entfernen Sie den Eintrag"),
    ("[{path: sturz, reason: Weil.}, {path: sturz, reason: Auch.}]",
     "see_also[1].path: 'sturz' steht schon in Zeile 10; jeder Weg zählt nur einmal – entfernen Sie die Wiederholung"),
])
def test_a_cross_link_to_an_unknown_path_itself_or_twice(links: str, message: str) -> None:
    old = 'see_also: [{path: sturz, reason: "Stürzt jemand beim Streit, gilt der Notfallweg."}]'
    _, problems = tiny_with(replaced("city/wegweiser/streit.yml", old, f"see_also: {links}"))
    assert problems == [("city/wegweiser/streit.yml", 10, message)]


def test_a_step_as_text_or_as_data_and_a_wrong_key_in_a_step() -> None:
    project, problems = tiny_with({})
    sturz = next(path for path in project.help_paths if path.id == "sturz")
    assert [step.text for step in sturz.who_helps] == ["Rettungsdienst", "Sozialamt Teststadt"]
    assert sturz.all_contacts == ["sozialamt", "geheim"]
    assert [(number, deadline.law) for number, deadline in sturz.deadlines] == [(2, "§ 84 SGG")]
    _, problems = tiny_with(replaced("city/wegweiser/streit.yml", "office: Schiedsstelle", "stelle: Schiedsstelle"))
    assert [(path, line) for path, line, _ in problems] == [("city/wegweiser/streit.yml", 6)]
    assert "who_helps[0].stelle" in problems[0][2]


def test_the_matrix_names_an_office_a_step_needs_that_the_directory_lacks() -> None:
    project, _ = tiny_with({})
    matrix = responsibility_matrix(project)
    assert [(gap.path.id, gap.office) for gap in matrix.unlisted] == [("streit", "Schiedsstelle")]
    assert not matrix.complete
    listed, _ = tiny_with(replaced("city/wegweiser/streit.yml", "office: Schiedsstelle",
                                   "office: Sozialamt, contacts: [sozialamt]"))
    assert responsibility_matrix(listed).unlisted == () and responsibility_matrix(listed).complete


def test_a_help_path_naming_an_unknown_module() -> None:
    _, problems = tiny_with(replaced("city/wegweiser/streit.yml", "modules: [M02]", "modules: [M07]"))
    assert problems == [("city/wegweiser/streit.yml", 9,
                         "modules[0]: unbekanntes Modul 'M07'; meinten Sie 'M02'? bekannte IDs: M01–M02")]


def test_an_unknown_actor_in_a_relation() -> None:
    _, problems = tiny_with(replaced("city/netzwerk.yml", "{source: helferin, kind: begleitet, target: person}",
                                     "{source: helferin, kind: begleitet, target: persn}"))
    assert problems == [("city/netzwerk.yml", 10, "relations[0].target: unbekannter Akteur 'persn'; meinten Sie "
                                                  "'person'? bekannte IDs: amt, helferin, person, runde; Akteure "
                                                  "stehen unter 'actors' in derselben Datei")]


def test_an_actor_naming_an_unknown_contact() -> None:
    _, problems = tiny_with(replaced("city/netzwerk.yml", "contact: sozialamt}", "contact: jugendamt}"))
    assert problems == [("city/netzwerk.yml", 6, "actors[1].contact: unbekannter Kontakt 'jugendamt'; "
                                                 "bekannte IDs: geheim, sozialamt")]


@pytest.mark.parametrize(("value", "message"), [
    ("-3", "indicators[0].values[0].value: -3 geht nicht: der Wert muss mindestens 0 sein"),
    ("viele", "indicators[0].values[0].value: Zahl erwartet, gefunden: 'viele'"),
    ("[7]", "indicators[0].values[0].value: Zahl erwartet, gefunden: [7]"),
])
def test_a_negative_or_non_numeric_indicator_value(value: str, message: str) -> None:
    _, problems = tiny_with(replaced("city/wirkung.yml", "value: 7,", f"value: {value},"))
    assert problems == [("city/wirkung.yml", 11, message)]


def test_a_measurement_dated_in_the_future() -> None:
    project, problems = tiny_with(replaced("city/wirkung.yml", "date: 2026-09-30", "date: 2027-09-30"))
    assert problems == []
    found = [str(p) for p in date_problems(project, today=date(2026, 11, 20)) if not p.warning]
    assert found == ["city/wirkung.yml:11: indicators[0].values[0].date: 30.09.2027 liegt in der Zukunft (heute "
                     "ist 20.11.2026); tragen Sie das Datum ein, an dem geprüft oder gemessen wurde"]


def test_a_legal_stand_may_lie_ahead_a_check_may_not() -> None:
    project, _ = tiny_with(replaced("contacts/sozialamt.yml", "verified: 2026-11-01", "verified: 2026-12-24"))
    found = [str(p) for p in date_problems(project, today=date(2026, 11, 20)) if not p.warning]
    assert found == ["contacts/sozialamt.yml:9: verified: 24.12.2026 liegt in der Zukunft (heute ist 20.11.2026); "
                     "tragen Sie das Datum ein, an dem geprüft oder gemessen wurde"]


# --- stale data ---------------------------------------------------------------------------------

def test_stale_dates_are_warnings_with_file_and_line() -> None:
    # the engine default: 365 days; the module was last checked long ago, so its legal source is stale
    project, _ = tiny_with(replaced("curriculum/modules/M01-grundlagen.md", "updated: 2026-11-01",
                                    "updated: 2025-06-01"))
    problems = date_problems(project, today=date(2026, 11, 20))
    assert all(problem.warning for problem in problems)
    assert [str(p) for p in problems if p.path == "curriculum/modules/M01-grundlagen.md"] == [
        "curriculum/modules/M01-grundlagen.md:19: updated: Warnung: die inhaltliche Prüfung ist 537 Tage alt "
        "(Stand 01.06.2025), erlaubt sind 365 (stale_after_days in programme.yml); prüfen Sie die Angabe und "
        "tragen Sie das neue Datum ein",
        "curriculum/modules/M01-grundlagen.md:18: sources[0].stand: Warnung: der Stand der Quelle (01.01.2025) ist "
        "537 Tage alt (zuletzt geprüft 01.06.2025), erlaubt sind 365 (stale_after_days in programme.yml); prüfen "
        "Sie die Angabe und tragen Sie das neue Datum ein"]


def test_a_law_of_an_earlier_year_is_not_stale_when_its_module_was_checked_recently() -> None:
    project, _ = tiny_with({})  # M01 cites a law with Stand 2025-01-01 and was checked on 2026-11-01
    problems = date_problems(project, today=date(2026, 11, 20))
    assert [str(p) for p in problems if p.path == "curriculum/modules/M01-grundlagen.md"] == []
    assert "contacts/geheim.yml:1: verified: Warnung: die Angaben der Stelle: noch nie geprüft; tragen Sie das " \
           "Datum der Prüfung ein (JJJJ-MM-TT)" in [str(p) for p in problems]


def test_only_the_newest_indicator_value_must_be_recent() -> None:
    project, _ = tiny_with(replaced("programme.yml", "website:", "stale_after_days: 30\nwebsite:"))
    problems = [str(p) for p in date_problems(project, today=date(2026, 12, 15)) if p.path == "city/wirkung.yml"]
    assert problems == [
        "city/wirkung.yml:25: updated: Warnung: die inhaltliche Prüfung ist 44 Tage alt (Stand 01.11.2026), erlaubt "
        "sind 30 (stale_after_days in programme.yml); prüfen Sie die Angabe und tragen Sie das neue Datum ein",
        "city/wirkung.yml:12: indicators[0].values[1].date: Warnung: der Messwert „Begleitete Personen“ (2026, 4. "
        "Quartal) ist 45 Tage alt (Stand 31.10.2026), erlaubt sind 30 (stale_after_days in programme.yml); prüfen "
        "Sie die Angabe und tragen Sie das neue Datum ein"]


def test_strict_dates_make_stale_data_errors() -> None:
    project, _ = tiny_with({})
    problems = date_problems(project, today=date(2026, 11, 20), strict=True)
    assert problems and not any(problem.warning for problem in problems)


def test_check_command_warns_and_strict_dates_fails(tiny: Path) -> None:
    """A module last checked in June 2025 is stale on any day after June 2026, and so is its law."""
    module = tiny / "curriculum/modules/M01-grundlagen.md"
    module.write_text(module.read_text(encoding="utf-8").replace("updated: 2026-11-01", "updated: 2025-06-01"),
                      encoding="utf-8")

    def run(*flags: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "engine", "--root", str(tiny), "check", *flags],
                              capture_output=True, text=True, check=False, cwd=REPO)

    relaxed, strict = run(), run("--strict-dates")
    assert relaxed.returncode == 0 and "Warnung: der Stand der Quelle" in relaxed.stderr
    # Not „alles in Ordnung“ while warnings remain: the verdict counts them, as the report does.
    warnings = re.search(r"^0 Fehler und (\d+) Warnungen gefunden\.$", relaxed.stderr, re.M)
    assert warnings is not None
    assert relaxed.stdout.startswith(f"Nachbarschaftsnetz Teststadt: keine Fehler, {warnings.group(1)} Warnungen – ")
    assert strict.returncode == 1 and "Warnung" not in strict.stderr
    assert "curriculum/modules/M01-grundlagen.md:18: sources[0].stand: der Stand der Quelle (01.01.2025) ist" \
        in strict.stderr
    assert re.search(r"^\d+ Fehler gefunden\.$", strict.stderr, re.M)


# --- the map ------------------------------------------------------------------------------------

def test_map_dot_source_has_ascii_ids_and_german_labels() -> None:
    network = load_checked(TINY).network
    assert network is not None
    source = network_map.dot_source(network)
    ids = re.findall(r"^\s+(\S+) \[label=", source, re.M)
    assert ids == ["a0", "a1", "a2", "a3"]
    assert 'fillcolor="#fff3b0"' in source  # the group's colour (the legend names it)
    assert 'label="Ältere Person"' in source and "a1 -> a0" in source and 'style="dashed"' in source


def test_map_svg_has_every_actor_and_relation_and_is_accessible() -> None:
    network = load_checked(TINY).network
    assert network is not None
    svg = network_map.network_svg(network)
    assert svg.startswith("<svg")
    assert re.search(r'<svg[^>]* role="img"[^>]* aria-labelledby="svg-netzwerkkarte-title svg-netzwerkkarte-desc"',
                     svg)
    assert re.findall(r"<title[^>]*>(.*?)</title>", svg) == ["Netz im Viertel Teststadt"]
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S)
    assert desc is not None
    drawn = " ".join(re.findall(r">([^<]+)</text>", svg))  # a long name is wrapped over lines, between words
    for actor in network.actors:
        assert actor.name in drawn
    # A short name: the title and one sentence; the relations themselves are in the table, once.
    assert desc.group(1) == "3\u00a0Beziehungen zwischen 4\u00a0Akteuren; die Tabelle „Beziehungen“ nennt sie alle."
    assert len(f"{network.title} {desc.group(1)}") <= 200
    # Every label has the same size, so the map is sized by its labels.
    assert set(re.findall(r'font-size="([\d.]+)"', svg)) == {"10.00"}
    assert len(re.findall(r'class="edge"', svg)) == len(network.relations)
    assert "<!--" not in svg and "a0" not in re.sub(r'id="[^"]*"', "", svg)


# --- charts -------------------------------------------------------------------------------------

def test_chart_is_reproducible_text_svg_and_names_unmeasured_values() -> None:
    indicators = load_checked(TINY).indicators
    assert indicators is not None
    begleitete = indicators.indicators[0]
    drawing_cache.forget()
    first = charts.chart_svg(begleitete)
    drawing_cache.forget()
    assert charts.chart_svg(begleitete) == first  # same data, same bytes
    assert re.findall(r"<title[^>]*>(.*?)</title>", first) == ["Diagramm: Begleitete Personen"]
    assert 'role="img"' in first and "<style" not in first and "<metadata" not in first
    assert ">noch nicht erhoben</text>" in first and ">Begleitete Personen</text>" in first
    assert "Ziel: 20 Personen (bis 2028). Messwerte: 2026, 3. Quartal: 7 Personen; 2026, 4. Quartal: noch " \
           "nicht erhoben." in first


# --- the cache ----------------------------------------------------------------------------------

def test_drawings_are_cached_by_their_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    run_dot, plot = network_map._run_dot, charts._plot
    monkeypatch.setattr(network_map, "_run_dot", lambda source: calls.append("dot") or run_dot(source))
    monkeypatch.setattr(charts, "_plot", lambda spec: calls.append("plot") or plot(spec))
    project = load_checked(TINY)
    cache = tmp_path / "cache"
    drawing_cache.forget()
    first = draw(project, cache)
    # the map, its overview, one chart (the indicator without a measured value has none)
    assert calls == ["dot", "dot", "plot"]
    assert len(list(cache.glob("*.svg"))) == 3
    calls.clear()
    drawing_cache.forget()  # a new build process: only the folder remains
    assert draw(project, cache) == first
    assert calls == []
    changed, _ = tiny_with(replaced("city/wirkung.yml", "value: 7,", "value: 8,"))
    drawing_cache.forget()
    draw(changed, cache)
    assert calls == ["plot"]  # only the chart whose data changed


# --- pages --------------------------------------------------------------------------------------

def test_city_pages_show_paths_map_matrix_and_impact(tiny_site: BuildResult) -> None:
    overview = table_rows(tiny_site.page("stadt/wegweiser/index.html"))
    assert overview[1:] == [["Sturz in der Wohnung", "Notfall", "Ansprechen und bei Bewusstlosigkeit sofort die "
                                                                  "112 rufen."],
                            ["Streit im Haus", "Alltag", "Beide Seiten anhören."]]
    path = visible_text(tiny_site.page("stadt/wegweiser/sturz.html"))
    assert "Notfall Bei Lebensgefahr rufen Sie die 112." in path
    assert "Zuständige Stellen Sozialamt Teststadt Was Nachbar:innen tun dürfen" in path  # not the internal one
    assert "M01 · Grundlagen der Nachbarschaftshilfe" in path and "zuletzt geprüft am 01.11.2026" in path
    network = tiny_site.page("stadt/netzwerkkarte.html")
    assert '<svg' in network and 'role="img"' in network
    assert ["Sozialamt der Teststadt", "berät", "Helferin im Viertel", "Vorschlag"] in table_rows(network)
    assert 'href="../kontakte/amt.html#sozialamt"' in network
    assert ["Teamrunde", "Koordination", "", "nicht öffentlich"] in table_rows(network)
    matrix = table_rows(tiny_site.page("stadt/zustaendigkeiten.html"))
    assert matrix[0] == ["Thema", "Genannte Stellen"]  # a column per office ran off the page at 17 offices
    assert matrix[1:3] == [["Sturz in der Wohnung", "Sozialamt Teststadt"],
                           ["Streit im Haus", "Lücke: keine Stelle benannt"]]
    matrix_text = tight(visible_text(tiny_site.page("stadt/zustaendigkeiten.html")))
    assert "Offene Zuständigkeiten: Streit im Haus." in matrix_text
    assert "Im Verzeichnis noch nicht erfasst: Schiedsstelle (Weg Streit im Haus)." in matrix_text
    assert "Für jedes Thema ist mindestens eine Stelle genannt" not in matrix_text
    impact = visible_text(tiny_site.page("stadt/wirkung.html"))
    assert "2026, 4. Quartal 31.10.2026 noch nicht erhoben unbekannt" in impact
    assert "Stunden im Monat (Vorschlag)" in impact and "erste Erhebung: noch offen – noch nicht erhoben" in impact
    assert "Diagramm: Begleitete Personen" in tiny_site.page("stadt/wirkung.html")


def test_a_help_path_page_shows_deadlines_step_offices_and_cross_links(tiny_site: BuildResult) -> None:
    sturz = tiny_site.page("stadt/wegweiser/sturz.html")
    text = visible_text(sturz)
    assert ("Frist: Sobald ein Bescheid kommt Am selben Tag die Koordination anrufen. Widerspruch ist einen Monat "
            "lang möglich. Rechtsgrundlage: § 84 SGG. Siehe Schritt 2 unter „Wer hilft“.") in text
    assert text.index("Frist: Sobald ein Bescheid kommt") < text.index("Jemand ist gestürzt")
    assert "Sozialamt Teststadt Frist: Sobald ein Bescheid kommt – siehe oben. Stelle: Sozialamt Teststadt" in text
    assert 'href="../../kontakte/amt.html#sozialamt"' in sturz
    streit = tiny_site.page("stadt/wegweiser/streit.html")
    text = tight(visible_text(streit))
    assert "Stelle: Schiedsstelle – im Verzeichnis noch nicht erfasst" in text
    assert "Siehe auch Sturz in der Wohnung: Stürzt jemand beim Streit, gilt der Notfallweg." in text
    assert 'href="sturz.html"' in streit


def test_a_help_path_card_prints_deadlines_short_forms_and_cross_links(tiny_site: BuildResult) -> None:
    handouts = tiny_site.site / "handouts"
    sturz = pdf_text(handouts / "wegweiser-sturz.pdf")
    assert "Frist – Sobald ein Bescheid kommt: Am selben Tag die Koordination anrufen. (§ 84 SGG)" in sturz
    assert "Widerspruch ist einen Monat" not in sturz  # the explanation is the page's
    streit = pdf_text(handouts / "wegweiser-streit.pdf")
    assert "Wer hilft Koordination (Schiedsstelle: im Verzeichnis noch nicht erfasst)" in streit
    assert "hört beide Seiten an" not in streit  # the short form, not the text
    assert "Siehe auch: Wegweiser „Sturz in der Wohnung“." in streit
    assert len(pypdf.PdfReader(handouts / "wegweiser-streit.pdf").pages) == 1


def test_a_card_grows_its_type_to_fill_both_sides_only_in_between() -> None:
    one_side = "<p>" + "x" * 58 + "</p>"
    assert card_lines(one_side * 3 + "<h2>Wer hilft</h2><ol><li>a</li></ol><svg><p>drawn</p></svg>") == 3 + 1.6 + 1
    assert card_type_size(20) == CARD_SIZE  # fits one side
    assert card_type_size(60) == CARD_SIZE  # fills both sides as it is
    assert CARD_SIZE < card_type_size(45) < card_type_size(35) <= LARGEST_SIZE
    assert card_type_size(30.5) == LARGEST_SIZE


def test_dossier_page_has_every_section(tiny_site: BuildResult) -> None:
    text = visible_text(tiny_site.page("stadt/dossier.html"))
    for section in ("Das Netz in Kürze", "Die Netzwerkkarte", "Zuständigkeiten", "Was wir vom Amt erbitten",
                    "Wirkung", "Schritte zum Ratsbeschluss", "Quellen", "Stand: 01.11.2026"):
        assert section in text


def test_a_programme_without_city_data_has_no_city_pages(solo: BuildResult) -> None:
    assert not (solo.site / "stadt").exists()
    handouts = solo.site / "handouts"
    assert not list(handouts.glob("wegweiser*")) and not (handouts / "dossier.pdf").exists()
    assert "Wegweiser" not in solo.page("index.html")


# --- handouts -----------------------------------------------------------------------------------

def test_help_path_cards_are_a5_and_the_responsibilities_a4_a_topic_a_row(tiny_site: BuildResult) -> None:
    handouts = tiny_site.site / "handouts"
    card = pypdf.PdfReader(handouts / "wegweiser-sturz.pdf").pages[0].mediabox
    assert (round(float(card.width)), round(float(card.height))) == (420, 595)
    responsibilities = pypdf.PdfReader(handouts / "zustaendigkeiten.pdf").pages[0].mediabox
    assert (round(float(responsibilities.width)), round(float(responsibilities.height))) == (595, 842)
    # A column per office ran off the landscape page at 17 offices: the offices are listed per topic.
    assert "Genannte Stellen" in pdf_text(handouts / "zustaendigkeiten.pdf")
    text = pdf_text(handouts / "wegweiser-sturz.pdf")
    assert "Notfall: Bei Lebensgefahr rufen Sie die 112." in text and "Sozialamt Teststadt" in text
    assert "INTERNER-KONTAKT" not in pdf_text(handouts / "wegweiser.pdf")


def test_dossier_pdf_has_every_section_and_the_drawings_as_vectors(tiny_site: BuildResult) -> None:
    path = tiny_site.site / "handouts" / "dossier.pdf"
    text = pdf_text(path)
    for section in ("Das Netz in Kürze", "Die Netzwerkkarte", "Zuständigkeiten", "Was wir vom Amt erbitten",
                    "Wirkung", "Schritte zum Ratsbeschluss", "Quellen", "Stand 01.11.2026"):
        assert section in text, section
    # Text drawn inside the SVGs is text in the PDF: the drawings are vectors, and not blank.
    for label in ("Helferin im Viertel", "Ältere Person", "Sozialamt der Teststadt", "finanziert",
                  "Begleitete Personen", "noch nicht erhoben"):
        assert label in text, label


def test_a_glossary_checked_as_a_whole_keeps_its_legal_figures_fresh() -> None:
    def glossary_warnings(changes: dict[str, str]) -> list[str]:
        project, _ = tiny_with(changes)
        return [p.message for p in date_problems(project, today=date(2026, 11, 20))
                if p.path == "curriculum/glossary.yml"]

    assert glossary_warnings({}) == [
        "der Stand der Erklärung ist 688 Tage alt (Stand 01.01.2025), erlaubt sind 365 (stale_after_days in "
        "programme.yml); prüfen Sie die Angabe und tragen Sie das neue Datum ein"]
    assert glossary_warnings(replaced("curriculum/glossary.yml", "terms:", "updated: 2026-11-01\nterms:")) == []


def test_a_help_path_shows_its_pictogram_on_the_page_and_the_card(tiny_site: BuildResult) -> None:
    page = tiny_site.page("stadt/wegweiser/sturz.html")
    assert '<svg class="qp-icon"' in page and 'aria-label="Ein Mensch mit Gehstock"' in page
    index = json.loads((tiny_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "Ein Mensch mit Gehstock" not in " ".join(doc["text"] for doc in index["docs"])


# --- costs and funding --------------------------------------------------------------------------

def test_cost_totals_keep_sourced_assumed_and_open_apart() -> None:
    funding = load_checked(TINY).funding
    totals = cost_totals(funding)
    assert [(total.period, total.sourced, total.assumed, [item.id for item in total.open_items])
            for total in totals.periods] == [("jahr", 12000, 1800, []), ("einmalig", 0, 0, ["schulung"])]
    # The assumed sum says what it covers: a committee read one small figure as the whole cost.
    assert totals.sentence() == ("Belegt sind 12.000\u00a0€ im Jahr; als Annahme gerechnet 1.800\u00a0€ im Jahr "
                                 "für 1 Posten; 1 von 3 hat noch keinen Betrag: Die Kosten sind zum Teil offen, "
                                 "nicht null.")


def test_amounts_are_written_as_german_readers_write_them() -> None:
    assert [euro(15192), euro(1234.5), euro(0), euro(0.004)] == [
        "15.192\u00a0€", "1.234,50\u00a0€", "0\u00a0€", "0\u00a0€"]


@pytest.mark.parametrize(("old", "new", "line", "code"), [
    # an amount needs a source or the mark of an assumption; unknown stays empty
    ("    assumption: true\n", "", 11, "field.value-error"),
    ("funded_by: [landesfoerderung]", "funded_by: [landesfoerdrung]", 10, "reference.unknown"),
    ("  - id: raeume", "  - id: koordination", 11, "funding.id-duplicate"),
])
def test_a_cost_item_that_is_not_sourced_or_names_an_unknown_fund(old: str, new: str, line: int,
                                                                  code: str) -> None:
    problems = tiny_problems(replaced("city/finanzierung.yml", old, new))
    assert [(p.path, p.line, p.code) for p in problems] == [("city/finanzierung.yml", line, code)]


def test_the_unknown_fund_is_named_with_a_guess() -> None:
    _, problems = tiny_with(replaced("city/finanzierung.yml", "funded_by: [landesfoerderung]",
                                     "funded_by: [landesfoerdrung]"))
    assert problems == [("city/finanzierung.yml", 10, "costs[0].funded_by[0]: unbekannte Geldquelle "
                         "'landesfoerdrung'; meinten Sie 'landesfoerderung'? bekannte IDs: landesfoerderung; "
                         "Geldquellen stehen unter 'funding' in derselben Datei")]


def test_a_dossier_part_without_its_data() -> None:
    without_costs = tiny_problems({}, removed=("city/finanzierung.yml",))
    assert [(p.path, p.line, p.code) for p in without_costs] == [("city/dossier.yml", 28, "dossier.costs-missing")]
    text = (TINY / "city/dossier.yml").read_text(encoding="utf-8")
    start, end = text.index("resolution:"), text.index("timeline:")
    _, problems = tiny_with({"city/dossier.yml": text[:start] + text[end:]})
    assert [message for _, _, message in problems] == [
        "der Abschnitt „Beschlussvorschlag“ zeigt den Teil 'beschluss', aber 'resolution' fehlt; tragen Sie "
        "'resolution' ein oder entfernen Sie 'part'"]


# --- indicators worth reading -------------------------------------------------------------------

def test_an_indicator_gets_a_chart_only_with_a_measured_value() -> None:
    assert set(draw(load_checked(TINY)).charts) == {"begleitete"}  # „Stunden im Monat“ has no value yet
    unmeasured, _ = tiny_with(replaced("city/wirkung.yml", "value: 7, ", ""))
    assert draw(unmeasured).charts == {}  # no bare axes for a value not measured


def test_impact_page_names_who_measures_and_the_first_survey(tiny_site: BuildResult) -> None:
    page = tiny_site.page("stadt/wirkung.html")
    text = visible_text(page)
    for shown in ("Wer misst Koordination des Vereins", "Wie oft vierteljährlich", "Erste Erhebung 3. Quartal 2026",
                  "Ausgangswert 0 Personen beim Start des Netzes", "Bericht an Sozialamt Teststadt",
                  "Datenschutz Gezählt werden nur Stunden, keine Namen."):
        assert shown in text, shown
    assert ["erste Erhebung: noch offen", "–", "noch nicht erhoben", "–"] in table_rows(page)
    assert "Diagramm: Begleitete Personen" in page and "Diagramm: Stunden im Monat" not in page


# --- the dossier for a decision -----------------------------------------------------------------

def test_dossier_page_shows_the_decision_costs_timeline_and_risks(tiny_site: BuildResult) -> None:
    page = tiny_site.page("stadt/dossier.html")
    text = visible_text(page)
    for shown in ("Worüber entschieden wird Der Rat soll das Netz im Viertel zwei Jahre lang mittragen.",
                  "Worum wer gebeten wird Sozialamt Teststadt : Das Netz beraten.",
                  "Was es kostet Belegt sind 12.000 € im Jahr", "Der Rat der Teststadt beschließt:",
                  "Was noch offen ist: Schulung der Helfer:innen."):
        assert shown in text, shown
    rows = table_rows(page)
    assert ["Koordination im ViertelGeld aus: Landesförderung für Nachbarschaftsnetze", "12.000 € im Jahr",
            "Eine halbe Stelle laut Haushaltsplan des Vereins.", "Quelle: Haushaltsplan des Vereins 2027"] in rows
    assert ["Raum für die Teamrunde", "1.800 € im Jahr",
            "150 € im Monat, geschätzt nach der Miete eines Vereinsraums.", "Annahme"] in rows
    assert ["Schulung der Helfer:innen", "offen (einmalig)", "Zwei Kurstage; wer sie bezahlt, ist offen.",
            "offen"] in rows
    assert ["3. Quartal 2027", "Start im Viertel.", "noch offen"] in rows
    assert ["Anstellung", "Niemand stellt die Koordination an.", "Der Verein stellt sie an, das Amt fördert.",
            "Verein"] in rows
    assert 'href="https://www.example.org/amtsblatt"' in page
    assert "Protokoll der Vereinssitzung. – Stand: 01.10.2026" in text


def test_dossier_pdf_stands_alone_for_a_decision(tiny_site: BuildResult) -> None:
    path = tiny_site.site / "handouts" / "dossier.pdf"
    pages = page_layouts(path)
    first = " ".join(pages[0].text.split())
    assert first.startswith("Dossier für den Rat der Teststadt Netz Teststadt Dossier für den Rat der Teststadt "
                            "Auf einen Blick")  # running header, then the title and the summary
    for shown in ("Worüber entschieden wird", "Worum wer gebeten wird", "Sozialamt Teststadt: Das Netz beraten.",
                  "Was es kostet Belegt sind 12.000 € im Jahr", "Was es bringen soll", "Bis wann"):
        assert shown in first, shown
    assert "Beschlussvorschlag" not in first  # the summary has its page to itself
    text = pdf_text(path)
    for shown in ("Der Rat der Teststadt beschließt:", "Das Netz im Viertel wird zwei Jahre lang erprobt.",
                  "Quelle: Haushaltsplan des Vereins 2027", "Annahme", "offen (einmalig)",
                  "Was noch offen ist: Schulung der Helfer:innen", "Die Stadt trägt 10 % der Kosten.",
                  "1. Quartal 2027 Beschluss im Rat. Rat der Teststadt", "Niemand stellt die Koordination an.",
                  "Wer misst", "Koordination des Vereins", "noch nicht erhoben, erste Erhebung: noch offen",
                  "Gezählt werden nur Stunden, keine Namen.", "Akteure", "Teamrunde Koordination – nicht öffentlich",
                  "Streit im Haus Lücke: keine Stelle benannt", "Themen des Verzeichnisses",
                  "Hilfe zur Pflege Sozialamt Teststadt", "https://www.example.org/amtsblatt", "Stand: 01.10.2026"):
        assert shown in text, shown
    # A4 portrait, but the map on its own A4-landscape page
    assert all((round(page.width), round(page.height)) == ((842, 595) if page.landscape else (595, 842))
               for page in pages)
    assert [page.number for page in pages if page.landscape] and \
        all("Netzwerkkarte" in page.text for page in pages if page.landscape)
    assert nearly_empty(pages, 0.25) == []
    assert spilled(pages) == []


def test_a_chapter_of_a_running_document_may_ask_for_a_landscape_page(tmp_path: Path) -> None:
    """The place a wide part of the dossier (the network map) takes: its own A4-landscape pages."""
    printer = Printer(REGISTRY, MarkdownSetup.of([], {}), "", load_checked(TINY))
    chapters = [Chapter("Eins", Markup("<p>Erster Teil.</p>")), Chapter("Zwei", Markup("<p>Zweiter Teil.</p>")),
                Chapter("Quer", Markup("<p>Eine breite Tabelle.</p>"), page="landscape"),
                Chapter("Drei", Markup("<p>Weiter im Hochformat.</p>"))]
    handout = printer.document("probe.pdf", "Probe", chapters, "Stand heute", "index.md", page_class="flow")
    path = tmp_path / "probe.pdf"
    path.write_bytes(render_pdf(handout.html, REPO, handout.title, handout.base))
    pages = page_layouts(path)
    parts = ("Erster Teil.", "Zweiter Teil.", "Eine breite Tabelle.", "Weiter im Hochformat.")
    assert [(page.landscape, [part for part in parts if part in page.text]) for page in pages] == [
        (False, ["Erster Teil.", "Zweiter Teil."]), (True, ["Eine breite Tabelle."]),
        (False, ["Weiter im Hochformat."])]


def test_the_map_legend_on_the_page_shows_each_group_in_its_colour(tiny_site: BuildResult) -> None:
    """The swatches were black: the page's Markdown escaping had turned `#fde7c8` into `\\#fde7c8`."""
    network = tiny_site.page("stadt/netzwerkkarte.html")
    fills = re.findall(r'<svg class="qp-swatch"[^>]*><rect [^>]*fill="([^"]*)"', network)
    assert fills and all(re.fullmatch(r"#[0-9a-f]{6}", fill) for fill in fills), fills


# --- a dossier for some places only --------------------------------------------------------------

NEIGHBOUR_TOWN_OFFICE = """\
    id: sozialamt-nachbarort
    name: Sozialamt Nachbarort
    kind: amt
    topics: [hilfe-zur-pflege]
    city: Nachbarort
    verified: 2026-11-01
"""


def test_a_dossier_for_some_places_names_only_their_offices_as_responsible() -> None:
    """A programme serving two cities lists both cities' offices on a help path; the dossier for
    one city named the other's Sozialamt as responsible."""
    text = (TINY / "city/dossier.yml").read_text(encoding="utf-8")
    sturz = (TINY / "city/wegweiser/sturz.yml").read_text(encoding="utf-8")
    project, problems = tiny_with({
        "contacts/sozialamt-nachbarort.yml": NEIGHBOUR_TOWN_OFFICE,
        "city/wegweiser/sturz.yml": sturz.replace("contacts: [sozialamt]",
                                                  "contacts: [sozialamt, sozialamt-nachbarort]"),
        "city/dossier.yml": text + "areas: [Teststadt]\n"})
    assert problems == []
    everywhere = responsibility_matrix(project)
    here = responsibility_matrix(in_areas(project, project.dossier.areas))
    assert "Sozialamt Nachbarort" in {contact.name for contact in everywhere.columns}
    assert [contact.name for contact in here.columns] == [c.name for c in everywhere.columns if c.city != "Nachbarort"]
    assert all("Nachbarort" not in contact.name for topic in here.topics for contact in topic.contacts)
    assert in_areas(project, []) is project


def test_a_dossier_place_no_contact_has_is_an_error_at_its_line(tiny: Path) -> None:
    dossier = tiny / "city/dossier.yml"
    text = dossier.read_text(encoding="utf-8")
    dossier.write_text(text + "areas:\n  - Teststadt\n  - Testtstadt\n", encoding="utf-8")
    problems = [p for p in check_project(tiny)[1] if p.code == "dossier.area-unknown"]
    assert [(p.path, p.line) for p in problems] == [("city/dossier.yml", text.count("\n") + 3)]
    assert "meinten Sie 'Teststadt'?" in problems[0].message
