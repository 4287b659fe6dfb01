"""Checks across records, derived from the kinds' declarations: duplicate ids, file names,
dangling references, repeated entries, vocabulary values, circles."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable

from engine.core.kinds import IdRule, Kind
from engine.core.problems import Problem
from engine.core.programme import PROGRAMME_FILE, VOCABULARIES, Programme
from engine.core.project import Location, values_at
from engine.core.records import Record

_FILE_STEM = re.compile(r"^(?P<stem>[^/]+?)(?:\.(?:md|ya?ml))$")

#: A feature's check across records that a declaration cannot express (actors of a network
#: naming contacts): the records, the known ids per kind → problems with file and line.
RecordCheck = Callable[[list[Record], dict[str, set[str]]], list[Problem]]


def check_references(records: list[Record], kinds: Iterable[Kind],
                     invalid: Iterable[tuple[str, str]] = ()) -> list[Problem]:
    """Every cross-record problem of the project that the kinds' declarations describe.

    `invalid` holds (kind, id) of records whose files have errors of their own: references to
    them are not reported again, since fixing that file fixes them.
    """
    by_name = {kind.name: kind for kind in kinds}
    first: dict[tuple[str, str], Record] = {}
    problems: list[Problem] = []
    for record in records:
        problems.extend(_file_name_problems(record, by_name[record.kind]))
        key = (record.kind, record.id)
        if key in first:
            other = first[key]
            problems.append(Problem(record.path, record.line_of("id"), record.field_name("id"),
                                    f"die ID '{record.id}' ist schon vergeben in "
                                    f"{other.path}:{other.line_of('id')}; wählen Sie eine neue",
                                    code="id.duplicate"))
        else:
            first[key] = record
    ids: dict[str, set[str]] = {}
    for kind_name, record_id in [*first, *invalid]:
        ids.setdefault(kind_name, set()).add(record_id)
    programme = next((r for r in records if isinstance(r.model, Programme)), None)
    for record in records:
        kind = by_name[record.kind]
        problems.extend(dangling(record, kind, ids, by_name))
        problems.extend(_repeated(record, kind))
        if programme is not None:  # without a readable programme, its own error is the one to fix
            problems.extend(vocabulary_problems(record, kind, programme.model))
    for kind in by_name.values():
        if kind.acyclic:
            problems.extend(_cycles([record for record in first.values() if record.kind == kind.name],
                                    kind.acyclic))
    return problems


def _file_name_problems(record: Record, kind: Kind) -> list[Problem]:
    if kind.id_rule in (IdRule.ITEMS, IdRule.SINGLE):
        return []
    match = _FILE_STEM.match(record.path.rsplit("/", 1)[-1])
    stem = match.group("stem") if match else ""
    fits = stem.startswith(f"{record.id}-") if kind.id_rule is IdRule.PREFIX else stem == record.id
    if fits or stem == record.id:
        return []
    suffix = ".md" if kind.front_matter else ".yml"
    wanted = f"{record.id}-kurzname{suffix}" if kind.id_rule is IdRule.PREFIX else f"{record.id}{suffix}"
    return [Problem(record.path, record.line_of("id"), record.field_name("id"),
                    f"Dateiname passt nicht zur ID '{record.id}'; nennen Sie die Datei '{wanted}' "
                    f"oder korrigieren Sie die ID", code="id.file-name")]


def dangling(record: Record, kind: Kind, ids: dict[str, set[str]], kinds: dict[str, Kind]) -> list[Problem]:
    """References of `record` to ids that `ids` (known ids by kind) does not have."""
    problems = []
    for reference in kind.references:
        known = ids.get(reference.target, set())
        if reference.while_present and not known:
            continue
        for at, value in values_at(record.model, reference.path):
            if value == record.id and kind.name == reference.target and not reference.self_allowed \
                    and reference.field != kind.acyclic:
                problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at),
                                        f"'{value}' verweist auf sich selbst; entfernen Sie den Eintrag",
                                        code="reference.self"))
            elif value not in known:
                problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at),
                                        unknown_id_message(kinds[reference.target].unknown, value, known),
                                        code="reference.unknown"))
    return problems


def _repeated(record: Record, kind: Kind) -> list[Problem]:
    """An id listed twice in one reference list, e.g. a role that names a module twice."""
    problems = []
    for reference in kind.references:
        if reference.repeat_allowed or reference.single or "." in reference.field:
            continue
        first: dict[str, int] = {}
        for index, value in enumerate(getattr(record.model, reference.field)):
            if value in first:
                line = record.line_of(reference.field, first[value])
                problems.append(Problem(record.path, record.line_of(reference.field, index),
                                        record.field_name(reference.field, index),
                                        f"'{value}' steht schon in Zeile {line}; jeder Eintrag zählt nur "
                                        "einmal – entfernen Sie die Wiederholung", code="reference.repeated"))
            else:
                first[value] = index
    return problems


def vocabulary_problems(record: Record, kind: Kind, programme: Programme) -> list[Problem]:
    """Values of `record` that the programme's vocabularies do not know."""
    problems = []
    for declared in kind.vocabularies:
        known = programme.ids(declared.vocabulary)
        for at, value in values_at(record.model, declared.path):
            if value in known:
                continue
            close = difflib.get_close_matches(value, known, n=1)
            guess = f"meinten Sie '{close[0]}'? " if close else ""
            allowed = ", ".join(known) if known else "keine"
            problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at),
                                    f"{VOCABULARIES[declared.vocabulary]} '{value}' ist in {PROGRAMME_FILE} nicht "
                                    f"festgelegt; {guess}erlaubt sind: {allowed}. Ein neuer Wert wird unter "
                                    f"'{declared.vocabulary}' in {PROGRAMME_FILE} ergänzt",
                                    code="vocabulary.unknown"))
    return problems


def unknown_id_message(what: str, value: str, known: Iterable[str]) -> str:
    """`unbekanntes Modul 'M99'; bekannte IDs: M01–M16` with a did-you-mean where close."""
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1)
    guess = f"meinten Sie '{close[0]}'? " if close else ""
    listing = summarize_ids(known) if known else "keine"
    return f"{what} '{value}'; {guess}bekannte IDs: {listing}"


def summarize_ids(ids: list[str]) -> str:
    """Compress runs of numbered ids (M01, M02, M03 → M01–M03); list other ids, at most 12."""
    numbered = [i for i in ids if re.fullmatch(r"[A-Z]\d+", i)]
    others = [i for i in ids if i not in numbered]
    parts: list[str] = []
    run: list[str] = []
    for item in numbered:
        if run and int(item[1:]) == int(run[-1][1:]) + 1 and item[0] == run[-1][0]:
            run.append(item)
            continue
        if run:
            parts.append(run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}")
        run = [item]
    if run:
        parts.append(run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}")
    shown = others[:12]
    parts.extend(shown)
    if len(others) > len(shown):
        parts.append(f"… ({len(others) - len(shown)} weitere)")
    return ", ".join(parts)


def _cycles(records: list[Record], field: str) -> list[Problem]:
    """Each circle of `field` links once, reported at the entry that closes it.

    Iterative depth-first search: a curriculum may have long prerequisite chains, and
    recursion would hit Python's limit long before the content becomes unreasonable.
    """
    graph = {record.id: [str(value) for value in getattr(record.model, field)] for record in records}
    by_id = {record.id: record for record in records}
    problems: list[Problem] = []
    reported: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(graph):
        if start in state:
            continue
        trail: list[str] = [start]
        stack = [(start, 0)]
        state[start] = 1
        while stack:
            node, index = stack[-1]
            edges = graph[node]
            if index == len(edges):
                stack.pop()
                trail.pop()
                state[node] = 2
                continue
            stack[-1] = (node, index + 1)
            nxt = edges[index]
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt):], nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    record = by_id[node]
                    problems.append(Problem(record.path, record.line_of(field, index),
                                            record.field_name(field, index),
                                            "die Voraussetzungen bilden einen Kreis: " + " → ".join(cycle)
                                            + "; entfernen Sie eine dieser Voraussetzungen", code="reference.cycle"))
            elif nxt not in state:
                state[nxt] = 1
                trail.append(nxt)
                stack.append((nxt, 0))
    return problems


__all__ = ["Location", "RecordCheck", "check_references", "dangling", "unknown_id_message", "vocabulary_problems"]
