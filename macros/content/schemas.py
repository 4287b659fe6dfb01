"""JSON Schemas for editors' tools, generated from the content model."""

from __future__ import annotations

import json

from pydantic import BaseModel

from macros.content.model import Contact, Course, Glossary, ModuleMeta, RoleProfile

#: Schema file name → the model it describes (module files: their front matter).
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "module.schema.json": ModuleMeta,
    "role_profile.schema.json": RoleProfile,
    "course.schema.json": Course,
    "contact.schema.json": Contact,
    "glossary.schema.json": Glossary,
}


def render_schemas() -> dict[str, str]:
    """Each schema file's text, stable so that a drift test can compare it byte for byte."""
    out = {}
    for name, model in SCHEMA_MODELS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  **model.model_json_schema()}
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
