"""How the contact directory is laid out: entry pages by kind, topic and place lists."""

from __future__ import annotations

from dataclasses import dataclass

from engine.core import formatting
from engine.core.project import Project
from engine.features.contacts.model import Contact
from engine.features.contacts.urls import contacts_page

#: At most this many full entries on one directory page: the page stays small at any size.
CONTACTS_PER_PAGE = 100


@dataclass(frozen=True)
class ContactPart:
    """One page of full contact entries: all or a numbered part of one kind."""

    page: str
    title: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class ContactDirectory:
    """The directory's pages and lists."""

    parts: tuple[ContactPart, ...]
    by_topic: tuple[tuple[str, tuple[Contact, ...]], ...]
    by_place: tuple[tuple[str, tuple[Contact, ...]], ...]
    entry_page: dict[str, str]
    """Where each contact's entry is, by contact id (docs-relative page)."""


def contact_directory(project: Project) -> ContactDirectory:
    """Entry pages per kind (in the programme's order, split every CONTACTS_PER_PAGE), topics, places."""
    programme = project.programme
    contacts = project.all(Contact)
    parts: list[ContactPart] = []
    for kind in programme.ids("contact_kinds"):
        members = [c for c in contacts if c.kind == kind]
        chunks = [members[i:i + CONTACTS_PER_PAGE] for i in range(0, len(members), CONTACTS_PER_PAGE)]
        for number, chunk in enumerate(chunks, start=1):
            title = programme.label("contact_kinds", kind)
            if len(chunks) > 1:
                title += f" ({number}/{len(chunks)})"
            parts.append(ContactPart(contacts_page(kind, number), title, tuple(chunk)))
    by_topic = [(programme.label("topics", topic), tuple(c for c in contacts if topic in c.topics))
                for topic in programme.ids("topics")]
    places: dict[str, list[Contact]] = {}
    for contact in contacts:
        city = contact.city or "Ort unbekannt"
        place = f"{city} – {contact.quarter}" if contact.quarter else city
        places.setdefault(place, []).append(contact)
    return ContactDirectory(
        parts=tuple(parts),
        by_topic=tuple((label, members) for label, members in by_topic if members),
        by_place=tuple((place, tuple(members)) for place, members in
                       sorted(places.items(), key=lambda item: formatting.german_sort_key(item[0]))),
        entry_page={c.id: part.page for part in parts for c in part.contacts},
    )
