"""The page „Kursunterlagen drucken“: sign-in sheets and certificates in the browser, without a terminal.

Like the planner, the page is generated like every other and gets its data, layouts and scripts
added to the finished HTML (`with_documents`). The data holds what the rules need (the
catalogue, the courses, the recognition rules' texts, the roster's words and messages); the
layouts are the certificate's and the sign-in sheet's templates, rendered here once with empty
slots into `<template>` elements that the page fills. Names never reach the build: the roster
exists only in the page's memory.

`documents_summary` is everything the rules give for one course and one roster, as plain
data; `QPPlanner.documentsSummary` in the page must give exactly the same
(`tests/courses/documents.json`).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from engine.core.project import Project
from engine.core.urls import html_of
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.certificates import (
    GAP_MESSAGES,
    MODES,
    certificate_gaps,
    certificate_view,
    course_view,
    rule_texts,
    sort_out,
)
from engine.features.courses.model import Course
from engine.features.courses.planner import planner_data
from engine.features.courses.roster import ABSENT, DELIMITER_NAMES, MESSAGES, PRESENT, roster_from_text
from engine.features.courses.schedule import schedule
from engine.features.courses.sign_in import BLANK_ROWS, sign_in_view
from engine.features.courses.urls import DOCUMENTS_CSS, DOCUMENTS_PAGE, DOCUMENTS_PAGE_CSS, DOCUMENTS_SCRIPTS

#: The element in the generated page that `with_documents` replaces.
DOCUMENTS_SLOT = '<div id="qp-documents-slot" hidden></div>'
#: Where a roster's problems point in the page (there is no file).
PASTED = "Liste"
_TEMPLATES = Path(__file__).parent / "templates"


def documents_summary(course: Course, catalogue: Catalogue, rules: dict[str, dict[str, Any]],
                      roster: str, blank_rows: int = BLANK_ROWS) -> dict[str, Any]:
    """What the page shows for `course` and a pasted roster: gaps, problems, certificates, refusals, sheet."""
    gaps = certificate_gaps(course)
    participants, problems = roster_from_text(PASTED, roster, len(course.days)) if roster.strip() else ([], [])
    timetable = schedule(course, catalogue)
    summary: dict[str, Any] = {
        "gaps": [[gap.field, gap.code, gap.message] for gap in gaps],
        "problems": [[p.line, p.field, p.code, p.message] for p in problems],
        "certificates": [], "refused": [],
        "sign_in": sign_in_view(course, timetable, [p.name for p in participants]
                                if participants and not problems else None, blank_rows),
    }
    if participants and not gaps and not problems:
        issued, refused = sort_out(course, timetable, participants)
        texts = course_view(course, catalogue, rules)
        summary["certificates"] = [certificate_view(texts, certificate) for certificate in issued]
        summary["refused"] = [[r.participant.name, r.participant.row, r.reason] for r in refused]
    return summary


def documents_data(project: Project) -> dict[str, Any]:
    """The planner's data (catalogue, model, courses) and what the documents' rules add."""
    return {**planner_data(project), "documents": {
        "rules": rule_texts(project.programme),
        "gaps": GAP_MESSAGES,
        "modes": {"true": MODES[True], "false": MODES[False]},
        "blank_rows": BLANK_ROWS,
        "roster": {"messages": MESSAGES, "present": list(PRESENT), "absent": list(ABSENT),
                   "delimiters": DELIMITER_NAMES, "pasted": PASTED},
    }}


class _Slot:
    """An empty slot of a layout: true for its `{% if %}`, nothing in the text."""

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return ""

    def __html__(self) -> str:
        return ""


class _Slots:
    """A view whose every text is an empty slot and whose lists hold one item of slots."""

    def __getattr__(self, name: str) -> object:
        return [_Slots()] if name in ("days", "rows") else _Slot()


def layouts() -> Markup:
    """The certificate's and the sign-in sheet's layout with empty slots, as `<template>` elements."""
    environment = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True)
    certificate = environment.from_string('{% import "_certificate.html.j2" as c %}{{ c.certificate(v) }}')
    sheet = environment.from_string('{% import "_sign_in.html.j2" as s %}{{ s.sign_in(v) }}')
    return Markup('<template id="qp-certificate-layout">{}</template>\n'
                  '<template id="qp-sign-in-layout">{}</template>').format(
        Markup(certificate.render(v=_Slots())), Markup(sheet.render(v=_Slots())))


def _relative(url: str) -> str:
    return posixpath.relpath(url, posixpath.dirname(html_of(DOCUMENTS_PAGE)))


def documents_scripts(project: Project) -> Markup:
    """Styles, data, layouts and the classic scripts in order, with paths relative to the page."""
    text = json.dumps(documents_data(project), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    tags = [Markup('<link rel="stylesheet" href="{}">').format(_relative(css.url))
            for css in (DOCUMENTS_CSS, DOCUMENTS_PAGE_CSS)]
    tags.append(Markup('<script type="application/json" id="qp-planner-data">{}</script>').format(Markup(text)))
    tags.append(layouts())
    tags += [Markup('<script src="{}"></script>').format(_relative(script.url)) for script in DOCUMENTS_SCRIPTS]
    return Markup("\n").join(tags)


def with_documents(html: str, project: Project) -> str:
    """The built page with its styles, data, layouts and scripts in place of the slot."""
    if DOCUMENTS_SLOT not in html:
        raise ValueError(f"the documents page has lost its slot {DOCUMENTS_SLOT}; see templates/documents.md.j2")
    return html.replace(DOCUMENTS_SLOT, str(documents_scripts(project)), 1)
