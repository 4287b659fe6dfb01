"""The engine serves any programme: a second one builds completely and shows nothing of ours."""

from __future__ import annotations

import re
from pathlib import Path

from builders import REPO, BuildResult, build, everything_published, make_project, pdf_text, table_rows, visible_text

#: Names of our own programme that must never appear in the engine.
OUR_NAMES = re.compile(r"QuartierPflege|Leipzig|Halle|Sachsen|Sachsen-Anhalt|Dresden", re.IGNORECASE)
ENGINE = REPO / "engine"


def test_no_engine_file_names_our_programme() -> None:
    hits = [f"{path.relative_to(REPO)}:{number}: {line.strip()}"
            for path in sorted(ENGINE.rglob("*")) if path.is_file() and path.suffix in (".py", ".j2", ".css")
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if OUR_NAMES.search(line)]
    assert hits == []


def test_the_name_check_would_find_a_name() -> None:
    assert OUR_NAMES.search('title="Curriculum QuartierPflege"')
    assert OUR_NAMES.search("Sachsen-Anhalt (Halle)")


def test_second_programme_shows_its_own_name_rules_and_units(solo: BuildResult) -> None:
    home = solo.page("index.html")
    assert "<title>Gemeinsam im Viertel Beispielheim</title>" in home
    assert "Das Curriculum hat 3 Module mit 4,5 UE zu je 60 Minuten" in visible_text(home)
    module = visible_text(solo.page("module/m02.html"))
    assert "Dauer 1,5 UE (90 Min.)" in module  # its units are an hour long
    assert "Kernmodul für Anerkennung durch die Stadt Beispielheim" in module
    rule = visible_text(solo.page("module/anerkennung.html"))
    assert "Richtlinie Besuchsdienste der Stadt Beispielheim (Stand: 01.03.2026)" in rule
    assert "höchstens 20 Stunden im Monat" in rule
    course = visible_text(solo.page("kurse/besuchskurs.html"))
    assert "Die Regel ist erfüllt: 4,5 UE Unterricht, verlangt sind mindestens 4 UE und alle Kernmodule." in course
    assert "Umfang 4,5 UE (270 Min.) Unterricht an 2 Tagen" in course  # hour-long units: 4,5 UE = 270 minutes
    roles = visible_text(solo.page("rollen/index.html"))
    assert "(1 Rolle)" in roles and "Ehrenamt ohne Vergütung" in roles
    contacts = visible_text(solo.page("kontakte/index.html"))
    assert "Treffpunkt im Viertel" in contacts and "Besuchsdienst" in contacts


def test_second_programme_handouts_carry_its_name(solo: BuildResult) -> None:
    book = solo.site / "handouts" / "curriculum.pdf"
    text = pdf_text(book)
    assert "Curriculum Gemeinsam im Viertel" in text
    assert "3 Module, 4,5 UE" in text
    import pypdf

    assert pypdf.PdfReader(book).metadata.get("/Author") == "Stadtteilverein Beispielheim e.V."
    assert "SOLO-TRAINERHINWEIS" in pdf_text(solo.site / "handouts" / "modul-m01-trainer.pdf")
    assert "SOLO-TRAINERHINWEIS" not in pdf_text(solo.site / "handouts" / "modul-m01.pdf")


def test_second_programme_has_no_trace_of_ours(solo: BuildResult) -> None:
    published = everything_published(solo.site)
    found = sorted({match.group() for match in OUR_NAMES.finditer(published)})
    assert found == []


def test_a_programme_without_rules_shows_none(tmp_path: Path) -> None:
    """No recognition rules: no rule column, no 'Anerkennung' facts, no recognition page."""
    project = make_project("solo", tmp_path / "project")
    programme = (project / "programme.yml").read_text(encoding="utf-8")
    (project / "programme.yml").write_text(programme.split("recognition:")[0], encoding="utf-8")
    course = project / "curriculum" / "courses" / "besuchskurs.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("recognition: stadt-beispielheim\n", ""),
                      encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Start\n\nSiehe die [Module](module/index.md).\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert table_rows(result.page("module/index.html"))[0] == ["Modul", "Titel", "Dauer"]
    assert "Anerkennung" not in visible_text(result.page("module/m01.html"))
    assert not (result.site / "module" / "anerkennung.html").exists()
