"""A course's materials list: what its blocks' step plans name, with quantities for a group size."""

from __future__ import annotations

from dataclasses import dataclass

from engine.core.printer import Chapter, Handout, HandoutContext, stand
from engine.core.project import Project
from engine.core.urls import html_of
from engine.features.courses.model import Course
from engine.features.courses.plan import CoursePlan
from engine.features.courses.urls import course_materials, course_page
from engine.features.curriculum.materials import Material
from engine.features.curriculum.model import Module
from engine.features.curriculum.printables import material_handout_of


@dataclass(frozen=True)
class ListedMaterial:
    """One line of the list: the material, how many for the group, the modules that need it, its PDF."""

    material: Material
    count: int
    modules: tuple[str, ...]
    handout: str


def _fitting_materials(module: Module, slots: set[float]) -> list[str]:
    """The materials of the plans for the slots the course gives the module (a block's minutes or
    the module's whole time in the course); without a fitting plan, those of all its plans
    (better one item too many on the table than one missing)."""
    fitting = [plan for plan in module.plans if any(abs(plan.minutes - slot) < 1e-9 for slot in slots)]
    if not fitting:
        return module.materials
    return list(dict.fromkeys(material for plan in fitting for step in plan.steps for material in step.materials))


def _slots(plan: CoursePlan, module: Module) -> set[float]:
    full = module.duration_ue * plan.schedule.unit_minutes
    blocks = {float(block.minutes or full) for day in plan.course.days for block in day.blocks
              if block.module == module.id}
    return {*blocks, plan.schedule.taught.get(module.id, 0.0)}


def course_materials_list(project: Project, plan: CoursePlan, group_size: int | None = None) -> list[ListedMaterial]:
    """Each material once, with the larger need if several modules use it (a set of cards serves all)."""
    size = group_size or project.programme.course_group_size
    catalogue = project.by_id(Material)
    needed: dict[str, list[str]] = {}
    for module in plan.modules:
        for material_id in _fitting_materials(module, _slots(plan, module)):
            needed.setdefault(material_id, []).append(module.id)
    listed = [ListedMaterial(catalogue[material_id], catalogue[material_id].quantity.for_group(size),
                             tuple(modules), material_handout_of(project, catalogue[material_id]))
              for material_id, modules in needed.items() if material_id in catalogue]
    return sorted(listed, key=lambda item: (item.material.kind_label, item.material.name))


def materials_handout(context: HandoutContext, course: Course, plan: CoursePlan) -> Handout:
    """The list as an A4 handout (`kurs-<id>-material.pdf`) to tick off before the course."""
    printer, project = context.printer, context.project
    size = project.programme.course_group_size
    items = course_materials_list(project, plan, size)
    title = f"Material: {course.title}"
    chapter = Chapter(title, printer.fragment(
        "materials_list.html.j2", course=course, items=items, group_size=size,
        where={item.material.id: printer.where(item.handout) for item in items if item.handout}))
    return printer.document(course_materials(course.id), title, [chapter], stand(course.version, course.updated),
                            html_of(course_page(course.id)))
