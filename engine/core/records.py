"""Source files and validated records: what loading reads and what reference checks need."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from engine.core.yamlsource import Parsed, Path, dotted


@dataclass(frozen=True)
class SourceFile:
    """A content file as read from disk: its path relative to the project, and its bytes."""

    path: str
    data: bytes


@dataclass(frozen=True)
class Record:
    """A validated record and where it came from, so later checks can name file and line."""

    kind: str
    model: Any
    """The validated pydantic model of the kind."""
    path: str
    parsed: Parsed
    prefix: Path = ()
    body_line: int = 0
    """For a module: the file line where its Markdown body starts."""
    file_updated: date | None = None
    """For a record that shares its file (a glossary term): when the file was last checked."""
    single: bool = False
    """A record without an id of its own (one file, one record): its path is its id."""

    @property
    def checked(self) -> date | None:
        """When the record's content was last checked: its own `updated`, else its file's."""
        updated = getattr(self.model, "updated", None)
        return updated if isinstance(updated, date) else self.file_updated

    @cached_property  # asked for tens of thousands of times by the reference checks
    def id(self) -> str:
        return self.path if self.single else str(self.model.id)

    def line_of(self, *at: str | int) -> int:
        """The file line of a field of this record (or of the record itself)."""
        return self.parsed.line_of((*self.prefix, *at), 1)

    def field_name(self, *at: str | int) -> str:
        return dotted((*self.prefix, *at))
