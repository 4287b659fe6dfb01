"""Validate parsed YAML against a content model and explain each error in German.

pydantic's error locations are mapped back to file lines through the YAML line map.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from engine.core.fields import PATTERN_HINTS
from engine.core.problems import Problem
from engine.core.yamlsource import Parsed, dotted

M = TypeVar("M", bound=BaseModel)
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


def validate(model: type[M], parsed: Parsed, path: str, first_line: int,
             extra: dict[str, Any] | None = None) -> tuple[M | None, list[Problem]]:
    """Validate `parsed.value` (plus `extra` fields not written by the editor) as `model`."""
    value = parsed.value
    if not isinstance(value, dict):
        kind = "leer" if value is None else f"ein {_type_name(value)}"
        return None, [Problem(path, first_line, "",
                              f"erwartet werden Felder der Form 'name: Wert', die Datei ist aber {kind}",
                              code="file.not-a-mapping")]
    try:
        return model.model_validate({**value, **(extra or {})}), []
    except ValidationError as error:
        problems = [_problem(model, detail, parsed, path, first_line) for detail in error.errors()]
        return None, problems


def _problem(model: type[BaseModel], detail: ErrorDetails, parsed: Parsed, path: str,
             first_line: int) -> Problem:
    loc = tuple(part for part in detail["loc"] if not _is_union_branch(part))
    line = parsed.line_of(loc, first_line)
    return Problem(path, line, dotted(loc), explain(model, detail, loc),
                   code=f"field.{detail['type'].replace('_', '-')}")


def _is_union_branch(part: str | int) -> bool:
    # pydantic adds the branch name of `X | None` unions to the location, e.g. 'str'.
    return isinstance(part, str) and (part.startswith("function-") or part in ("str", "date"))


def explain(model: type[BaseModel], detail: ErrorDetails, loc: tuple[str | int, ...]) -> str:
    """A German message for one pydantic error, saying what would be right."""
    kind = detail["type"]
    ctx = detail.get("ctx", {})
    value = detail.get("input")
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"Pflichtfeld '{name}' fehlt; ergänzen Sie eine Zeile '{name}: …'"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        guess = f"meinten Sie '{close[0]}'? " if close else ""
        return f"unbekanntes Feld '{name}'; {guess}erlaubt sind: {', '.join(allowed)}"
    if kind == "string_type" and value is None:
        return f"'{name}' ist leer; tragen Sie einen Text ein (erfinden Sie nichts: fragen Sie nach)"
    if kind == "string_type" and isinstance(value, (list, dict)):
        return f"Text erwartet, gefunden: {_type_name(value)} {_show(value)}"
    if kind == "string_type":
        # A list item has no field name of its own: the example is the item line itself.
        example = f'- "{value}"' if loc and isinstance(loc[-1], int) else f'{name}: "{value}"'
        return (f"Text erwartet, gefunden: {_show(value)} ({_type_name(value)}); "
                f"setzen Sie den Wert in Anführungszeichen, z. B. {example}")
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"):
        if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
            dotted_value = value.strip().replace(",", ".")
            return (f"'{value}' ist in YAML keine Zahl: Dezimalzahlen schreiben Sie mit Punkt statt Komma, "
                    f"also {name}: {dotted_value}")
        return f"Zahl erwartet, gefunden: {_show(value)}"
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return (f"zu lang: {len(value) if isinstance(value, str) else '?'} Zeichen, erlaubt sind höchstens {limit}; "
                "kürzen Sie den Text (ausführliche Erklärungen gehören in den Lehrtext)")
    if kind == "multiple_of":
        step = str(ctx.get("multiple_of"))
        return (f"{_show(value)} geht nicht: nur Schritte von {step.replace('.', ',')} sind möglich "
                f"(in YAML mit Punkt geschrieben, z. B. 1.5)")
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {"greater_than": "größer als", "greater_than_equal": "mindestens",
                 "less_than": "kleiner als", "less_than_equal": "höchstens"}[kind]
        limit = next(iter(ctx.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)  # a limit of 0 for a decimal field reads "0", not "0.0"
        return f"{_show(value)} geht nicht: der Wert muss {bound} {limit} sein"
    if kind == "list_type":
        return f"Liste erwartet, gefunden: {_show(value)}; schreiben Sie [A, B] oder je Eintrag eine Zeile '- A'"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"erwartet werden Felder der Form 'name: Wert', gefunden: {_show(value)}"
    if kind == "too_short":
        return "mindestens ein Eintrag ist nötig"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(str(ctx.get("pattern")), f"erwartet wird das Muster {ctx.get('pattern')}")
        return f"'{value}' passt nicht: {hint}"
    if kind == "string_too_short":
        return "darf nicht leer sein"
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", " oder ")
        return f"ungültiger Wert {_show(value)}; erlaubt sind: {expected}"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"ja/nein-Wert erwartet (true oder false), gefunden: {_show(value)}"
    if kind == "frozen_instance":
        return "dieser Wert darf nicht geändert werden"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])  # a model's own check, already in German; without pydantic's „Value error, “
    # Our own constrained types already carry German messages.
    return str(detail["msg"])


def _allowed_fields(model: type[BaseModel], parent: tuple[str | int, ...]) -> list[str]:
    """Field names allowed at `parent` inside `model`, for the did-you-mean hint."""
    current: Any = model
    for part in parent:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
        if current is None:
            return []
    return [info.alias or name for name, info in current.model_fields.items() if name != "body"]


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _type_name(value: Any) -> str:
    return {dict: "Abschnitt", list: "Liste", str: "Text", int: "Zahl", float: "Zahl",
            bool: "ja/nein-Wert", type(None): "leerer Wert"}.get(type(value), type(value).__name__)
