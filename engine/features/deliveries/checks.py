"""Checks of deliveries against their course and its recognition rule."""

from __future__ import annotations

from engine.core.formatting import count
from engine.core.problems import Problem
from engine.core.project import Project
from engine.core.records import Record
from engine.features.deliveries.model import Delivery


def delivery_problems(project: Project) -> list[Problem]:
    """A delivery whose dates do not match its course's days, one held online that the rule wants in
    person, and a confirmed one that still lacks where or by whom."""
    problems: list[Problem] = []
    rules = {rule.id: rule for rule in project.programme.recognition}
    for delivery in project.all(Delivery):
        course = project.course_by_id.get(delivery.course)
        if course is None:
            continue  # the reference check reports the unknown course
        record = project.records[f"delivery:{delivery.id}"]
        if len(delivery.dates) != len(course.days):
            problems.append(_problem(record, ("dates",), "delivery.day-count", (
                f"der Kurs '{course.id}' hat {count(len(course.days), 'Tag', 'Tage')}, hier "
                f"{'steht' if len(delivery.dates) == 1 else 'stehen'} {count(len(delivery.dates), 'Datum', 'Daten')}; tragen Sie unter 'dates' je Kurstag "
                "genau ein Datum ein")))
        rule = rules.get(course.recognition or "")
        if rule is not None and rule.in_person and delivery.in_person is False:
            problems.append(_problem(record, ("in_person",), "delivery.not-in-person", (
                f"die Anerkennung '{rule.label}' verlangt einen Kurs vor Ort; ein Online-Termin zählt nicht. "
                "Schreiben Sie 'in_person: true' oder bieten Sie einen Kurs ohne diese Anerkennung an")))
        if delivery.status == "bestätigt":
            missing = [label for label, value in (("Ort ('place')", delivery.place),
                                                  ("Träger ('provider')", delivery.provider),
                                                  ("Kursleitung ('trainers')", delivery.trainers)) if not value]
            if missing:
                problems.append(_problem(record, ("status",), "delivery.confirmed-incomplete", (
                    f"der Termin ist bestätigt, aber es fehlt: {', '.join(missing)}; tragen Sie es ein oder "
                    "lassen Sie den Status auf 'geplant'"), warning=True))
    return problems


def _problem(record: Record, at: tuple[str | int, ...], code: str, message: str, warning: bool = False) -> Problem:
    return Problem(record.path, record.line_of(*at), record.field_name(*at), message, warning, code=code)
