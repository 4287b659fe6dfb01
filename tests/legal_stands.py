"""The one Stand of each legal figure, as the content brief's table gives it (ISO dates).

Both correction test files (tests/content/test_content_corrections_a.py and _b.py) read their
expected dates from here, so a figure can never be expected with two different dates.
"""

from __future__ import annotations

from datetime import date

STAND = {
    "§ 45b SGB XI": "2025-01-01",          # Entlastungsbetrag 131 € (before: 125 €)
    "§ 45a SGB XI": "2025-01-01",          # Umwandlungsanspruch 40 %
    "§ 42a SGB XI": "2025-07-01",          # Entlastungsbudget 3.539 €
    "§ 40 SGB XI": "2025-01-01",           # Pflegehilfsmittel, Hausnotruf, Wohnumfeld
    "§ 45 SGB XI": "2026-01-01",           # Pflegekurse
    "§ 3 Nr. 26 EStG": "2026-01-01",       # Ehrenamts- und Übungsleiterpauschale
    "§ 3 Nr. 36 EStG": "2026-01-01",
    "MiLoG und § 8 SGB IV": "2026-01-01",  # Mindestlohn, Minijob (and the figures from 2027)
    "SächsPflUVO": "2026-01-01",           # hours, course lengths
    "Pflege-Betreuungsverordnung": "2026-01-01",
    "§ 1358 BGB": "2026-01-01",
    "§ 2 SGB VII": "2026-01-01",           # accident insurance of carers and volunteers
    "§ 37 SGB V": "2026-01-01",
    "Haftpflicht": "2026-01-01",           # group liability insurance (2 Mio. €)
}

_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember")


def german(key: str) -> str:
    """The Stand as the text writes it: '1. Januar 2025'."""
    day = date.fromisoformat(STAND[key])
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"
