"""The building blocks of every content model: ids, texts, dates, patterns with German hints.

Every model forbids unknown keys, so a misspelt field is an error instead of silently ignored.
Constrained strings raise German messages an editor can act on (see `Pattern`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from engine.core.limits import LONG_TEXT, SHORT_TEXT

#: What each pattern means, in words an editor understands (used by validation.explain).
PATTERN_HINTS: dict[str, str] = {}
#: How a date is written (`IsoDate`); the course planner gets it as data.
ISO_DATE_REGEX = r"\d{4}-\d{2}-\d{2}"


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
    if isinstance(value, str) and re.fullmatch(ISO_DATE_REGEX, value):
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
