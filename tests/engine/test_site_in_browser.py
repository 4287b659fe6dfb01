"""A fixture programme's site in a real browser, from file://: accessibility and offline search.

The same proofs as on our own programme (`tests/content/test_browser.py`), on the engine's output
for programmes that are not ours: axe-core on every kind of page, and Material's search typed into
as by a reader, with every request outside the site's folder blocked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import offline_page, open_page, report, search, serious_violations, top_pages
from builders import BuildResult
from playwright.sync_api import Browser

#: One page of every kind the engine makes, in the tiny programme (which has city data and forms).
TINY_KINDS = {
    "home": "index.html", "module": "module/m01.html", "curriculum": "module/index.html",
    "recognition": "module/anerkennung.html", "role": "rollen/helferin.html", "roles": "rollen/index.html",
    "course": "kurse/grundkurs.html", "courses": "kurse/index.html", "planner": "kurse/planer.html",
    "documents": "kurse/unterlagen.html",
    "contacts": "kontakte/index.html", "directory": "kontakte/amt.html", "contacts-by-place": "kontakte/orte.html",
    "contacts-by-topic": "kontakte/themen.html", "matrix": "qualifikationsmatrix.html", "glossary": "glossar.html",
    "form": "vorlagen/einsatznachweis.html", "forms": "vorlagen/index.html",
    "help-paths": "stadt/wegweiser/index.html", "help-path": "stadt/wegweiser/sturz.html",
    "network-map": "stadt/netzwerkkarte.html", "responsibilities": "stadt/zustaendigkeiten.html",
    "impact": "stadt/wirkung.html", "dossier": "stadt/dossier.html", "facts": "zahlen.html",
    "answers": "antworten/index.html", "answer": "antworten/sturz.html", "sheet": "blaetter/darf-ich.html",
    "easy-reads": "leichte-sprache/index.html", "easy-read": "leichte-sprache/m01.html",
    "deliveries": "termine/index.html", "delivery": "termine/grundkurs-fruehjahr.html",
}
#: Further pages of a kind above, and the 404 page: it links the theme's files from the server's
#: root (`/assets/…`), so it is meant for a web server and opens unstyled from file://.
SAME_KIND = {"module/m02.html", "antworten/geld.html", "blaetter/notfallkarte.html", "rollen/koordination.html",
             "stadt/wegweiser/streit.html", "termine/grundkurs-herbst.html",
             "404.html"}
#: The internal edition's own kind: the directory page of internal contacts, with the banner.
INTERNAL_KINDS = {"internal-contacts": "kontakte/index.html", "internal-directory": "kontakte/netzwerk.html"}
#: A programme without rules, forms or city data, with other vocabularies: its own pages.
SOLO_KINDS = {"home": "index.html", "module": "module/m02.html", "recognition": "module/anerkennung.html",
              "course": "kurse/besuchskurs.html", "directory": "kontakte/treffpunkt.html"}


def test_every_kind_of_page_is_proved(tiny_site: BuildResult) -> None:
    """A new kind of page from the engine must join TINY_KINDS (and so the axe proof)."""
    built = {str(page.relative_to(tiny_site.site)) for page in tiny_site.site.rglob("*.html")}
    assert built - set(TINY_KINDS.values()) - SAME_KIND == set()
    assert set(TINY_KINDS.values()) <= built


def assert_accessible(browser: Browser, site: Path, path: str) -> None:
    with offline_page(browser, site) as (page, traffic):
        open_page(page, site, path)
        violations = serious_violations(page)
        assert violations == [], report(violations)
        assert traffic.outside == []


@pytest.mark.parametrize("kind", sorted(TINY_KINDS))
def test_no_serious_accessibility_violations(browser: Browser, tiny_site: BuildResult, kind: str) -> None:
    assert_accessible(browser, tiny_site.site, TINY_KINDS[kind])


@pytest.mark.parametrize("kind", sorted(INTERNAL_KINDS))
def test_no_serious_accessibility_violations_internal(browser: Browser, tiny_internal: BuildResult,
                                                      kind: str) -> None:
    assert_accessible(browser, tiny_internal.site, INTERNAL_KINDS[kind])


@pytest.mark.parametrize("kind", sorted(SOLO_KINDS))
def test_no_serious_accessibility_violations_solo(browser: Browser, solo: BuildResult, kind: str) -> None:
    assert_accessible(browser, solo.site, SOLO_KINDS[kind])


@pytest.mark.parametrize(("programme", "query", "expected"), [
    ("tiny", "Demenz", "module/m02.html"),  # a word of a module title (one with <, > and & in it)
    ("tiny", "Grundlagen", "module/m01.html"),
    ("tiny", "Alltagshilfe", "glossar.html"),  # only in a glossary term's keywords
    ("tiny", "Sozialamt", "kontakte/amt.html"),
    ("tiny", "Einsatznachweis", "vorlagen/einsatznachweis.html"),
    ("solo", "Zuhören", "module/m02.html"),
    ("solo", "Besuchsdienst", "glossar.html"),
])
def test_search_works_offline(browser: Browser, programme: str, query: str, expected: str,
                              request: pytest.FixtureRequest) -> None:
    built: BuildResult = request.getfixturevalue("tiny_site" if programme == "tiny" else programme)
    with offline_page(browser, built.site) as (page, traffic):
        open_page(page, built.site, "index.html")
        top = top_pages(search(page, query))
        assert expected in top, f"{query}: {top}"
        assert traffic.requests
        assert traffic.outside == []


def test_search_results_do_not_show_the_pages_search_tags(browser: Browser, tiny_site: BuildResult) -> None:
    """An answer's other phrasings find it, but are neither page text nor chips under the result."""
    with offline_page(browser, tiny_site.site) as (page, _):
        open_page(page, tiny_site.site, "index.html")
        assert "antworten/sturz.html" in top_pages(search(page, "hingefallen"), 3)
        chips = page.locator(".md-search-result .md-tag")
        assert chips.count() > 0  # Material renders the tags ...
        assert not any(chips.nth(i).is_visible() for i in range(chips.count()))  # ... and they stay hidden


def test_invitation_is_copied_with_one_button_offline(browser: Browser, tiny_site: BuildResult) -> None:
    with offline_page(browser, tiny_site.site) as (page, traffic):
        open_page(page, tiny_site.site, "termine/grundkurs-fruehjahr.html")
        page.get_by_role("button", name="Einladung kopieren").click()
        status = page.locator("#einladung ~ .qp-copy__status")
        status.wait_for()
        assert status.inner_text() in ("Der Text ist kopiert.", "Der Text ist markiert: kopieren Sie ihn mit Strg+C "
                                       "oder über das Menü Ihres Geräts.")
        selected = page.evaluate("(() => { const a = document.getElementById('einladung');"
                                 " return a.value.substring(a.selectionStart, a.selectionEnd) })()")
        assert selected.startswith("Einladung: Grundkurs Test")
        assert selected.endswith("Nachbarschaftsverein Teststadt\n")
        assert page.get_by_role("button", name="Erinnerung kopieren").count() == 1
        assert traffic.outside == []
