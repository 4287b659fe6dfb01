"""Our city instruments: the ten help paths, the network, the indicators and the dossier."""

from __future__ import annotations

import io
import re
from typing import Any

import pypdf
import pytest
from builders import REPO, BuildResult, pdf_text, visible_text

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
    text = visible_text(real_site.page("stadt/wirkung.html"))
    assert PROJECT.indicators is not None
    charts = sum(1 for i in PROJECT.indicators.indicators if i.target)  # each chart's description says it too
    assert text.count("Messwerte: noch nicht erhoben") == len(PROJECT.indicators.indicators) + charts
    assert "Ziel 300–500 Personen (in 3 Jahren)" in text


def test_dossier_pdf_has_each_section_of_the_issue(real_site: BuildResult) -> None:
    text = pdf_text(real_site.site / "handouts" / "dossier.pdf")
    for section in ("Das Modell in Kürze", "Die Erfahrung aus Halle", "Das Pilotvorhaben in Leipzig",
                    "Die Netzwerkkarte", "Zuständigkeiten", "Was das Modell von welchem Amt erbittet", "Wirkung",
                    "Schritte zu einem Stadtratsbeschluss", "Quellen", "Stand 27.11.2026"):
        assert section in text, section
    for label in ("Quartierslotse", "Seniorenbeirat", "Versorgte pflegebedürftige Menschen", "noch nicht erhoben"):
        assert label in text, label


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
