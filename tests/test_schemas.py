"""The JSON Schemas for editors are generated from the models and referenced by every file."""

from __future__ import annotations

import json

import pytest
from builders import REPO

from macros.content.loading import kind_of
from macros.content.schemas import render_schemas

MODELINE = "# yaml-language-server: $schema="
SCHEMA_OF_KIND = {"role": "role_profile", "course": "course", "contact": "contact", "glossary": "glossary"}


def test_committed_schemas_match_the_models() -> None:
    for name, text in render_schemas().items():
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} ist veraltet: python -m macros schema ausführen"


def test_schema_knows_the_fixed_vocabularies() -> None:
    contact = json.loads(render_schemas()["contact.schema.json"])
    assert "pflegeberatung" in contact["$defs"]["Topic"]["enum"]
    assert contact["additionalProperties"] is False
    module = json.loads(render_schemas()["module.schema.json"])
    assert module["properties"]["id"]["pattern"] == "^M\\d{2,4}$"
    assert "body" not in module["properties"]


@pytest.mark.parametrize("path", sorted(
    p.relative_to(REPO).as_posix() for p in REPO.glob("**/*.yml")
    if kind_of(p.relative_to(REPO).as_posix()) in SCHEMA_OF_KIND))
def test_every_yaml_file_points_to_its_schema(path: str) -> None:
    first = (REPO / path).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE), f"{path}: erste Zeile muss '{MODELINE}…' sein"
    schema = (REPO / path).parent / first.removeprefix(MODELINE)
    assert schema.resolve() == (REPO / "schemas" / f"{SCHEMA_OF_KIND[kind_of(path) or '']}.schema.json")
