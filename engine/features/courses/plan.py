"""A course as trainers and participants see it: schedule, recognition, findings, materials."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from engine.core.formatting import number, whole_minutes
from engine.core.problems import Problem
from engine.core.project import Project
from engine.core.records import Record
from engine.core.templating import clock
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.checks import Finding, RecognitionStatus, check_course, recognition_status
from engine.features.courses.model import Course
from engine.features.courses.schedule import Schedule, schedule
from engine.features.curriculum.model import Module


@dataclass(frozen=True)
class CoursePlan:
    """Everything the course page, its handouts, its calendar and its certificates show."""

    course: Course
    schedule: Schedule
    status: RecognitionStatus | None
    findings: tuple[Finding, ...]
    modules: tuple[Module, ...]
    """The modules in the order they are first taught."""

    @cached_property
    def shortened(self) -> dict[str, tuple[float, float]]:
        """Modules taught shorter than their full length: id → (taught, full) minutes."""
        unit = self.schedule.unit_minutes
        return {m.id: (self.schedule.taught[m.id], m.duration_ue * unit) for m in self.modules
                if self.schedule.taught.get(m.id, 0) + 1e-9 < m.duration_ue * unit}

    @cached_property
    def materials(self) -> list[tuple[str, list[str]]]:
        """Each material the modules ask for, once, with the modules that need it."""
        gathered: dict[str, list[str]] = {}
        for module in self.modules:
            for material in module.materials:
                gathered.setdefault(material, []).append(module.id)
        return list(gathered.items())

    @property
    def dated(self) -> bool:
        """Whether every day has a date: only then can a calendar file be made."""
        return all(day.date is not None for day in self.course.days)

    @property
    def notes(self) -> list[Finding]:
        """Findings shown to readers (warnings); errors never reach a built page."""
        return [finding for finding in self.findings if finding.warning]


def plan_course(project: Project, course: Course, catalogue: Catalogue | None = None) -> CoursePlan:
    catalogue = catalogue or Catalogue.of(project)
    timetable = schedule(course, catalogue)
    return CoursePlan(course, timetable, recognition_status(course, timetable, catalogue),
                      tuple(check_course(course, timetable, catalogue)),
                      tuple(project.module_by_id[m] for m in course.modules if m in project.module_by_id))


def course_problems(project: Project) -> list[Problem]:
    """Every course finding as a problem at its line in the course file."""
    catalogue = Catalogue.of(project)
    return [problem for course in project.courses
            for problem in as_problems(project.records[f"course:{course.id}"],
                                       plan_course(project, course, catalogue).findings)]


def as_problems(record: Record, findings: Iterable[Finding]) -> list[Problem]:
    """Findings of the course in `record` as problems with its file, line and field."""
    return [Problem(record.path, record.line_of(*finding.at), record.field_name(*finding.at), finding.message,
                    finding.warning, code=f"course.{finding.code}") for finding in findings]


def plan_summary(course: Course, catalogue: Catalogue) -> dict[str, Any]:
    """The schedule and findings as plain data: what the course planner computes in the browser.

    `tests/courses/cases.json` compares this with the planner's `QPPlanner.summary` case by case.
    """
    timetable = schedule(course, catalogue)
    status = recognition_status(course, timetable, catalogue)
    return {
        "days": [{"start": clock(day.start), "end": clock(day.end),
                  "teaching_minutes": whole_minutes(day.teaching_minutes),
                  "pause_minutes": whole_minutes(day.pause_minutes),
                  "slots": [[clock(s.start), clock(s.end), s.kind, s.title, s.module or "", s.part, s.parts]
                            for s in day.slots]}
                 for day in timetable.days],
        "teaching_minutes": whole_minutes(timetable.teaching_minutes),
        "ue": number(timetable.ue),
        "findings": [[".".join(str(part) for part in f.at), f.code, f.message, f.warning]
                     for f in check_course(course, timetable, catalogue)],
        "recognition": recognition_summary(status),
    }


def recognition_summary(status: RecognitionStatus | None) -> dict[str, Any] | None:
    """The recognition verdict as plain data; None when the course claims no rule (or a refresher the rule lacks)."""
    if status is None:
        return None
    return {"rule": status.rule.id, "refresher": status.refresher, "met": status.met,
            "ue": number(status.course_ue), "minimum_ue": number(status.minimum_ue),
            "ue_short": number(status.ue_short), "missing_modules": list(status.missing_modules),
            "in_person_missing": status.in_person_missing}
