"""Problems found in the content, reported as `path:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one source file, with what would be right."""

    path: str
    line: int
    field: str
    message: str
    warning: bool = False
    """A warning is reported but does not stop the build (e.g. data older than its limit)."""
    code: str = dataclass_field(kw_only=True)
    """A stable short code, e.g. `course.break-missing`: tests assert it, the wording may improve.
    Required: a problem without one cannot be made."""

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        kind = " Warnung:" if self.warning else ""
        return f"{self.path}:{self.line}:{field}{kind} {self.message}"


def errors_of(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build (everything but warnings)."""
    return [problem for problem in problems if not problem.warning]


def warnings_of(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.warning]


class ContentError(Exception):
    """Raised when content has problems; carries all of them, already sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    """All problems, one a line, and a closing count in German (errors, then warnings)."""
    # Errors first: they are what must be fixed now; warnings (e.g. stale dates) follow.
    lines = [str(problem) for problem in sorted(problems, key=lambda problem: (problem.warning, problem))]
    errors, warnings = len(errors_of(problems)), len(warnings_of(problems))
    summary = f"{errors} Fehler"
    if warnings:
        summary += f" und {_warnings(warnings)}"
    lines.append(summary + " gefunden.")
    return "\n".join(lines)


def verdict(problems: list[Problem]) -> str:
    """The verdict of a check without errors: „alles in Ordnung“ only when no warning remains."""
    warnings = len(warnings_of(problems))
    return f"keine Fehler, {_warnings(warnings)}" if warnings else "alles in Ordnung"


def _warnings(number: int) -> str:
    return f"{number} Warnung" + ("en" if number != 1 else "")


class HandoutError(Exception):
    """A handout cannot be made as asked, e.g. it refers to a remote or missing file."""
