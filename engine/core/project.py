"""The validated project: all content records by kind, with lookups and the features' derived figures."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel

from engine.core.kinds import Kind
from engine.core.programme import FALLBACK, Programme
from engine.core.records import Record

T = TypeVar("T", bound=BaseModel)
V = TypeVar("V")

#: Turns the project into what one edition may show (e.g. without internal contacts).
EditionFilter = Callable[["Project", str], "Project"]
#: A feature's values for texts, by id (`((mindestlohn))` → „13,90 €“): see `engine.core.inline`.
InlineValues = Callable[["Project"], Mapping[str, str]]


@dataclass(frozen=True)
class Shape:
    """What the features declared: their kinds, derived figures and edition filters."""

    kinds: tuple[Kind, ...] = ()
    derived: Mapping[str, Callable[[Project], Any]] = field(default_factory=dict)
    """Figures a feature computes from the project, read as attributes: `project.total_ue`."""
    edition_filters: tuple[EditionFilter, ...] = ()
    inline_values: tuple[InlineValues, ...] = ()

    @cached_property
    def by_collection(self) -> dict[str, Kind]:
        return {kind.collection: kind for kind in self.kinds}

    @cached_property
    def by_lookup(self) -> dict[str, Kind]:
        """`module_by_id` → the module kind."""
        return {f"{kind.name}_by_id": kind for kind in self.kinds if not kind.single}

    @cached_property
    def by_model(self) -> dict[type[BaseModel], Kind]:
        return {kind.model: kind for kind in self.kinds}

    @cached_property
    def by_name(self) -> dict[str, Kind]:
        return {kind.name: kind for kind in self.kinds}

    def page_of(self, kind: str, record_id: str) -> str:
        """The page of a record of another feature, as its kind declares it."""
        make = self.by_name[kind].page
        assert make is not None, f"kind {kind} declares no page"
        return make(record_id)

    def handout_of(self, kind: str, record_id: str) -> str:
        make = self.by_name[kind].handout
        assert make is not None, f"kind {kind} declares no handout"
        return make(record_id)


@dataclass(frozen=True)
class Project:
    """Everything the site and the handouts are rendered from, sorted for stable output.

    Each kind's records are an attribute named by its declaration (`project.modules`,
    `project.network`), with a lookup by id (`project.module_by_id`); Python code may use the
    typed `all(Module)`, `by_id(Module)` and `one(Network)` instead.
    """

    programme: Programme = FALLBACK
    content: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    """Each kind's models by kind name, sorted by the kind's sort key."""
    records: dict[str, Record] = field(default_factory=dict, compare=False, repr=False)
    """Each record with its source file and parsed lines, keyed by `kind:id` (e.g. `module:M06`),
    so later checks name file and line (and, for a module, the line where its body starts)."""
    shape: Shape = field(default_factory=Shape, compare=False, repr=False)

    def __getattr__(self, name: str) -> Any:
        # Only called for names the dataclass does not have: the kinds' collections and lookups.
        if name.startswith("__"):
            raise AttributeError(name)
        shape: Shape = object.__getattribute__(self, "shape")
        if name in shape.by_collection:
            kind = shape.by_collection[name]
            models = self.content.get(kind.name, ())
            return (models[0] if models else None) if kind.single else models
        if name in shape.by_lookup:
            return self._lookup(shape.by_lookup[name].name)
        if name in shape.derived:
            return shape.derived[name](self)
        raise AttributeError(f"'Project' hat kein Feld '{name}'")

    def _lookup(self, kind: str) -> dict[str, Any]:
        return self.once(("by id", kind), lambda: {model.id: model for model in self.content.get(kind, ())})

    def once(self, key: Hashable, make: Callable[[], V]) -> V:
        """`make()` the first time `key` is asked for on this project, then the same value: an
        index several pages need (which modules use a material) is built once, not once a page."""
        cache: dict[Hashable, Any] = self.__dict__.setdefault("_once", {})
        if key not in cache:
            cache[key] = make()
        value: V = cache[key]
        return value

    def all(self, model: type[T]) -> tuple[T, ...]:
        """Every record of the kind whose model is `model`, in the kind's order."""
        return self.content.get(self.shape.by_model[model].name, ())

    def by_id(self, model: type[T]) -> dict[str, T]:
        return self._lookup(self.shape.by_model[model].name)

    def one(self, model: type[T]) -> T | None:
        """The record of a single-file kind (the network map), or None when its file is absent."""
        models = self.all(model)
        return models[0] if models else None

    def has(self, *kinds: str) -> bool:
        """Whether any record of these kinds exists."""
        return any(self.content.get(kind) for kind in kinds)

    def with_content(self, **content: tuple[Any, ...]) -> Project:
        """A copy with some kinds' records replaced (an edition without internal contacts)."""
        return replace(self, content={**self.content, **content})

    @cached_property
    def referrers(self) -> dict[tuple[str, str, str], list[Any]]:
        """(referring kind, target kind, target id) → records naming it: what uses a module."""
        found: dict[tuple[str, str, str], list[Any]] = {}
        for kind in self.shape.kinds:
            for model in self.content.get(kind.name, ()):
                for reference in kind.references:
                    for _, value in values_at(model, reference.path):
                        entry = found.setdefault((kind.name, reference.target, value), [])
                        if not entry or entry[-1] is not model:
                            entry.append(model)
        return found

    def referring(self, kind: str, target: str, target_id: str) -> list[Any]:
        """The records of `kind` that refer to `target_id` of kind `target`."""
        return self.referrers.get((kind, target, target_id), [])


Location = tuple[str | int, ...]


def values_at(value: object, path: tuple[str, ...]) -> list[tuple[Location, str]]:
    """(location, value as text) of every value under `path` in a model; `*` walks a list."""
    return [(at, str(found)) for at, found in objects_at(value, path) if found is not None]


def objects_at(value: object, path: tuple[str, ...], at: Location = ()) -> list[tuple[Location, Any]]:
    """(location, object) of every value under `path` in a model; `*` walks a list, a missing field is None."""
    if not path:
        return [(at, value)]
    head, rest = path[0], path[1:]
    if head == "*":
        return [found for index, item in enumerate(value if isinstance(value, list) else [])
                for found in objects_at(item, rest, (*at, index))]
    return objects_at(getattr(value, head, None), rest, (*at, head))
