"""Where the contact directory's pages and handout live in the site."""

from __future__ import annotations

CONTACTS_PAGE = "kontakte/index.md"
CONTACT_TOPICS_PAGE = "kontakte/themen.md"
CONTACT_PLACES_PAGE = "kontakte/orte.md"
CONTACTS_HANDOUT = "kontakte.pdf"


def contacts_page(kind: str, part: int = 1) -> str:
    """The directory page of one kind of contact; long kinds are split into numbered parts."""
    return f"kontakte/{kind}.md" if part == 1 else f"kontakte/{kind}-{part}.md"
