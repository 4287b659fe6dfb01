"""Module step plans: the module page and trainer PDF print them, `check` finds a slot without a
fitting plan, and the run sheet prints per day an overview page, then each block's fitting steps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builders import BuildResult, make_project, pdf_text, table_rows
from run_sheets import RunSheet, day_pages, near_empty_pages, run_sheets

from engine.portal import check_project

SHORT_COURSE = """\
id: kurzkurs
title: Kurzkurs Test
summary: Ein Kurs mit einer Kurzfassung.
audience: [helferin]
days:
  - start: "09:00"
    blocks:
      - module: M01
        minutes: 45
      - break: 15
      - module: M02
        minutes: 30
  - start: "14:00"
    blocks:
      - activity: Ankommen
        minutes: 10
      - module: M02
version: "1.0"
updated: 2026-11-01
"""


def problems(project: Path) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.code, p.message) for p in check_project(project)[1] if not p.warning]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_module_page_prints_the_full_plan_and_each_short_one_in_the_trainer_part(tiny_site: BuildResult) -> None:
    page = tiny_site.page("module/m01.html")
    details = re.search(r"<details class=\"info\">(.*?)</details>", page, re.S)
    assert details is not None
    trainer = details.group(1)
    assert trainer.index("Ablauf 90 Minuten") < trainer.index("Kurzfassung 45 Minuten") < trainer.index(
        "GEHEIMER-TRAINERHINWEIS")
    rows = table_rows(trainer)
    assert rows[0] == ["Minuten", "Inhalt", "Methode", "Material"]
    assert rows[1] == ["15", "Einstieg: Wo helfen Sie schon heute?", "Kurzvortrag", "Flipchart mit Papier und Stiften"]
    assert ["90", "Gesamt", "", ""] in rows and ["45", "Gesamt", "", ""] in rows
    assert "Die Teilnehmenden lesen selbst nach: den Abschnitt „Worum es geht“." in re.sub(r"<[^>]+>", "", trainer)
    assert "KURZSCHRITT" not in page[:details.start()]  # the plans stay in the trainer part


def test_trainer_pdf_prints_the_plans_the_participants_pdf_does_not(tiny_site: BuildResult) -> None:
    trainer = pdf_text(tiny_site.site / "handouts" / "modul-m01-trainer.pdf")
    assert "Ablauf 90 Minuten" in trainer and "Kurzfassung 45 Minuten" in trainer
    assert "KURZSCHRITT" in trainer
    participant = pdf_text(tiny_site.site / "handouts" / "modul-m01.pdf")
    assert "KURZSCHRITT" not in participant and "Kurzfassung 45 Minuten" not in participant


def test_a_slot_without_a_fitting_plan_is_reported_at_its_block(tiny: Path) -> None:
    course = tiny / "curriculum/courses/grundkurs.yml"
    edit(course, "      - module: M01\n", "      - module: M01\n        minutes: 60\n")
    found = [p for p in problems(tiny) if p[2] == "course.no-fitting-plan"]
    assert found == [(
        "curriculum/courses/grundkurs.yml", 18, "course.no-fitting-plan",
        "der Kurs unterrichtet „Grundlagen der Nachbarschaftshilfe“ 60 Min. lang, das Modul hat Ablaufpläne nur "
        "für 90 und 45\u00a0Min.; geben Sie dem Modul einen Plan mit 'minutes: 60' oder ändern Sie 'minutes' "
        "der Blöcke auf eine vorhandene Länge")]


def test_a_split_inside_a_step_is_reported_at_the_later_block(tiny: Path) -> None:
    edit(tiny / "curriculum/courses/grundkurs.yml", "        minutes: 30\n", "        minutes: 25\n")
    assert [(p[1], p[2]) for p in problems(tiny)] == [(25, "course.plan-split-mid-step")]
    assert "(die Schritte enden nach 10, 30, 60 und 68 Min.)" in problems(tiny)[0][3]


def test_every_module_needs_its_full_plan_once_any_module_has_plans(tiny: Path) -> None:
    module = tiny / "curriculum/modules/M02-demenz.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(re.sub(r"plans:\n(  .*\n)+", "", text), encoding="utf-8")
    found = problems(tiny)
    assert [(p[0], p[1], p[2]) for p in found] == [
        ("curriculum/courses/grundkurs.yml", 20, "course.no-fitting-plan"),
        ("curriculum/modules/M02-demenz.md", 5, "module.plan-full-missing")]
    assert found[1][3].startswith("„Demenz <verstehen> & begleiten“ hat keinen Ablaufplan für seine volle Länge "
                                  "von 68 Min. (vorhanden: keine)")


def test_without_any_plan_nothing_is_required(tiny: Path) -> None:
    for module in (tiny / "curriculum/modules").glob("*.md"):
        text = module.read_text(encoding="utf-8")
        module.write_text(re.sub(r"plans:\n(  .*\n)+", "", text), encoding="utf-8")
    assert problems(tiny) == []


def test_a_plan_longer_than_the_module_or_a_length_twice(tiny: Path) -> None:
    module = tiny / "curriculum/modules/M01-grundlagen.md"
    edit(module, "  - minutes: 45\n    steps:\n", "  - minutes: 90\n    steps:\n      - {minutes: 45, content: "
                                                  "Mehr, method: Kurzvortrag}\n")
    edit(module, "plans:\n", "plans:\n  - minutes: 100\n    steps:\n      - {minutes: 100, content: Alles, "
                             "method: Kurzvortrag}\n")
    assert [(p[1], p[2]) for p in problems(tiny)] == [(21, "module.plan-too-long"), (30, "module.plan-twice")]


@pytest.fixture(scope="module")
def short_sheets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RunSheet]:
    project = make_project("tiny", tmp_path_factory.mktemp("plans") / "project")
    (project / "curriculum/courses/kurzkurs.yml").write_text(SHORT_COURSE, encoding="utf-8")
    return run_sheets(project)


def test_run_sheet_opens_each_day_with_its_overview_and_has_no_near_empty_page(
        short_sheets: dict[str, RunSheet]) -> None:
    for sheet in short_sheets.values():
        assert sheet.landscape
        assert near_empty_pages(sheet) == [], sheet.pages
    sheet = short_sheets["kurzkurs"]
    assert day_pages(sheet)[0] == 1 and len(day_pages(sheet)) == 2
    first_day = sheet.pages[0]
    for cells in ("09:00–09:45 1 M01 · Grundlagen der Nachbarschaftshilfe gekürzt: 45 von 90 Min.",
                  "09:45–10:00 2 Pause", "10:00–10:30 3 M02 · Demenz <verstehen> & begleiten (Teil 1 von 2)"):
        assert cells in first_day
    assert "Tag 2 · 14:00–14:48 Uhr: Überblick" in sheet.pages[day_pages(sheet)[1] - 1]


def test_run_sheet_prints_the_short_plan_of_a_shortened_block_with_clock_times(
        short_sheets: dict[str, RunSheet]) -> None:
    text = " ".join(short_sheets["kurzkurs"].pages)
    assert "Block 1 · M01 Grundlagen der Nachbarschaftshilfe · Kurzfassung 45 Minuten" in text
    assert "09:00–09:15 15 Worum es geht – die Grenze zur Pflege zuerst" in text
    assert "09:40–09:45 5 Das Wichtigste in Kürze" in text
    assert "KURZSCHRITT" in text and "Einstieg: Wo helfen Sie schon heute?" not in text
    assert "Die Teilnehmenden lesen selbst nach: den Abschnitt „Worum es geht“." in text
    # M02 is split: its first block takes the steps up to 30 minutes, the second the rest, on its own clock.
    assert "10:00–10:10 10 Einstieg mit Erfahrungen der Gruppe" in text
    assert "14:10–14:40 30 Wertschätzend reagieren an Beispielen" in text
    assert "14:40–14:48 8 Fragen und Abschluss" in text  # the day has 37,5 minutes left: the last step ends with it
    full = " ".join(short_sheets["grundkurs"].pages)
    assert "Einstieg: Wo helfen Sie schon heute?" in full and "KURZSCHRITT" not in full
