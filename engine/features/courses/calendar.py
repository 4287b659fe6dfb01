"""A course's days as an iCalendar file that participants import into their calendar."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from icalendar import Calendar, Event

from engine.core.formatting import whole_minutes
from engine.core.project import Project
from engine.core.templating import clock
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.plan import CoursePlan, plan_course


def course_calendar(plan: CoursePlan, producer: str) -> bytes:
    """One event per course day with its programme in the description; only for dated courses.

    Times are "floating" local times (no time zone): the course happens where the participants
    live, and a calendar shows 09:00 as 09:00 without a zone table the engine would have to know.
    DTSTAMP is the course's `updated` date, so an unchanged course gives the same file.
    """
    course = plan.course
    calendar = Calendar()
    calendar.add("prodid", f"-//{producer}//Kurse//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", course.title)
    stamp = datetime.combine(course.updated, time(0, 0))
    for day, source in zip(plan.schedule.days, course.days, strict=True):
        if source.date is None:
            raise ValueError(f"{course.id}: Tag {day.number} hat kein Datum")
        event = Event()
        event.add("uid", f"{course.id}-tag-{day.number}-{source.date.isoformat()}")
        event.add("dtstamp", stamp)
        midnight = datetime.combine(source.date, time(0, 0))
        event.add("dtstart", midnight + timedelta(minutes=whole_minutes(day.start)))
        event.add("dtend", midnight + timedelta(minutes=whole_minutes(day.end)))
        event.add("summary", f"{course.title} – Tag {day.number}" if len(course.days) > 1 else course.title)
        if course.place:
            event.add("location", course.place)
        lines = [f"{clock(slot.start)}–{clock(slot.end)} "
                 f"{slot.module + ' · ' if slot.module else ''}{slot.title}" for slot in day.slots]
        event.add("description", "\n".join(lines))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def course_calendars(project: Project) -> dict[str, bytes]:
    """The calendar file of every course whose days all have dates, by course id."""
    catalogue = Catalogue.of(project)
    plans = (plan_course(project, course, catalogue) for course in project.courses)
    return {plan.course.id: course_calendar(plan, project.programme.short_name)
            for plan in plans if plan.dated}
