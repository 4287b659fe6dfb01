"""Where the answers are published."""

from __future__ import annotations

ANSWERS_SLOT = "antworten/"
ANSWERS_PAGE = "antworten/index.md"
ANSWERS_HANDOUT = "antworten-karten.pdf"


def answer_page(answer_id: str) -> str:
    return f"antworten/{answer_id}.md"


def answer_handout(answer_id: str) -> str:
    return f"antwort-{answer_id}.pdf"


def is_answer_handout(name: str) -> bool:
    return name == ANSWERS_HANDOUT or (name.startswith("antwort-") and name.endswith(".pdf"))


SHEETS_SLOT = "blaetter/"


def sheet_page(sheet_id: str) -> str:
    return f"blaetter/{sheet_id}.md"


def sheet_handout(sheet_id: str, wallet: bool = False) -> str:
    """An A4 sheet's PDF (`blatt-…`, with a large-print twin) or a card to cut out (`karte-…`)."""
    return f"{'karte' if wallet else 'blatt'}-{sheet_id}.pdf"
