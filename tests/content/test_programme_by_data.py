"""Another city's editor finishes by data alone: copies of our programme with parts of the data
removed pass `check` and the strict build with no edit to `mkdocs.yml` — the generated pages
and their navigation entries go with their data, and the hand-written pages link only to what exists."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from builders import REPO, visible_text

CONTENT = ("programme.yml", "facts.yml", "mkdocs.yml", "docs", "curriculum", "role_profiles", "contacts", "city",
           "answers")


def copy_of_ours(destination: Path, *removed: str) -> Path:
    destination.mkdir()
    for name in CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    for name in removed:
        path = destination / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return destination


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(cwd)})


@pytest.mark.parametrize("removed", [("city/wirkung.yml", "city/dossier.yml"), ("curriculum/forms",)],
                         ids=["without-impact-and-dossier", "without-forms"])
def test_a_copy_without_some_data_checks_and_builds(tmp_path: Path, removed: tuple[str, ...]) -> None:
    project = copy_of_ours(tmp_path / "project", *removed)
    checked = run("-m", "engine", "--root", str(project), "check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert re.search(r": (alles in Ordnung|keine Fehler, \d+ Warnungen?) – ", checked.stdout), checked.stdout
    built = run("-m", "engine", "--root", str(project), "build", "--no-handouts", "--site-dir", str(tmp_path / "site"),
                cwd=project)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    home = visible_text((tmp_path / "site/stadt/index.html").read_text(encoding="utf-8"))
    if "city/dossier.yml" in removed:
        assert "Dossier für die Stadt" not in home and "Wegweiser" in home
    else:
        assert "Dossier für die Stadt" in home


def test_a_copy_without_the_city_builds_with_plain_mkdocs(tmp_path: Path) -> None:
    project = copy_of_ours(tmp_path / "project", "city")
    checked = run("-m", "engine", "--root", str(project), "check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    built = run("-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    assert not (tmp_path / "site/stadt/wegweiser").exists()
    city_home = visible_text((tmp_path / "site/stadt/index.html").read_text(encoding="utf-8"))
    assert "Werkzeuge für Verwaltung" not in city_home and "Warum die Stadt gefragt ist" in city_home
    assert (tmp_path / "site/handouts").is_dir()
