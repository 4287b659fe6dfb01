"""Our deliveries: one per recognised course in 2027, planned and nothing invented, each with its calendar."""

from __future__ import annotations

import pypdf
from builders import REPO, BuildResult
from icalendar import Calendar

from engine.core.templating import clock
from engine.features.courses.model import Course
from engine.features.deliveries.calendar import calendars
from engine.features.deliveries.model import Delivery
from engine.features.deliveries.pages import letter_for
from engine.features.deliveries.plan import plan_delivery
from engine.features.deliveries.urls import DELIVERIES_PAGE, delivery_calendar
from engine.portal import load_checked, plan_pages

PROJECT = load_checked(REPO)
DELIVERIES = PROJECT.all(Delivery)


def test_every_recognised_course_has_a_delivery_in_2027() -> None:
    recognised = {course.id for course in PROJECT.all(Course) if course.recognition}
    assert recognised, "no recognised course"
    for course_id in recognised:
        dated = [d for d in DELIVERIES if d.course == course_id and d.dates[0].date.year == 2027]
        assert dated, f"{course_id}: kein Kurstermin 2027"


def test_planned_deliveries_invent_no_provider_place_or_contact() -> None:
    for delivery in DELIVERIES:
        # Nothing in our sources names who gives these courses, where, or how to register: a
        # planned delivery says so instead of guessing, and its texts say the date is a planning date.
        assert delivery.status == "geplant", delivery.id
        assert (delivery.provider, delivery.place, delivery.place_address, delivery.registration) == (None,) * 4
        assert delivery.trainers == [] and delivery.seats is None and delivery.costs is None
        letter = letter_for(PROJECT, PROJECT.course_by_id[delivery.course], delivery,
                            plan_delivery(PROJECT, delivery)).text()
        assert "Termin in Planung" in letter and "Träger: wird noch bekannt gegeben" in letter


def test_every_published_delivery_has_its_calendar_at_the_schedule_times() -> None:
    pages = [path for path in plan_pages(PROJECT) if path.startswith("termine/") and path != DELIVERIES_PAGE]
    files = calendars(PROJECT)
    assert len(pages) == len(DELIVERIES) == len(files) >= 3
    for delivery in DELIVERIES:
        plan = plan_delivery(PROJECT, delivery)
        calendar = Calendar.from_ical(files[delivery_calendar(delivery.id)])
        starts = [(e.decoded("dtstart").date(), e.decoded("dtstart").strftime("%H:%M"),
                   e.decoded("dtend").strftime("%H:%M")) for e in calendar.walk("VEVENT")]
        assert starts == [(on, clock(day.start), clock(day.end)) for on, day in plan.days], delivery.id
        assert all(str(e["status"]) == "TENTATIVE" for e in calendar.walk("VEVENT"))


def test_every_invitation_fits_one_sheet_for_the_notice_board(real_site: BuildResult) -> None:
    """The Grundkurs invitation's last line, „Wir freuen uns auf Sie!“, stood alone on a second page."""
    invitations = sorted((real_site.site / "handouts").glob("*-einladung.pdf"))
    assert len(invitations) >= 3
    pages = {path.name: len(pypdf.PdfReader(path).pages) for path in invitations}
    assert {name: count for name, count in pages.items() if count > 1} == {}
