"""Where the pages in Leichte Sprache are published."""

from __future__ import annotations

EASY_READ_SLOT = "leichte-sprache/"
EASY_READ_INDEX = "leichte-sprache/index.md"


def easy_read_page(module_id: str) -> str:
    return f"leichte-sprache/{module_id.lower()}.md"


def easy_read_handout(module_id: str) -> str:
    return f"leichte-sprache-{module_id.lower()}.pdf"
