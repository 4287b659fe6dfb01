"""Checks across records: duplicate ids, file names, dangling references, prerequisite cycles."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from engine.core.problems import Problem
from engine.core.programme import PROGRAMME_FILE, VOCABULARIES, Programme
from engine.core.records import Record
from engine.features.curriculum.model import Module, RoleProfile

_FILE_STEM = re.compile(r"^(?P<stem>[^/]+?)(?:\.(?:md|ya?ml))$")


Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Reference:
    """A field that holds ids of another kind: (kind holding it, field, kind referred to)."""

    kind: str
    field: str
    """A list field, or a dotted path where `*` walks a list (e.g. `days.*.blocks.*.module`)."""
    target: str

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.field.split(".")) if "." in self.field else (self.field, "*")

    def values(self, model: object) -> list[tuple[Location, str]]:
        """(location, id) of every reference of this kind in `model`."""
        return _values_at(model, self.path)


REFERENCES = (
    Reference("module", "prerequisites", "module"),
    Reference("module", "target_roles", "role"),
    Reference("role", "required_modules", "module"),
    Reference("role", "optional_modules", "module"),
    Reference("role", "supported_by", "role"),
    Reference("course", "days.*.blocks.*.module", "module"),
    Reference("course", "audience", "role"),
    Reference("term", "see_also", "term"),
    Reference("form", "modules", "module"),
    Reference("helppath", "contacts", "contact"),
    Reference("helppath", "modules", "module"),
)

#: Fields whose values come from a vocabulary of the programme: (kind, path, vocabulary).
#: `*` in a path stands for every item of a list.
VOCABULARY_FIELDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("contact", ("kind",), "contact_kinds"),
    ("contact", ("topics", "*"), "topics"),
    ("role", ("compensation", "*", "model"), "compensation_models"),
    ("course", ("recognition",), "recognition"),
    ("form", ("limits_of", "*"), "recognition"),
    ("form", ("sections", "*", "conditions_of"), "recognition"),
    ("helppath", ("topics", "*"), "topics"),
)

_UNKNOWN = {"module": "unbekanntes Modul", "role": "unbekannte Rolle", "course": "unbekannter Kurs",
            "contact": "unbekannter Kontakt", "term": "unbekannter Glossarbegriff",
            "form": "unbekannte Vorlage"}


def check_references(records: list[Record], invalid: Iterable[tuple[str, str]] = ()) -> list[Problem]:
    """Every cross-record problem of the project.

    `invalid` holds (kind, id) of records whose files have errors of their own: references to
    them are not reported again, since fixing that file fixes them.
    """
    first: dict[tuple[str, str], Record] = {}
    problems: list[Problem] = []
    for record in records:
        problems.extend(_file_name_problems(record))
        key = (record.kind, record.id)
        if key in first:
            other = first[key]
            problems.append(Problem(record.path, record.line_of("id"), record.field_name("id"),
                                    f"die ID '{record.id}' ist schon vergeben in "
                                    f"{other.path}:{other.line_of('id')}; wählen Sie eine neue"))
        else:
            first[key] = record
    # Known ids per kind, including records whose own files have errors (see above).
    ids: dict[str, set[str]] = {}
    for kind, record_id in first:
        ids.setdefault(kind, set()).add(record_id)
    for kind, record_id in invalid:
        ids.setdefault("term" if kind == "glossary" else kind, set()).add(record_id)
    programme = next((r for r in records if isinstance(r.model, Programme)), None)
    for record in records:
        problems.extend(dangling(record, ids))
        problems.extend(_repeated(record))
        problems.extend(_overlap(record))
        if programme is not None:  # without a readable programme, its own error is the one to fix
            assert isinstance(programme.model, Programme)
            problems.extend(vocabulary_problems(record, programme.model))
    if programme is not None:
        problems.extend(_rule_modules(programme, ids.get("module", set())))
    problems.extend(_cycles([record for record in first.values() if record.kind == "module"]))
    from engine.features.city.references import city_references  # it uses this module's messages

    problems.extend(city_references(records, ids))
    return problems


def _file_name_problems(record: Record) -> list[Problem]:
    if record.kind in ("term", "programme", "network", "indicators", "dossier"):
        return []
    match = _FILE_STEM.match(record.path.rsplit("/", 1)[-1])
    stem = match.group("stem") if match else ""
    fits = stem.startswith(f"{record.id}-") if record.kind == "module" else stem == record.id
    if fits or stem == record.id:
        return []
    wanted = f"{record.id}-kurzname.md" if record.kind == "module" else f"{record.id}.yml"
    return [Problem(record.path, record.line_of("id"), record.field_name("id"),
                    f"Dateiname passt nicht zur ID '{record.id}'; nennen Sie die Datei '{wanted}' "
                    f"oder korrigieren Sie die ID")]


def dangling(record: Record, ids: dict[str, set[str]]) -> list[Problem]:
    """References of `record` to ids that `ids` (known ids by kind) does not have."""
    problems = []
    for reference in REFERENCES:
        if reference.kind != record.kind:
            continue
        known = ids.get(reference.target, set())
        for at, value in reference.values(record.model):
            if value == record.id and reference.kind == reference.target and reference.field != "prerequisites":
                problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at),
                                        f"'{value}' verweist auf sich selbst; entfernen Sie den Eintrag"))
            elif value not in known:
                problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at),
                                        unknown_id_message(_UNKNOWN[reference.target], value, known)))
    return problems


def _repeated(record: Record) -> list[Problem]:
    """An id listed twice in one reference list, e.g. a role that names a module twice.

    Course days may name a module in several blocks (a module split over two days); whether
    that adds up is the course checks' concern (`engine/features/courses/checks.py`).
    """
    problems = []
    for reference in REFERENCES:
        if reference.kind != record.kind or "." in reference.field:
            continue
        first: dict[str, int] = {}
        for index, value in enumerate(getattr(record.model, reference.field)):
            if value in first:
                line = record.line_of(reference.field, first[value])
                problems.append(Problem(record.path, record.line_of(reference.field, index),
                                        record.field_name(reference.field, index),
                                        f"'{value}' steht schon in Zeile {line}; jeder Eintrag zählt nur "
                                        "einmal – entfernen Sie die Wiederholung"))
            else:
                first[value] = index
    return problems


def _values_at(value: object, path: tuple[str, ...], at: Location = ()) -> list[tuple[Location, str]]:
    """(location, value) of every value under `path` in a model; `*` walks a list."""
    if not path:
        return [] if value is None else [(at, str(value))]
    head, rest = path[0], path[1:]
    if head == "*":
        return [found for index, item in enumerate(value if isinstance(value, list) else [])
                for found in _values_at(item, rest, (*at, index))]
    return _values_at(getattr(value, head), rest, (*at, head))


def vocabulary_problems(record: Record, programme: Programme) -> list[Problem]:
    """Values of `record` that the programme's vocabularies do not know."""
    problems = []
    for kind, path, vocabulary in VOCABULARY_FIELDS:
        if kind != record.kind:
            continue
        known = programme.ids(vocabulary)
        for at, value in _values_at(record.model, path):
            if value in known:
                continue
            close = difflib.get_close_matches(value, known, n=1)
            guess = f"meinten Sie '{close[0]}'? " if close else ""
            allowed = ", ".join(known) if known else "keine"
            problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at),
                                    f"{VOCABULARIES[vocabulary]} '{value}' ist in {PROGRAMME_FILE} nicht "
                                    f"festgelegt; {guess}erlaubt sind: {allowed}. Ein neuer Wert wird unter "
                                    f"'{vocabulary}' in {PROGRAMME_FILE} ergänzt"))
    return problems


def _rule_modules(programme: Record, known: set[str]) -> list[Problem]:
    """Core modules of the recognition rules must exist."""
    assert isinstance(programme.model, Programme)
    problems = []
    for rule_index, rule in enumerate(programme.model.recognition):
        for index, module_id in enumerate(rule.core_modules):
            if module_id not in known:
                at = ("recognition", rule_index, "core_modules", index)
                problems.append(Problem(programme.path, programme.line_of(*at), programme.field_name(*at),
                                        unknown_id_message("unbekanntes Modul", module_id, known)))
    return problems


def _overlap(record: Record) -> list[Problem]:
    if not isinstance(record.model, RoleProfile):
        return []
    required = set(record.model.required_modules)
    problems = []
    for index, module_id in enumerate(record.model.optional_modules):
        if module_id in required:
            problems.append(Problem(record.path, record.line_of("optional_modules", index),
                                    record.field_name("optional_modules", index),
                                    f"'{module_id}' steht schon in required_modules; ein Modul ist "
                                    "entweder Pflicht oder Wahl"))
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


def _cycles(modules: list[Record]) -> list[Problem]:
    """Each prerequisite cycle once, reported at the entry that closes it.

    Iterative depth-first search: a curriculum may have long prerequisite chains, and
    recursion would hit Python's limit long before the content becomes unreasonable.
    """
    graph = {record.id: list(record.model.prerequisites) for record in modules
             if isinstance(record.model, Module)}
    by_id = {record.id: record for record in modules}
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
                    problems.append(Problem(record.path, record.line_of("prerequisites", index),
                                            record.field_name("prerequisites", index),
                                            "die Voraussetzungen bilden einen Kreis: " + " → ".join(cycle)
                                            + "; entfernen Sie eine dieser Voraussetzungen"))
            elif nxt not in state:
                state[nxt] = 1
                trail.append(nxt)
                stack.append((nxt, 0))
    return problems
