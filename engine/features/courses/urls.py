"""Where the courses' pages, handouts, calendars and the planner live in the site."""

from __future__ import annotations

COURSES_PAGE = "kurse/index.md"
#: The offline course planner: only when the project has modules; its scripts are assets.
PLANNER_PAGE = "kurse/planer.md"
PLANNER_SCRIPT = "assets/portal/javascripts/kursplaner.js"


def course_page(course_id: str) -> str:
    return f"kurse/{course_id}.md"


def course_handout(course_id: str) -> str:
    return f"kurs-{course_id}.pdf"


def course_run_sheet(course_id: str) -> str:
    return f"kurs-{course_id}-ablaufplan.pdf"


def course_calendar(course_id: str) -> str:
    """The calendar file of a course with dates, published in the handout folder."""
    return f"kurs-{course_id}.ics"
