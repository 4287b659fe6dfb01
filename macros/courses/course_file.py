"""Read one course file from anywhere (e.g. a dated copy in `private/`) and check it fully."""

from __future__ import annotations

from macros.content.model import Course
from macros.content.problems import Problem
from macros.content.project import Project
from macros.content.references import Reference, unknown_id_message
from macros.content.validation import validate
from macros.content.yamlsource import decode, dotted, parse_yaml
from macros.courses.catalogue import Catalogue
from macros.courses.checks import check_course
from macros.courses.schedule import schedule

_KNOWN = (Reference("course", "days.*.blocks.*.module", "module"), Reference("course", "audience", "role"))
_UNKNOWN = {"module": "unbekanntes Modul", "role": "unbekannte Rolle"}


def load_course_file(project: Project, path: str, data: bytes) -> tuple[Course | None, list[Problem]]:
    """The course in `data` checked against `project`: its own errors, unknown ids, course checks."""
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    parsed = parse_yaml(path, text)
    if parsed.problems:
        return None, parsed.problems
    course, problems = validate(Course, parsed, path, 1)
    if course is None:
        return None, problems
    ids = {"module": set(project.module_by_id), "role": set(project.role_by_id)}
    problems = [Problem(path, parsed.line_of(at, 1), dotted(at),
                        unknown_id_message(_UNKNOWN[reference.target], value, ids[reference.target]))
                for reference in _KNOWN for at, value in reference.values(course)
                if value not in ids[reference.target]]
    if course.recognition and course.recognition not in project.programme.rule_by_id:
        problems.append(Problem(path, parsed.line_of(("recognition",), 1), "recognition",
                                unknown_id_message("unbekannte Anerkennungsregel", course.recognition,
                                                   project.programme.rule_by_id)))
    if problems:
        return None, problems
    catalogue = Catalogue.of(project)
    findings = check_course(course, schedule(course, catalogue), catalogue)
    return course, [Problem(path, parsed.line_of(f.at, 1), dotted(f.at), f.message, f.warning) for f in findings]
