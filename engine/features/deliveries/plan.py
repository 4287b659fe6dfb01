"""A delivery with its course: each day's date and clock times, from the course's own schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from engine.core.project import Project
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.model import Course
from engine.features.courses.schedule import DayPlan, Schedule, schedule
from engine.features.deliveries.model import Delivery


@dataclass(frozen=True)
class DeliveryPlan:
    """What a delivery's page, invitation and calendar show."""

    delivery: Delivery
    course: Course
    schedule: Schedule
    """The course's schedule, each day starting when the delivery's day starts."""

    @property
    def days(self) -> list[tuple[date, DayPlan]]:
        return [(day.date, plan) for day, plan in zip(self.delivery.dates, self.schedule.days, strict=False)]

    @property
    def cancelled(self) -> bool:
        return self.delivery.status == "abgesagt"


def as_delivered(course: Course, delivery: Delivery) -> Course:
    """The course with the delivery's dates and start times: the course's schedule then gives the clock times."""
    days = [day.model_copy(update={"date": given.date, "start": given.start or day.start})
            for day, given in zip(course.days, delivery.dates, strict=False)]
    return course.model_copy(update={"days": days + course.days[len(days):]})


def plan_delivery(project: Project, delivery: Delivery, catalogue: Catalogue | None = None) -> DeliveryPlan:
    course = project.course_by_id[delivery.course]
    return DeliveryPlan(delivery, course, schedule(as_delivered(course, delivery), catalogue or Catalogue.of(project)))


def deliveries_of(project: Project, course_id: str) -> list[Delivery]:
    """A course's deliveries by their first day."""
    return sorted((d for d in project.all(Delivery) if d.course == course_id), key=lambda d: d.first_date)


def upcoming(project: Project) -> list[Delivery]:
    """Every delivery by its first day; `check` warns about those in the past, so editors remove them."""
    return sorted(project.all(Delivery), key=lambda d: (d.first_date, d.id))
