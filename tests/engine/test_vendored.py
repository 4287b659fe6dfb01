"""Vendored browser libraries: committed under engine/assets/vendor/, exactly npm's files at the locked version.

The site never reads node_modules/ at build time; these tests (after `npm ci`, which `./qp test`
runs first) make sure the committed copy is what package-lock.json pins, so an update is
`npm install --save-exact js-yaml@X`, copying the two files, and nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.core.assets import ASSETS
from engine.features.courses.urls import PLANNER_SCRIPTS, VENDOR_LICENSES

REPO = Path(__file__).resolve().parent.parent.parent
PACKAGE = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
LOCK = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
#: Vendored package → (its file in node_modules, the committed copy), licence included.
VENDORED = {"js-yaml": [("dist/js-yaml.min.js", "vendor/js-yaml/js-yaml.min.js"),
                        ("LICENSE", "vendor/js-yaml/LICENSE")]}


@pytest.mark.parametrize("name", sorted(VENDORED))
def test_the_vendored_package_is_a_pinned_runtime_dependency(name: str) -> None:
    version = PACKAGE["dependencies"][name]
    assert version[0].isdigit(), f"{name} is pinned exactly, not {version}"
    assert LOCK["packages"][""]["dependencies"][name] == version
    locked = LOCK["packages"][f"node_modules/{name}"]
    assert locked["version"] == version and not locked.get("dev")


@pytest.mark.parametrize("name", sorted(VENDORED))
def test_the_vendored_files_are_npms_at_the_locked_version(name: str) -> None:
    installed = REPO / "node_modules" / name
    assert (installed / "package.json").is_file(), "run `npm ci` (./qp test does) before the tests"
    version = json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"]
    assert version == LOCK["packages"][f"node_modules/{name}"]["version"], "node_modules is not the locked version"
    for source, copy in VENDORED[name]:
        assert (ASSETS / copy).read_bytes() == (installed / source).read_bytes(), f"{copy}: copy {name}/{source} again"
    assert f"{name} {version} " in (ASSETS / VENDORED[name][0][1]).read_text(encoding="utf-8")[:200]


def test_every_vendored_file_is_published() -> None:
    published = {asset.source for asset in (*PLANNER_SCRIPTS, *VENDOR_LICENSES)}
    assert {ASSETS / copy for files in VENDORED.values() for _, copy in files} <= published
    assert {path for path in (ASSETS / "vendor").rglob("*") if path.is_file()} <= published
