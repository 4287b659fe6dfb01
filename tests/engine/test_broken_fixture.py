"""A deliberately broken project: the exact list of (file, line, message), from the CLI too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builders import FIXTURES, REPO

from engine.portal import load_project, read_sources

EXPECTED = [
    ("contacts/alias.yml", 3, "YAML-Verweise (*name) werden nicht unterstützt; schreiben Sie den Wert aus"),
    ("contacts/amt.yml", 6, "website: 'www.example.org' passt nicht: eine Webadresse beginnt mit https:// oder http://"),
    ("contacts/amt.yml", 7, "email: 'kein-at-zeichen' passt nicht: eine E-Mail-Adresse hat die Form name@beispiel.de"),
    ("contacts/amt.yml", 8, "phone: 'ruf mich an' passt nicht: eine Telefonnummer besteht aus Ziffern, Leerzeichen, "
                            "/ oder -, z. B. 0123 456789"),
    ("contacts/amt.yml", 9, "verified: Datum im Format JJJJ-MM-TT erwartet, z. B. 2026-11-23; gefunden: '01.11.2026'"),
    ("contacts/latin.yml", 2, "die Datei ist nicht UTF-8-kodiert (Byte 0xf6); speichern Sie sie im Editor als „UTF-8“"),
    ("contacts/syntax.yml", 2, "YAML-Syntaxfehler: ein Doppelpunkt mit Leerzeichen steht mitten im Text; setzen Sie "
                               "den Text in Anführungszeichen"),
    ("contacts/unsafe.yml", 2, "name: der YAML-Tag '!!python/object/apply:os.system' ist nicht erlaubt (er wird nie "
                               "ausgeführt); entfernen Sie ihn"),
    ("curriculum/courses/kurs.yml", 4, "audience[0]: unbekannte Rolle 'helferinn'; meinten Sie 'helferin'? "
                                       "bekannte IDs: helferin"),
    # M04 cannot be read, but its file name promises it: only its own error is reported.
    ("curriculum/courses/kurs.yml", 9, "days[0].blocks[1].module: unbekanntes Modul 'M07'; meinten Sie 'M04'? "
                                       "bekannte IDs: M01–M04"),
    ("curriculum/modules/M02-mitte.md", 4, 'version: Text erwartet, gefunden: 1.0 (Zahl); setzen Sie den Wert in '
                                           'Anführungszeichen, z. B. version: "1.0"'),
    ("curriculum/modules/M02-mitte.md", 5, "duration_ue: 1.25 geht nicht: nur Schritte von 0,5 sind möglich (in YAML "
                                           "mit Punkt geschrieben, z. B. 1.5)"),
    ("curriculum/modules/M02-mitte.md", 8, "key_points: mindestens ein Eintrag ist nötig"),
    ("curriculum/modules/M02-mitte.md", 9, "titel: unbekanntes Feld 'titel'; meinten Sie 'title'? erlaubt sind: id, "
                                           "title, version, duration_ue, target_roles, prerequisites, "
                                           "objectives, key_points, methods, materials, keywords, sources, updated"),
    ("curriculum/modules/M02-mitte.md", 10, "updated: '2026-02-30' ist kein gültiges Datum (Monat 01–12, Tag passend "
                                            "zum Monat)"),
    ("curriculum/modules/M03-ende.md", 6, "prerequisites[0]: die Voraussetzungen bilden einen Kreis: M01 → M03 → M01; "
                                          "entfernen Sie eine dieser Voraussetzungen"),
    ("curriculum/modules/M04-kein-steckbrief.md", 1, "der Steckbrief fehlt: die Datei muss mit einer Zeile '---' "
                                                     "beginnen, dann YAML, dann wieder '---'"),
    ("curriculum/modules/M05-doppelt.md", 2, "id: Dateiname passt nicht zur ID 'M03'; nennen Sie die Datei "
                                             "'M03-kurzname.md' oder korrigieren Sie die ID"),
    ("curriculum/modules/M05-doppelt.md", 2, "id: die ID 'M03' ist schon vergeben in "
                                             "curriculum/modules/M03-ende.md:2; wählen Sie eine neue"),
    ("role_profiles/helferin.yml", 8, "optional_modules[0]: 'M01' steht schon in required_modules; ein Modul ist "
                                      "entweder Pflicht oder Wahl"),
    ("role_profiles/helferin.yml", 10, "compensation[0].model: Vergütungsmodell 'trinkgeld' ist in programme.yml "
                                       "nicht festgelegt; erlaubt sind: ehrenamt, aufwandsentschaedigung. Ein neuer "
                                       "Wert wird unter 'compensation_models' in programme.yml ergänzt"),
]


def as_lines(expected: list[tuple[str, int, str]]) -> list[str]:
    return [f"{path}:{line}: {message}" for path, line, message in expected]


def test_broken_project_reports_exactly_these_problems() -> None:
    _, problems = load_project(read_sources(FIXTURES / "broken"))
    assert [str(problem) for problem in problems] == as_lines(EXPECTED)


def test_check_command_prints_them_and_exits_1_without_traceback() -> None:
    completed = subprocess.run([sys.executable, "-m", "engine", "--root", str(FIXTURES / "broken"), "check"],
                               capture_output=True, text=True, check=False, cwd=REPO)
    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [*as_lines(EXPECTED), f"{len(EXPECTED)} Fehler gefunden."]
    assert "Traceback" not in completed.stdout + completed.stderr


def test_unsafe_tag_in_the_fixture_did_not_run() -> None:
    assert not Path("/tmp/qp-pwned").exists()


def test_mkdocs_build_fails_with_the_same_list_and_writes_nothing(tmp_path: Path) -> None:
    from builders import build, make_project

    result = build(make_project("broken", tmp_path / "broken"), tmp_path / "site")
    assert result.returncode != 0
    reported = [line for line in as_lines(EXPECTED) if line in result.output]
    assert reported == as_lines(EXPECTED)
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()
    assert not (tmp_path / ".site.partial").exists()
