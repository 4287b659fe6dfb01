"""Courses, declared: days of blocks planned against the curriculum and the recognition rules."""

from __future__ import annotations

from pathlib import Path

from engine.core.kinds import UPDATED, Kind, Reference, VocabularyField
from engine.core.printer import Handout, HandoutContext
from engine.core.project import Project
from engine.core.registry import Feature, NavSection
from engine.features.courses import handouts, pages, urls
from engine.features.courses.calendar import course_calendars
from engine.features.courses.documents import with_documents
from engine.features.courses.model import Course
from engine.features.courses.plan import course_problems
from engine.features.courses.planner import with_planner
from engine.features.courses.sign_in import sign_in_handouts
from engine.features.courses.step_plans import fitting_plan_problems

COURSE = Kind(
    name="course", collection="courses", label=("Kurs", "Kurse"),
    globs=("curriculum/courses/*.yml", "curriculum/courses/*.yaml"), model=Course, schema="course.schema.json",
    unknown="unbekannter Kurs",
    # A course may teach one module in several blocks (split over two days); whether that adds
    # up is the course checks' concern.
    references=(Reference("days.*.blocks.*.module", "module", repeat_allowed=True), Reference("audience", "role")),
    vocabularies=(VocabularyField("recognition", "recognition"),),
    dated=(UPDATED,), page=urls.course_page, handout=urls.course_handout)


def calendars(project: Project, public_url: str = "") -> dict[str, str]:
    """Each dated course's calendar file, by its published name."""
    return {urls.course_calendar(course_id): ics.decode() for course_id, ics in course_calendars(project).items()}


def course_handouts(context: HandoutContext) -> list[Handout]:
    """Each course's folder and run sheet, and its blank sign-in sheet."""
    return [*handouts.plan_handouts(context), *sign_in_handouts(context)]


FEATURE = Feature(
    name="courses",
    kinds=(COURSE,),
    project_checks=(course_problems, fitting_plan_problems),
    pages=pages.plan_pages,
    handouts=course_handouts,
    files=calendars,
    post_page={urls.PLANNER_PAGE: with_planner, urls.DOCUMENTS_PAGE: with_documents},
    nav=(NavSection("kurse/", "Kurse"),),
    assets=(*urls.PLANNER_SCRIPTS, *urls.DOCUMENTS_SCRIPTS[5:], urls.DOCUMENTS_CSS, urls.DOCUMENTS_PAGE_CSS,
            *urls.VENDOR_LICENSES),
    templates=Path(__file__).parent / "templates",
    template_globals={
        "course_page": urls.course_page, "course_handout": urls.course_handout,
        "course_run_sheet": urls.course_run_sheet, "course_sign_in": urls.course_sign_in,
        "calendar_link": pages.calendar_link,
    },
)
