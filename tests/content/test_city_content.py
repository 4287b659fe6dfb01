"""Our city instruments: the ten help paths, the network, the indicators and the dossier."""

from __future__ import annotations

import io
import json
import re
import subprocess
from typing import Any

import pypdf
import pytest
from builders import REPO, BuildResult, pdf_text, table_rows, visible_text
from pdf_layout import nearly_empty, page_layouts, spilled
from pdf_sizes import map_page_of, printed_sizes

from engine.features.city import network_map
from engine.features.city.model import Network
from engine.features.city.responsibilities import responsibility_matrix
from engine.portal import load_checked

PROJECT = load_checked(REPO)
PATHS = {path.id: path for path in PROJECT.help_paths}
TELEFONSEELSORGE = ("0800 111 0 111", "0800 111 0 222", "116 123")


def test_the_help_paths_of_the_issue() -> None:
    assert {path.id for path in PROJECT.help_paths} == {
        "mietschulden", "nachbarschaftskonflikt", "wachsender-pflegebedarf", "anzeichen-demenz", "einsamkeit",
        "sturz-zu-hause", "pflegeversicherung-antraege", "ueberlastete-angehoerige", "verdacht-auf-gewalt",
        "akute-krise", "wohnung-anpassen"}
    for path in PROJECT.help_paths:
        assert path.modules and all(module_id in PROJECT.module_by_id for module_id in path.modules), path.id


def test_emergencies_name_the_right_numbers() -> None:
    by_id = {path.id: path for path in PROJECT.help_paths}
    crisis = by_id["akute-krise"].emergency or ""
    assert "112" in crisis and "110" in crisis and all(number in crisis for number in TELEFONSEELSORGE)
    assert "112" in (by_id["sturz-zu-hause"].emergency or "")
    assert "110" in (by_id["verdacht-auf-gewalt"].emergency or "")
    for path_id in ("ueberlastete-angehoerige", "einsamkeit"):
        assert all(number in (by_id[path_id].emergency or "") for number in TELEFONSEELSORGE), path_id


def test_indicator_targets_come_from_the_seeds_and_proposals_are_marked() -> None:
    assert PROJECT.indicators is not None
    indicators = {indicator.id: indicator for indicator in PROJECT.indicators.indicators}
    targets = {i.id: (i.target.minimum, i.target.maximum) for i in indicators.values() if i.target}
    assert targets == {"versorgte-pflegebeduerftige": (100, None), "engagierte-nachbarinnen": (300, 500),
                       "nachbarinnen-je-person": (3, 6)}
    assert all(i.proposal for i in indicators.values() if i.id not in targets)
    assert not any(i.proposal for i in indicators.values() if i.id in targets)
    # Nothing has been measured yet; a value, once entered, names where it comes from.
    assert all(value.source for i in indicators.values() for value in i.values if value.value is not None)


def test_every_network_actor_and_relation_is_on_the_map_page(real_site: BuildResult) -> None:
    assert PROJECT.network is not None
    html = real_site.page("stadt/netzwerkkarte.html")
    start = html.rindex("<svg", 0, html.index('id="svg-netzwerkkarte"'))
    svg = html[start:html.index("</svg>", start)]
    for actor in PROJECT.network.actors:
        words = actor.name.split()
        assert all(word in svg for word in words), actor.name
    assert len(re.findall(r'class="edge"', svg)) == len(PROJECT.network.relations)
    assert re.findall(r"<title[^>]*>", svg) == ['<title id="svg-netzwerkkarte-title">']


def test_impact_page_says_what_is_not_measured(real_site: BuildResult) -> None:
    page = real_site.page("stadt/wirkung.html")
    text = visible_text(page)
    assert PROJECT.indicators is not None
    unmeasured = [i for i in PROJECT.indicators.indicators if not i.measured]
    assert text.count("erste Erhebung: noch offen – noch nicht erhoben") == len(unmeasured)
    assert "Ziel 300–500 Personen (in 3 Jahren)" in text
    # Nothing is measured yet: no chart with bare axes.
    assert "Diagramm:" not in page and "<figure" not in page


def test_every_indicator_says_who_measures_how_often_and_who_reads_the_report() -> None:
    assert PROJECT.indicators is not None
    indicators = {indicator.id: indicator for indicator in PROJECT.indicators.indicators}
    assert all(i.frequency and i.report_to for i in indicators.values())
    assert all(i.measured_by for i in indicators.values() if not i.proposal)
    assert indicators["kritische-ereignisse"].privacy and "nie Namen" in indicators["kritische-ereignisse"].privacy
    # The pilot has not started: the first survey is not decided and stays empty („noch offen“).
    assert all(i.first_survey is None for i in indicators.values())


def test_costs_are_sourced_assumed_or_open_and_nothing_else() -> None:
    funding = PROJECT.funding
    assert funding is not None
    amounts = {item.id: item.amount for item in funding.costs if item.amount is not None}
    # The one assumed figure is computed from the Minijob limit of facts.yml, nothing invented.
    limit = next(fact for fact in PROJECT.facts if fact.id == "minijob-grenze")
    assert limit.next is not None
    assert amounts == {"quartierpflegerinnen": 2 * limit.next.value * 12, "kurse": 0}
    assert all(item.assumption for item in funding.costs if item.id in amounts)
    funds = {source.id: source for source in funding.funding}
    assert {"foerderung-sachsen", "selbsthilfe", "hilfe-zur-pflege", "stadterneuerung", "lwb"} <= set(funds)
    saxony = funds["foerderung-sachsen"].legal_basis
    assert "§ 45c" in saxony and "§ 45d" in saxony and "SächsPflUVO" in saxony
    assert "SGB XII" in funds["hilfe-zur-pflege"].legal_basis
    assert "75\u00a0%" in (funds["selbsthilfe"].co_funding or "")  # ((foerderung-45d-anteil)) filled in


def test_dossier_claims_aims_and_its_timeline_starts_in_2027() -> None:
    dossier = PROJECT.dossier
    assert dossier is not None and dossier.glance is not None
    assert "sichert" not in dossier.summary and "soll" in dossier.summary
    assert all("soll" in benefit for benefit in dossier.glance.benefits)
    years = [int(year) for step in dossier.timeline for year in re.findall(r"\b(20\d\d)\b", step.when)]
    assert years and min(years) == 2027
    topics = " ".join(risk.topic for risk in dossier.risks)
    for topic in ("Fachkräfte anstellt", "Haftung", "Datenschutz", "Nachbar:innen gewinnen", "Ausstieg"):
        assert topic in topics, topic
    titles = [reference.title for reference in dossier.references]
    assert any("Älter werden in Leipzig 2023–2028" in title for title in titles)


def test_dossier_pdf_has_each_section_of_the_issue(real_site: BuildResult) -> None:
    path = real_site.site / "handouts" / "dossier.pdf"
    text = pdf_text(path)
    for section in ("Auf einen Blick", "Beschlussvorschlag (Entwurf)", "Das Modell in Kürze",
                    "Die Erfahrung aus Halle", "Das Pilotvorhaben in Leipzig", "Kosten und Finanzierung",
                    "Mögliche Geldquellen", "Zeitplan ab 2027", "Risiken und Steuerung", "Die Netzwerkkarte",
                    "Akteure", "Zuständigkeiten", "Themen des Verzeichnisses",
                    "Was das Modell von welchem Amt erbittet", "Wirkung und Evaluation",
                    "Bisherige Schritte (2020 und 2021)", "Quellen", "Stand 03.12.2026"):
        assert section in text, section
    for label in ("Die Ratsversammlung beschließt:", "Annahme", "Annahme (auf Grundlage: § 8 Abs.", "offen (im Jahr)",
                  "Was noch offen ist:", "1. Quartal 2027", "Wer misst, wie oft", "Kritische Ereignisse",
                  "noch nicht erhoben, erste Erhebung: noch offen", "Quartierslotse", "Seniorenbeirat",
                  "Hilfe zur Pflege Sozialamt der Stadt Leipzig", "Älter werden in Leipzig 2023–2028",
                  "https://www.recht.sachsen.de/vorschrift/19454"):
        assert label in text, label
    assert "QuartierPflege sichert" not in text


def test_dossier_pdf_reads_as_a_committee_member_reads_it(real_site: BuildResult) -> None:
    pages = page_layouts(real_site.site / "handouts" / "dossier.pdf")
    first, second = (" ".join(page.text.split()) for page in pages[:2])
    # The summary fits its one page: what is asked of whom, what it costs, what it brings, by when.
    for heading in ("Worüber entschieden wird", "Worum wer gebeten wird", "Was es kostet", "Was es bringen soll",
                    "Bis wann"):
        assert heading in first and heading not in second, heading
    assert "als Annahme gerechnet 15.192 € im Jahr für 2 Pos" in first  # not the whole cost („Pos- ten“)
    assert nearly_empty(pages, 0.25) == []
    assert spilled(pages) == []


def test_dossier_page_lists_costs_and_sources_with_their_addresses(real_site: BuildResult) -> None:
    page = real_site.page("stadt/dossier.html")
    rows = table_rows(page)
    assert any(row[:2] == ["Angestellte QuartierPfleger:innen im Minijob", "15.192 € im Jahr"] and
               row[3].startswith("Annahme") for row in rows)
    assert 'href="https://www.nakos.de/informationen/foerderung/pflege/key@8054"' in page
    assert "Stadt Leipzig, Sozialamt: Fachplan „Älter werden in Leipzig 2023–2028“ – Stand: unbekannt" in \
        visible_text(page)


# --- help paths that go all the way (issue 20, item 4) ----------------------------------------------

def test_rent_arrears_and_dementia_signs_link_each_other_with_a_reason() -> None:
    assert "anzeichen-demenz" in [also.path for also in PATHS["mietschulden"].see_also]
    assert "mietschulden" in [also.path for also in PATHS["anzeichen-demenz"].see_also]
    assert "wohnung-anpassen" in [also.path for also in PATHS["sturz-zu-hause"].see_also]


def test_rent_arrears_keep_the_deadlines_the_law_sets() -> None:
    laws = [deadline.law for _, deadline in PATHS["mietschulden"].deadlines]
    assert laws == ["§ 569 Abs. 3 Nr. 2 BGB", "§ 36 SGB XII; § 22 Abs. 8 SGB II"]
    first = PATHS["mietschulden"].deadlines[0][1]
    assert "Kündigung oder Räumungsklage" in first.when and "selben Tag" in first.act
    assert "2\u00a0Monate ab Zustellung der Räumungsklage" in (first.period or "")  # from facts.yml


def test_each_office_a_step_needs_is_in_the_directory() -> None:
    needed = {step.office for path in PROJECT.help_paths for step in path.who_helps if step.office}
    assert {"Betreuungsbehörde", "Schuldnerberatung", "Wohnberatung", "Sozialpsychiatrischer Dienst"} <= needed
    matrix = responsibility_matrix(PROJECT)
    assert matrix.unlisted == () and matrix.gaps == ()


def test_the_path_for_adapting_a_flat_names_the_grant_the_advice_and_the_landlord() -> None:
    path = PATHS["wohnung-anpassen"]
    text = " ".join(step.text for step in path.who_helps)
    assert "4.180\u00a0€ je Maßnahme" in text or "4.180 € je Maßnahme" in text
    assert {"wohnberatung-leipzig", "pflegeberatung-pflegekassen", "lwb-leipzig"} <= set(path.all_contacts)
    assert path.pictogram and path.pictogram_label and "M09" in path.modules


def test_the_matrix_says_every_topic_is_covered_only_because_it_is(real_site: BuildResult) -> None:
    text = visible_text(real_site.page("stadt/zustaendigkeiten.html"))
    assert "Für jedes Thema ist mindestens eine Stelle genannt, und jede Stelle, die ein Weg braucht, steht im " \
           "Verzeichnis." in text
    assert "Im Verzeichnis noch nicht erfasst" not in text


def test_the_rent_arrears_page_shows_its_deadlines_first_and_links_each_step_to_its_office(
        real_site: BuildResult) -> None:
    html = real_site.page("stadt/wegweiser/mietschulden.html")
    text = visible_text(html)
    assert text.index("Frist: Sobald eine Kündigung oder Räumungsklage da ist") < text.index("Eine Person erwähnt")
    assert "Die Schonfrist beträgt 2 Monate ab Zustellung der Räumungsklage" in text  # whitespace collapsed
    assert 'href="../../kontakte/' in html and "#betreuungsbehoerde-leipzig" in html
    assert 'href="anzeichen-demenz.html"' in html


# --- the A5 cards -----------------------------------------------------------------------------------

CARD = re.compile(r"wegweiser-(?P<id>[a-z0-9-]+?)\.pdf")
#: The card's margins (print.css, `@page card`): text between them is the card's, not the footer's.
TOP_MM, BOTTOM_MM = 12, 15


def text_pieces(pdf: bytes) -> list[list[tuple[float, float]]]:
    """(y from the page's bottom, type size) of every piece of text, per page, in points."""
    pages = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        found: list[tuple[float, float]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  found: list[tuple[float, float]] = found) -> None:
            if text.strip():
                found.append((cm[1] * tm[4] + cm[3] * tm[5] + cm[5], abs(size * (tm[3] or 1) * (cm[3] or 1))))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def page_fill(pdf: bytes) -> list[float]:
    """How far down each page's text reaches, from 0 (empty) to 1 (to the bottom margin)."""
    height = float(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
    top, bottom = height - TOP_MM * 72 / 25.4, BOTTOM_MM * 72 / 25.4
    fills = []
    for pieces in text_pieces(pdf):
        lines = [y for y, _ in pieces if bottom < y < top]  # not the running header and footer
        fills.append((top - min(lines)) / (top - bottom) if lines else 0.0)
    return fills


@pytest.fixture(scope="module")
def cards() -> dict[str, tuple[Any, bytes]]:
    """Every help path's card laid out as the handouts lay it out: {path id: (handout, PDF)}."""
    from engine.core.editions import Edition, for_edition
    from engine.core.pdf import render_document
    from engine.core.printer import MarkdownSetup
    from engine.portal import plan_handouts

    setup = MarkdownSetup.of(["toc", "tables", "admonition", "def_list", "attr_list", "md_in_html"],
                             {"toc": {"permalink": True}})
    project = for_edition(PROJECT, Edition.PUBLIC)
    return {match["id"]: (h, render_document(h.html, REPO, h.title, h.base).write_pdf())
            for h in plan_handouts(project, setup)
            if (match := CARD.fullmatch(h.name)) and not h.name.endswith("-grossdruck.pdf")}


def test_every_card_fills_one_side_or_both(cards: dict[str, tuple[Any, bytes]]) -> None:
    assert set(cards) == set(PATHS)
    fills = {path_id: [round(f, 2) for f in page_fill(pdf)] for path_id, (_, pdf) in cards.items()}
    wrong = {path_id: f for path_id, f in fills.items() if not (len(f) == 1 or (len(f) == 2 and f[1] >= 0.5))}
    assert wrong == {}, "Karten auf mehr als zwei Seiten oder mit halb leerer Rückseite (Anteil je Seite)"
    assert any(len(f) == 2 for f in fills.values()) and any(len(f) == 1 for f in fills.values())


def test_every_card_keeps_its_type_at_least_at_card_size(cards: dict[str, tuple[Any, bytes]]) -> None:
    for path_id, (_, pdf) in cards.items():
        sizes = sorted(size for pieces in text_pieces(pdf) for _, size in pieces)
        assert round(sizes[len(sizes) // 2], 1) >= 11, path_id  # the body's size: the median piece


def test_the_fill_measure_sees_a_half_empty_back(cards: dict[str, tuple[Any, bytes]]) -> None:
    from engine.core.pdf import render_document

    handout, pdf = cards["pflegeversicherung-antraege"]
    assert len(page_fill(pdf)) == 1
    padded = handout.html.replace('<p class="meta">', "<p>Noch ein Satz, der die Karte füllt.</p>" * 4 +
                                  '<p class="meta">', 1)
    assert padded != handout.html
    spilled = page_fill(render_document(padded, REPO, handout.title, handout.base).write_pdf())
    assert len(spilled) == 2 and spilled[1] < 0.5
def test_every_relation_of_our_map_has_its_note() -> None:
    assert PROJECT.network is not None
    assert [r for r in PROJECT.network.relations if not r.note] == []


def test_our_map_fits_one_landscape_page_with_labels_of_9_pt(real_site: BuildResult) -> None:
    assert PROJECT.network is not None
    assert network_map.fits_paper(network_map.network_svg(PROJECT.network))  # the whole map, not one per group
    path = real_site.site / "handouts" / "dossier.pdf"
    sizes = printed_sizes(path, map_page_of(path))
    assert len(sizes) > 200 and min(sizes) >= 9.0, sorted(sizes)[:5]


def test_our_map_has_a_short_name_and_its_relations_once(real_site: BuildResult) -> None:
    assert PROJECT.network is not None
    html = real_site.page("stadt/netzwerkkarte.html")
    desc = re.search(r'<desc id="svg-netzwerkkarte-desc">(.*?)</desc>', html)
    assert desc is not None
    assert desc.group(1) == (f"{len(PROJECT.network.relations)}\u00a0Beziehungen zwischen "
                             f"{len(PROJECT.network.actors)}\u00a0Akteuren; die Tabelle „Beziehungen“ nennt sie alle.")
    assert len(f"{PROJECT.network.title} {desc.group(1)}") <= 200
    assert f"<caption>Beziehungen: alle {len(PROJECT.network.relations)} der Netzwerkkarte, mit Anmerkung</caption>" \
        in html
    text = pdf_text(real_site.site / "handouts" / "dossier.pdf")
    assert "Rollenprofile, Anleitungen und Schulungen" in text  # the dossier's table keeps the notes


def _label_lines(dot: str) -> list[tuple[float, float, float, str]]:
    """(baseline, left, right, text) of each drawn edge-label line, in Graphviz's own measure."""
    layout = json.loads(subprocess.run(["dot", "-Tjson"], input=dot, capture_output=True, text=True,
                                       check=True).stdout)
    return [(op["pt"][1], op["pt"][0] - op["width"] / 2, op["pt"][0] + op["width"] / 2, op["text"])
            for edge in layout.get("edges", []) for op in edge.get("_ldraw_", []) if op["op"] == "T"]


def test_edge_labels_side_by_side_on_the_network_map_keep_a_space_between_them() -> None:
    """„arbeitet zusammen mit“ and „finanziert“ above „LWB“ once read „mitfinanziert“."""
    network = load_checked(REPO).all(Network)[0]
    pad = network_map._LABEL_PAD
    ten_pads = _label_lines(f'digraph {{ a -> b [label="{pad * 10}", fontsize={network_map.FONT_SIZE}] }}')
    pad_width = (ten_pads[0][2] - ten_pads[0][1]) / 10
    lines = [(base, left + pad_width * (len(text) - len(text.lstrip(pad))),
              right - pad_width * (len(text) - len(text.rstrip(pad))), text.strip(pad))
             for base, left, right, text in _label_lines(network_map.dot_source(network))]
    assert len(lines) > 20
    gaps = [(max(a[1], b[1]) - min(a[2], b[2]), a[3], b[3])
            for index, a in enumerate(lines) for b in lines[index + 1:] if abs(a[0] - b[0]) < 6]
    assert min(gaps)[0] >= 4, min(gaps)
    assert network_map.fits_paper(network_map.network_svg(network))  # and the map still fits its page


def test_the_dossier_for_leipzig_names_no_other_citys_office(real_site: BuildResult) -> None:
    """The committee read the Sozialpsychiatrischer Dienst of Halle among Leipzig's responsible offices."""
    dossier = PROJECT.dossier
    assert dossier is not None and "Leipzig" in dossier.areas
    elsewhere = [contact.name for contact in PROJECT.contacts if contact.city and contact.city not in dossier.areas]
    assert "Sozialpsychiatrischer Dienst der Stadt Halle (Saale)" in elsewhere
    page = visible_text(real_site.page("stadt/dossier.html"))
    printed = pdf_text(real_site.site / "handouts" / "dossier.pdf")
    titles = [section.title for section in dossier.sections]
    part = next(i for i, section in enumerate(dossier.sections) if section.part == "zustaendigkeiten")
    for text in (page, printed.replace("\n", " ")):
        start = text.index(titles[part])
        responsibilities = text[start:text.index(titles[part + 1], start)]  # the sources may name others
        assert "Themen des Verzeichnisses" in responsibilities
        assert [name for name in elsewhere if name in responsibilities] == []
    assert "Sozialpsychiatrischer Dienst der Stadt Leipzig" in page
