"""What an editor marked internal, and how to look for it in what a site publishes."""

from __future__ import annotations

from pathlib import Path

import yaml

DISTINCTIVE = 8  # shorter values (a city, a kind) may legitimately appear elsewhere
CONTACT_FIELDS = ["name", "description", "address", "website", "phone", "email", "opening_hours", "note"]


def internal_values(project: Path) -> list[str]:
    """Every value an editor marked internal: whole internal contacts and internal fields, and the
    titles of the sources that back only internal fields."""
    values = []
    for path in sorted((project / "contacts").glob("*.yml")):
        contact = yaml.safe_load(path.read_text(encoding="utf-8"))
        fields = CONTACT_FIELDS if contact.get("visibility") == "internal" else contact.get("internal_fields", [])
        values += [" ".join(str(contact[f]).split()) for f in fields
                   if contact.get(f) and len(str(contact[f])) >= DISTINCTIVE]
        values += [" ".join(source["title"].split()) for source in contact.get("sources") or []
                   if set(source["covers"]) <= set(fields) and len(source["title"]) >= DISTINCTIVE]
    return values


def squash(text: str) -> str:
    """Text without any white space or soft line-end hyphens: PDF text breaks lines anywhere."""
    return "".join(text.split()).replace("\u2010", "")


def leaked(values: list[str], published: str) -> list[str]:
    """The values found in `published` (all of a public site's text, see `everything_published`)."""
    squashed = squash(published)
    return [value for value in values if value in published or squash(value) in squashed]
