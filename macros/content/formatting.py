"""German formatting of numbers and dates, and escaping of plain text for Markdown."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from markupsafe import Markup

_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember")
# Characters that Markdown (with tables, attr_list and macros) would read as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
_WHITESPACE = re.compile(r"\s+")
_LIST_START = re.compile(r"^(\d+)\.(\s)")


def number(value: float, decimals: int = 1) -> str:
    """1.5 → '1,5'; 2.0 → '2'."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    return text.replace(".", ",")


def ue(value: float) -> str:
    """Teaching units with their minutes, e.g. '1,5 UE (68 Min.)'."""
    return f"{number(value)}\u00a0UE ({round(value * 45)}\u00a0Min.)"


def hours(ue_total: float) -> str:
    """Teaching units as clock hours, e.g. '29,3 Stunden'."""
    return f"{number(ue_total * 45 / 60)}\u00a0Stunden"


def date_de(value: date | None) -> str:
    """2026-11-23 → '23.11.2026'."""
    return value.strftime("%d.%m.%Y") if value else "unbekannt"


def date_long(value: date) -> str:
    """2026-11-23 → '23. November 2026'."""
    return f"{value.day}. {_MONTHS[value.month - 1]} {value.year}"


_GERMAN_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def german_sort_key(text: str) -> str:
    """Sort key for German lists, as in a dictionary: 'Übung' next to 'Ubung', not after 'Z'."""
    return text.casefold().translate(_GERMAN_FOLD)


def plain_text(value: Any) -> Any:
    """Escape editor-written text so Markdown shows it as written (HTML is escaped by Jinja).

    Used as the Jinja `finalize` hook, so every `{{ … }}` in a page template is safe unless
    the template passes `Markup` (trusted Markdown such as a module body or a built link).
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = _WHITESPACE.sub(" ", value)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LIST_START.sub(r"\1\\.\2", text)
