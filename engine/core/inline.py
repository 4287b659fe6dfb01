"""Values written once and shown in any text: `((mindestlohn))` in a module, a role or a page.

A feature offers values by id (the legal facts: `((mindestlohn))` → „13,90 € (ab 1. Januar
2027: 14,60 €)“). After loading, every text of every record is filled in, so pages, handouts,
the planner's data and the search index all show the same value; a hand-written page is filled
in before its macros. The syntax is only this token: no code runs, module bodies stay Markdown,
and YAML needs no quotes for it (parentheses are not YAML indicators, unlike `[` or `{`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from engine.core.problems import Problem
from engine.core.project import Project
from engine.core.records import Record

TOKEN = re.compile(r"\(\((?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\)\)")

def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with every known token replaced; unknown ones stay (the check reports them)."""
    if "((" not in text:
        return text
    return TOKEN.sub(lambda match: values.get(match["id"], match.group()), text)


def filled(value: Any, values: Mapping[str, str]) -> Any:
    """A model (or list, tuple, dict) with every text filled in; unchanged parts are the same objects."""
    if isinstance(value, str):
        return fill(value, values)
    if isinstance(value, BaseModel):
        changes = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = filled(old, values)
            if new is not old and new != old:
                changes[name] = new
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, list):
        return [filled(item, values) for item in value]
    if isinstance(value, tuple):
        return tuple(filled(item, values) for item in value)
    if isinstance(value, dict):
        return {key: filled(item, values) for key, item in value.items()}
    return value


def filled_project(project: Project, values: Mapping[str, str], paths: set[str]) -> Project:
    """The project with the texts of the records from `paths` (files with a token) filled in."""
    if not values or not paths:
        return project
    chosen = {id(record.model) for record in project.records.values() if record.path in paths}
    content = {kind: tuple(filled(model, values) if id(model) in chosen else model for model in models)
               for kind, models in project.content.items()}
    programme = filled(project.programme, values) if id(project.programme) in chosen else project.programme
    return replace(project, programme=programme, content=content)


def texts(value: Any, at: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location, text) of every text in a model, for the check."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*at, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts(item, (*at, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*at, str(key)))


def unknown_tokens(records: list[Record], known: set[str]) -> list[Problem]:
    """A problem at its line for every token whose id no feature offers."""
    problems = []
    for record in records:
        for at, text in texts(record.model):
            if "((" not in text:
                continue
            for match in TOKEN.finditer(text):
                if match["id"] in known:
                    continue
                if at == ("body",) and record.body_line:
                    line = record.body_line + text.count("\n", 0, match.start())
                else:
                    line = record.line_of(*at)
                problems.append(Problem(record.path, line, record.field_name(*at), unknown_message(match["id"], known),
                                        code="inline.unknown"))
    return problems


def unknown_in_text(path: str, text: str, first_line: int, known: set[str]) -> list[Problem]:
    """The same for a hand-written page."""
    return [Problem(path, first_line + text.count("\n", 0, match.start()), "", unknown_message(match["id"], known),
                    code="inline.unknown")
            for match in TOKEN.finditer(text) if match["id"] not in known]


def unknown_message(token: str, known: set[str]) -> str:
    close = difflib.get_close_matches(token, sorted(known), n=3, cutoff=0.6)
    guess = f"; meinten Sie {' oder '.join(f'(({name}))' for name in close)}?" if close else ""
    return (f"'(({token}))' ist keine bekannte Angabe{guess} (die Angaben mit ihren IDs stehen in der "
            "Faktendatei, siehe CONTENT.md)")
