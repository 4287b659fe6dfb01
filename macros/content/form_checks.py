"""Checks of forms against the rest of the project: one Stand per legal source."""

from __future__ import annotations

from macros.content.form_model import Form
from macros.content.model import Module
from macros.content.problems import Problem
from macros.content.project import Project
from macros.content.records import Record


def citation(title: str) -> str:
    """The citation a source title starts with: '§ 45b SGB XI – Entlastungsbetrag' → '§ 45b SGB XI'."""
    return title.split(" – ", 1)[0].strip()


def form_source_stands(project: Project) -> list[Problem]:
    """A form cites a law with the Stand the modules give it, so a reader never sees two dates.

    Sources are compared by their citation (the title up to ' – '); each module that gives
    the same citation another Stand is named with file and line.
    """
    module_stands: dict[str, list[tuple[Module, int]]] = {}
    for module in project.modules:
        for index, source in enumerate(module.sources):
            module_stands.setdefault(citation(source.title), []).append((module, index))
    problems = []
    for form in project.forms:
        record = project.records.get(f"form:{form.id}")
        if record is None:
            continue
        problems += _disagreements(project, form, record, module_stands)
    return problems


def _disagreements(project: Project, form: Form, record: Record,
                   module_stands: dict[str, list[tuple[Module, int]]]) -> list[Problem]:
    problems = []
    for index, source in enumerate(form.sources):
        for module, at in module_stands.get(citation(source.title), []):
            theirs = module.sources[at].stand
            if theirs == source.stand:
                continue
            module_record = project.records.get(f"module:{module.id}")
            where = (f"{module_record.path}:{module_record.line_of('sources', at, 'stand')}"
                     if module_record else module.id)
            at_stand = ("sources", index, "stand")
            problems.append(Problem(record.path, record.line_of(*at_stand), record.field_name(*at_stand),
                                    f"'{citation(source.title)}' hat in {module.id} ({where}) den Stand "
                                    f"{theirs.isoformat()}, hier {source.stand.isoformat()}; eine Quelle hat "
                                    "überall denselben Stand – gleichen Sie die Daten an"))
    return problems
