"""JSON Schemas for editors' tools, generated from the content model and the programme.

Fields marked with `Vocabulary` get the programme's entries as an enum, so an editor's tool
offers exactly what `programme.yml` allows; `./qp schema` writes them again after a change.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from engine.core.programme import Programme
from engine.features.city.model import Dossier, HelpPath, Indicators, Network
from engine.features.contacts.model import Contact
from engine.features.courses.model import Course
from engine.features.curriculum.model import Glossary, ModuleMeta, RoleProfile
from engine.features.forms.model import Form

#: Schema file name → the model it describes (module files: their front matter).
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "programme.schema.json": Programme,
    "module.schema.json": ModuleMeta,
    "role_profile.schema.json": RoleProfile,
    "course.schema.json": Course,
    "contact.schema.json": Contact,
    "glossary.schema.json": Glossary,
    "form.schema.json": Form,
    "help_path.schema.json": HelpPath,
    "network.schema.json": Network,
    "indicators.schema.json": Indicators,
    "dossier.schema.json": Dossier,
}


def render_schemas(programme: Programme) -> dict[str, str]:
    """Each schema file's text, stable so that a drift test can compare it byte for byte."""
    out = {}
    for name, model in SCHEMA_MODELS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        _fill_vocabularies(schema, programme)
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


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
