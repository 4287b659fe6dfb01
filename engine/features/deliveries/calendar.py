"""A delivery's days as an iCalendar file: one event per course day, at the course's clock times."""

from __future__ import annotations

from engine.core.project import Project
from engine.core.urls import html_of
from engine.features.courses.calendar import CalendarEntry, days_calendar
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.urls import course_page
from engine.features.deliveries.plan import DeliveryPlan, plan_delivery, upcoming
from engine.features.deliveries.urls import delivery_calendar, delivery_page

#: RFC 5545's status of an event, by the delivery's status.
CALENDAR_STATUS = {"geplant": "TENTATIVE", "bestätigt": "CONFIRMED", "abgesagt": "CANCELLED"}


def calendar(plan: DeliveryPlan, producer: str, public_url: str) -> bytes:
    """The delivery's days as calendar events; a planned date says it is one."""
    delivery = plan.delivery
    location = ", ".join(part for part in (delivery.place, delivery.place_address or delivery.city) if part)
    note = {"geplant": "Termin in Planung: Datum und Ort werden noch bestätigt.",
            "abgesagt": "Abgesagt: dieser Termin fällt aus."}.get(delivery.status, "")
    site = public_url.rstrip("/")
    url = f"{site}/{html_of(delivery_page(delivery.id))}" if site else ""
    if site:  # the course page too: what the course teaches, beside this delivery's dates and place
        note = "\n".join(part for part in (note, f"Der Kurs: {site}/{html_of(course_page(plan.course.id))}") if part)
    title = {"geplant": f"{plan.course.title} (Termin in Planung)",
             "abgesagt": f"Abgesagt: {plan.course.title}"}.get(delivery.status, plan.course.title)
    return days_calendar(CalendarEntry(delivery.id, title, delivery.updated, location or None, url,
                                       CALENDAR_STATUS[delivery.status], note), plan.days, producer)


def calendars(project: Project, public_url: str = "") -> dict[str, str]:
    """Every delivery's calendar file, by its published name: a page without one would promise too much."""
    catalogue = Catalogue.of(project)
    return {delivery_calendar(d.id): calendar(plan_delivery(project, d, catalogue), project.programme.short_name,
                                              public_url).decode() for d in upcoming(project)}


