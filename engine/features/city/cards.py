"""How large a help path's A5 card is printed: one side at 11 pt, or both sides filled.

A card that does not fit one side should not spill a few lines onto its back: it is set in a
larger type, up to 14 pt, so that it fills both sides; a card that fills two sides at 11 pt
stays there. The length is estimated from the card's text before WeasyPrint lays it out
(rendering every card twice would double the handouts' time); the content test reads every
card's PDF and fails when the estimate misses.
"""

from __future__ import annotations

import html
import math
import re

#: The card's type size (the large-print twin has its own, 18 pt) and the largest it grows to.
CARD_SIZE = 11.0
LARGEST_SIZE = 14.0
#: Characters in a line and lines on one side at 11 pt (A5, the card's margins), measured on
#: our cards' PDFs; a heading costs its line and its space.
LINE_CHARACTERS = 58
SIDE_LINES = 30.0
HEADING_LINES = 1.6
#: How much of the two sides a grown card should fill: less than two, as the estimate may err.
TWO_SIDES = 1.75

_BLOCK = re.compile(r"<(p|li|h2)\b[^>]*>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_DRAWING = re.compile(r"<svg\b.*?</svg>", re.S)


def card_lines(fragment: str) -> float:
    """The lines a card's HTML fills at 11 pt: each paragraph, item and heading rounded up to whole lines."""
    lines = 0.0
    for tag, inner in _BLOCK.findall(_DRAWING.sub("", fragment)):
        text = html.unescape(_TAG.sub("", inner)).strip()
        lines += HEADING_LINES if tag == "h2" else -(-len(text) // LINE_CHARACTERS)
    return lines


def card_type_size(lines: float) -> float:
    """11 pt for a card that fits one side or fills two; in between, the size that fills both sides."""
    if lines <= SIDE_LINES or lines >= TWO_SIDES * SIDE_LINES:
        return CARD_SIZE
    grown = CARD_SIZE * math.sqrt(TWO_SIDES * SIDE_LINES / lines)  # the area of a text grows with the square
    return round(min(LARGEST_SIZE, grown), 1)
