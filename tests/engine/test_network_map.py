"""The network map as readers get it: labels as large as the text on screen, 9 pt or more on paper,
a short accessible name, the relations once in a table with a caption."""

from __future__ import annotations

import pytest
from browser import offline_page, open_page
from builders import FIXTURES, BuildResult, pdf_text, table_rows
from large_print import text_pieces
from pdf_sizes import map_page_of, printed_sizes
from playwright.sync_api import Browser

from engine.features.city import network_map
from engine.features.city.model import Actor, Network, Relation
from engine.portal import load_checked

#: The smallest type a printed map may use.
SMALLEST_PRINTED_LABEL = 9.0

#: Per SVG of the page's maps: the smallest label as rendered, and the size of the text around it.
MEASURE = """() => Array.from(document.querySelectorAll('.qp-map svg')).map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(t.getAttribute('font-size')) * scale);
  const figure = svg.closest('figure');
  const body = parseFloat(getComputedStyle(figure.parentElement).fontSize);
  const name = (svg.getAttribute('aria-labelledby') || '').split(' ')
    .map(id => document.getElementById(id).textContent).join(' ');
  return {smallest: Math.min(...sizes), body: body, name: name, focusable: figure.tabIndex === 0,
          scrolls: figure.scrollWidth > figure.clientWidth};
})"""


def test_the_dossier_prints_the_map_on_its_own_landscape_page_with_labels_of_9_pt(tiny_site: BuildResult) -> None:
    path = tiny_site.site / "handouts" / "dossier.pdf"
    page = map_page_of(path)
    pieces = [(size, text) for number, size, text in text_pieces(path) if number == page]
    labels = " ".join(text for _, text in pieces)
    for actor in ("Helferin im", "Ältere Person", "Sozialamt der", "Teamrunde", "finanziert", "berät"):
        assert actor in labels, actor
    # Measured with every matrix (the SVG is a scaled form XObject): labels, legend, header, footer.
    sizes = printed_sizes(path, page)
    assert len(sizes) > 50 and min(sizes) >= SMALLEST_PRINTED_LABEL, sorted(sizes)[:5]
    # The relations once, in a table with a caption and the notes; the overview beside it.
    text = pdf_text(path)
    assert "Beziehungen: alle 3 der Netzwerkkarte, mit Anmerkung" in text
    assert "Hilfe zur Pflege" in text and "Vorschlag" in text
    assert "Überblick" in text and "Die Netzwerkkarte: Beziehungen" in text


@pytest.mark.parametrize("width", [1280, 390])
def test_on_screen_every_label_is_as_large_as_the_text(browser: Browser, tiny_site: BuildResult,
                                                       width: int) -> None:
    with offline_page(browser, tiny_site.site, viewport={"width": width, "height": 900}) as (page, _):
        open_page(page, tiny_site.site, "stadt/netzwerkkarte.html")
        maps = page.evaluate(MEASURE)
    assert len(maps) == 2  # the overview and the detailed map
    for drawn in maps:
        assert drawn["smallest"] >= drawn["body"] - 0.01, drawn
        assert drawn["focusable"], drawn  # a map wider than the screen scrolls with the arrow keys
        assert len(drawn["name"]) <= 200, drawn["name"]
    assert maps[1]["name"] == ("Netz im Viertel Teststadt 3\u00a0Beziehungen zwischen 4\u00a0Akteuren; "
                               "die Tabelle „Beziehungen“ nennt sie alle.")


def test_the_page_lists_each_relation_once_in_a_captioned_table(tiny_site: BuildResult) -> None:
    html = tiny_site.page("stadt/netzwerkkarte.html")
    assert "<caption>Beziehungen: alle 3 der Netzwerkkarte, mit Anmerkung</caption>" in html
    rows = table_rows(html)
    assert ["Sozialamt der Teststadt", "finanziert", "Ältere Person", "Hilfe zur Pflege"] in rows
    assert ["Sozialamt der Teststadt", "berät", "Helferin im Viertel", "Vorschlag"] in rows
    assert html.count("finanziert Ältere Person") == 0  # not a second time as a description


def test_the_overview_joins_the_relations_between_two_groups() -> None:
    network = load_checked(FIXTURES / "tiny").network
    assert network is not None
    links = network_map.group_links(network)
    assert [(link.first, link.second, link.kinds, link.proposed) for link in links] == [
        ("nachbarschaft", "bewohner", ("begleitet",), False), ("verwaltung", "bewohner", ("finanziert",), False),
        ("nachbarschaft", "verwaltung", ("beraet",), True)]
    assert network_map.overview_sentence(network) == (
        "4\u00a0Gruppen und 3\u00a0Verbindungen zwischen ihnen; die Tabelle „Beziehungen“ nennt jede Beziehung "
        "einzeln.")


def test_a_map_too_large_for_a_page_is_printed_per_group() -> None:
    actors = [Actor(id=f"x{n}", name=f"Stelle Nummer {n} mit langem Namen", group=group)
              for n, group in enumerate(["verwaltung", "verein", "pflege"] * 12)]
    relations = [Relation(source=f"x{n}", kind="kooperiert", target=f"x{n + 1}") for n in range(35)]
    network = Network(title="Große Karte", description="Viele Stellen.", actors=actors, relations=relations,
                      updated="2026-11-01")
    whole = network_map.network_svg(network)
    assert not network_map.fits_paper(whole)
    maps = network_map.print_maps(network, whole)
    assert [drawn.title for drawn in maps] == ["Große Karte: Verwaltung", "Große Karte: Vereine und Träger",
                                              "Große Karte: Pflege"]
    assert all(f'height="{network_map.label_size(drawn.svg)[1] * network_map.PRINT_LABEL_PT:.2f}pt"' in drawn.svg
               for drawn in maps)
