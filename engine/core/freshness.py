"""Dated facts: which are older than the programme allows, and which lie in the future.

Every contact (`verified`), every legal figure with a „Stand“, every indicator value and the
dates of the city's instruments carry a date. `check` warns about those older than
`stale_after_days` of `programme.yml` (an error with `--strict-dates`), and refuses checks
and measurements dated after today. Pure: the caller passes today's date.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from engine.core.formatting import date_de
from engine.core.problems import Problem
from engine.core.project import Project
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


def dated_facts(project: Project) -> Iterator[DatedFact]:
    """Every dated fact of the project, in the order of the records."""
    for record in project.records.values():
        model = record.model
        kind = record.kind
        if kind == "contact":
            yield DatedFact(record, ("verified",), getattr(model, "verified", None), "die Angaben der Stelle")
        elif kind in ("module", "role", "course", "helppath", "network", "indicators"):
            yield DatedFact(record, ("updated",), getattr(model, "updated", None), "die inhaltliche Prüfung")
        if kind == "dossier":
            yield DatedFact(record, ("stand",), getattr(model, "stand", None), "der Stand des Dossiers")
        for index, source in enumerate(getattr(model, "sources", None) or []):
            yield DatedFact(record, ("sources", index, "stand"), source.stand, "der Stand der Quelle", True)
        for index, note in enumerate(getattr(model, "legal_notes", None) or []):
            yield DatedFact(record, ("legal_notes", index, "stand"), note.stand, "der Stand der Rechtsangabe", True)
        if kind == "term" and getattr(model, "stand", None) is not None:
            yield DatedFact(record, ("stand",), getattr(model, "stand", None), "der Stand der Erklärung", True)
        for index, rule in enumerate(getattr(model, "recognition", None) or [] if kind == "programme" else []):
            yield DatedFact(record, ("recognition", index, "legal_basis", "stand"), rule.legal_basis.stand,
                            "der Stand der Rechtsgrundlage", True)
        for i_index, indicator in enumerate(getattr(model, "indicators", None) or [] if kind == "indicators" else []):
            for v_index, value in enumerate(indicator.values):
                yield DatedFact(record, ("indicators", i_index, "values", v_index, "date"), value.date,
                                f"der Messwert „{indicator.title}“ ({value.period})")


def date_problems(project: Project, today: date, strict: bool = False) -> list[Problem]:
    """Stale facts (warnings, or errors when `strict`) and checks or measurements dated after `today`."""
    limit = project.programme.stale_after_days
    problems: list[Problem] = []
    newest_value: dict[tuple[str, int], DatedFact] = {}
    for fact in dated_facts(project):
        if fact.value is None:
            problems.append(_problem(fact, f"{fact.what}: noch nie geprüft; tragen Sie das Datum der Prüfung ein "
                                           "(JJJJ-MM-TT)", warning=not strict))
            continue
        if fact.value > today and not fact.may_be_future:
            problems.append(_problem(fact, f"{date_de(fact.value)} liegt in der Zukunft (heute ist "
                                           f"{date_de(today)}); tragen Sie das Datum ein, an dem geprüft oder "
                                           "gemessen wurde"))
            continue
        if fact.at[:1] == ("indicators",) and fact.at[2:3] == ("values",):
            key = (fact.record.path, int(fact.at[1]))  # only an indicator's newest value must be recent
            if key not in newest_value or fact.value >= (newest_value[key].value or fact.value):
                newest_value[key] = fact
            continue
        checked = fact.record.checked
        if fact.may_be_future and checked is not None and checked > fact.value:
            # A „Stand“ is the date of the law, not of our check: a law of 2025 still in force is not
            # stale when the record that states it was checked recently (its `updated`).
            fact = DatedFact(fact.record, fact.at, checked, f"{fact.what} ({date_de(fact.value)})", True,
                             "zuletzt geprüft")
        problems += _stale(fact, today, limit, strict)
    for fact in newest_value.values():
        problems += _stale(fact, today, limit, strict)
    return problems


def _stale(fact: DatedFact, today: date, limit: int, strict: bool) -> list[Problem]:
    assert fact.value is not None
    age = (today - fact.value).days
    if age <= limit:
        return []
    return [_problem(fact, f"{fact.what} ist {age} Tage alt ({fact.date_label} {date_de(fact.value)}), erlaubt "
                           f"sind {limit} (stale_after_days in programme.yml); prüfen Sie die Angabe und tragen Sie "
                           "das neue Datum ein", warning=not strict)]


def _problem(fact: DatedFact, message: str, warning: bool = False) -> Problem:
    """A problem at the fact's line; looked up only here, since most facts are fresh."""
    record = fact.record
    return Problem(record.path, record.line_of(*fact.at), record.field_name(*fact.at), message, warning)
