"""The courses' handouts: the participants' folder, the trainer's run sheet and the materials list."""

from __future__ import annotations

from engine.core.printer import Handout, HandoutContext
from engine.features.courses.folder import participants_folder
from engine.features.courses.materials_list import materials_handout
from engine.features.courses.model import Course
from engine.features.courses.plan import plan_course
from engine.features.courses.run_sheet import run_sheet


def plan_handouts(context: HandoutContext) -> list[Handout]:
    courses = context.project.all(Course)
    return [*(handout for course in courses for handout in _course(context, course)),
            *(materials_handout(context, course, plan_course(context.project, course)) for course in courses)]


def _course(context: HandoutContext, course: Course) -> list[Handout]:
    plan = plan_course(context.project, course)
    return [participants_folder(context, course, plan), run_sheet(context, plan)]
