"""The trainer's run sheet of a course: per day a one-page overview, then each block's step plan."""

from __future__ import annotations

from dataclasses import dataclass

from engine.core.printer import Chapter, Handout, HandoutContext, stand
from engine.core.urls import html_of
from engine.features.courses.plan import CoursePlan
from engine.features.courses.schedule import DayPlan, Slot
from engine.features.courses.step_plans import BlockSteps, course_block_steps
from engine.features.courses.urls import course_page, course_run_sheet
from engine.features.curriculum.plans import material_name


@dataclass(frozen=True)
class Row:
    """One block of the day's overview: what happens, how, with what."""

    number: int
    slot: Slot
    block: BlockSteps | None
    methods: tuple[str, ...]
    materials: tuple[str, ...]


@dataclass(frozen=True)
class RunDay:
    day: DayPlan
    rows: tuple[Row, ...]

    @property
    def blocks(self) -> list[Row]:
        """The rows that teach a module: each gets its step plan after the overview."""
        return [row for row in self.rows if row.block is not None]


def run_days(plan: CoursePlan, unit_minutes: int, name: dict[str, str]) -> list[RunDay]:
    """The course's days as the run sheet lays them out; `name` maps material ids to their names."""
    by_slot = {(block.slot.day, block.slot.index): block for block in course_block_steps(plan, unit_minutes)}
    days = []
    for day in plan.schedule.days:
        rows = []
        for number, slot in enumerate(day.slots, start=1):
            block = by_slot.get((slot.day, slot.index))
            steps = [timed.step for timed in block.steps] if block else []
            methods = block.module.methods if block else []
            rows.append(Row(number, slot, block,
                            tuple(dict.fromkeys(_method_of(step.method, methods) for step in steps)),
                            tuple(dict.fromkeys(name[m] for step in steps for m in step.materials))))
        days.append(RunDay(day, tuple(rows)))
    return days


def _method_of(step_method: str, module_methods: list[str]) -> str:
    """The module's method a step uses ('Rollenspiel' for 'Rollenspiel in Paaren'): the overview stays short."""
    matching = [method for method in module_methods if step_method.startswith(method)]
    return max(matching, key=len) if matching else step_method


def run_sheet(context: HandoutContext, plan: CoursePlan) -> Handout:
    printer, project, course = context.printer, context.project, plan.course
    unit = project.programme.teaching_unit_minutes
    ids = {m for module in plan.modules for p in module.plans for s in p.steps for m in s.materials}
    names = {material: material_name(project, material) for material in ids}
    title = f"Ablaufplan: {course.title}"
    html = printer.fragment("run_sheet.html.j2", course=course, plan=plan, days=run_days(plan, unit, names),
                            material=names)
    return printer.document(course_run_sheet(course.id), title, [Chapter(title, html)],
                            stand(course.version, course.updated), html_of(course_page(course.id)),
                            page_class="landscape")
