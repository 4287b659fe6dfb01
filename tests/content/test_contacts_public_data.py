"""Our contact directory shows only public office data, and every value says where it comes from.

A contact's address, phone, website or opening hours are filled only from a public source. The
contact model has no field for sources yet, so each filled value is backed by a sentence in the
contact's `note`, which readers see next to the entry:

    Quelle für Adresse und Telefon: <Titel>, <URL> (Stand der Quelle: <Datum>; geprüft am TT.MM.JJJJ).

`<Datum>` is the date the source states (TT.MM.JJJJ, "Monat JJJJ", "N. Quartal JJJJ" or JJJJ); a
website may also be backed by an undated page ("ohne Datum"), an address or a phone number never.
`verified` is the day of the latest check. The rules are pure functions over the YAML data, so the
last tests feed them broken contacts and prove that they fail.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import REPO

CONTACTS = REPO / "contacts"
HELP_PATHS = REPO / "city" / "wegweiser"

#: The fields a reader uses to reach an office, with the word the source sentence uses for them.
REACH = {"address": "Adresse", "phone": "Telefon", "website": "Webseite", "opening_hours": "Öffnungszeiten"}
#: Fields that need a source stating a date; a website's own page may be undated.
DATED = {"address", "phone", "opening_hours"}

MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
SOURCE = re.compile(
    r"Quelle für (?P<fields>[^:]+): (?P<title>(?:(?!Quelle für).)*?)(?P<url>https?://\S+) "
    r"\(Stand der Quelle: (?P<stand>[^;)]+); geprüft am (?P<checked>\d{2}\.\d{2}\.\d{4})\)")
STAND = re.compile(rf"^(?:(?P<day>\d{{2}}\.\d{{2}}\.\d{{4}})|(?:{MONTHS}) \d{{4}}|[1-4]\. Quartal \d{{4}}|\d{{4}})\b")
UNDATED = "ohne Datum"

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
}


def _load(folder: Path) -> dict[str, dict[str, Any]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yml"))}


def _german_date(text: str) -> dt.date:
    day, month, year = (int(part) for part in text.split("."))
    return dt.date(year, month, day)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def source_problems(contact: dict[str, Any]) -> list[str]:
    """What is wrong with the sources of one contact's reachable fields (empty: nothing)."""
    problems = []
    sources = list(SOURCE.finditer(contact.get("note") or ""))
    backed: dict[str, list[re.Match[str]]] = {}
    for source in sources:
        for word in re.split(r",\s*|\s+und\s+", source["fields"].strip()):
            backed.setdefault(word, []).append(source)
    for field, word in REACH.items():
        if not contact.get(field):
            continue
        if word not in backed:
            problems.append(f"{field}: kein Satz „Quelle für {word}: …, URL (Stand der Quelle: …; geprüft am …)“")
            continue
        for source in backed[word]:
            stand = source["stand"].strip()
            dated = STAND.match(stand)
            if not dated and not (stand.startswith(UNDATED) and field not in DATED):
                problems.append(f"{field}: Stand der Quelle „{stand}“ ist kein Datum")
            checked = _german_date(source["checked"])
            if dated and dated["day"] and _german_date(dated["day"]) > checked:
                problems.append(f"{field}: Stand der Quelle {stand} liegt nach der Prüfung am {source['checked']}")
    if sources:
        latest = max(_german_date(source["checked"]) for source in sources)
        if contact.get("verified") != latest:
            problems.append(f"verified: {contact.get('verified')} statt {latest} (letzte Prüfung einer Quelle)")
    return problems


def privacy_problems(contact: dict[str, Any]) -> list[str]:
    """Values that look like a person: a personal e-mail address or a named person."""
    problems = []
    for text in _strings(contact):
        problems += [f"persönliche E-Mail-Adresse: {hit.group()}…" for hit in PERSONAL_EMAIL.finditer(text)]
        problems += [f"Name einer Person: {hit.group()}" for hit in PERSON.finditer(text)]
    return problems


OURS = _load(CONTACTS)


@pytest.mark.parametrize("contact_id", sorted(OURS))
def test_every_reachable_value_names_its_public_source(contact_id: str) -> None:
    assert source_problems(OURS[contact_id]) == []


@pytest.mark.parametrize("contact_id", sorted(OURS))
def test_no_value_names_a_person(contact_id: str) -> None:
    assert privacy_problems(OURS[contact_id]) == []


def test_the_directory_has_reachable_offices() -> None:
    """Guards the two tests above against passing on an empty directory."""
    filled = [cid for cid, contact in OURS.items() if any(contact.get(field) for field in REACH)]
    assert len(filled) >= 15, filled


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
    contacts = set(_load(HELP_PATHS)[path_id]["contacts"])
    missing = [f"{kind}-{city}" for kind in NEEDED_BY[path_id] for city in CITIES if f"{kind}-{city}" not in contacts]
    assert missing == []


# The rules themselves: broken contacts must be caught.

GOOD_SOURCE = ("Quelle für Adresse und Telefon: Stadt, Meldung, https://example.org/a "
               "(Stand der Quelle: 01.02.2024; geprüft am 03.12.2026).")


def test_a_value_without_source_fails() -> None:
    contact = {"phone": "0341 123-0", "website": "https://example.org", "note": None, "verified": None}
    assert [problem.split(":")[0] for problem in source_problems(contact)] == ["phone", "website"]


def test_a_source_without_date_fails_for_an_address_but_not_for_a_website() -> None:
    undated = "Quelle für {}: Seite, https://example.org (Stand der Quelle: ohne Datum; geprüft am 03.12.2026)."
    date = dt.date(2026, 12, 3)
    assert source_problems({"address": "Markt 1", "note": undated.format("Adresse"), "verified": date}) == [
        "address: Stand der Quelle „ohne Datum“ ist kein Datum"]
    website = {"website": "https://example.org", "note": undated.format("Webseite"), "verified": date}
    assert source_problems(website) == []


def test_a_sentence_without_url_does_not_borrow_the_next_one() -> None:
    note = ("Quelle für Telefon: Aushang (Stand der Quelle: 2024; geprüft am 03.12.2026). "
            "Quelle für Webseite: Seite, https://example.org (Stand der Quelle: 2024; geprüft am 03.12.2026).")
    contact = {"phone": "0341 1", "website": "https://example.org", "note": note, "verified": dt.date(2026, 12, 3)}
    assert [problem.split(":")[0] for problem in source_problems(contact)] == ["phone"]


def test_a_source_younger_than_its_check_or_a_stale_verified_date_fails() -> None:
    future = GOOD_SOURCE.replace("01.02.2024", "01.02.2027")
    contact = {"address": "Markt 1", "phone": "0341 1", "note": future, "verified": dt.date(2026, 11, 23)}
    assert source_problems(contact) == [
        "address: Stand der Quelle 01.02.2027 liegt nach der Prüfung am 03.12.2026",
        "phone: Stand der Quelle 01.02.2027 liegt nach der Prüfung am 03.12.2026",
        "verified: 2026-11-23 statt 2026-12-03 (letzte Prüfung einer Quelle)"]
    assert source_problems({"address": "Markt 1", "phone": "0341 1", "note": GOOD_SOURCE,
                            "verified": dt.date(2026, 12, 3)}) == []


def test_personal_addresses_and_names_fail() -> None:
    contact = {"email": "erika.mustermann@example.org", "note": "Ansprechpartnerin ist Frau Mustermann."}
    assert privacy_problems(contact) == ["persönliche E-Mail-Adresse: erika.mustermann@…",
                                         "Name einer Person: Frau Mustermann"]
    assert privacy_problems({"email": "info@example.org", "note": "Fragen Sie im Sekretariat."}) == []
