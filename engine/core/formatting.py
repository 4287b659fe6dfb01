"""German formatting of numbers and dates, and escaping of plain text for Markdown."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from markupsafe import Markup, escape

_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember")
# Characters that Markdown (with tables, attr_list and macros) would read as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
_WHITESPACE = re.compile(r"\s+")
_LIST_START = re.compile(r"^(\d+)\.(\s)")
#: Text the three substitutions below leave unchanged: single spaces only, no Markdown
#: character, and not starting like a numbered list item.
_PLAIN = re.compile(r"(?!\d+\.\s)(?:[^\\`*_{}\[\]#|\s]| (?! ))*")


def number(value: float, decimals: int = 1) -> str:
    """1.5 → '1,5'; 2.0 → '2'; rounded half up like every figure (0,25 → '0,3')."""
    step = Decimal(1).scaleb(-decimals)
    text = str(Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def minutes(ue_total: float, unit_minutes: int) -> int:
    """Teaching units as whole minutes, rounded half up everywhere (1,5 × 45 → 68, 2,5 × 45 → 113).

    Python's `round()` rounds half to even, which would show 1,5 UE as 68 but 2,5 UE as 112.
    """
    return int((Decimal(str(ue_total)) * unit_minutes).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def whole_minutes(value: float) -> int:
    """Minutes (of a schedule, possibly fractional) as whole minutes, half a minute rounded up."""
    return math.floor(value + 0.5)


def minutes_label(value: float) -> str:
    """'38 Min.' for 37.5 minutes."""
    return f"{whole_minutes(value)}\u00a0Min."


def ue(value: float, unit_minutes: int) -> str:
    """Teaching units with their minutes, e.g. '1,5 UE (68 Min.)'."""
    return f"{number(value)}\u00a0UE ({minutes(value, unit_minutes)}\u00a0Min.)"


def hours(ue_total: float, unit_minutes: int) -> str:
    """Teaching units as clock hours, e.g. '23,6 Stunden'."""
    return f"{number(ue_total * unit_minutes / 60)}\u00a0Stunden"


def count(amount: int, singular: str, plural: str) -> str:
    """A number with its noun in the right number: '1 Kurs', '2 Kurse', '0 Kurse'."""
    return f"{amount}\u00a0{singular if amount == 1 else plural}"


def sentence(text: str) -> str:
    """A text as a sentence: a closing period added, unless it ends in one already ('… e.V.')."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?", "…")) else f"{text}."


def date_de(value: date | None) -> str:
    """2026-11-23 → '23.11.2026'."""
    return value.strftime("%d.%m.%Y") if value else "unbekannt"


def date_long(value: date) -> str:
    """2026-11-23 → '23. November 2026'."""
    return f"{value.day}. {_MONTHS[value.month - 1]} {value.year}"


_GERMAN_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def date_weekday(value: date) -> str:
    """2027-03-06 → 'Samstag, 6. März 2027'."""
    return f"{_WEEKDAYS[value.weekday()]}, {date_long(value)}"


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
    if _PLAIN.fullmatch(value):  # most texts need nothing; a page has hundreds of them
        return value
    text = _WHITESPACE.sub(" ", value)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LIST_START.sub(r"\1\\.\2", text)


def tel_href(number: str) -> str:
    """The `tel:` address of a number as printed („0341 123-0“ → „tel:03411230“); no country is assumed."""
    return "tel:" + "".join(char for char in number if char.isdigit() or char == "+")


def dialer(numbers: Iterable[str]) -> Callable[[str], Markup]:
    """A function giving a text, escaped, with each of `numbers` a link to dial it on a phone
    („Sofort 112: …“); a number inside a longer one („1120“, „0112“) is left alone. The pattern
    is compiled once, for every line of every page."""
    wanted = sorted(set(numbers), key=len, reverse=True)
    if not wanted:
        return lambda text: Markup(escape(text))
    pattern = re.compile(r"(?<![\d\w])(" + "|".join(re.escape(str(escape(n))) for n in wanted) + r")(?![\d\w])")
    return lambda text: Markup(pattern.sub(lambda match: f'<a href="{tel_href(match[1])}">{match[1]}</a>',
                                           str(escape(text))))


def dial_links(text: str, numbers: Iterable[str]) -> Markup:
    """`text` with each of `numbers` a link to dial it (see `dialer`)."""
    return dialer(numbers)(text)
