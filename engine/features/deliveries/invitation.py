"""The invitation and the reminder a week before: plain German text to copy, and the printed invitation.

One text for both media: the page shows it to copy into an e-mail or a newsletter, the A5 handout
prints the same lines. Every unknown value reads „wird noch bekannt gegeben“, never a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from engine.core.formatting import count, date_weekday
from engine.core.templating import clock
from engine.features.contacts.model import Contact
from engine.features.courses.model import Course
from engine.features.courses.schedule import DayPlan
from engine.features.deliveries.model import Delivery

#: How every page, invitation and calendar shows a value nobody knows yet.
TO_BE_ANNOUNCED = "wird noch bekannt gegeben"
#: A reminder goes out this many days before the first course day.
REMINDER_DAYS = 7


@dataclass(frozen=True)
class Letter:
    """An invitation or a reminder: a subject, a greeting, an opening, labelled facts and a closing."""

    subject: str
    greeting: str
    opening: str
    facts: tuple[tuple[str, str], ...]
    closing: str

    def text(self) -> str:
        """The letter as plain text, ready to paste into an e-mail."""
        facts = "\n".join(f"{label}: {value}" for label, value in self.facts)
        return f"{self.subject}\n\n{self.greeting}\n\n{self.opening}\n\n{facts}\n\n{self.closing}\n"


def day_line(on: date | None, day: DayPlan) -> str:
    """„Samstag, 6. März 2027, 09:00 bis 14:00 Uhr“; without a date the time alone."""
    times = f"{clock(day.start)} bis {clock(day.end)} Uhr"
    return f"{date_weekday(on)}, {times}" if on else f"Datum {TO_BE_ANNOUNCED} ({times})"


def when(days: Sequence[tuple[date | None, DayPlan]], delivery: Delivery | None) -> str:
    if delivery is None:
        return TO_BE_ANNOUNCED
    lines = [day_line(on, day) if len(days) == 1 else f"Tag {day.number}: {day_line(on, day)}" for on, day in days]
    text = "; ".join(lines)
    if delivery.status == "geplant":
        text += " (Termin in Planung: wir bestätigen ihn rechtzeitig)"
    return text


def where(delivery: Delivery | None) -> str:
    if delivery is None or not (delivery.place or delivery.place_address):
        city = delivery.city if delivery else None
        return f"{city}, genauer Ort {TO_BE_ANNOUNCED}" if city else TO_BE_ANNOUNCED
    return ", ".join(part for part in (delivery.place, delivery.place_address or delivery.city) if part)


def format_of(delivery: Delivery | None) -> str:
    if delivery is None or delivery.in_person is None:
        return TO_BE_ANNOUNCED
    return "vor Ort, in der Gruppe" if delivery.in_person else "online"


def registration(delivery: Delivery | None, contact: Contact | None) -> str:
    """How to register: the office's public name, phone, e-mail and website, and the editor's note."""
    parts = []
    if contact is not None:
        parts.append(", ".join(part for part in (
            contact.name, f"Telefon {contact.phone}" if contact.phone else None,
            f"E-Mail {contact.email}" if contact.email else None, contact.website) if part))
    if delivery is not None and delivery.registration_note:
        parts.append(delivery.registration_note)
    return " – ".join(parts) if parts else TO_BE_ANNOUNCED


def invitation(course: Course, modules: list[str], delivery: Delivery | None,
               days: Sequence[tuple[date | None, DayPlan]], contact: Contact | None, sender: str) -> Letter:
    """The invitation to a delivery, or to the course while it has no delivery yet."""
    facts: list[tuple[str, str]] = [
        *([("Themen", ", ".join(modules))] if modules else []),
        ("Wann", when(days, delivery)),
        ("Wo", where(delivery)),
        ("Kursform", format_of(delivery)),
        ("Barrierefreiheit", delivery.accessibility if delivery and delivery.accessibility else TO_BE_ANNOUNCED),
        ("Kursleitung", ", ".join(delivery.trainers) if delivery and delivery.trainers else TO_BE_ANNOUNCED),
        ("Träger", _provider(delivery)),
        ("Plätze", str(delivery.seats) if delivery and delivery.seats else TO_BE_ANNOUNCED),
        ("Kosten", delivery.costs if delivery and delivery.costs else TO_BE_ANNOUNCED),
        ("Bitte mitbringen", ", ".join(delivery.bring) if delivery and delivery.bring else TO_BE_ANNOUNCED),
        ("Anmeldung", registration(delivery, contact)),
    ]
    if course.counts_for:
        facts.append(("Wofür der Kurs zählt", course.counts_for))
    return Letter(
        subject=f"Einladung: {course.title}",
        greeting="Liebe Nachbarinnen und Nachbarn,",
        opening=(f"wir laden Sie herzlich zum Kurs „{course.title}“ ein. Sie brauchen kein Vorwissen. "
                 "Sie lernen in einer kleinen Gruppe, mit Beispielen aus dem Alltag, und können jederzeit "
                 "Fragen stellen."),
        facts=tuple(facts),
        closing=("Brauchen Sie etwas, um gut teilnehmen zu können, etwa einen Platz nah am Eingang oder "
                 f"große Schrift? Sagen Sie es uns bei der Anmeldung.\n\nWir freuen uns auf Sie!\n{sender}"))


def reminder(course: Course, delivery: Delivery, days: Sequence[tuple[date | None, DayPlan]],
             contact: Contact | None, sender: str) -> Letter:
    """The reminder the participants get a week before the first day."""
    opening = f"in einer Woche beginnt der Kurs „{course.title}“"
    if len(days) > 1:
        opening += f" an {count(len(days), 'Tag', 'Tagen')}"
    if days:
        opening += f". Der erste Tag beginnt um {clock(days[0][1].start)}\u00a0Uhr"
    return Letter(
        subject=f"Erinnerung: {course.title} beginnt in einer Woche",
        greeting="Guten Tag,",
        opening=opening + ". Hier noch einmal das Wichtigste:",
        facts=(("Wann", when(days, delivery)), ("Wo", where(delivery)),
               ("Bitte mitbringen", ", ".join(delivery.bring) if delivery.bring else TO_BE_ANNOUNCED),
               ("Wenn Sie nicht kommen können", "Sagen Sie bitte ab, dann bekommt jemand anderes Ihren Platz. "
                + "Anmeldung und Absage: " + registration(delivery, contact))),
        closing=f"Bis bald!\n{sender}")


def reminder_day(delivery: Delivery) -> date:
    """When the reminder goes out."""
    return delivery.dates[0].date - timedelta(days=REMINDER_DAYS)


def _provider(delivery: Delivery | None) -> str:
    if delivery is None or not delivery.provider:
        return TO_BE_ANNOUNCED
    return f"{delivery.provider}, {delivery.provider_address}" if delivery.provider_address else delivery.provider
