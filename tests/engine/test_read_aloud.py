"""„Vorlesen“ on module, answer and help-path pages: the browser's own speech synthesis, offline
from file://, labelled buttons that work by keyboard, hidden when there is no German voice."""

from __future__ import annotations

import pytest
from browser import offline_page, open_page
from builders import BuildResult
from playwright.sync_api import Browser

#: A stand-in for the browser's voices: headless Chromium has none. It records what is spoken.
STUB = """(() => {
  const voices = %s;
  window.__spoken = [];
  const synth = window.speechSynthesis;
  synth.getVoices = () => voices;
  synth.speak = (utterance) => { window.__spoken.push({text: utterance.text, lang: utterance.lang}); };
  synth.cancel = () => { window.__spoken.push({cancel: true}); };
  synth.pause = () => { window.__spoken.push({pause: true}); };
})()"""
GERMAN = '[{lang: "de-DE", name: "Stimme"}]'


@pytest.mark.parametrize("path", ["module/m01.html", "antworten/sturz.html", "stadt/wegweiser/sturz.html"])
def test_the_page_is_read_aloud_by_keyboard(browser: Browser, tiny_site: BuildResult, path: str) -> None:
    with offline_page(browser, tiny_site.site) as (page, traffic):
        page.add_init_script(STUB % GERMAN)
        open_page(page, tiny_site.site, path)
        start = page.get_by_role("button", name="Seite vorlesen")
        start.focus()
        page.keyboard.press("Enter")
        spoken = page.evaluate("window.__spoken")
        text = next(item["text"] for item in spoken if "text" in item)
        assert text.startswith(page.locator("article h1").inner_text().rstrip("¶").strip())
        assert spoken[-1]["lang"] == "de-DE"
        assert "GEHEIMER-TRAINERHINWEIS" not in text  # closed trainer notes are not read
        page.get_by_role("button", name="Vorlesen anhalten").click()
        assert page.get_by_role("button", name="Seite vorlesen").inner_text() == "Weiter"
        page.get_by_role("button", name="Vorlesen beenden").click()
        assert page.evaluate("window.__spoken.at(-1)") == {"cancel": True}
        assert traffic.outside == []


def test_without_a_german_voice_there_is_no_button(browser: Browser, tiny_site: BuildResult) -> None:
    with offline_page(browser, tiny_site.site) as (page, _):
        page.add_init_script(STUB % '[{lang: "en-US", name: "Voice"}]')
        open_page(page, tiny_site.site, "module/m01.html")
        assert page.get_by_role("button", name="Seite vorlesen").count() == 0
        assert page.locator("[data-read-aloud]").is_hidden()
