"""Our city instruments: the ten help paths, the network, the indicators and the dossier."""

from __future__ import annotations

import re

from builders import REPO, BuildResult, pdf_text, visible_text

from engine.portal import load_checked

PROJECT = load_checked(REPO)
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
