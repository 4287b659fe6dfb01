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
from typing import Any

from pydantic import BaseModel

from engine.core.body import unsafe_html
from engine.core.formatting import german_sort_key
from engine.core.limits import MAX_FILE_BYTES, kib
from engine.core.problems import Problem
from engine.core.programme import FALLBACK, PROGRAMME_FILE, Programme
from engine.core.project import Project
from engine.core.records import Record, SourceFile
from engine.core.references import check_references
from engine.core.validation import validate
from engine.core.yamlsource import control_char_problems, decode, parse_yaml, split_front_matter
from engine.features.city.model import Dossier, HelpPath, Indicators, Network
from engine.features.contacts.model import Contact
from engine.features.courses.model import Course
from engine.features.curriculum.model import Glossary, GlossaryTerm, Module, RoleProfile
from engine.features.forms.model import Form

#: Which files hold which kind of content. Files starting with '_' or named README are skipped.
CONTENT_GLOBS: dict[str, tuple[str, ...]] = {
    "programme": (PROGRAMME_FILE,),
    "module": ("curriculum/modules/*.md",),
    "course": ("curriculum/courses/*.yml", "curriculum/courses/*.yaml"),
    "glossary": ("curriculum/glossary.yml",),
    "role": ("role_profiles/*.yml", "role_profiles/*.yaml"),
    "contact": ("contacts/*.yml", "contacts/*.yaml"),
    "form": ("curriculum/forms/*.yml", "curriculum/forms/*.yaml"),
    # The city's instruments (all optional): help paths, the network map, indicators, the dossier.
    "helppath": ("city/wegweiser/*.yml", "city/wegweiser/*.yaml"),
    "network": ("city/netzwerk.yml",),
    "indicators": ("city/wirkung.yml",),
    "dossier": ("city/dossier.yml",),
}

_YAML_MODELS: dict[str, type[BaseModel]] = {
    "programme": Programme, "course": Course, "role": RoleProfile, "contact": Contact, "glossary": Glossary,
    "form": Form,
    "helppath": HelpPath, "network": Network, "indicators": Indicators, "dossier": Dossier,
}


def kind_of(path: str) -> str | None:
    """The content kind of a project-relative path, or None for files that are not content."""
    name = path.rsplit("/", 1)[-1]
    if name.startswith("_") or name.upper().startswith("README"):
        return None
    match = _CONTENT_PATTERN.match(path)
    return match.lastgroup if match else None


# All globs in one expression (one match per file instead of a dozen `fnmatch` calls).
_CONTENT_PATTERN = re.compile("|".join(
    f"(?P<{kind}>{'|'.join(fnmatch.translate(pattern) for pattern in globs)})"
    for kind, globs in CONTENT_GLOBS.items()))


def load_project(files: Iterable[SourceFile]) -> tuple[Project, list[Problem]]:
    """Validate all files; return the project of the valid records and every problem found."""
    with collector_paused():
        return _load(files)


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


def _load(files: Iterable[SourceFile]) -> tuple[Project, list[Problem]]:
    records: list[Record] = []
    problems: list[Problem] = []
    invalid: list[tuple[str, str]] = []
    for source in sorted(files, key=lambda source: source.path):
        kind = kind_of(source.path)
        if kind is None:
            continue
        loaded = _load_file(kind, source)
        records.extend(loaded.records)
        problems.extend(loaded.problems)
        invalid.extend((kind, record_id) for record_id in loaded.invalid_ids)
    if not any(record.kind == "programme" for record in records) and ("programme", PROGRAMME_FILE) not in invalid:
        problems.append(Problem(PROGRAMME_FILE, 1, "", "die Programmdatei fehlt; legen Sie programme.yml an "
                                                       "(Name, Kurzname, Region, Herausgeber – siehe CONTENT.md)"))
    problems.extend(check_references(records, invalid))
    return _assemble(records), sorted(problems)


@dataclass(frozen=True)
class _Loaded:
    """What one file gave: valid records, problems, and ids of records that failed validation.

    The failed ids let reference checks stay quiet about references to them: fixing the
    broken file fixes those too.
    """

    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    invalid_ids: list[str] = field(default_factory=list)


def _declared_ids(kind: str, value: Any) -> list[str]:
    """The id, or the glossary's term ids, that a parsed document declares."""
    if kind == "programme":
        return [PROGRAMME_FILE]
    if kind in ("network", "indicators", "dossier"):
        return []
    if not isinstance(value, dict):
        return []
    if isinstance(value.get("terms"), list):
        return [str(term["id"]) for term in value["terms"] if isinstance(term, dict) and "id" in term]
    return [str(value["id"])] if "id" in value else []


def _ids_from_file_name(kind: str, path: str) -> list[str]:
    """The id a file's name promises, for files that cannot be read at all.

    References to it then stay quiet: the one root error is reported, not a cascade of
    "unknown module" wherever the file is referred to.
    """
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if kind == "programme":
        return [PROGRAMME_FILE]
    if kind == "module":
        return [stem.split("-", 1)[0]]
    return [] if kind == "glossary" else [stem]


def _load_file(kind: str, source: SourceFile) -> _Loaded:
    path = source.path
    unreadable = _ids_from_file_name(kind, path)
    if len(source.data) > MAX_FILE_BYTES:
        return _Loaded(problems=[Problem(path, 1, "", f"die Datei ist {kib(len(source.data))} groß, erlaubt sind "
                                                      f"{kib(MAX_FILE_BYTES)}; kürzen Sie sie oder teilen Sie "
                                                      "sie auf mehrere Dateien auf")], invalid_ids=unreadable)
    text, problems = decode(path, source.data)
    if text is None:
        return _Loaded(problems=problems, invalid_ids=unreadable)
    if kind == "module":
        return _load_module(source.path, text)
    problems = control_char_problems(path, text)
    parsed = parse_yaml(path, text)
    if parsed.problems or problems:
        return _Loaded(problems=problems + parsed.problems, invalid_ids=unreadable)
    model, problems = validate(_YAML_MODELS[kind], parsed, path, 1)
    if model is None:
        return _Loaded(problems=problems, invalid_ids=_declared_ids(kind, parsed.value))
    if isinstance(model, Programme):
        return _Loaded([Record("programme", model, path, parsed)])
    if isinstance(model, Glossary):
        return _Loaded([Record("term", term, path, parsed, ("terms", index), file_updated=model.updated)
                        for index, term in enumerate(model.terms)])
    assert isinstance(model, RoleProfile | Course | Contact | Form | HelpPath | Network | Indicators | Dossier)
    return _Loaded([Record(kind, model, path, parsed)])


def _load_module(path: str, text: str) -> _Loaded:
    unreadable = _ids_from_file_name("module", path)
    split = split_front_matter(path, text)
    if isinstance(split, Problem):
        return _Loaded(problems=[split], invalid_ids=unreadable)
    front, front_line, body, body_line = split
    problems = control_char_problems(path, front, front_line) + control_char_problems(path, body, body_line)
    problems += [Problem(path, body_line + index, "", f"„{what}“ ist im Lehrtext nicht erlaubt (kein Skript, "
                                                      "keine aktiven HTML-Elemente); schreiben Sie Markdown")
                 for index, what in unsafe_html(body)]
    parsed = parse_yaml(path, front, front_line)
    if parsed.problems or problems:
        return _Loaded(problems=problems + parsed.problems, invalid_ids=unreadable)
    if isinstance(parsed.value, dict) and "body" in parsed.value:
        return _Loaded(problems=[Problem(path, parsed.line_of(("body",), front_line), "body",
                                         "unbekanntes Feld 'body'; der Lehrtext steht unter dem Steckbrief")],
                       invalid_ids=_declared_ids("module", parsed.value))
    model, problems = validate(Module, parsed, path, front_line, {"body": body})
    if model is None:
        return _Loaded(problems=problems, invalid_ids=_declared_ids("module", parsed.value))
    return _Loaded([Record("module", model, path, parsed, body_line=body_line)])


def _assemble(records: list[Record]) -> Project:
    first: dict[str, Record] = {}
    for record in records:  # duplicates are reported by check_references; keep the first
        first.setdefault(f"{record.kind}:{record.id}", record)
    models = [record.model for record in first.values()]
    programme = next((m for m in models if isinstance(m, Programme)), FALLBACK)
    return Project(
        programme=programme,
        modules=tuple(sorted((m for m in models if isinstance(m, Module)), key=lambda m: m.id)),
        roles=tuple(sorted((m for m in models if isinstance(m, RoleProfile)), key=lambda m: german_sort_key(m.title))),
        courses=tuple(sorted((m for m in models if isinstance(m, Course)), key=lambda m: m.id)),
        contacts=tuple(sorted((m for m in models if isinstance(m, Contact)), key=lambda m: german_sort_key(m.name))),
        glossary=tuple(sorted((m for m in models if isinstance(m, GlossaryTerm)),
                              key=lambda m: german_sort_key(m.term))),
        forms=tuple(sorted((m for m in models if isinstance(m, Form)), key=lambda m: german_sort_key(m.title))),
        records=first,
        help_paths=tuple(sorted((m for m in models if isinstance(m, HelpPath)), key=lambda m: m.id)),
        network=next((m for m in models if isinstance(m, Network)), None),
        indicators=next((m for m in models if isinstance(m, Indicators)), None),
        dossier=next((m for m in models if isinstance(m, Dossier)), None),
    )
