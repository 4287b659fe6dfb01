"""Turn source files (path and bytes) into a validated `Project` and a list of problems.

Pure: the caller reads the files (see `sources.py`); nothing here touches the disk.
Every file is checked, and every problem of every file is returned at once.
"""

from __future__ import annotations

import fnmatch
import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from engine.core.body import unsafe_html
from engine.core.inline import filled_project, unknown_tokens
from engine.core.kinds import IdRule, Kind
from engine.core.limits import MAX_FILE_BYTES, kib
from engine.core.problems import Problem
from engine.core.programme import FALLBACK, PROGRAMME_FILE, Programme
from engine.core.project import Project, Shape
from engine.core.records import Record, SourceFile
from engine.core.references import RecordCheck, check_references
from engine.core.validation import validate
from engine.core.yamlsource import control_char_problems, decode, parse_yaml, split_front_matter


@cache
def content_files(kinds: tuple[Kind, ...]) -> ContentFiles:
    """The files of `kinds`, matched by one compiled expression made once per set of kinds."""
    return ContentFiles(kinds)


class ContentFiles:
    """Which files hold which kind of content, from the kinds' globs, matched in one expression."""

    def __init__(self, kinds: Iterable[Kind]) -> None:
        self.kinds = {kind.name: kind for kind in kinds}
        self.globs = tuple(pattern for kind in self.kinds.values() for pattern in kind.globs)
        # All globs in one expression: one match per file instead of a dozen `fnmatch` calls.
        self._pattern = re.compile("|".join(
            f"(?P<{kind.name}>{'|'.join(fnmatch.translate(pattern) for pattern in kind.globs)})"
            for kind in self.kinds.values() if kind.globs))

    @property
    def folders(self) -> tuple[str, ...]:
        """The top-level files and folders content can be in (`programme.yml`, `city`), for a watcher.

        Whole top-level folders, so that a file added to `city/` is seen as well."""
        return tuple(sorted({pattern.split("/", 1)[0] for pattern in self.globs}))

    def kind_of(self, path: str) -> Kind | None:
        """The content kind of a project-relative path, or None for files that are not content.

        Files starting with '_' or named README are skipped."""
        name = path.rsplit("/", 1)[-1]
        if name.startswith("_") or name.upper().startswith("README"):
            return None
        match = self._pattern.match(path)
        return self.kinds[match.lastgroup] if match and match.lastgroup else None


def load_project(files: Iterable[SourceFile], shape: Shape,
                 record_checks: Iterable[RecordCheck] = ()) -> tuple[Project, list[Problem]]:
    """Validate all files; return the project of the valid records and every problem found.

    `shape` says which kinds exist; `record_checks` are the features' checks across records
    that a declaration cannot express (they run with the reference checks)."""
    with collector_paused():
        return _load(files, shape, tuple(record_checks))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading allocates many small objects and hardly any reference cycles; the garbage
    collector's repeated passes over them cost about a fifth of the time at 10,000 records."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Frozen objects are left out of later collections: without it, the first pass after
            # re-enabling walks every object made meanwhile (a quarter of a second at 10,000 records).
            gc.freeze()
            gc.enable()


def _load(files: Iterable[SourceFile], shape: Shape,
          record_checks: tuple[RecordCheck, ...]) -> tuple[Project, list[Problem]]:
    records: list[Record] = []
    problems: list[Problem] = []
    invalid: list[tuple[str, str]] = []
    files_of = content_files(shape.kinds)
    files_read = sorted(files, key=lambda source: source.path)
    for source in files_read:
        kind = files_of.kind_of(source.path)
        if kind is None:
            continue
        loaded = _load_file(kind, source)
        records.extend(loaded.records)
        problems.extend(loaded.problems)
        record_kind = kind.name
        invalid.extend((record_kind, record_id) for record_id in loaded.invalid_ids)
    if not any(record.kind == "programme" for record in records) and ("programme", PROGRAMME_FILE) not in invalid:
        problems.append(Problem(PROGRAMME_FILE, 1, "", "die Programmdatei fehlt; legen Sie programme.yml an "
                                                       "(Name, Kurzname, Region, Herausgeber – siehe CONTENT.md)",
                                code="programme.missing"))
    problems.extend(check_references(records, shape.kinds, invalid))
    ids = known_ids(records, invalid)
    for check in record_checks:
        problems.extend(check(records, ids))
    project = _assemble(records, shape)
    with_tokens = {source.path for source in files_read if b"((" in source.data}
    if with_tokens and shape.inline_values:
        values = {key: text for offer in shape.inline_values for key, text in offer(project).items()}
        # A token naming a record that failed validation stays quiet, as a reference does: one
        # broken fact is one problem, not one per text that shows it.
        known = set(values) | {record_id for _, record_id in invalid}
        problems.extend(unknown_tokens([r for r in records if r.path in with_tokens], known))
        project = filled_project(project, values, with_tokens)
    return project, sorted(problems)


@dataclass(frozen=True)
class _Loaded:
    """What one file gave: valid records, problems, and ids of records that failed validation.

    The failed ids let reference checks stay quiet about references to them: fixing the
    broken file fixes those too.
    """

    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    invalid_ids: list[str] = field(default_factory=list)


def _declared_ids(kind: Kind, path: str, value: Any) -> list[str]:
    """The ids that a parsed document declares (a glossary: its terms' ids)."""
    if kind.single:
        return [path]
    if not isinstance(value, dict):
        return []
    if kind.id_rule is IdRule.ITEMS:
        items = value.get(kind.items)
        return [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item] \
            if isinstance(items, list) else []
    return [str(value["id"])] if "id" in value else []


def _ids_from_file_name(kind: Kind, path: str) -> list[str]:
    """The id a file's name promises, for files that cannot be read at all.

    References to it then stay quiet: the one root error is reported, not a cascade of
    "unknown module" wherever the file is referred to.
    """
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if kind.single:
        return [path]
    if kind.id_rule is IdRule.PREFIX:
        return [stem.split("-", 1)[0]]
    return [] if kind.id_rule is IdRule.ITEMS else [stem]


def _load_file(kind: Kind, source: SourceFile) -> _Loaded:
    path = source.path
    unreadable = _ids_from_file_name(kind, path)
    if len(source.data) > MAX_FILE_BYTES:
        return _Loaded(problems=[Problem(path, 1, "", f"die Datei ist {kib(len(source.data))} groß, erlaubt sind "
                                                      f"{kib(MAX_FILE_BYTES)}; kürzen Sie sie oder teilen Sie "
                                                      "sie auf mehrere Dateien auf", code="file.too-large")],
                       invalid_ids=unreadable)
    text, problems = decode(path, source.data)
    if text is None:
        return _Loaded(problems=problems, invalid_ids=unreadable)
    if kind.front_matter:
        return _load_markdown(kind, source.path, text)
    problems = control_char_problems(path, text)
    parsed = parse_yaml(path, text)
    if parsed.problems or problems:
        return _Loaded(problems=problems + parsed.problems, invalid_ids=unreadable)
    model, problems = validate(kind.container or kind.model, parsed, path, 1)
    if model is None:
        return _Loaded(problems=problems, invalid_ids=_declared_ids(kind, path, parsed.value))
    if kind.id_rule is IdRule.ITEMS:
        return _Loaded([Record(kind.name, item, path, parsed, (kind.items, index),
                               file_updated=getattr(model, "updated", None))
                        for index, item in enumerate(getattr(model, kind.items))])
    return _Loaded([Record(kind.name, model, path, parsed, single=kind.single)])


def _load_markdown(kind: Kind, path: str, text: str) -> _Loaded:
    """A Markdown file with a YAML front matter: the front matter validated, the body checked for safety."""
    unreadable = _ids_from_file_name(kind, path)
    split = split_front_matter(path, text)
    if isinstance(split, Problem):
        return _Loaded(problems=[split], invalid_ids=unreadable)
    front, front_line, body, body_line = split
    problems = control_char_problems(path, front, front_line) + control_char_problems(path, body, body_line)
    problems += [Problem(path, body_line + index, "", f"„{what}“ ist im Lehrtext nicht erlaubt (kein Skript, "
                                                      "keine aktiven HTML-Elemente); schreiben Sie Markdown",
                         code="body.unsafe-html")
                 for index, what in unsafe_html(body)]
    parsed = parse_yaml(path, front, front_line)
    if parsed.problems or problems:
        return _Loaded(problems=problems + parsed.problems, invalid_ids=unreadable)
    if isinstance(parsed.value, dict) and "body" in parsed.value:
        return _Loaded(problems=[Problem(path, parsed.line_of(("body",), front_line), "body",
                                         "unbekanntes Feld 'body'; der Lehrtext steht unter dem Steckbrief",
                                         code="body.in-front-matter")],
                       invalid_ids=_declared_ids(kind, path, parsed.value))
    model, problems = validate(kind.model, parsed, path, front_line, {"body": body})
    if model is None:
        return _Loaded(problems=problems, invalid_ids=_declared_ids(kind, path, parsed.value))
    # The model strips the body's leading blank lines; its first line is the first written one.
    body_line += body[: len(body) - len(body.lstrip())].count("\n")
    return _Loaded([Record(kind.name, model, path, parsed, body_line=body_line)])


def known_ids(records: list[Record], invalid: Iterable[tuple[str, str]] = ()) -> dict[str, set[str]]:
    """Known ids per kind, including those of records whose files have errors of their own."""
    ids: dict[str, set[str]] = {}
    for record in records:
        ids.setdefault(record.kind, set()).add(record.id)
    for kind, record_id in invalid:
        ids.setdefault(kind, set()).add(record_id)
    return ids


def _assemble(records: list[Record], shape: Shape) -> Project:
    first: dict[str, Record] = {}
    for record in records:  # duplicates are reported by check_references; keep the first
        first.setdefault(f"{record.kind}:{record.id}", record)
    content: dict[str, list[Any]] = {}
    for record in first.values():
        content.setdefault(record.kind, []).append(record.model)
    programme = content.pop("programme", [FALLBACK])[0]
    assert isinstance(programme, Programme)
    ordered = {kind.name: tuple(sorted(content.get(kind.name, ()), key=kind.sort_key))
               for kind in shape.kinds if kind.name != "programme"}
    return Project(programme=programme, content=ordered, records=first, shape=shape)
