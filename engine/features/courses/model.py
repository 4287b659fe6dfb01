"""A course as planned: days of blocks with clock times, break rule, recognition claimed."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from engine.core.fields import (
    ClockTime,
    ContentModel,
    IsoDate,
    ModuleId,
    ShortText,
    Slug,
    Text,
    Version,
    Vocabulary,
)


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
    provider_address: ShortText | None = Field(default=None, description=(
        "Anschrift des Trägers (Straße, PLZ Ort), wie sie auf Bescheinigungen steht; leer, wenn offen"))
    place: ShortText | None = Field(default=None, description="Ort; leer, wenn offen")
    trainers: list[ShortText] = Field(default_factory=list, description=(
        "Kursleitung als Funktion oder Stelle (keine erfundenen Namen); leer, wenn offen"))
    in_person: bool | None = Field(default=None, description=(
        "true: in Präsenz, false: online; leer, wenn offen. Bescheinigungen nennen es"))
    seats: int | None = Field(default=None, gt=0, le=500, description="Plätze im Kurs; leer, wenn offen")
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
