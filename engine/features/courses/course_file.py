"""Read one course file from anywhere (e.g. a dated copy in `private/`) and check it fully."""

from __future__ import annotations

from engine.core.problems import Problem
from engine.core.project import Project
from engine.core.records import Record
from engine.core.references import dangling, vocabulary_problems
from engine.core.validation import validate
from engine.core.yamlsource import decode, parse_yaml
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.checks import check_course
from engine.features.courses.model import Course
from engine.features.courses.plan import as_problems
from engine.features.courses.schedule import schedule


def load_course_file(project: Project, path: str, data: bytes) -> tuple[Course | None, list[Problem]]:
    """The course in `data` checked against `project`: its own errors, unknown ids, course checks.

    The same reference and vocabulary checks as for the project's own course files, on a record
    made for this file.
    """
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    parsed = parse_yaml(path, text)
    if parsed.problems:
        return None, parsed.problems
    course, problems = validate(Course, parsed, path, 1)
    if course is None:
        return None, problems
    record = Record("course", course, path, parsed)
    known = {"module": set(project.module_by_id), "role": set(project.role_by_id)}
    kind = project.shape.by_name["course"]
    problems = (dangling(record, kind, known, project.shape.by_name)
                + vocabulary_problems(record, kind, project.programme))
    if problems:
        return None, problems
    catalogue = Catalogue.of(project)
    findings = check_course(course, schedule(course, catalogue), catalogue)
    return course, as_problems(record, findings)
