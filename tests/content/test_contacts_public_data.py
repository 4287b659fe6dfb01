"""Our contact directory shows only public office data, and every value says where it comes from.

A contact's address, phone, website or opening hours are filled only from a public source, listed
under the contact's `sources` with the fields it covers (`covers`) and the Stand it states itself
(`stated`). The engine already refuses a filled field without a covering source and a Stand after
the check (`contact.source-missing`, `contact.source-after-verified`); our programme asks more:

- an address, a phone number or opening hours rest on a source that states a date (a website may
  be backed by an undated page of its own);
- a contact with sources says when they were checked (`verified`);
- no note carries a source sentence of the old form („Quelle für …“): sources are data now.

The rules are pure functions over the validated contacts, so the last tests feed them broken
contacts and prove that they fail.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import REPO

from engine.features.contacts.model import SOURCED_FIELDS, Contact
from engine.portal import load_checked

CONTACTS = REPO / "contacts"

#: Fields whose source must state a date; a website's own page may be undated.
DATED = {"address", "phone", "opening_hours"}
#: What a source sentence of the old format started with.
OLD_SENTENCES = ("Quelle für", "Stand der Quelle")

#: first.last@…, first-last@…, first_last@… – the shape of a person's address, not an office's.
PERSONAL_EMAIL = re.compile(r"\b[a-zäöüß]{2,}[._-][a-zäöüß]{2,}@", re.IGNORECASE)
#: "Frau Müller", "Herr Dr. Schmidt": a named person.
PERSON = re.compile(r"\b(?:Frau|Herr)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][a-zäöüß]+")

#: The offices the help paths need, for both cities (issue 17, section 5).
OFFICE_KINDS = ("betreuungsbehoerde", "schuldnerberatung", "wohnberatung", "sozialpsychiatrischer-dienst")
CITIES = {"leipzig": "Leipzig", "halle": "Halle (Saale)"}
#: Which help path needs which of them.
NEEDED_BY = {
    "mietschulden": ("schuldnerberatung", "betreuungsbehoerde"),
    "anzeichen-demenz": ("betreuungsbehoerde",),
    "akute-krise": ("sozialpsychiatrischer-dienst",),
    "wachsender-pflegebedarf": ("wohnberatung", "betreuungsbehoerde"),
    "sturz-zu-hause": ("wohnberatung",),
    "wohnung-anpassen": ("wohnberatung",),
}


def _load(folder: Path) -> dict[str, dict[str, Any]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yml"))}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def source_problems(contact: Contact) -> list[str]:
    """What is wrong with the sources of one contact's reachable fields (empty: nothing)."""
    problems = []
    for field in SOURCED_FIELDS:
        if not getattr(contact, field):
            continue
        backing = [source for source in contact.sources if field in source.covers]
        if not backing:
            problems.append(f"{field}: keine Quelle in sources, die {field} in covers nennt")
        if field in DATED:
            problems += [f"{field}: die Quelle „{source.title}“ nennt kein Datum (stated)"
                         for source in backing if source.stated is None]
    if contact.sources and contact.verified is None:
        problems.append("verified: leer, obwohl Quellen eingetragen sind; tragen Sie den Tag der Prüfung ein")
    problems += [f"note: enthält noch einen Quellensatz („{words}“); Quellen gehören unter sources"
                 for words in OLD_SENTENCES if words in (contact.note or "")]
    return problems


def privacy_problems(contact: dict[str, Any]) -> list[str]:
    """Values that look like a person: a personal e-mail address or a named person."""
    problems = []
    for text in _strings(contact):
        problems += [f"persönliche E-Mail-Adresse: {hit.group()}…" for hit in PERSONAL_EMAIL.finditer(text)]
        problems += [f"Name einer Person: {hit.group()}" for hit in PERSON.finditer(text)]
    return problems


OURS = _load(CONTACTS)
PROJECT = load_checked(REPO)
MODELS = {contact.id: contact for contact in PROJECT.all(Contact)}
PATHS = {path.id: path for path in PROJECT.help_paths}


def test_the_models_are_the_files() -> None:
    assert sorted(MODELS) == sorted(OURS)


@pytest.mark.parametrize("contact_id", sorted(MODELS))
def test_every_reachable_value_names_its_public_source(contact_id: str) -> None:
    assert source_problems(MODELS[contact_id]) == []


@pytest.mark.parametrize("contact_id", sorted(OURS))
def test_no_value_names_a_person(contact_id: str) -> None:
    assert privacy_problems(OURS[contact_id]) == []


def test_the_directory_has_reachable_offices() -> None:
    """Guards the two tests above against passing on an empty directory."""
    filled = [cid for cid, contact in MODELS.items() if any(getattr(contact, field) for field in SOURCED_FIELDS)]
    assert len(filled) >= 15, filled
    assert sum(len(contact.sources) for contact in MODELS.values()) >= 20


@pytest.mark.parametrize("kind", OFFICE_KINDS)
@pytest.mark.parametrize("city", sorted(CITIES))
def test_the_offices_the_help_paths_need_exist_in_both_cities(kind: str, city: str) -> None:
    contact = OURS.get(f"{kind}-{city}")
    assert contact is not None, f"contacts/{kind}-{city}.yml fehlt"
    assert contact["id"] == f"{kind}-{city}"
    assert contact["city"] == CITIES[city]
    assert contact.get("visibility", "public") == "public"


@pytest.mark.parametrize("path_id", sorted(NEEDED_BY))
def test_help_paths_reference_the_offices_they_need(path_id: str) -> None:
    contacts = set(PATHS[path_id].all_contacts)  # the path's own and its steps'
    missing = [f"{kind}-{city}" for kind in NEEDED_BY[path_id] for city in CITIES if f"{kind}-{city}" not in contacts]
    assert missing == []


# The rules themselves: broken contacts must be caught.

def contact(**fields: Any) -> Contact:
    """A contact with the given fields; sources are written as in YAML."""
    return Contact.model_validate({"id": "amt", "name": "Amt", "kind": "amt", "topics": ["wohnen"], **fields})


DATED_SOURCE = {"title": "Stadt, Meldung", "url": "https://example.org/a", "stated": "2024-02",
                "covers": ["address", "phone"]}
UNDATED_SOURCE = {"title": "Seite", "url": "https://example.org", "covers": ["website"]}


def test_a_value_without_source_fails() -> None:
    broken = contact(phone="0341 123-0", website="https://example.org")
    assert [problem.split(":")[0] for problem in source_problems(broken)] == ["website", "phone"]


def test_a_source_without_date_fails_for_an_address_but_not_for_a_website() -> None:
    undated_address = contact(address="Markt 1", verified="2026-12-03",
                              sources=[{**UNDATED_SOURCE, "covers": ["address"]}])
    assert source_problems(undated_address) == ["address: die Quelle „Seite“ nennt kein Datum (stated)"]
    website = contact(website="https://example.org", verified="2026-12-03", sources=[UNDATED_SOURCE])
    assert source_problems(website) == []


def test_a_source_counts_only_for_what_it_covers() -> None:
    broken = contact(phone="0341 1", website="https://example.org", verified="2026-12-03", sources=[UNDATED_SOURCE])
    assert [problem.split(":")[0] for problem in source_problems(broken)] == ["phone"]


def test_sources_without_a_check_date_or_an_old_sentence_fail() -> None:
    unchecked = contact(address="Markt 1", phone="0341 1", sources=[DATED_SOURCE])
    assert [problem.split(":")[0] for problem in source_problems(unchecked)] == ["verified"]
    sentence = contact(address="Markt 1", phone="0341 1", verified="2026-12-03", sources=[DATED_SOURCE],
                       note="Quelle für Adresse: Seite, https://example.org (Stand der Quelle: 2024).")
    assert [problem.split(":")[0] for problem in source_problems(sentence)] == ["note", "note"]
    assert source_problems(contact(address="Markt 1", phone="0341 1", verified="2026-12-03",
                                   sources=[DATED_SOURCE])) == []


def test_personal_addresses_and_names_fail() -> None:
    contact = {"email": "erika.mustermann@example.org", "note": "Ansprechpartnerin ist Frau Mustermann."}
    assert privacy_problems(contact) == ["persönliche E-Mail-Adresse: erika.mustermann@…",
                                         "Name einer Person: Frau Mustermann"]
    assert privacy_problems({"email": "info@example.org", "note": "Fragen Sie im Sekretariat."}) == []
