"""Where the deliveries' pages, calendars and invitations live in the site."""

from __future__ import annotations

#: „Nächste Kurse“: every delivery by date. Its own folder, so the courses' slot `kurse/` does not list it twice.
DELIVERIES_SLOT = "termine/"
DELIVERIES_PAGE = "termine/index.md"


def delivery_page(delivery_id: str) -> str:
    return f"termine/{delivery_id}.md"


def delivery_calendar(delivery_id: str) -> str:
    """The delivery's calendar file, published in the handout folder."""
    return f"termin-{delivery_id}.ics"


def delivery_invitation(delivery_id: str) -> str:
    return f"termin-{delivery_id}-einladung.pdf"


def course_invitation(course_id: str) -> str:
    """The invitation to a course that has no delivery yet."""
    return f"kurs-{course_id}-einladung.pdf"
