"""Checks across records: an answer's `deeper.section` is a heading of the module it names."""

from __future__ import annotations

import re

from engine.core.problems import Problem
from engine.core.records import Record

_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


def module_headings(body: str) -> list[str]:
    return [match["text"] for match in _HEADING.finditer(body)]


def sections_exist(records: list[Record], ids: dict[str, set[str]]) -> list[Problem]:
    headings = {record.id: module_headings(record.model.body) for record in records if record.kind == "module"}
    problems = []
    for record in records:
        if record.kind != "answer":
            continue
        for index, deeper in enumerate(record.model.deeper):
            known = headings.get(deeper.module)
            if deeper.section is None or known is None or deeper.section in known:
                continue
            problems.append(Problem(
                record.path, record.line_of("deeper", index, "section"), record.field_name("deeper", index, "section"),
                f"'{deeper.section}' ist keine Überschrift in {deeper.module}; dort gibt es: "
                f"{'; '.join(known) or 'keine'}", code="answer.section-unknown"))
    return problems
