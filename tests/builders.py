"""Builders for the tests: copy a fixture project next to the real configuration, build it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

FIXTURE_NAV = [
    {"Start": "index.md"},
    {"Curriculum": "module/"},
    {"Qualifikationsmatrix": "qualifikationsmatrix.md"},
    {"Kurse": "kurse/"},
    {"Rollen": "rollen/"},
    {"Kontakte": "kontakte/index.md"},
    {"Glossar": "glossar.md"},
]


@dataclass(frozen=True)
class BuildResult:
    """What a reader (or an editor) would see of one `mkdocs build`."""

    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def make_project(fixture: str, destination: Path) -> Path:
    """A buildable project from `tests/fixtures/<fixture>` with the real theme set-up."""
    shutil.copytree(FIXTURES / fixture, destination)
    shutil.copytree(REPO / "docs" / "assets", destination / "docs" / "assets")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = FIXTURE_NAV
    config["hooks"] = [str(REPO / "macros" / "mkdocs_hooks.py")]
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return destination


def build(project: Path, site: Path, *, internal: bool = False) -> BuildResult:
    """Run `mkdocs build --strict` as an editor would, into `site`."""
    env = {**os.environ, "QP_EDITION": "internal" if internal else "public"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site)],
        env=env, capture_output=True, text=True, check=False, cwd=project,
    )
    edition_site = site.with_name(f"{site.name}-intern") if internal else site
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, edition_site)
