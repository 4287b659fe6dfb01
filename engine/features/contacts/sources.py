"""A contact's public sources: which filled field lacks one, and how they read on the page."""

from __future__ import annotations

from collections.abc import Iterable

from engine.core.formatting import date_de
from engine.core.problems import Problem
from engine.core.records import Record
from engine.features.contacts.model import SOURCED_FIELDS, Contact, ContactField, stated_start

#: Each field as a reader sees it on the contact's entry.
FIELD_LABELS: dict[ContactField, str] = {
    "description": "Beschreibung", "quarter": "Quartier", "address": "Adresse", "website": "Webseite",
    "phone": "Telefon", "email": "E-Mail", "opening_hours": "Öffnungszeiten", "note": "Anmerkung",
}
_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember")


def source_problems(records: list[Record], ids: dict[str, set[str]]) -> list[Problem]:
    """A filled field no source covers, and a source whose Stand lies after the contact's check."""
    problems = []
    for record in records:
        contact = record.model
        if not isinstance(contact, Contact):
            continue
        covered = {field for source in contact.sources for field in source.covers}
        for field in SOURCED_FIELDS:
            if getattr(contact, field) and field not in covered:
                problems.append(Problem(
                    record.path, record.line_of(field), record.field_name(field),
                    f"{FIELD_LABELS[field]} ohne Quelle; ergänzen Sie unter 'sources' einen Eintrag mit title, "
                    f"url, stated (Stand der Quelle, falls sie einen nennt) und covers: [{field}] – oder leeren "
                    "Sie das Feld, wenn keine öffentliche Quelle es nennt", code="contact.source-missing"))
        if contact.verified is None:
            continue
        for index, source in enumerate(contact.sources):
            if source.stated is not None and stated_start(source.stated) > contact.verified:
                at = ("sources", index, "stated")
                problems.append(Problem(
                    record.path, record.line_of(*at), record.field_name(*at),
                    f"der Stand der Quelle ({stated_de(source.stated)}) liegt nach der Prüfung am "
                    f"{date_de(contact.verified)} (verified, Zeile {record.line_of('verified')}); eine Quelle kann "
                    "erst nach ihrem Stand geprüft werden – berichtigen Sie stated oder verified",
                    code="contact.source-after-verified"))
    return problems


def stated_de(stated: str | None) -> str:
    """The Stand as readers write it: '26.02.2018', 'Januar 2022', '2. Quartal 2010', '2018', 'ohne Datum'."""
    if stated is None:
        return "ohne Datum"
    year, _, rest = stated.partition("-")
    if not rest:
        return year
    if rest.startswith("Q"):
        return f"{rest[1:]}. Quartal {year}"
    month, _, day = rest.partition("-")
    return f"{day}.{month}.{year}" if day else f"{_MONTHS[int(month) - 1]} {year}"


def covers_de(fields: Iterable[ContactField]) -> str:
    """['address', 'phone', 'website'] → 'Adresse, Telefon und Webseite'."""
    labels = [FIELD_LABELS[field] for field in fields]
    return " und ".join([", ".join(labels[:-1]), labels[-1]]) if len(labels) > 1 else "".join(labels)
