"""A delivery of a course (`curriculum/deliveries/<id>.yml`): when, where, by whom, how to register.

The course file gives the day plans; a delivery gives each course day its date and, if it differs,
its start. Unknown values stay empty: pages, invitations and calendars show them as „wird noch
bekannt gegeben“, never a guess.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from engine.core.fields import ClockTime, ContentModel, IsoDate, ShortText, Slug, Text, Version
from engine.core.formatting import date_de

#: A delivery's status, as editors write it.
Status = Literal["geplant", "bestätigt", "abgesagt"]

#: How readers see a status; a planned date is a planning date, not a promise.
STATUS_LABELS: dict[str, str] = {"geplant": "Termin in Planung", "bestätigt": "Termin bestätigt",
                                 "abgesagt": "Abgesagt"}


class DeliveryDay(ContentModel):
    """The date of one course day, in the order of the course's days."""

    date: IsoDate = Field(description="Datum des Kurstags, JJJJ-MM-TT")
    start: ClockTime | None = Field(default=None, description=(
        "Beginn, wenn er vom Kursplan abweicht, z. B. \"17:00\"; leer: der Beginn aus der Kursdatei"))


class Delivery(ContentModel):
    """A dated delivery of a course: a real offer to register for, or a planned one."""

    id: Slug = Field(description="Stabile ID, zugleich Dateiname, z. B. 'grundkurs-2027-fruehjahr'")
    course: Slug = Field(description="ID des Kurses aus curriculum/courses/, dessen Tage hier stattfinden")
    status: Status = Field(description=(
        "geplant = Termin in Planung (noch nicht fest), bestätigt = findet statt, abgesagt = fällt aus"))
    dates: list[DeliveryDay] = Field(min_length=1, description=(
        "Ein Eintrag je Kurstag, in der Reihenfolge der Tage des Kurses"))
    city: ShortText | None = Field(default=None, description=(
        "Stadt oder Stadtteil, wenn der genaue Ort noch offen ist, z. B. der Name der Stadt"))
    place: ShortText | None = Field(default=None, description=(
        "Ort: Name des Hauses oder Raums (öffentliche Angaben einer Einrichtung); leer, wenn offen"))
    place_address: ShortText | None = Field(default=None, description="Anschrift des Orts; leer, wenn offen")
    accessibility: Text | None = Field(default=None, description=(
        "Barrierefreiheit des Orts: Stufen, Aufzug, WC, Hörhilfen; leer, wenn nicht bekannt"))
    provider: ShortText | None = Field(default=None, description="Träger, der den Kurs anbietet; leer, wenn offen")
    provider_address: ShortText | None = Field(default=None, description="Anschrift des Trägers; leer, wenn offen")
    trainers: list[ShortText] = Field(default_factory=list, description=(
        "Kursleitung als Funktion oder Stelle, z. B. 'Pflegefachkraft des Trägers' (nie ein Personenname); "
        "leer, wenn offen"))
    in_person: bool | None = Field(default=None, description=(
        "true: vor Ort in Präsenz, false: online; leer, wenn offen"))
    seats: int | None = Field(default=None, gt=0, le=500, description="Zahl der Plätze; leer, wenn offen")
    costs: ShortText | None = Field(default=None, description=(
        "Kosten für Teilnehmende, z. B. 'kostenfrei'; leer, wenn nicht bekannt"))
    registration: Slug | None = Field(default=None, description=(
        "Wo man sich anmeldet: ID einer Stelle aus contacts/ (ihre öffentlichen Angaben mit Quelle); "
        "leer, wenn offen"))
    registration_note: Text | None = Field(default=None, description=(
        "Wie die Anmeldung läuft, z. B. bis wann; keine Telefonnummern oder E-Mail-Adressen hier"))
    bring: list[ShortText] = Field(default_factory=list, description="Was Teilnehmende mitbringen")
    feedback_form: Slug | None = Field(default=None, description=(
        "ID des Rückmeldebogens aus curriculum/forms/, der am Ende ausgeteilt wird"))
    note: Text | None = Field(default=None, description="Ein Hinweis für Interessierte")
    version: Version
    updated: IsoDate = Field(description="Datum der letzten Prüfung der Angaben")

    @field_validator("dates")
    @classmethod
    def _dates_in_order(cls, dates: list[DeliveryDay]) -> list[DeliveryDay]:
        for before, after in pairwise(dates):
            if after.date <= before.date:
                raise PydanticCustomError(
                    "dates_order", "die Kurstage stehen nicht in zeitlicher Reihenfolge: {after} kommt nach "
                    "{before}; jeder Tag braucht ein späteres Datum als der vorige",
                    {"after": date_de(after.date), "before": date_de(before.date)})
        return dates

    @property
    def first_date(self) -> str:
        return self.dates[0].date.isoformat()

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]
