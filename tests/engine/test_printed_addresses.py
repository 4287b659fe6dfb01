"""Printed web and mail addresses stay whole: the handouts hyphenate German text, never an address.

A help path's card printed „htt-ps://www.lwb.de“ at a line's end: a reader who types what the card
says reaches nothing. The card is laid out here by WeasyPrint with the handouts' own print.css, as
narrow as the A5 card, with the address where the line ends.
"""

from __future__ import annotations

import io

import pypdf
from weasyprint import HTML

from engine.core.printer import print_css

CARD = """<!doctype html><html lang="de"><head><style>{css}</style></head><body class="card">
<div class="card-text" style="font-size: {size}pt"><ul class="card-contacts">
<li>Leipziger Wohnungs- und Baugesellschaft mbH (LWB), {address}</li></ul></div></body></html>"""

#: What WeasyPrint prints where it splits the word (U+2010 HYPHEN).
HYPHENATED = "htt\u2010"


def printed(address: str, size: float) -> str:
    pdf = HTML(string=CARD.format(css=print_css(), address=address, size=size)).write_pdf()
    return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_an_address_at_the_end_of_a_card_line_is_not_hyphenated() -> None:
    # The type sizes a card takes (11 to 14 pt): at some, a bare address is split as a German word.
    sizes = [size / 2 for size in range(22, 29)]
    split = [size for size in sizes if HYPHENATED in printed("https://www.lwb.de", size)]
    assert split, "no card size puts the address at a line's end"
    for size in split:
        text = printed('<span class="url">https://www.lwb.de</span>', size)
        assert HYPHENATED not in text and "https://www.lwb.de" in text.replace("\n", ""), (size, text)
