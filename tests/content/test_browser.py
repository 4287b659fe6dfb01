"""The built site in a real browser: offline search, phone navigation, keyboard, accessibility.

The same search and accessibility proofs on the fixture programmes: `tests/engine/test_site_in_browser.py`;
the browser, axe and search helpers are shared in `tests/browser.py`.
"""

from __future__ import annotations

import pytest
from browser import offline_page, open_page, report, search, serious_violations, top_pages
from builders import BuildResult
from playwright.sync_api import Browser, Page


@pytest.mark.parametrize(("query", "expected"), [
    ("Demenz", "module/m06.html"),
    ("Entlastungsbetrag", "module/m02.html"),
    ("Schutz", "module/m12.html"),
    ("Sturz", "module/m09.html"),
    ("Sozialamt", "kontakte/amt.html"),
    ("Betreuungsassistent", "glossar.html"),  # a word only in a glossary term's keywords
])
def test_german_search_works_offline(browser: Browser, real_site: BuildResult, query: str, expected: str) -> None:
    with offline_page(browser, real_site.site) as (page, traffic):
        open_page(page, real_site.site, "index.html")
        top = top_pages(search(page, query))  # a page can appear with several sections
        assert expected in top, f"{query}: {top}"
        assert traffic.outside == []


def from_the_menu(page: Page, text: str) -> None:
    """Open the phone's menu and tap the entry `text` (a section tab or a page of the menu's level)."""
    if not page.locator("#__drawer").is_checked():  # each page opens with the menu closed
        page.locator("label.md-header__button[for='__drawer']").first.click()
    page.locator("nav.md-nav--primary a.md-nav__link:visible", has_text=text).first.click()
    page.wait_for_load_state("load")


def test_phone_navigation_reaches_a_module(browser: Browser, real_site: BuildResult) -> None:
    """The phone's menu offers the three audiences; the neighbours' tab leads to the answers, and
    from the modules' overview the menu reaches M06."""
    with offline_page(browser, real_site.site, viewport={"width": 390, "height": 844}, is_mobile=True,
                      has_touch=True) as (page, traffic):
        open_page(page, real_site.site, "index.html")
        from_the_menu(page, "Nachbarschaft")
        assert page.url.endswith("/antworten/index.html")
        open_page(page, real_site.site, "module/index.html")
        from_the_menu(page, "M06 · Demenz")
        page.wait_for_url("**/module/m06.html")
        assert page.locator("h1").first.inner_text().startswith("M06 · Demenz verstehen")
        assert traffic.outside == []


def overview_map(page: Page) -> dict[str, float]:
    """The overview map's figure: how far it overflows, and its label size against the text's."""
    return page.evaluate("""() => {
        const figure = document.querySelector('figure.qp-map');
        const svg = figure.querySelector('svg');
        const text = parseFloat(getComputedStyle(figure.parentElement).fontSize);
        const natural = parseFloat(getComputedStyle(svg).getPropertyValue('--qp-drawing-width'));
        return {overflow: figure.scrollWidth - figure.clientWidth,
                scale: svg.getBoundingClientRect().width / (natural * text)};
    }""")


@pytest.mark.parametrize(("width", "fits", "scale"), [(1280, True, (0.85, 1.0)), (390, False, (1.0, 1.0))])
def test_the_overview_map_fits_a_desktop_column_and_keeps_full_size_labels_on_a_phone(
        browser: Browser, real_site: BuildResult, width: int, fits: bool, scale: tuple[float, float]) -> None:
    """On a desktop the map, a little wider than the column, shrank to fit (its rightmost label was
    cut off); on a phone it keeps labels as large as the text and scrolls sideways."""
    with offline_page(browser, real_site.site, viewport={"width": width, "height": 900}) as (page, _):
        open_page(page, real_site.site, "stadt/netzwerkkarte.html")
        measured = overview_map(page)
        assert (measured["overflow"] <= 1) == fits, measured
        assert scale[0] - 0.01 <= measured["scale"] <= scale[1] + 0.01, measured


def focus_trail(page: Page, steps: int) -> list[dict[str, str]]:
    trail = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        trail.append(page.evaluate("""() => { const e = document.activeElement;
            return {tag: e.tagName, cls: e.className || '', href: e.getAttribute('href') || '',
                    label: e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40)}; }"""))
    return trail


def test_keyboard_reaches_search_and_handout_links(browser: Browser, real_site: BuildResult) -> None:
    with offline_page(browser, real_site.site, viewport={"width": 1280, "height": 900}) as (page, _):
        open_page(page, real_site.site, "module/m06.html")
        trail = focus_trail(page, 160)
        assert any(step["tag"] == "INPUT" and "md-search__input" in step["cls"] for step in trail)
        pdfs = [step["href"] for step in trail if "qp-pdf" in step["cls"]]
        assert pdfs[:3] == ["../handouts/modul-m06.pdf", "../handouts/modul-m06-grossdruck.pdf",
                            "../handouts/modul-m06-trainer.pdf"]
        # A keyboard user can activate the handout link: focus it as the Tab key did and press Enter.
        # The activation is recorded and its download cancelled: a download or navigation nobody
        # waits for made closing the page hang the suite.
        page.evaluate("""() => document.addEventListener("click", event => {
            window.activated = event.target.closest("a")?.getAttribute("href"); event.preventDefault();
        })""")
        page.focus("a.qp-pdf")
        page.keyboard.press("Enter")
        assert page.evaluate("() => window.activated") == "../handouts/modul-m06.pdf"


def test_no_page_requests_anything_outside_the_site(browser: Browser, real_site: BuildResult) -> None:
    pages = ["index.html", "module/m06.html", "rollen/index.html", "kontakte/amt.html", "glossar.html"]
    with offline_page(browser, real_site.site) as (page, traffic):
        for path in pages:
            open_page(page, real_site.site, path)
        search(page, "Pflegegrad")
        assert traffic.requests
        assert traffic.outside == []


PAGE_KINDS = {
    "home": "index.html", "module": "module/m06.html", "curriculum": "module/index.html",
    "role": "rollen/nachbarschaftshelfer.html", "roles": "rollen/index.html", "course": "kurse/grundkurs-sachsen.html",
    "directory": "kontakte/amt.html", "matrix": "qualifikationsmatrix.html", "glossary": "glossar.html",
    "model": "modell/rahmen.html", "city": "stadt/index.html",
    "form": "vorlagen/notfallbogen.html", "forms": "vorlagen/index.html",
    "help-paths": "stadt/wegweiser/index.html", "help-path": "stadt/wegweiser/akute-krise.html",
    "network-map": "stadt/netzwerkkarte.html", "responsibilities": "stadt/zustaendigkeiten.html",
    "impact": "stadt/wirkung.html", "dossier": "stadt/dossier.html", "documents": "kurse/unterlagen.html",
}


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_no_serious_accessibility_violations(browser: Browser, real_site: BuildResult, kind: str) -> None:
    with offline_page(browser, real_site.site) as (page, _):
        open_page(page, real_site.site, PAGE_KINDS[kind])
        violations = serious_violations(page)
        assert violations == [], report(violations)


CONTRAST = """(selector) => {
    const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const lum = (c) => { const [r, g, b] = rgb(c).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const button = document.querySelector(selector);
    let node = button, back = 'rgba(0, 0, 0, 0)';
    while (node && (back === 'rgba(0, 0, 0, 0)' || back === 'transparent')) {
        back = getComputedStyle(node).backgroundColor; node = node.parentElement; }
    const [a, b] = [lum(getComputedStyle(button).color), lum(back)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_pdf_buttons_are_readable_in_both_colour_schemes(browser: Browser, real_site: BuildResult,
                                                              scheme: str) -> None:
    """In the dark scheme the outlined buttons were dark teal on the dark page: 2.1:1."""
    with offline_page(browser, real_site.site) as (page, _):
        open_page(page, real_site.site, "antworten/sturz.html")
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        assert page.evaluate(CONTRAST, "a.md-button.qp-pdf") >= 4.5


def test_a_leichte_sprache_page_zoomed_to_200_percent_on_a_phone_does_not_scroll_sideways(
        browser: Browser, real_site: BuildResult) -> None:
    """At 200 % zoom (195 CSS pixels) the pictograms stayed beside the text and the page was 280 px wide."""
    with offline_page(browser, real_site.site, viewport={"width": 195, "height": 422}) as (page, _):
        open_page(page, real_site.site, "leichte-sprache/m02.html")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 195
