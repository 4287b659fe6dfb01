"""Dated facts: which are older than the programme allows, and which lie in the future.

Every kind declares its dates (`Kind.dated`): a contact's `verified`, every legal figure with a
„Stand“, every indicator value. `check` warns about those older than `stale_after_days` of
`programme.yml` (an error with `--strict-dates`), and refuses checks and measurements dated
after today. Pure: the caller passes today's date.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from engine.core.formatting import date_de
from engine.core.kinds import DatedField
from engine.core.problems import Problem
from engine.core.project import Project, objects_at
from engine.core.records import Record


@dataclass(frozen=True)
class DatedFact:
    """One date in the content: where it is, what it dates, and whether it may lie ahead."""

    record: Record
    at: tuple[str | int, ...]
    value: date | None
    what: str
    may_be_future: bool = False
    """A „Stand“ of a law may name the day a new rule takes effect; a check or a measurement may not."""
    date_label: str = "Stand"
    series: tuple[str | int, ...] | None = None
    """For a series where only the newest date counts: the series' location."""
    ends: bool = False
    plural: bool = False


def dated_facts(project: Project) -> Iterator[DatedFact]:
    """Every dated fact of the project, in the order of the records."""
    declared = {kind.name: kind.dated for kind in project.shape.kinds}
    for record in project.records.values():
        for field in declared.get(record.kind, ()):
            yield from _facts(record, field)


def _facts(record: Record, field: DatedField) -> Iterator[DatedFact]:
    for at, value in objects_at(record.model, field.path):
        if value is None and not field.required:
            continue
        what = field.what_of(record.model, at) if field.what_of else field.what
        series = at[:max(i for i, part in enumerate(at) if isinstance(part, int))] if field.newest_only else None
        yield DatedFact(record, at, value if isinstance(value, date) else None, what, field.may_be_future,
                        series=series, ends=field.ends, plural=field.plural)


def date_problems(project: Project, today: date, strict: bool = False) -> list[Problem]:
    """Stale facts (warnings, or errors when `strict`) and checks or measurements dated after `today`."""
    limit = project.programme.stale_after_days
    problems: list[Problem] = []
    newest: dict[tuple[str, tuple[str | int, ...]], DatedFact] = {}
    for fact in dated_facts(project):
        if fact.ends:
            if fact.value is not None and fact.value < today:
                message = (fact.what.replace("{date}", date_de(fact.value)) if "{date}" in fact.what else
                           f"{fact.what}: der {date_de(fact.value)} ist vorbei; tragen Sie ein, was jetzt gilt")
                problems.append(_problem(fact, message, "date.ended", warning=not strict))
            continue
        if fact.value is None:
            problems.append(_problem(fact, f"{fact.what}: noch nie geprüft; tragen Sie das Datum der Prüfung ein "
                                           "(JJJJ-MM-TT)", "date.never-checked", warning=not strict))
            continue
        if fact.value > today and not fact.may_be_future:
            problems.append(_problem(fact, f"{date_de(fact.value)} liegt in der Zukunft (heute ist "
                                           f"{date_de(today)}); tragen Sie das Datum ein, an dem geprüft oder "
                                           "gemessen wurde", "date.future"))
            continue
        if fact.series is not None:
            key = (fact.record.path, fact.series)  # only a series' newest value must be recent
            if key not in newest or fact.value >= (newest[key].value or fact.value):
                newest[key] = fact
            continue
        checked = fact.record.checked
        if fact.may_be_future and checked is not None and checked > fact.value:
            # A „Stand“ is the date of the law, not of our check: a law of 2025 still in force is not
            # stale when the record that states it was checked recently (its `updated`).
            fact = DatedFact(fact.record, fact.at, checked, f"{fact.what} ({date_de(fact.value)})", True,
                             "zuletzt geprüft")
        problems += _stale(fact, today, limit, strict)
    for fact in newest.values():
        problems += _stale(fact, today, limit, strict)
    return problems


def _stale(fact: DatedFact, today: date, limit: int, strict: bool) -> list[Problem]:
    assert fact.value is not None
    age = (today - fact.value).days
    if age <= limit:
        return []
    verb = "sind" if fact.plural else "ist"
    return [_problem(fact, f"{fact.what} {verb} {age} Tage alt ({fact.date_label} {date_de(fact.value)}), erlaubt "
                           f"sind {limit} (stale_after_days in programme.yml); prüfen Sie die Angabe und tragen Sie "
                           "das neue Datum ein", "date.stale", warning=not strict)]


def _problem(fact: DatedFact, message: str, code: str, warning: bool = False) -> Problem:
    """A problem at the fact's line; looked up only here, since most facts are fresh."""
    record = fact.record
    return Problem(record.path, record.line_of(*fact.at), record.field_name(*fact.at), message, warning, code=code)
