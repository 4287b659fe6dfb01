"""Problems found in the content, reported as `path:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one source file, with what would be right."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message}"


class ContentError(Exception):
    """Raised when content has problems; carries all of them, already sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    """All problems, one a line, and a closing count in German."""
    lines = [str(problem) for problem in sorted(problems)]
    count = len(problems)
    lines.append(f"{count} Fehler gefunden." if count != 1 else "1 Fehler gefunden.")
    return "\n".join(lines)


class HandoutError(Exception):
    """A handout cannot be made as asked, e.g. it refers to a remote or missing file."""
