"""The shared schedule cases: Python must give exactly the times and messages written down.

The same file drives the course planner in Chromium (tests/content/test_planner.py), so the
browser and `check` cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engine.features.courses.catalogue import Catalogue
from engine.features.courses.model import Course
from engine.features.courses.plan import plan_summary

CASES = json.loads((Path(__file__).parent.parent / "courses" / "cases.json").read_text(encoding="utf-8"))


def as_course(case: dict[str, Any]) -> Course:
    return Course.model_validate({"id": "fall", "title": case["name"], "summary": "Testfall", "version": "1.0",
                                  "updated": "2026-11-27", **case["course"]})


@pytest.mark.parametrize("case", CASES["cases"], ids=[case["name"] for case in CASES["cases"]])
def test_python_gives_the_shared_expectation(case: dict[str, Any]) -> None:
    assert plan_summary(as_course(case), Catalogue.from_json(CASES["catalogue"])) == case["expect"]


def test_the_cases_cover_every_check() -> None:
    from engine.features.courses.checks import MESSAGES

    assert {code for case in CASES["cases"] for _, code, _, _ in case["expect"]["findings"]} == set(MESSAGES)


def test_the_cases_cover_every_recognition_verdict() -> None:
    """No rule, and met or not met for a basic course and for a refresher."""
    verdicts = {None if (r := case["expect"]["recognition"]) is None else (r["refresher"], r["met"])
                for case in CASES["cases"]}
    assert verdicts == {None, (False, True), (False, False), (True, True), (True, False)}
