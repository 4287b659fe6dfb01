"""A help path as its readers use it: the offices of a step, and the boxes read in full.

On a phone, in real headless Chromium from file://: the pictogram floats right beside the start
of the page; a box that starts beside it shrank to what was left of the line (on a 390 px phone
two thirds of the text's width), which made the emergency box, the first thing a neighbour in a
hurry reads, a narrow column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import offline_page, open_page
from builders import BuildResult, build, visible_text
from playwright.sync_api import Browser

WIDTHS = """() => {
  const text = document.querySelector('.md-content__inner').getBoundingClientRect().width
  return [text, Array.from(document.querySelectorAll('.md-typeset .admonition'))
    .map(box => [box.querySelector('.admonition-title').textContent.trim(), box.getBoundingClientRect().width])]
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_emergency_and_deadline_boxes_span_the_text_beside_the_pictogram(
        browser: Browser, tiny_site: BuildResult, width: int) -> None:
    with offline_page(browser, tiny_site.site, viewport={"width": width, "height": 844}) as (page, _):
        open_page(page, tiny_site.site, "stadt/wegweiser/sturz.html")
        assert page.locator(".qp-answer-icon").count() == 1
        text, boxes = page.evaluate(WIDTHS)
        titles = [title for title, _ in boxes]
        assert "Notfall" in titles and any(title.startswith("Frist:") for title in titles), titles
        for title, box in boxes:
            assert box >= text - 1, (title, box, text)
        body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset > p')).fontSize)")
        sizes = page.evaluate("""Array.from(document.querySelectorAll('.md-typeset .admonition > p:last-child'))
          .map(p => parseFloat(getComputedStyle(p).fontSize))""")
        assert sizes and all(size >= body for size in sizes), (sizes, body)
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_step_with_two_offices_names_them_as_stellen(tiny: Path, tmp_path: Path) -> None:
    contacts = tiny / "contacts"
    second = (contacts / "sozialamt.yml").read_text(encoding="utf-8").replace("id: sozialamt", "id: sozialamt-nord")
    (contacts / "sozialamt-nord.yml").write_text(second.replace("Sozialamt Teststadt", "Sozialamt Nordstadt"),
                                                 encoding="utf-8")
    path = tiny / "city" / "wegweiser" / "sturz.yml"
    step = path.read_text(encoding="utf-8").replace("contacts: [sozialamt]", "contacts: [sozialamt, sozialamt-nord]")
    path.write_text(step, encoding="utf-8")
    result = build(tiny, tmp_path / "site")
    assert result.returncode == 0, result.output
    text = " ".join(visible_text(result.page("stadt/wegweiser/sturz.html")).split())
    start = text.index("Frist: Sobald ein Bescheid kommt – siehe oben.")
    step = text[start:text.index("Zuständige Stellen", start)]
    assert step.startswith("Frist: Sobald ein Bescheid kommt – siehe oben. Stellen: Sozialamt Teststadt")
    assert "Sozialamt Nordstadt" in step
