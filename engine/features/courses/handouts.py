"""The courses' handouts: the participants' folder and the trainer's run sheet."""

from __future__ import annotations

from engine.core.printer import Chapter, Handout, HandoutContext, stand
from engine.core.urls import html_of
from engine.features.courses.folder import participants_folder
from engine.features.courses.materials_list import materials_handout
from engine.features.courses.model import Course
from engine.features.courses.plan import plan_course
from engine.features.courses.urls import course_page, course_run_sheet
from engine.features.curriculum.handouts import trainer_notes


def plan_handouts(context: HandoutContext) -> list[Handout]:
    courses = context.project.all(Course)
    return [*(handout for course in courses for handout in _course(context, course)),
            *(materials_handout(context, course, plan_course(context.project, course)) for course in courses)]


def _course(context: HandoutContext, course: Course) -> list[Handout]:
    printer, project = context.printer, context.project
    plan = plan_course(project, course)
    modules = list(plan.modules)
    footer = stand(course.version, course.updated)
    folder = participants_folder(context, course, plan)
    notes = {m.id: trainer_notes(printer, m) for m in modules}
    run_sheet = Chapter(f"Ablaufplan: {course.title}", printer.fragment(
        "run_sheet.html.j2", course=course, plan=plan, modules={m.id: m for m in modules}, notes=notes))
    return [folder, printer.document(course_run_sheet(course.id), f"Ablaufplan: {course.title}", [run_sheet],
                                     footer, html_of(course_page(course.id)), page_class="landscape")]
