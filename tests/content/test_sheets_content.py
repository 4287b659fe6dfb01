"""Our sheets for neighbours: the emergency card carries every number the issue names and fits its
page; „Was ich darf – was ich nicht darf“ is one A4 page."""

from __future__ import annotations

import pypdf
from builders import BuildResult
from fact_tokens import TEXT_VALUES


def test_the_emergency_card_has_the_numbers_and_two_cards_on_one_page(real_site: BuildResult) -> None:
    reader = pypdf.PdfReader(real_site.site / "handouts/karte-notfallkarte.pdf")
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for fact in ("notruf", "polizei", "bereitschaftsdienst", "telefonseelsorge-1"):
        assert text.count(TEXT_VALUES[fact]) == 2, fact
    assert text.count("Ihre Koordination:") == 2


def test_what_i_may_do_is_one_page(real_site: BuildResult) -> None:
    reader = pypdf.PdfReader(real_site.site / "handouts/blatt-was-ich-darf.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Das darf ich" in text and "Das darf ich nicht" in text
