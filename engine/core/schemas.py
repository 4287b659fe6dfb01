"""JSON Schemas for editors' tools, generated from the content model and the programme.

Fields marked with `Vocabulary` get the programme's entries as an enum, so an editor's tool
offers exactly what `programme.yml` allows; `./qp schema` writes them again after a change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from engine.core.kinds import Kind
from engine.core.programme import Programme


def schema_files(kinds: Iterable[Kind]) -> dict[str, Kind]:
    """Schema file name → the kind it describes, for every kind that declares one."""
    return {kind.schema: kind for kind in kinds if kind.schema}


def render_schemas(programme: Programme, kinds: Iterable[Kind]) -> dict[str, str]:
    """Each schema file's text, stable so that a drift test can compare it byte for byte."""
    out = {}
    for name, kind in schema_files(kinds).items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **kind.schema_of.model_json_schema()}
        _fill_vocabularies(schema, programme)
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def editor_settings(kinds: Iterable[Kind]) -> dict[str, str | list[str]]:
    """The `yaml.schemas` mapping of `.vscode/settings.json`: each schema → the files it describes."""
    mapping: dict[str, str | list[str]] = {}
    for name, kind in schema_files(kinds).items():
        globs = [glob for glob in kind.globs if not glob.endswith(".md")]
        if globs:
            mapping[f"./schemas/{name}"] = globs[0] if len(globs) == 1 else globs
    return mapping


def _fill_vocabularies(node: Any, programme: Programme) -> None:
    """Replace each `x-vocabulary` marker by the programme's ids as an enum."""
    if isinstance(node, dict):
        vocabulary = node.pop("x-vocabulary", None)
        if vocabulary is not None:
            node.pop("pattern", None)  # the enum says more than the slug pattern
            node["enum"] = programme.ids(vocabulary)
            labels = "; ".join(f"{entry_id} = {programme.label(vocabulary, entry_id)}"
                               for entry_id in programme.ids(vocabulary))
            node["description"] = f"{node.get('description', '')} ({labels})".strip()
        for value in node.values():
            _fill_vocabularies(value, programme)
    elif isinstance(node, list):
        for item in node:
            _fill_vocabularies(item, programme)
