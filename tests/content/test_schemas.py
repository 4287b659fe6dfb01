"""The JSON Schemas for editors are generated from the models and referenced by every file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import FIXTURES, REPO

from engine.core.programme import Programme
from engine.portal import editor_settings, kind_of, load_project, read_sources, render_schemas

MODELINE = "# yaml-language-server: $schema="
SCHEMA_OF_KIND = {"programme": "programme", "role": "role_profile", "course": "course", "contact": "contact",
                  "glossary": "glossary", "form": "form", "helppath": "help_path", "network": "network",
                  "indicators": "indicators", "dossier": "dossier", "funding": "funding"}


def _programme(root: Path) -> Programme:
    project, problems = load_project(read_sources(root))
    assert not problems
    return project.programme


def test_committed_schemas_match_the_models_and_the_programme() -> None:
    for name, text in render_schemas(_programme(REPO)).items():
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} ist veraltet: python -m engine schema ausführen"


def test_schema_offers_the_programmes_vocabularies() -> None:
    """Another programme's schema offers its own topics and rules, not ours."""
    schemas = render_schemas(_programme(FIXTURES / "solo"))
    contact = json.loads(schemas["contact.schema.json"])
    assert contact["properties"]["kind"]["enum"] == ["stadtverwaltung", "treffpunkt"]
    assert contact["properties"]["topics"]["items"]["enum"] == ["besuchsdienst", "beratung"]
    assert "pflegeberatung" not in schemas["contact.schema.json"]
    course = json.loads(schemas["course.schema.json"])
    assert course["properties"]["recognition"]["anyOf"][0]["enum"] == ["stadt-beispielheim"]
    assert contact["additionalProperties"] is False
    module = json.loads(schemas["module.schema.json"])
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


def test_editor_settings_map_every_declared_kind_to_its_schema() -> None:
    """`.vscode/settings.json` is derived from the registry (`./qp schema` writes it)."""
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == editor_settings(), "python -m engine schema ausführen"
    assert all((REPO / schema).is_file() for schema in settings["yaml.schemas"])
