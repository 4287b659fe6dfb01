"""Who is responsible for what: help paths × offices and organisations, gaps shown, not hidden."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from engine.core.problems import Problem
from engine.core.project import Project
from engine.features.city.model import HelpPath
from engine.features.contacts.model import Contact


@dataclass(frozen=True)
class Row:
    """One topic of the matrix: a help path and, per column, whether the stelle is named for it."""

    path: HelpPath
    cells: tuple[bool, ...]

    @property
    def gap(self) -> bool:
        """Nobody in the directory is named for this topic yet."""
        return not any(self.cells)


@dataclass(frozen=True)
class TopicCoverage:
    """A topic of the programme's vocabulary and the stellen of the directory that name it."""

    label: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class Unlisted:
    """An office a step of a help path needs that the directory does not list (yet, or in this edition)."""

    path: HelpPath
    office: str


@dataclass(frozen=True)
class Matrix:
    columns: tuple[Contact, ...]
    rows: tuple[Row, ...]
    topics: tuple[TopicCoverage, ...]
    unlisted: tuple[Unlisted, ...] = ()

    def named(self, row: Row) -> tuple[Contact, ...]:
        """The stellen named for `row`'s topic, in the directory's order."""
        return tuple(contact for contact, named in zip(self.columns, row.cells, strict=True) if named)

    @property
    def gaps(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.gap)

    @property
    def complete(self) -> bool:
        """Every topic names an office, and every office a step needs is in the directory."""
        return not self.gaps and not self.unlisted


#: How urgent paths come first.
_URGENCY_ORDER = {"notfall": 0, "dringend": 1, "alltag": 2}


def ordered_paths(project: Project) -> list[HelpPath]:
    """Help paths, emergencies first, then by title."""
    return sorted(project.help_paths, key=lambda p: (_URGENCY_ORDER[p.urgency], p.title.casefold()))


def in_areas(project: Project, areas: list[str]) -> Project:
    """The project with only the contacts of `areas` (by their `city`): a dossier for one city must
    not name another city's offices as responsible. A contact whose place is unknown stays."""
    if not areas:
        return project
    wanted = {area.casefold() for area in areas}
    return project.with_content(contact=tuple(contact for contact in project.all(Contact)
                                              if contact.city is None or contact.city.casefold() in wanted))


def dossier_matrix(project: Project) -> Matrix:
    """The responsibilities as the dossier shows them: only the offices of its `areas`."""
    return responsibility_matrix(in_areas(project, project.dossier.areas if project.dossier else []))


def area_problems(project: Project) -> list[Problem]:
    """An area of the dossier that no contact names as its place: a typo would silently empty the dossier."""
    dossier = project.dossier
    if dossier is None or not dossier.areas:
        return []
    record = project.records[next(key for key in project.records if key.startswith("dossier:"))]
    places = {contact.city.casefold(): contact.city for contact in project.all(Contact) if contact.city}
    problems = []
    for index, area in enumerate(dossier.areas):
        if area.casefold() not in places:
            known = sorted(places.values())
            close = difflib.get_close_matches(area, known, n=1)
            hint = f"meinten Sie '{close[0]}'? " if close else ""
            problems.append(Problem(record.path, record.line_of("areas", index), record.field_name("areas", index),
                                    f"kein Kontakt hat den Ort '{area}'; {hint}schreiben Sie den Ort wie im Feld "
                                    f"'city' der Kontakte ({', '.join(known)})", code="dossier.area-unknown"))
    return problems


def responsibility_matrix(project: Project) -> Matrix:
    """Columns: every stelle a help path names (in the directory's order); rows: the help paths.

    Contacts missing from `project` (e.g. internal ones in the public edition) are left out.
    """
    named = {contact_id for path in project.help_paths for contact_id in path.all_contacts}
    columns = tuple(contact for contact in project.contacts if contact.id in named)
    paths = ordered_paths(project)
    rows = tuple(Row(path, tuple(contact.id in path.all_contacts for contact in columns)) for path in paths)
    unlisted = tuple(Unlisted(path, office) for path in paths for office in unlisted_offices(project, path))
    programme = project.programme
    topics = tuple(TopicCoverage(programme.label("topics", topic),
                                 tuple(c for c in project.contacts if topic in c.topics))
                   for topic in programme.ids("topics"))
    return Matrix(columns, rows, topics, unlisted)


def unlisted_offices(project: Project, path: HelpPath) -> list[str]:
    """The offices the path's steps need that no contact of `project` stands for, each once."""
    missing = [step.office for step in path.who_helps
               if step.office and not any(contact in project.contact_by_id for contact in step.contacts)]
    return list(dict.fromkeys(missing))
