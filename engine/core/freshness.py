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

from engine.core.formatting import date_de, date_long
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


def _judged(project: Project, today: date) -> Iterator[tuple[str, DatedFact]]:
    """(verdict, fact) for every fact that is not in order: 'ended', 'never', 'future' or 'stale'.

    The one place that decides what is stale, for `check` (`date_problems`) and for readers
    (`stale_marks`)."""
    limit = project.programme.stale_after_days
    newest: dict[tuple[str, tuple[str | int, ...]], DatedFact] = {}
    for fact in dated_facts(project):
        if fact.ends:
            if fact.value is not None and fact.value < today:
                yield "ended", fact
            continue
        if fact.value is None:
            yield "never", fact
            continue
        if fact.value > today and not fact.may_be_future:
            yield "future", fact
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
        if _age(fact, today) > limit:
            yield "stale", fact
    for fact in newest.values():
        if _age(fact, today) > limit:
            yield "stale", fact


def _age(fact: DatedFact, today: date) -> int:
    assert fact.value is not None
    return (today - fact.value).days


def date_problems(project: Project, today: date, strict: bool = False) -> list[Problem]:
    """Stale facts (warnings, or errors when `strict`) and checks or measurements dated after `today`."""
    limit = project.programme.stale_after_days
    problems: list[Problem] = []
    for verdict, fact in _judged(project, today):
        assert verdict == "never" or fact.value is not None
        if verdict == "ended":
            message = (fact.what.replace("{date}", date_de(fact.value)) if "{date}" in fact.what else
                       f"{fact.what}: der {date_de(fact.value)} ist vorbei; tragen Sie ein, was jetzt gilt")
            problems.append(_problem(fact, message, "date.ended", warning=not strict))
        elif verdict == "never":
            problems.append(_problem(fact, f"{fact.what}: noch nie geprüft; tragen Sie das Datum der Prüfung ein "
                                           "(JJJJ-MM-TT)", "date.never-checked", warning=not strict))
        elif verdict == "future":
            problems.append(_problem(fact, f"{date_de(fact.value)} liegt in der Zukunft (heute ist "
                                           f"{date_de(today)}); tragen Sie das Datum ein, an dem geprüft oder "
                                           "gemessen wurde", "date.future"))
        else:
            verb = "sind" if fact.plural else "ist"
            problems.append(_problem(
                fact, f"{fact.what} {verb} {_age(fact, today)} Tage alt ({fact.date_label} {date_de(fact.value)}), "
                      f"erlaubt sind {limit} (stale_after_days in programme.yml); prüfen Sie die Angabe und tragen "
                      "Sie das neue Datum ein", "date.stale", warning=not strict))
    return problems


#: Where a mark belongs: the record's kind and id (None for a kind of one file, e.g. the indicators).
MarkKey = tuple[str, str | None]


def stale_marks(project: Project, today: date) -> dict[MarkKey, list[tuple[tuple[str | int, ...], str]]]:
    """What readers are told about every stale or unchecked date, by record: (location, text), e.g.
    „Angaben zuletzt geprüft am 3. Mai 2023 – älter als ein Jahr“. Derived from the kinds' dated
    fields as `check` judges them, so page and paper say what `check` warns about."""
    older = f"älter als {age_limit_de(project.programme.stale_after_days)}"
    marks: dict[MarkKey, list[tuple[tuple[str | int, ...], str]]] = {}
    for verdict, fact in _judged(project, today):
        if verdict == "never":
            text = "Angaben noch nicht geprüft"
        elif verdict == "stale" and fact.value is not None:
            text = (f"Letzter Messwert vom {date_long(fact.value)} – {older}" if fact.series is not None else
                    f"Angaben zuletzt geprüft am {date_long(fact.value)} – {older}")
        else:
            continue
        record = fact.record
        marks.setdefault((record.kind, None if record.single else record.id), []).append((fact.at, text))
    return marks


def age_limit_de(days: int) -> str:
    """`stale_after_days` in words: 365 → „ein Jahr“, 730 → „zwei Jahre“, 90 → „90 Tage“."""
    years = {1: "ein Jahr", 2: "zwei Jahre", 3: "drei Jahre"}
    if days % 365 == 0 and days // 365 in years:
        return years[days // 365]
    return f"{days}\u00a0Tage"


def _problem(fact: DatedFact, message: str, code: str, warning: bool = False) -> Problem:
    """A problem at the fact's line; looked up only here, since most facts are fresh."""
    record = fact.record
    return Problem(record.path, record.line_of(*fact.at), record.field_name(*fact.at), message, warning, code=code)
