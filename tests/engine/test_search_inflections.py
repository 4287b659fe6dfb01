"""Search in everyday German: the inflections of a page's words are in the search index, findable
from file:// in the browser, and never shown (not in the page, not in a result's text)."""

from __future__ import annotations

import json
from pathlib import Path

from browser import offline_page, open_page, settled_search, top_pages
from builders import BuildResult, visible_text
from playwright.sync_api import Browser

from engine.site.search_inflections import FIELD, Dictionary, TermCache, add_inflections, terms, words

FORMS = {"gestürzt": "stürzen", "stürzt": "stürzen", "stürzen": "stürzen", "Sturz": "Sturz", "Stürze": "Sturz",
         "hingefallen": "hingefallen", "hinfallen": "hinfallen", "hinfiel": "hinfallen", "isst": "essen",
         "essen": "essen", "aß": "essen", "Essen": "Essen"}


def test_terms_add_base_forms_inflections_and_the_verb_of_a_noun() -> None:
    found = terms("Nach einem Sturz nicht hinfallen lassen; das Essen", Dictionary(FORMS))
    assert {"gestürzt", "stürzt", "stürze", "hingefallen", "hinfiel", "isst"} <= set(found)
    assert "sturz" not in found  # already on the page
    assert terms("Sturz", Dictionary(FORMS), cap=2) == ["stürze", "stuerze"]


def test_terms_are_also_spelled_without_umlauts_and_amounts_in_euro() -> None:
    """„gestuerzt“ typed on a keyboard without umlauts found nothing; „131 Euro“ missed „131 €“."""
    found = terms("Nach einem Sturz: 131 € im Monat, heißes Essen", Dictionary(FORMS))
    assert {"gestürzt", "gestuerzt", "stuerze", "heisses", "euro"} <= set(found)
    assert "euro" not in terms("Nach einem Sturz", Dictionary(FORMS))


def test_stop_words_and_short_words_add_nothing() -> None:
    assert words("Was ist wenn ich da bin, Sturz") == ["Sturz"]


def test_a_warm_cache_needs_no_dictionary(tmp_path: Path) -> None:
    loads: list[int] = []

    def load() -> Dictionary:
        loads.append(1)
        return Dictionary(FORMS)

    docs = [{"location": "a.html", "title": "Sturz", "text": "<p>Essen</p>"}]
    add_inflections(docs, TermCache(tmp_path, "v1", load).terms_of)
    assert "gestürzt" in docs[0][FIELD] and "isst" in docs[0][FIELD]
    again = [{"location": "a.html", "title": "Sturz", "text": "<p>Essen</p>"}]
    add_inflections(again, TermCache(tmp_path, "v1", load).terms_of)
    assert again == docs and loads == [1]
    add_inflections(again, TermCache(tmp_path, "v2", load).terms_of)  # another simplemma: computed anew
    assert loads == [1, 1]


def test_an_inflected_query_finds_the_page_with_the_base_form(browser: Browser, tiny_site: BuildResult) -> None:
    # The answer says „Heben Sie sie nicht hoch.“; nobody on the site writes „gehoben“.
    site = tiny_site.site
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"][FIELD]
    assert not any("gehoben" in f"{doc['title']} {doc['text']}".lower() for doc in index["docs"])
    assert any("gehoben" in doc.get(FIELD, "").split() for doc in index["docs"])
    page_html = tiny_site.page("antworten/sturz.html")
    assert "gehoben" not in page_html and FIELD not in page_html
    with offline_page(browser, site) as (page, traffic):
        open_page(page, site, "index.html")
        assert "antworten/sturz.html" in top_pages(settled_search(page, "gehoben"), 3)
        shown = page.inner_text(".md-search-result__list").lower()
        assert shown and "gehoben" not in shown and "hebt" not in shown  # titles and snippets only
        assert traffic.outside == []
    assert "gehoben" not in visible_text(page_html)


def test_a_query_typed_without_umlauts_finds_the_page(browser: Browser, tiny_site: BuildResult) -> None:
    site = tiny_site.site
    with offline_page(browser, site) as (page, traffic):
        open_page(page, site, "index.html")
        assert "antworten/sturz.html" in top_pages(settled_search(page, "gestuerzt"), 5)  # it found nothing
        assert traffic.outside == []
