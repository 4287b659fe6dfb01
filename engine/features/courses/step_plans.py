"""Which step plan a course teaches each module by, laid out on the clock of its blocks.

A module is taught by the plan of the minutes the course gives it over all its blocks; when it
is split (two blocks, or two days), each block takes the plan's next steps, so the split must
fall between two steps. Pure, on a course's schedule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate

from engine.core.formatting import whole_minutes
from engine.core.problems import Problem
from engine.core.project import Project
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.plan import CoursePlan, plan_course
from engine.features.courses.schedule import Schedule, Slot
from engine.features.curriculum.model import Module, ModulePlan, PlanStep
from engine.features.curriculum.plans import full_minutes, plan_for, plan_lengths, plans_required


@dataclass(frozen=True)
class TimedStep:
    """A plan step with its clock times (minutes since midnight) in its block."""

    start: float
    end: float
    step: PlanStep


@dataclass(frozen=True)
class BlockSteps:
    """A module block with the steps of its plan that it teaches."""

    slot: Slot
    module: Module
    plan: ModulePlan | None
    taught: float
    """Minutes the course teaches the module over all its blocks."""
    steps: tuple[TimedStep, ...]
    shortened: bool
    split_mid_step: bool
    """The block starts inside a step of the plan (only for a block after the first)."""


def block_steps(schedule: Schedule, modules: Mapping[str, Module], unit_minutes: int) -> list[BlockSteps]:
    """Every module block of the schedule with the steps it teaches, in the order of the day."""
    taught_so_far: dict[str, float] = {}
    blocks = []
    for day in schedule.days:
        for slot in day.slots:
            module = modules.get(slot.module or "")
            if module is None:
                continue
            taught = schedule.taught.get(module.id, 0)
            plan = plan_for(module, taught)
            offset = whole_minutes(taught_so_far.get(module.id, 0))
            taught_so_far[module.id] = taught_so_far.get(module.id, 0) + slot.minutes
            upto = whole_minutes(taught_so_far[module.id])
            steps, boundaries, at = [], {0}, 0
            for step in plan.steps if plan else ():
                if offset <= at < upto:
                    start = slot.start + at - offset
                    steps.append(TimedStep(start, min(start + step.minutes, slot.end), step))
                at += step.minutes
                boundaries.add(at)
            shortened = whole_minutes(taught) < full_minutes(module, unit_minutes)
            blocks.append(BlockSteps(slot, module, plan, taught, tuple(steps), shortened,
                                     plan is not None and offset not in boundaries))
    return blocks


def course_block_steps(plan: CoursePlan, unit_minutes: int) -> list[BlockSteps]:
    return block_steps(plan.schedule, {module.id: module for module in plan.modules}, unit_minutes)


def fitting_plan_problems(project: Project) -> list[Problem]:
    """A course block whose module has no plan of the length the course teaches, or is split inside a step."""
    if not plans_required(project):
        return []
    catalogue = Catalogue.of(project)
    problems = []
    for course in project.courses:
        record = project.records[f"course:{course.id}"]
        reported: set[str] = set()
        for block in course_block_steps(plan_course(project, course, catalogue), catalogue.unit_minutes):
            at = ("days", block.slot.day, "blocks", block.slot.index)
            title, taught = block.module.title, whole_minutes(block.taught)
            if block.plan is None and block.module.id not in reported:
                reported.add(block.module.id)
                problems.append(Problem(
                    record.path, record.line_of(*at), record.field_name(*at),
                    f"der Kurs unterrichtet „{title}“ {taught} Min. lang, das Modul hat "
                    + (f"Ablaufpläne nur für {plan_lengths(block.module)}" if block.module.plans
                       else "noch keinen Ablaufplan") + f"; geben Sie dem Modul einen Plan mit 'minutes: {taught}' "
                    "oder ändern Sie 'minutes' der Blöcke auf eine vorhandene Länge",
                    code="course.no-fitting-plan"))
            elif block.split_mid_step and block.plan:
                ends = list(accumulate(step.minutes for step in block.plan.steps))
                problems.append(Problem(
                    record.path, record.line_of(*at), record.field_name(*at),
                    f"dieser Block von „{title}“ beginnt mitten in einem Schritt des {taught}-Minuten-Plans (die "
                    f"Schritte enden nach {', '.join(map(str, ends[:-1]))} und {ends[-1]} Min.); legen Sie "
                    "die Teilung mit 'minutes' auf das Ende eines Schritts oder teilen Sie den "
                    "Schritt im Plan des Moduls", code="course.plan-split-mid-step"))
    return problems

