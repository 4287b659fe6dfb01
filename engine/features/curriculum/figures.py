"""Figures of the curriculum that pages, handouts and other features read from the project."""

from __future__ import annotations

from engine.core.programme import RecognitionRule
from engine.core.project import Project
from engine.features.curriculum.model import Module, RoleProfile


def total_ue(project: Project) -> float:
    return sum(module.duration_ue for module in project.all(Module))


def total_hours(project: Project) -> float:
    return total_ue(project) * project.programme.teaching_unit_minutes / 60


def rules_of(project: Project, module: Module) -> list[RecognitionRule]:
    """The recognition rules whose core contains `module`."""
    return [rule for rule in project.programme.recognition if module.id in rule.core_modules]


def core_ue(project: Project, rule: RecognitionRule) -> float:
    """Teaching units of a rule's core modules, as this curriculum teaches them."""
    modules = project.by_id(Module)
    return sum(modules[m].duration_ue for m in rule.core_modules if m in modules)


def role_ue(project: Project, role: RoleProfile) -> float:
    """Teaching units of a role's required modules."""
    modules = project.by_id(Module)
    return sum(modules[module_id].duration_ue for module_id in role.required_modules)


def requirement(role: RoleProfile, module: Module) -> str | None:
    """'required', 'optional' or None: one cell of the qualification matrix."""
    if module.id in role.required_modules:
        return "required"
    if module.id in role.optional_modules:
        return "optional"
    return None
