"""A course's days as an iCalendar file that participants import into their calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Event

from engine.core.formatting import whole_minutes
from engine.core.project import Project
from engine.core.templating import clock
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.plan import CoursePlan, plan_course
from engine.features.courses.schedule import DayPlan


@dataclass(frozen=True)
class CalendarEntry:
    """What a calendar says about one run of a course's days (the course itself, or a delivery of it)."""

    uid: str
    title: str
    stamp: date
    """DTSTAMP: the record's `updated` date, so an unchanged record gives the same file."""
    location: str | None = None
    url: str = ""
    status: str = ""
    """TENTATIVE, CONFIRMED or CANCELLED (RFC 5545); empty: not stated."""
    note: str = ""
    """A first line of each event's description, e.g. that the date is still a planning date."""


def days_calendar(entry: CalendarEntry, days: Sequence[tuple[date, DayPlan]], producer: str) -> bytes:
    """One event per day with the day's programme in the description.

    Times are "floating" local times (no time zone): the course happens where the participants
    live, and a calendar shows 09:00 as 09:00 without a zone table the engine would have to know.
    """
    calendar = Calendar()
    calendar.add("prodid", f"-//{producer}//Kurse//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", entry.title)
    stamp = datetime.combine(entry.stamp, time(0, 0))
    for on, day in days:
        event = Event()
        event.add("uid", f"{entry.uid}-tag-{day.number}-{on.isoformat()}")
        event.add("dtstamp", stamp)
        midnight = datetime.combine(on, time(0, 0))
        event.add("dtstart", midnight + timedelta(minutes=whole_minutes(day.start)))
        event.add("dtend", midnight + timedelta(minutes=whole_minutes(day.end)))
        event.add("summary", f"{entry.title} – Tag {day.number}" if len(days) > 1 else entry.title)
        if entry.location:
            event.add("location", entry.location)
        if entry.status:
            event.add("status", entry.status)
        if entry.url:
            event.add("url", entry.url)
        lines = [f"{clock(slot.start)}–{clock(slot.end)} "
                 f"{slot.module + ' · ' if slot.module else ''}{slot.title}" for slot in day.slots]
        event.add("description", "\n".join([*([entry.note] if entry.note else []), *lines,
                                            *([entry.url] if entry.url else [])]))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def course_calendar(plan: CoursePlan, producer: str) -> bytes:
    """One event per course day; only for dated courses."""
    course = plan.course
    days = []
    for day, source in zip(plan.schedule.days, course.days, strict=True):
        if source.date is None:
            raise ValueError(f"{course.id}: Tag {day.number} hat kein Datum")
        days.append((source.date, day))
    return days_calendar(CalendarEntry(course.id, course.title, course.updated, course.place), days, producer)


def course_calendars(project: Project) -> dict[str, bytes]:
    """The calendar file of every course whose days all have dates, by course id."""
    catalogue = Catalogue.of(project)
    plans = (plan_course(project, course, catalogue) for course in project.courses)
    return {plan.course.id: course_calendar(plan, project.programme.short_name)
            for plan in plans if plan.dated}
