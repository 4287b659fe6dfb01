"""The shared cases of rosters, certificates and sign-in sheets: Python must give exactly what is written down.

The same file drives the page „Kursunterlagen drucken“ in Chromium (tests/engine/test_course_documents.py),
so the certificates made in the browser and by `./qp certificates` follow one set of rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engine.features.courses.catalogue import Catalogue
from engine.features.courses.certificates import GAP_MESSAGES
from engine.features.courses.documents import documents_summary
from engine.features.courses.model import Course
from engine.features.courses.roster import MESSAGES

CASES = json.loads((Path(__file__).parent.parent / "courses" / "documents.json").read_text(encoding="utf-8"))
#: Only a file can be in the wrong encoding; pasted text is always text.
FILE_ONLY = {"roster.not-utf8"}


def as_course(case: dict[str, Any]) -> Course:
    return Course.model_validate({"summary": "Testfall", "version": "1.0", "updated": "2026-12-01", **case["course"]})


@pytest.mark.parametrize("case", CASES["cases"], ids=[case["name"] for case in CASES["cases"]])
def test_python_gives_the_shared_expectation(case: dict[str, Any]) -> None:
    got = documents_summary(as_course(case), Catalogue.from_json(CASES["catalogue"]), CASES["rules"],
                            case["roster"], case["blank_rows"])
    assert got == case["expect"]


def test_the_cases_cover_every_problem_and_gap() -> None:
    codes = {p[2] for case in CASES["cases"] for p in case["expect"]["problems"]}
    gaps = {g[1] for case in CASES["cases"] for g in case["expect"]["gaps"]}
    assert codes == set(MESSAGES) - FILE_ONLY
    assert gaps == set(GAP_MESSAGES)


def test_the_cases_cover_what_a_certificate_can_say() -> None:
    views = [view for case in CASES["cases"] for view in case["expect"]["certificates"]]
    for field in ("birth", "recognition", "not_met", "counts_for", "place", "mode", "due"):
        assert {bool(view[field]) for view in views} == {True, False}, field
    assert {view["mode"] for view in views} == {"in Präsenz", "online", ""}
    # „… e.V.“ keeps its one period; a name without one gets the sentence's.
    assert {view["provider_sentence"] for view in views} == {"Nachbarschaftshilfe Ost e.V.", "Verein Nachbarn helfen."}
    assert any(case["expect"]["refused"] for case in CASES["cases"])
