"""The courses' handouts: the participants' folder and the trainer's run sheet."""

from __future__ import annotations

from engine.core.printer import Chapter, Handout, HandoutContext, stand
from engine.core.urls import html_of
from engine.features.courses.model import Course
from engine.features.courses.plan import plan_course
from engine.features.courses.run_sheet import run_sheet
from engine.features.courses.urls import course_handout, course_page
from engine.features.curriculum.handouts import module_chapter
from engine.features.curriculum.model import RoleProfile


def plan_handouts(context: HandoutContext) -> list[Handout]:
    return [handout for course in context.project.all(Course) for handout in _course(context, course)]


def _course(context: HandoutContext, course: Course) -> list[Handout]:
    printer, project = context.printer, context.project
    plan = plan_course(project, course)
    modules = list(plan.modules)
    roles = project.by_id(RoleProfile)
    footer = stand(course.version, course.updated)
    schedule = Chapter(course.title, printer.fragment("schedule.html.j2", course=course, plan=plan,
                                                      audience=[roles[r] for r in course.audience]))
    contacts = Chapter("Kontakte", printer.fragment("contacts.html.j2", contacts=project.contacts))
    folder = printer.document(course_handout(course.id), course.title,
                              [schedule, *(module_chapter(printer, m, trainer=False) for m in modules), contacts],
                              footer, html_of(course_page(course.id)))
    return [folder, run_sheet(context, plan)]
