"""The curriculum's handouts: each module (participants' and trainers' version), each role, the book."""

from __future__ import annotations

from engine.core import formatting
from engine.core.body import split_body
from engine.core.printer import Chapter, Handout, HandoutContext, Printer, stand
from engine.core.urls import html_of
from engine.features.curriculum.figures import rules_of, total_ue
from engine.features.curriculum.model import Module, RoleProfile
from engine.features.curriculum.plans import full_minutes, ordered_plans, plan_material_names
from engine.features.curriculum.printables import with_drawings
from engine.features.curriculum.urls import (
    CURRICULUM_HANDOUT,
    CURRICULUM_PAGE,
    module_handout,
    module_page,
    role_handout,
    role_page,
)


def plan_handouts(context: HandoutContext) -> list[Handout]:
    printer, project = context.printer, context.project
    handouts: list[Handout] = []
    modules = project.all(Module)
    for module in modules:
        for trainer in (False, True):
            suffix = " – Trainer-Fassung" if trainer else ""
            handouts.append(printer.document(
                module_handout(module.id, trainer), f"{module.id} · {module.title}{suffix}",
                [module_chapter(printer, module, trainer)], stand(module.version, module.updated),
                html_of(module_page(module.id))))
    by_id = project.by_id(Module)
    for role in project.all(RoleProfile):
        listed = [(by_id[m], "Pflicht") for m in role.required_modules]
        listed += [(by_id[m], "Wahl") for m in role.optional_modules]
        chapter = Chapter(role.title, printer.fragment("role.html.j2", role=role, modules=listed))
        handouts.append(printer.document(role_handout(role.id), role.title, [chapter],
                                         stand(role.version, role.updated), html_of(role_page(role.id))))
    handouts.append(printer.document(
        CURRICULUM_HANDOUT, f"Curriculum {project.programme.short_name}",
        [module_chapter(printer, module, trainer=False) for module in modules],
        f"{formatting.count(len(modules), 'Modul', 'Module')}, {formatting.number(total_ue(project))} UE",
        html_of(CURRICULUM_PAGE), cover=project.programme.wording.curriculum, page_class="flow"))
    return handouts


def module_chapter(printer: Printer, module: Module, trainer: bool) -> Chapter:
    """A module as a chapter; rendered once, used by its handout, the courses and the book."""
    return printer.once(("module", module.id, trainer), lambda: _module_chapter(printer, module, trainer))


def _module_chapter(printer: Printer, module: Module, trainer: bool) -> Chapter:
    body = split_body(module.body)
    page = module_page(module.id)
    project = printer.project
    forms = [(form.title, printer.where(project.shape.handout_of("form", form.id)))
             for form in project.referring("form", "module", module.id)]
    unit = project.programme.teaching_unit_minutes
    plans = ordered_plans(module, unit) if trainer else []
    participant = with_drawings(project, module.id, body.participant)
    html = printer.fragment("module.html.j2", module=module, body=printer.markdown(participant, page),
                            rules=rules_of(project, module), forms=forms,
                            trainer=printer.markdown(body.trainer, page) if trainer and body.has_trainer_notes
                            else "", plans=plans, full_minutes=full_minutes(module, unit),
                            material=plan_material_names(project, module))
    return Chapter(f"{module.id} · {module.title}", html)

