"""The materials catalogue (`curriculum/materials.yml`): every material a module's step plan names,
as a common object a trainer brings, a form, or a printable of the portal, with a quantity rule."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from engine.core.fields import ContentModel, IsoDate, ModuleId, ShortText, Slug, Text


class Per(StrEnum):
    """What a material's count is counted per."""

    PARTICIPANT = "participant"
    GROUP = "group"
    COURSE = "course"


class Quantity(ContentModel):
    """How many a course needs: per participant, per small group of `group_of`, or per course."""

    per: Per = Field(default=Per.COURSE, description=(
        "participant: je teilnehmende Person; group: je Kleingruppe (Größe in group_of); course: je Kurs"))
    count: int = Field(default=1, ge=1, le=100, description="Wie viele Stück je Person, Kleingruppe oder Kurs")
    group_of: int | None = Field(default=None, ge=2, le=30, description="Bei per: group: Personen je Kleingruppe")

    @model_validator(mode="after")
    def _group_needs_a_size(self) -> Quantity:
        if (self.per is Per.GROUP) != (self.group_of is not None):
            raise ValueError("'group_of' (Personen je Kleingruppe) gehört genau zu 'per: group'; "
                             "ergänzen oder entfernen Sie es")
        return self

    def for_group(self, size: int) -> int:
        """The number a course with `size` participants needs."""
        if self.per is Per.PARTICIPANT:
            return self.count * size
        if self.per is Per.GROUP:
            return self.count * math.ceil(size / (self.group_of or 1))
        return self.count

    @property
    def rule(self) -> str:
        """The rule for readers: „2 je Kleingruppe (3 Personen)“."""
        if self.per is Per.PARTICIPANT:
            return f"{self.count} je Person"
        if self.per is Per.GROUP:
            return f"{self.count} je Kleingruppe ({self.group_of} Personen)"
        return f"{self.count} je Kurs"


class Part(ContentModel):
    """One card, one block of a sheet, or one ring of a drawing."""

    heading: ShortText
    lines: list[Text] = Field(default_factory=list, description="Zeilen: Sätze, Stichpunkte oder Prüfpunkte")
    color: Literal["red", "yellow", "green"] | None = Field(
        default=None, description="Ampelfarbe der Karte: red, yellow oder green")


class ShownIn(ContentModel):
    """A module section where a drawing is also shown, at its end."""

    module: ModuleId
    section: ShortText = Field(description="Überschrift des Abschnitts (## …) im Modul, genau wie dort")


class Printable(ContentModel):
    """What the portal prints for a material: its own parts, or a list made from other content."""

    format: Literal["sheet", "cards", "card"] = Field(default="sheet", description=(
        "sheet: ein A4-Blatt; cards: Karten zum Ausschneiden, vier auf einer A4-Seite; "
        "card: eine Karte in A6 für die Geldbörse, große Schrift"))
    intro: Text | None = Field(default=None, description="Ein, zwei Sätze über den Teilen: wofür und wie")
    parts: list[Part] = Field(default_factory=list, description="Karten, Abschnitte oder Ringe")
    checkboxes: bool = Field(default=False, description="true: jede Zeile bekommt ein Kästchen zum Ankreuzen")
    drawing: Literal["onion"] | None = Field(default=None, description=(
        "onion: die Teile sind die Ringe eines Zwiebelmodells, von innen nach außen, als Zeichnung"))
    shown_in: list[ShownIn] = Field(default_factory=list, description="Modulabschnitte, die die Zeichnung zeigen")
    exercises_of: ModuleId | None = Field(default=None, description=(
        "Fallkarten: die Übungen (## Übung: …) dieses Moduls, ohne Lösungshinweis"))
    contacts: bool = Field(default=False, description="true: die Anlaufstellen aus dem Kontaktverzeichnis")
    recognition: bool = Field(default=False, description=(
        "true: eine Checkliste je Anerkennungsregel aus programme.yml (Voraussetzungen, Nachweise)"))

    @model_validator(mode="after")
    def _has_content(self) -> Printable:
        sources = [self.parts, self.exercises_of, self.contacts, self.recognition]
        if sum(bool(source) for source in sources) != 1:
            raise ValueError("ein Druckstück hat genau eine Quelle: 'parts', 'exercises_of', 'contacts: true' "
                             "oder 'recognition: true'")
        if (self.drawing or self.shown_in) and not self.parts:
            raise ValueError("eine Zeichnung ('drawing', 'shown_in') braucht ihre Ringe unter 'parts'")
        if self.shown_in and not self.drawing:
            raise ValueError("'shown_in' gilt nur für Zeichnungen; ergänzen Sie 'drawing: onion'")
        return self


class Material(ContentModel):
    """One material of the catalogue: a common object, a form (`form`), or a printable (`printable`)."""

    id: Slug = Field(description="Die ID, mit der Ablaufpläne das Material nennen")
    name: ShortText = Field(description="Name für Kursleitungen, z. B. „Flipchart mit Papier und Stiften“")
    note: Text | None = Field(default=None, description="Was dazu wichtig ist (Beschaffung, Vorbereitung)")
    form: Slug | None = Field(default=None, description="ID einer Vorlage aus curriculum/forms/, die gedruckt wird")
    printable: Printable | None = Field(default=None, description="Was das Portal für dieses Material druckt")
    quantity: Quantity = Field(default_factory=Quantity, description="Wie viele ein Kurs braucht")

    @model_validator(mode="after")
    def _one_source(self) -> Material:
        if self.form and self.printable:
            raise ValueError("ein Material ist entweder eine Vorlage ('form') oder ein Druckstück ('printable'), "
                             "nicht beides")
        return self

    @property
    def kind_label(self) -> str:
        if self.form:
            return "Vorlage"
        return "Druckstück" if self.printable else "Gegenstand"


class MaterialCatalogue(ContentModel):
    """The catalogue file `curriculum/materials.yml`."""

    materials: list[Material] = Field(min_length=1)
    updated: IsoDate | None = Field(default=None, description="Wann das Verzeichnis zuletzt geprüft wurde")
