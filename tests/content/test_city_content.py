"""Our city instruments: the ten help paths, the network, the indicators and the dossier."""

from __future__ import annotations

import re

from builders import REPO, BuildResult, pdf_text, table_rows, visible_text
from pdf_layout import nearly_empty, page_layouts, spilled

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
    assert "als Annahme gerechnet 15.192 € im Jahr" in first
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
