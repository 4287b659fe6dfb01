"""One Stand per legal source: every module and form that cites a law gives it the same date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from engine.core.kinds import SOURCES
from engine.core.problems import Problem
from engine.core.project import Project
from engine.core.records import Record


def citation(title: str) -> str:
    """The citation a source title starts with: '§ 45b SGB XI – Entlastungsbetrag' → '§ 45b SGB XI'."""
    return title.split(" – ", 1)[0].strip()


def source_stands(project: Project) -> list[Problem]:
    """Each source whose Stand differs from the first one given to the same citation.

    Every kind that declares its sources' Stand (`SOURCES`) takes part, in the order the kinds are
    declared (modules before forms), so the modules set the date a form follows; sources declared
    otherwise (a page naming an office's address) are no legal citations.
    The first citing record is named with file and line, so the editor sees both places.
    """
    first: dict[str, tuple[str, Record, int, date]] = {}
    problems = []
    for name, record, index, title, stand in _sources(project):
        key = citation(title)
        if key not in first:
            first[key] = (name, record, index, stand)
            continue
        other_name, other, other_index, other_stand = first[key]
        if stand == other_stand:
            continue
        at = ("sources", index, "stand")
        problems.append(Problem(
            record.path, record.line_of(*at), record.field_name(*at),
            f"'{key}' hat in {other_name} ({other.path}:{other.line_of('sources', other_index, 'stand')}) den "
            f"Stand {other_stand.isoformat()}, hier {stand.isoformat()}; eine Quelle hat überall denselben "
            "Stand – gleichen Sie die Daten an", code="source.stand-differs"))
    return problems


def _sources(project: Project) -> Iterator[tuple[str, Record, int, str, date]]:
    for kind in project.shape.kinds:
        for model in project.content.get(kind.name, ()) if kind.name != "programme" else ():
            if SOURCES not in kind.dated or kind.single:
                continue
            record = project.records.get(f"{kind.name}:{model.id}")
            if record is None:
                continue
            for index, source in enumerate(model.sources):
                yield model.id, record, index, source.title, source.stand
