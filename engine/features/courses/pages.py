"""The courses' pages: the overview, each course with its schedule, and the course planner."""

from __future__ import annotations

from functools import partial

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from engine.core.pages import GeneratedPage, PageContext, PagePlan, Renderer
from engine.core.project import Project
from engine.core.urls import HANDOUT_FOLDER, from_page
from engine.features.courses.model import Course
from engine.features.courses.plan import plan_course
from engine.features.courses.urls import COURSES_PAGE, DOCUMENTS_PAGE, PLANNER_PAGE, course_calendar, course_page
from engine.features.curriculum.model import Module, RoleProfile


def plan_pages(context: PageContext) -> PagePlan:
    project, render = context.project, context.render
    courses = project.all(Course)
    roles = project.by_id(RoleProfile)
    plan: PagePlan = {COURSES_PAGE: lambda: render(
        "courses.md.j2", COURSES_PAGE, audiences={c.id: [roles[r] for r in c.audience] for c in courses},
        plans={c.id: plan_course(project, c) for c in courses})}
    if project.all(Module):  # the course planner; its data and scripts are added to the built page
        plan[PLANNER_PAGE] = lambda: render("planner.md.j2", PLANNER_PAGE, label="Kursplaner")
        plan[DOCUMENTS_PAGE] = lambda: render("documents.md.j2", DOCUMENTS_PAGE, label="Kursunterlagen drucken")
    for course in courses:
        plan[course_page(course.id)] = partial(_course, render, project, course)
    return plan


def _course(render: Renderer, project: Project, course: Course) -> GeneratedPage:
    roles = project.by_id(RoleProfile)
    return render("course.md.j2", course_page(course.id), label=course.title, course=course,
                  audience=[roles[r] for r in course.audience], plan=plan_course(project, course))


@pass_context
def calendar_link(context: Context, course_id: str) -> Markup:
    """A download button for a course's calendar file, published beside the handouts."""
    return calendar_button(course_calendar(course_id), context["page_path"])


def calendar_button(name: str, page: str) -> Markup:
    """A download button on `page` for the calendar file `name` in the handout folder."""
    target = from_page(f"{HANDOUT_FOLDER}/{name}", page)
    return Markup('<a class="md-button qp-ics" href="{}" download>Termine in den Kalender (.ics)</a>').format(target)
