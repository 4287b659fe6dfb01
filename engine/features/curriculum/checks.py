"""The curriculum's checks across records that its declarations cannot express."""

from __future__ import annotations

from engine.core.body import split_body
from engine.core.problems import Problem
from engine.core.programme import Programme
from engine.core.project import Project
from engine.core.records import Record
from engine.core.references import unknown_id_message
from engine.features.curriculum.materials import Material
from engine.features.curriculum.model import Module, RoleProfile


def role_overlap(records: list[Record], ids: dict[str, set[str]]) -> list[Problem]:
    """A module is either required or optional for a role, never both."""
    problems = []
    for record in records:
        if not isinstance(record.model, RoleProfile):
            continue
        required = set(record.model.required_modules)
        for index, module_id in enumerate(record.model.optional_modules):
            if module_id in required:
                problems.append(Problem(record.path, record.line_of("optional_modules", index),
                                        record.field_name("optional_modules", index),
                                        f"'{module_id}' steht schon in required_modules; ein Modul ist "
                                        "entweder Pflicht oder Wahl", code="role.required-and-optional"))
    return problems


def rule_modules(records: list[Record], ids: dict[str, set[str]]) -> list[Problem]:
    """The core modules of the programme's recognition rules must exist."""
    known = ids.get("module", set())
    problems = []
    for record in records:
        if not isinstance(record.model, Programme):
            continue
        for rule_index, rule in enumerate(record.model.recognition):
            for index, module_id in enumerate(rule.core_modules):
                if module_id not in known:
                    at = ("recognition", rule_index, "core_modules", index)
                    problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at),
                                            unknown_id_message("unbekanntes Modul", module_id, known),
                                            code="reference.unknown"))
    return problems


def drawing_sections(project: Project) -> list[Problem]:
    """A drawing shown in a module names a section (`## …`) that the module has."""
    modules = project.by_id(Module)
    problems = []
    for material in project.all(Material):
        shown = material.printable.shown_in if material.printable else []
        record = project.records.get(f"material:{material.id}")
        for index, place in enumerate(shown):
            module = modules.get(place.module)
            if module is None or record is None:
                continue  # the unknown module is reported by the reference check
            headings = [line[3:].strip() for line in split_body(module.body).participant.split("\n")
                        if line.startswith("## ")]
            if place.section not in headings:
                at = ("printable", "shown_in", index, "section")
                problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at),
                                        f"{place.module} hat keinen Abschnitt „{place.section}“; schreiben Sie die "
                                        f"Überschrift genau wie im Modul, z. B. „{headings[0] if headings else '…'}“",
                                        code="material.section-unknown"))
    return problems
