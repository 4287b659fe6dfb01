"""A deliberately broken project: the exact list of (file, line, message), from the CLI too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builders import FIXTURES, REPO

from engine.portal import load_project, read_sources

#: (file, line, code) of every problem; the German wording is in golden/problems.txt.
EXPECTED = [
    ("contacts/alias.yml", 3, "yaml.alias"),
    ("contacts/amt.yml", 6, "field.string-pattern-mismatch"),
    ("contacts/amt.yml", 7, "field.string-pattern-mismatch"),
    ("contacts/amt.yml", 8, "field.string-pattern-mismatch"),
    ("contacts/amt.yml", 9, "field.date-format"),
    ("contacts/latin.yml", 2, "file.not-utf8"),
    ("contacts/syntax.yml", 2, "yaml.syntax"),
    ("contacts/unsafe.yml", 2, "yaml.tag-refused"),
    ("curriculum/courses/kurs.yml", 4, "reference.unknown"),
    # M04 cannot be read, but its file name promises it: only its own error is reported.
    ("curriculum/courses/kurs.yml", 9, "reference.unknown"),
    ("curriculum/deliveries/reihenfolge.yml", 4, "field.dates-order"),
    ("curriculum/deliveries/unbekannter-kurs.yml", 2, "reference.unknown"),
    ("curriculum/modules/M02-mitte.md", 4, "field.string-type"),
    ("curriculum/modules/M02-mitte.md", 5, "field.multiple-of"),
    ("curriculum/modules/M02-mitte.md", 8, "field.too-short"),
    ("curriculum/modules/M02-mitte.md", 9, "field.extra-forbidden"),
    ("curriculum/modules/M02-mitte.md", 10, "field.date-invalid"),
    ("curriculum/modules/M02-mitte.md", 12, "field.plan-minutes"),
    ("curriculum/modules/M03-ende.md", 6, "reference.cycle"),
    ("curriculum/modules/M04-kein-steckbrief.md", 1, "front-matter.missing"),
    ("curriculum/modules/M05-doppelt.md", 2, "id.file-name"),
    ("curriculum/modules/M05-doppelt.md", 2, "id.duplicate"),
    ("role_profiles/helferin.yml", 8, "role.required-and-optional"),
    ("role_profiles/helferin.yml", 10, "vocabulary.unknown"),
]


def reported() -> list[str]:
    """The check's report on the broken fixture, as an editor reads it (also in golden/problems.txt)."""
    completed = subprocess.run([sys.executable, "-m", "engine", "--root", str(FIXTURES / "broken"), "check"],
                               capture_output=True, text=True, check=False, cwd=REPO)
    assert completed.returncode == 1
    assert "Traceback" not in completed.stdout + completed.stderr
    return completed.stderr.splitlines()


def test_broken_project_reports_exactly_these_problems() -> None:
    _, problems = load_project(read_sources(FIXTURES / "broken"))
    assert [(problem.path, problem.line, problem.code) for problem in problems] == EXPECTED


def test_check_command_prints_each_at_its_file_and_line_and_exits_1() -> None:
    lines = reported()
    assert [line.split(": ", 1)[0] for line in lines[:-1]] == [f"{path}:{line}" for path, line, _ in EXPECTED]
    assert lines[-1] == f"{len(EXPECTED)} Fehler gefunden."


def test_unsafe_tag_in_the_fixture_did_not_run() -> None:
    assert not Path("/tmp/qp-pwned").exists()


def test_mkdocs_build_fails_with_the_same_list_and_writes_nothing(tmp_path: Path) -> None:
    from builders import build, make_project

    result = build(make_project("broken", tmp_path / "broken"), tmp_path / "site")
    assert result.returncode != 0
    lines = reported()[:-1]
    assert [line for line in lines if line in result.output] == lines
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()
    assert not (tmp_path / ".site.partial").exists()
