"""A module's step plans: which one fits a slot, and the checks on them.

Plans are written in whole minutes; a module's length is measured the way every page prints it
(1,5 UE × 45 Min. = 68 Min., half a minute rounded up), so a plan of 68 minutes is its full plan.

The rule (documented in CONTENT.md): once any module of the programme has plans, every module
needs a plan of its full length, and every course slot needs a plan of the length it teaches.
"""

from __future__ import annotations

from engine.core.formatting import minutes, whole_minutes
from engine.core.problems import Problem
from engine.core.project import Project
from engine.features.curriculum.model import Module, ModulePlan


def full_minutes(module: Module, unit_minutes: int) -> int:
    """The module's length in whole minutes, as pages print it."""
    return minutes(module.duration_ue, unit_minutes)


def plan_for(module: Module, taught: float) -> ModulePlan | None:
    """The plan for teaching `module` for `taught` minutes (fractions rounded as printed), if any."""
    wanted = whole_minutes(taught)
    return next((plan for plan in module.plans if plan.minutes == wanted), None)


def full_plan(module: Module, unit_minutes: int) -> ModulePlan | None:
    return plan_for(module, full_minutes(module, unit_minutes))


def short_plans(module: Module, unit_minutes: int) -> list[ModulePlan]:
    """The shortened plans, longest first."""
    full = full_minutes(module, unit_minutes)
    return sorted((plan for plan in module.plans if plan.minutes < full), key=lambda plan: -plan.minutes)


def ordered_plans(module: Module, unit_minutes: int) -> list[ModulePlan]:
    """The plan for the full length first, then the shortened ones, longest first."""
    full = full_plan(module, unit_minutes)
    return [*([full] if full else []), *short_plans(module, unit_minutes)]


def plans_required(project: Project) -> bool:
    """Whether the programme plans its modules step by step: as soon as one module has plans."""
    return any(module.plans for module in project.all(Module))


def plan_lengths(module: Module) -> str:
    """'90, 45 und 30 Min.' – the lengths a module has plans for, for messages."""
    lengths = [str(plan.minutes) for plan in sorted(module.plans, key=lambda plan: -plan.minutes)]
    if not lengths:
        return "keine"
    return (", ".join(lengths[:-1]) + " und " + lengths[-1] if len(lengths) > 1 else lengths[0]) + "\u00a0Min."


def material_name(project: Project, material_id: str) -> str:
    """What a step's material is called in print.

    The one place that turns a material id into its name; until the programme has a catalogue
    of materials, the id is what the trainer reads.
    """
    return material_id


def plan_material_names(project: Project, module: Module) -> dict[str, str]:
    """The names of the materials the module's plans use, by id."""
    return {material: material_name(project, material)
            for plan in module.plans for step in plan.steps for material in step.materials}


def plan_problems(project: Project) -> list[Problem]:
    """Each module's plans: one for its full length, none longer, no length twice."""
    if not plans_required(project):
        return []
    unit = project.programme.teaching_unit_minutes
    problems: list[Problem] = []
    for module in project.all(Module):
        record = project.records.get(f"module:{module.id}")
        if record is None:
            continue
        full = full_minutes(module, unit)
        seen: set[int] = set()
        for index, plan in enumerate(module.plans):
            at = ("plans", index, "minutes")
            if plan.minutes > full:
                problems.append(Problem(
                    record.path, record.line_of(*at), record.field_name(*at),
                    f"der Plan dauert {plan.minutes} Min., das Modul „{module.title}“ hat nur {full} Min.; "
                    "kürzen Sie den Plan oder erhöhen Sie duration_ue", code="module.plan-too-long"))
            elif plan.minutes in seen:
                problems.append(Problem(
                    record.path, record.line_of(*at), record.field_name(*at),
                    f"für {plan.minutes} Min. gibt es schon einen Plan; jede Länge braucht genau einen – "
                    "streichen oder ändern Sie einen der beiden", code="module.plan-twice"))
            seen.add(plan.minutes)
        if full not in seen:
            field = "plans" if module.plans else "duration_ue"
            problems.append(Problem(
                record.path, record.line_of(field), record.field_name(field),
                f"„{module.title}“ hat keinen Ablaufplan für seine volle Länge von {full} Min. (vorhanden: "
                f"{plan_lengths(module)}); ergänzen Sie unter 'plans' einen Plan mit 'minutes: {full}', "
                "dessen Schritte zusammen so lang sind", code="module.plan-full-missing"))
    return problems
