"""Our city instruments: the ten help paths, the network, the indicators and the dossier."""

from __future__ import annotations

import re

from builders import REPO, BuildResult, pdf_text, visible_text
from pdf_sizes import map_page_of, printed_sizes

from engine.features.city import network_map
from engine.portal import load_checked

PROJECT = load_checked(REPO)
TELEFONSEELSORGE = ("0800 111 0 111", "0800 111 0 222", "116 123")


def test_the_ten_help_paths_of_the_issue() -> None:
    assert {path.id for path in PROJECT.help_paths} == {
        "mietschulden", "nachbarschaftskonflikt", "wachsender-pflegebedarf", "anzeichen-demenz", "einsamkeit",
        "sturz-zu-hause", "pflegeversicherung-antraege", "ueberlastete-angehoerige", "verdacht-auf-gewalt",
        "akute-krise"}
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
