"""The contact directory's content: offices and organisations, function-based data only."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from engine.core.fields import (
    ContentModel,
    Email,
    IsoDate,
    Pattern,
    Phone,
    ShortText,
    Slug,
    Text,
    Vocabulary,
    WebUrl,
)
from engine.core.vocabulary import Visibility

ContactField = Literal["description", "quarter", "address", "website", "phone", "email",
                       "opening_hours", "note"]

#: The fields a reader uses to reach a contact: each one that is filled needs a source covering it.
SOURCED_FIELDS: tuple[ContactField, ...] = ("address", "website", "phone", "opening_hours")

#: A date as precise as the source gives it: a day, a month, a quarter or a year (the JSON Schema
#: carries it too, so it is written without Python-only syntax such as named groups).
_STATED = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-Q[1-4])?"


def _year_as_text(value: Any) -> Any:
    """YAML reads `stated: 2018` as a number; a year alone is a valid Stand."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _real_day(value: str) -> str:
    """`2018-02-30` matches the pattern but is no day of the calendar."""
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_invalid", "'{value}' ist kein gültiges Datum (Tag passend zum Monat)", {"value": value}) from None
    return value


Stated = Annotated[str, Pattern(
    _STATED,
    "den Stand der Quelle schreiben Sie so genau, wie die Quelle ihn nennt: JJJJ-MM-TT, JJJJ-MM, "
    'JJJJ-Q1 bis JJJJ-Q4 (Quartal) oder JJJJ, z. B. 2018-02-26, 2022-01, 2010-Q2 oder "2018"',
    "Stand, den die Quelle selbst nennt: JJJJ-MM-TT, JJJJ-MM, JJJJ-Q1 bis JJJJ-Q4 oder JJJJ"),
    BeforeValidator(_year_as_text), AfterValidator(_real_day)]


def stated_start(stated: str) -> date:
    """The first day a Stand can mean: '2022-01' → 2022-01-01, '2010-Q2' → 2010-04-01."""
    year, _, rest = stated.partition("-")
    if rest.startswith("Q"):
        return date(int(year), (int(rest[1:]) - 1) * 3 + 1, 1)
    month, _, day = rest.partition("-")
    return date(int(year), int(month or 1), int(day or 1))


class ContactSource(ContentModel):
    """A public source for some of a contact's fields, e.g. the page that names its address."""

    title: ShortText = Field(description="Titel der Quelle: wer sie herausgibt und wie sie heißt, "
                                         "z. B. 'Amtsblatt der Stadt, „Das Sozialamt zieht um“'")
    url: WebUrl = Field(description="Webadresse der Quelle (beginnt mit https:// oder http://)")
    stated: Stated | None = Field(
        default=None, description="Stand, den die Quelle selbst nennt (so genau wie dort: 2018-02-26, 2022-01, "
                                  "2010-Q2 oder \"2018\"); weglassen, wenn die Quelle kein Datum nennt")
    covers: list[ContactField] = Field(
        min_length=1, description="Welche Felder des Kontakts die Quelle belegt, z. B. [address, phone]")


class Contact(ContentModel):
    """An organisation or office (`contacts/<id>.yml`); function-based data only, no people."""

    id: Slug
    name: ShortText
    kind: Annotated[Slug, Vocabulary("contact_kinds")] = Field(
        description="Art der Stelle: eine ID aus contact_kinds in programme.yml")
    topics: list[Annotated[Slug, Vocabulary("topics")]] = Field(
        min_length=1, description="Themen: IDs aus topics in programme.yml")
    city: ShortText | None = Field(default=None, description="Stadt oder Gebiet; leer, wenn unbekannt")
    quarter: ShortText | None = None
    description: Text | None = None
    address: ShortText | None = None
    website: WebUrl | None = None
    phone: Phone | None = None
    email: Email | None = None
    opening_hours: ShortText | None = None
    verified: IsoDate | None = Field(default=None, description="Wann die Angaben geprüft wurden")
    visibility: Visibility = Visibility.PUBLIC
    internal_fields: list[ContactField] = Field(
        default_factory=list, description="Felder, die nur die interne Ausgabe zeigt")
    note: Text | None = None
    sources: list[ContactSource] = Field(
        default_factory=list, description="Öffentliche Quellen der Angaben: jede ausgefüllte Adresse, Webseite, "
                                          "Telefonnummer und Öffnungszeit braucht eine Quelle, die sie belegt")
