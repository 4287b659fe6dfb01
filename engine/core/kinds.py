"""What a kind of content declares, once: files, model, id rule, references, vocabularies, dates, schema.

Loading, the reference and date checks, the JSON Schemas, the editors' schema mapping and the
check's summary line are all derived from these declarations (see `registry.py`); a feature
declares its kinds in its own folder and nothing in the core names them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from engine.core.formatting import count, german_sort_key


class IdRule(StrEnum):
    """How a record's id relates to its file name."""

    FILE = "file"
    """The file is named after the id: `role_profiles/<id>.yml`."""
    PREFIX = "prefix"
    """The file name starts with the id and a hyphen: `curriculum/modules/M06-demenz.md`."""
    SINGLE = "single"
    """One file, one record without an id of its own (the network map); its path is its id."""
    ITEMS = "items"
    """One file holds many records under a list field (the glossary's `terms`), each with an id."""


@dataclass(frozen=True)
class Reference:
    """A field that holds ids of another kind, e.g. a module's `prerequisites` (→ module)."""

    field: str
    """A list field, or a dotted path where `*` walks a list (e.g. `days.*.blocks.*.module`)."""
    target: str
    repeat_allowed: bool = False
    """Whether one id may stand twice (a course may teach one module in several blocks)."""
    self_allowed: bool = False
    """Whether a record may name itself (a prerequisite naming itself is reported as a cycle instead)."""
    single: bool = False
    """The field holds one id, not a list (the programme's `coordination`)."""
    while_present: bool = False
    """Checked only while the programme has records of the target kind: an answer's help paths
    are links to another feature's data, and a programme without help paths keeps its answers."""

    @property
    def path(self) -> tuple[str, ...]:
        if self.single or "." in self.field:
            return tuple(self.field.split("."))
        return (self.field, "*")


@dataclass(frozen=True)
class VocabularyField:
    """A field whose values come from a vocabulary of the programme, e.g. a contact's `topics`."""

    field: str
    """Dotted path; `*` stands for every item of a list (e.g. `compensation.*.model`)."""
    vocabulary: str

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.field.split("."))


@dataclass(frozen=True)
class DatedField:
    """A date in the content that can grow stale (a check, a legal „Stand“, a measurement)."""

    field: str
    """Dotted path; `*` walks a list (e.g. `sources.*.stand`)."""
    what: str
    """What the date dates, for the message: „die Angaben der Stelle“."""
    plural: bool = False
    """`what` is plural („die Angaben … sind 400 Tage alt“)."""
    may_be_future: bool = False
    """A „Stand“ of a law may name the day a new rule takes effect; a check or a measurement may not."""
    newest_only: bool = False
    """Only the newest date of the list must be recent (a series of measurements)."""
    what_of: Callable[[Any, tuple[str | int, ...]], str] | None = None
    """The message's subject from the model and the date's location, e.g. the indicator's title."""
    required: bool = True
    """Whether an empty date is reported („noch nie geprüft“); a term without a legal figure has none."""
    ends: bool = False
    """The date ends what the record states (a figure valid until, a change due on): once it has
    passed, the record must be updated. Reported as the date passes, not by age; `what` (or
    `what_of`) may then be the whole message, with `{date}` where the date goes."""

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.field.split("."))


#: The dates most kinds share: the last check of the content, and the „Stand“ of each source.
UPDATED = DatedField("updated", "die inhaltliche Prüfung")
SOURCES = DatedField("sources.*.stand", "der Stand der Quelle", may_be_future=True)


def _by_title(model: Any) -> str:
    return german_sort_key(str(getattr(model, "title", "")))


def _by_id(model: Any) -> str:
    return str(getattr(model, "id", ""))


@dataclass(frozen=True)
class Kind:
    """One kind of content, declared once by its feature."""

    name: str
    """The kind's id in records and messages, e.g. `module`."""
    collection: str
    """The project's attribute for all records of the kind (`project.modules`); for a single
    file, the attribute holding it or None (`project.network`)."""
    label: tuple[str, str]
    """Singular and plural for readers, e.g. („Modul“, „Module“): the check's summary line."""
    globs: tuple[str, ...]
    """Project-relative file patterns; files starting with `_` and README files are skipped."""
    model: type[BaseModel]
    unknown: str = ""
    """How a dangling reference to this kind starts: „unbekanntes Modul“."""
    id_rule: IdRule = IdRule.FILE
    schema: str = ""
    """The JSON Schema's file name in `schemas/`, e.g. `module.schema.json` (empty: none)."""
    schema_model: type[BaseModel] | None = None
    """The model the schema describes if not `model` (a module file's front matter)."""
    container: type[BaseModel] | None = None
    """For `IdRule.ITEMS`: the model of the whole file (the glossary), whose `items` are the records."""
    items: str = ""
    front_matter: bool = False
    """Markdown with a YAML front matter (the body goes into the model's `body` field)."""
    references: tuple[Reference, ...] = ()
    vocabularies: tuple[VocabularyField, ...] = ()
    dated: tuple[DatedField, ...] = ()
    acyclic: str = ""
    """A reference field to the kind itself whose links must not form a circle (`prerequisites`)."""
    sort_key: Callable[[Any], Any] = _by_id
    counted: bool = True
    """Whether the check's summary line counts this kind."""
    page: Callable[[str], str] | None = None
    """A record's page (docs-relative) by its id, for links from other features' pages."""
    handout: Callable[[str], str] | None = None
    """A record's handout file name by its id."""

    @property
    def single(self) -> bool:
        return self.id_rule is IdRule.SINGLE

    @property
    def schema_of(self) -> type[BaseModel]:
        return self.schema_model or self.container or self.model

    def count(self, amount: int) -> str:
        return count(amount, *self.label)


BY_TITLE = _by_title
