"""The contact directory's content: offices and organisations, function-based data only."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from engine.core.fields import (
    ContentModel,
    Email,
    IsoDate,
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
