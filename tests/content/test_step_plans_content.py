"""Our modules' step plans and our courses' run sheets (issue 19, items 1 and 2).

Every module has a plan for its full length and one for each length a course teaches it; the
steps use the module's own methods; the run sheets open each day with its overview, carry no
near-empty page, and print the short plan for a shortened block, never the full one.
"""

from __future__ import annotations

import pytest
from builders import REPO
from run_sheets import RunSheet, day_pages, near_empty_pages, run_sheets

from engine.core.formatting import minutes
from engine.features.courses.plan import plan_course
from engine.features.courses.step_plans import course_block_steps
from engine.features.curriculum.model import Module
from engine.features.curriculum.plans import plan_for
from engine.portal import load_checked

PROJECT = load_checked(REPO)
UNIT = PROJECT.programme.teaching_unit_minutes


@pytest.mark.parametrize("module", PROJECT.modules, ids=lambda module: module.id)
def test_each_module_has_its_full_plan_and_steps_in_its_own_methods(module: Module) -> None:
    assert plan_for(module, minutes(module.duration_ue, UNIT)), "kein Plan für die volle Länge"
    for plan in module.plans:
        for step in plan.steps:
            assert any(step.method.startswith(method) for method in module.methods), (
                f"Plan {plan.minutes} Min.: Methode „{step.method}“ beginnt mit keiner der Methoden des "
                f"Moduls ({', '.join(module.methods)})")
            assert len(step.content) >= 10, f"Plan {plan.minutes} Min.: zu knapp: {step.content}"
        if plan.minutes < minutes(module.duration_ue, UNIT):
            assert plan.self_study, f"Kurzfassung {plan.minutes} Min.: es fehlt, was sie auslässt (self_study)"


def test_every_block_of_our_courses_has_its_plan() -> None:
    for course in PROJECT.courses:
        for block in course_block_steps(plan_course(PROJECT, course), UNIT):
            assert block.plan is not None and block.steps, (course.id, block.module.id, block.taught)
            assert not block.split_mid_step, (course.id, block.module.id)
            assert block.steps[-1].end <= block.slot.end + 1e-9


@pytest.fixture(scope="module")
def sheets() -> dict[str, RunSheet]:
    return run_sheets(REPO)


def test_run_sheets_open_each_day_with_its_overview_and_have_no_near_empty_page(
        sheets: dict[str, RunSheet]) -> None:
    assert set(sheets) == {course.id for course in PROJECT.courses}
    for course in PROJECT.courses:
        sheet = sheets[course.id]
        assert sheet.landscape
        assert near_empty_pages(sheet) == [], (course.id, [len(text) for text in sheet.pages])
        days = day_pages(sheet)
        assert len(days) == len(course.days) and days[0] == 1, (course.id, days)
        # The overview of a day is one page: the next page already prints the day's first block.
        for page in days:
            assert "· Block " in sheet.pages[page], (course.id, page)


def test_a_shortened_block_prints_its_short_plan(sheets: dict[str, RunSheet]) -> None:
    text = " ".join(sheets["grundkurs-sachsen"].pages)
    m01 = PROJECT.module_by_id["M01"]
    short, full = plan_for(m01, 45), plan_for(m01, 90)
    assert short and full
    assert "M01 Rolle, Quartier und Sorgende Gemeinschaft · Kurzfassung 45 Minuten" in text
    assert short.steps[0].content[:40] in text
    only_full = [step.content for step in full.steps if step.content not in {s.content for s in short.steps}]
    assert only_full and not [content for content in only_full if content[:40] in text]
    # A module split over two blocks takes its 90-minute plan's steps in turn.
    assert text.count("M06 Demenz verstehen und begleiten (Teil") == 2
    assert "Kurzfassung 90 Minuten" in text and "dicken Handschuhen" not in text
