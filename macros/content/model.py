"""The content model, declared once: validation, JSON Schemas and rendering all use it.

Every model forbids unknown keys, so a misspelt field is an error instead of silently ignored.
Constrained strings raise German messages an editor can act on (see `Pattern`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from macros.content.limits import BODY_TEXT, LONG_TEXT, SHORT_TEXT
from macros.content.vocabulary import Visibility

#: What each pattern means, in words an editor understands (used by validation.explain).
PATTERN_HINTS: dict[str, str] = {}


@dataclass(frozen=True)
class Pattern:
    """A string pattern with a hint that tells the editor what would be right.

    Used as `Annotated[str, Pattern(...)]`. pydantic checks the pattern natively (anchored
    at both ends) and puts it into the JSON Schema; `validation.explain` turns a mismatch
    into the German hint registered here.
    """

    regex: str
    hint: str
    description: str
    format: str | None = None

    def __post_init__(self) -> None:
        PATTERN_HINTS[self.anchored] = self.hint

    @property
    def anchored(self) -> str:
        return f"^{self.regex}$"

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = dict(handler(source))
        assert schema["type"] == "str", "Pattern only applies to str"
        return cast(CoreSchema, {**schema, "pattern": self.anchored})

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update(pattern=self.anchored, description=self.description)
        if self.format:
            json_schema["format"] = self.format
        return json_schema


def _parse_iso_date(value: Any) -> Any:
    """Accept only `YYYY-MM-DD`; YAML loading keeps dates as text so that bad ones reach here."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_invalid", "'{value}' ist kein gültiges Datum (Monat 01–12, Tag passend zum Monat)",
                {"value": value}) from None
    raise PydanticCustomError(
        "date_format", "Datum im Format JJJJ-MM-TT erwartet, z. B. 2026-11-23; gefunden: {value}",
        {"value": repr(value)})


ModuleId = Annotated[str, Pattern(
    r"M\d{2,4}", "Modul-IDs sind M und zwei bis vier Ziffern, z. B. M06", "Modul-ID, z. B. M06")]
Slug = Annotated[str, Pattern(
    r"[a-z0-9]+(?:-[a-z0-9]+)*", "nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. 'nachbarschaftshelfer'",
    "ID aus Kleinbuchstaben, Ziffern und Bindestrichen")]
Version = Annotated[str, Pattern(
    r"\d+\.\d+(?:\.\d+)?", 'Versionen schreiben Sie in Anführungszeichen, z. B. version: "1.0"',
    'Fassung, z. B. "1.0"')]
WebUrl = Annotated[str, Pattern(
    r"https?://[^\s/$.?#][^\s]*", "eine Webadresse beginnt mit https:// oder http://",
    "Webadresse mit https://", format="uri")]
Email = Annotated[str, Pattern(
    r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", "eine E-Mail-Adresse hat die Form name@beispiel.de",
    "Funktionale E-Mail-Adresse (keine Privatperson)", format="email")]
Phone = Annotated[str, Pattern(
    r"\+?[0-9][0-9 /()\-]{4,}[0-9]",
    "eine Telefonnummer besteht aus Ziffern, Leerzeichen, / oder -, z. B. 0123 456789",
    "Telefonnummer einer Stelle (keine Privatperson)")]
ClockTime = Annotated[str, Pattern(
    r"(?:[01]\d|2[0-3]):[0-5]\d", 'Uhrzeiten schreiben Sie als SS:MM, z. B. "09:00" oder "13:30"',
    "Uhrzeit SS:MM, z. B. 09:00")]
IsoDate = Annotated[
    date,
    BeforeValidator(_parse_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "Datum JJJJ-MM-TT"}),
]
Text = Annotated[str, Field(min_length=1, max_length=LONG_TEXT)]
"""A paragraph an editor writes: a summary, a description, an objective."""
ShortText = Annotated[str, Field(min_length=1, max_length=SHORT_TEXT)]
"""A name, title, label or keyword: one line."""


@dataclass(frozen=True)
class Vocabulary:
    """Marks a field whose values come from a vocabulary of `programme.yml`, e.g. `topics`.

    The engine knows no fixed list: the reference check compares the value with the
    programme's entries, and the JSON Schema for editors gets them as an enum.
    """

    name: str

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["x-vocabulary"] = self.name
        return json_schema


class ContentModel(BaseModel):
    """Base of every content type: unknown keys are errors, surrounding blanks are dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Source(ContentModel):
    """A source for a fact or a legal figure, with the date it reflects."""

    title: ShortText = Field(description="Titel der Quelle, z. B. '§ 45b SGB XI – Entlastungsbetrag'")
    url: WebUrl | None = Field(default=None, description="Webadresse der Quelle")
    stand: IsoDate = Field(description="Stand: auf welches Datum sich die Angabe bezieht")


class ModuleMeta(ContentModel):
    """The front matter of a training module (`curriculum/modules/M06-….md`)."""

    id: ModuleId = Field(description="Stabile Modul-ID, z. B. M06")
    title: ShortText = Field(description="Titel des Moduls")
    version: Version
    duration_ue: float = Field(gt=0, le=40, multiple_of=0.5,
                               description="Dauer in Unterrichtseinheiten (UE); wie lang eine UE ist, "
                                           "steht in programme.yml")
    target_roles: list[Slug] = Field(default_factory=list, description="Rollen-IDs der Zielgruppen")
    prerequisites: list[ModuleId] = Field(default_factory=list,
                                          description="Modul-IDs, die vorher besucht werden sollen")
    objectives: list[Text] = Field(min_length=1, description="Lernziele: „Sie können …“")
    key_points: list[Text] = Field(min_length=1, description="Kernaussagen")
    methods: list[ShortText] = Field(default_factory=list, description="Methoden")
    materials: list[ShortText] = Field(default_factory=list, description="Material")
    keywords: list[ShortText] = Field(default_factory=list, description="Zusätzliche Suchbegriffe")
    sources: list[Source] = Field(default_factory=list, description="Quellen mit Stand")
    updated: IsoDate = Field(description="Datum der letzten inhaltlichen Prüfung")


class Module(ModuleMeta):
    """A module with its Markdown body (teaching text, exercises, trainer notes)."""

    body: str = Field(default="", max_length=BODY_TEXT)


class Compensation(ContentModel):
    """One way a role is compensated."""

    model: Annotated[Slug, Vocabulary("compensation_models")] = Field(
        description="Vergütungsmodell: eine ID aus compensation_models in programme.yml")
    description: Text = Field(description="Wie genau, mit Betrag und Stand")


class LegalNote(ContentModel):
    """A note on the legal frame of a role, with the date it reflects."""

    text: Text
    stand: IsoDate = Field(description="Stand der Angabe")
    source: ShortText | None = Field(default=None, description="Rechtsgrundlage oder Quelle")


class RoleProfile(ContentModel):
    """A role profile (`role_profiles/<id>.yml`)."""

    id: Slug
    title: ShortText
    summary: Text = Field(description="Ein bis drei Sätze, was die Rolle ausmacht")
    tasks: list[Text] = Field(min_length=1, description="Aufgaben")
    boundaries: list[Text] = Field(min_length=1, description="Was diese Rolle nicht tun darf")
    time_commitment: Text = Field(description="Zeitaufwand")
    required_modules: list[ModuleId] = Field(default_factory=list)
    optional_modules: list[ModuleId] = Field(default_factory=list)
    compensation: list[Compensation] = Field(min_length=1)
    legal_notes: list[LegalNote] = Field(default_factory=list)
    supported_by: list[Slug] = Field(default_factory=list, description="Rollen-IDs, die unterstützen")
    version: Version
    updated: IsoDate


class Block(ContentModel):
    """One block of a course day: (part of) a module, a break, lunch, or another activity.

    Exactly one of `module`, `activity`, `break` and `lunch`. Only modules are teaching: breaks,
    lunch and activities such as the welcome never count as teaching units.
    """

    module: ModuleId | None = Field(default=None, description="Modul-ID: dieser Block unterrichtet das Modul")
    minutes: int | None = Field(default=None, gt=0, le=600, description=(
        "Beim Modul: Minuten dieses Teils, wenn das Modul aufgeteilt oder gekürzt wird (sonst die "
        "ganze Dauer bzw. der Rest). Bei 'activity': die Dauer (Pflicht)."))
    activity: ShortText | None = Field(default=None, description="Anderer Programmpunkt, z. B. Begrüßung")
    break_minutes: int | None = Field(default=None, alias="break", gt=0, le=240,
                                      description="Pause: Länge in Minuten")
    lunch: int | None = Field(default=None, gt=0, le=240, description="Mittagspause: Länge in Minuten")

    @model_validator(mode="after")
    def _one_kind(self) -> Block:
        kinds = [name for name, value in (("module", self.module), ("activity", self.activity),
                                          ("break", self.break_minutes), ("lunch", self.lunch)) if value is not None]
        if len(kinds) != 1:
            found = ", ".join(kinds) if kinds else "nichts davon"
            raise PydanticCustomError(
                "block_kind", "ein Block ist genau eines von 'module', 'activity', 'break' oder 'lunch' "
                "(gefunden: {found}); schreiben Sie z. B. '- module: M01' oder '- break: 15'", {"found": found})
        if self.activity is not None and self.minutes is None:
            raise PydanticCustomError(
                "block_minutes", "bei 'activity' fehlt die Dauer; ergänzen Sie z. B. 'minutes: 15'")
        if self.minutes is not None and self.module is None and self.activity is None:
            raise PydanticCustomError(
                "block_minutes", "'minutes' gehört zu 'module' oder 'activity'; bei 'break' und 'lunch' "
                "steht die Länge direkt dahinter, z. B. '- break: 15'")
        return self


class Day(ContentModel):
    """One course day: when it starts, when it must end at the latest, and its blocks in order."""

    date: IsoDate | None = Field(default=None, description="Datum, wenn schon bekannt")
    start: ClockTime = Field(description="Beginn, z. B. \"09:00\"")
    latest_end: ClockTime | None = Field(default=None, description="Spätestes Ende, z. B. \"13:00\"")
    blocks: list[Block] = Field(min_length=1, description="Blöcke in der Reihenfolge des Tages")


class BreakRule(ContentModel):
    """How long teaching may run before a break, and how long that break must be."""

    after_minutes: int = Field(gt=0, le=600, description="Höchstens so viele Minuten Unterricht am Stück")
    break_minutes: int = Field(gt=0, le=240, description="Eine Pause zählt ab dieser Länge")


class Course(ContentModel):
    """A course (`curriculum/courses/<id>.yml`): a real delivery on one or more days."""

    id: Slug
    title: ShortText
    summary: Text
    audience: list[Slug] = Field(min_length=1, description="Rollen-IDs der Teilnehmenden")
    recognition: Annotated[Slug, Vocabulary("recognition")] | None = Field(
        default=None, description="Anerkennungsregel aus programme.yml, die der Kurs erfüllen soll")
    refresher: bool = Field(default=False, description=(
        "true: der Kurs ist die Auffrischung (z. B. Aufbaukurs) der Anerkennungsregel, nicht der Grundkurs"))
    counts_for: Text | None = Field(default=None, description=(
        "Wofür der Kurs zählt und wofür nicht, in einem Satz (vor allem ohne 'recognition')"))
    provider: ShortText | None = Field(default=None, description="Träger, der den Kurs anbietet; leer, wenn offen")
    place: ShortText | None = Field(default=None, description="Ort; leer, wenn offen")
    trainers: list[ShortText] = Field(default_factory=list, description=(
        "Kursleitung als Funktion oder Stelle (keine erfundenen Namen); leer, wenn offen"))
    break_rule: BreakRule | None = Field(default=None, description="Pausenregel für jeden Kurstag")
    max_day_minutes: int | None = Field(default=None, gt=0, le=720,
                                        description="Höchstlänge eines Kurstags in Minuten")
    days: list[Day] = Field(min_length=1, description="Kurstage in ihrer Reihenfolge")
    version: Version
    updated: IsoDate

    @property
    def modules(self) -> list[str]:
        """The module ids in the order they are first taught (a split module counts once)."""
        ordered = dict.fromkeys(block.module for day in self.days for block in day.blocks if block.module)
        return list(ordered)


ContactField = Literal["description", "quarter", "address", "website", "phone", "email",
                       "opening_hours", "note"]


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


class GlossaryTerm(ContentModel):
    """A term of the glossary."""

    id: Slug = Field(description="Anker auf der Glossarseite: glossar.md#<id>")
    term: ShortText
    definition: Text
    see_also: list[Slug] = Field(default_factory=list)
    stand: IsoDate | None = Field(default=None, description="Stand, wenn die Erklärung eine Rechtszahl enthält")
    keywords: list[ShortText] = Field(default_factory=list)


class Glossary(ContentModel):
    """The glossary (`curriculum/glossary.yml`)."""

    terms: list[GlossaryTerm] = Field(min_length=1)
    updated: IsoDate | None = Field(default=None, description=(
        "Wann die Erklärungen zuletzt inhaltlich geprüft wurden (auch ihre Rechtsangaben mit Stand)"))
