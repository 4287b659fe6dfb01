"""Our pages in Leichte Sprache: one for every module, few warnings each, and the safety rules in
their short form (the long sentences of `safety_rules.yml` do not fit Leichte Sprache)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from fact_tokens import fill_numbers

from engine.portal import check_project

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "curriculum" / "leichte-sprache"
#: At most this many warnings of Leichte Sprache on one page. Some stay on purpose: a safety rule
#: is clearer with its „nie“ („Heben und ziehen Sie niemanden hoch.“), and „Koordination“ is the
#: name readers find on every card, so it is kept although it has 6 syllables.
MOST_WARNINGS = 4


def text_of(module_id: str) -> str:
    data = yaml.safe_load((PAGES / f"{module_id}.yml").read_text(encoding="utf-8"))
    return fill_numbers(" ".join(line for part in data["parts"] for line in [part["heading"], *part["lines"]]))


@pytest.fixture(scope="module")
def warnings_per_page() -> Counter[str]:
    _, problems = check_project(REPO)
    return Counter(p.path for p in problems if p.code.startswith("easy.") and p.warning)


def test_every_module_has_a_page_in_leichte_sprache() -> None:
    modules = {path.name.split("-", 1)[0] for path in (REPO / "curriculum" / "modules").glob("M*.md")}
    assert len(modules) == 16
    assert {path.stem for path in PAGES.glob("*.yml")} == modules


@pytest.mark.parametrize("module_id", [f"M{n:02d}" for n in range(1, 17)])
def test_a_page_has_few_warnings_and_no_review_yet(module_id: str, warnings_per_page: Counter[str]) -> None:
    assert warnings_per_page[f"curriculum/leichte-sprache/{module_id}.yml"] <= MOST_WARNINGS
    data = yaml.safe_load((PAGES / f"{module_id}.yml").read_text(encoding="utf-8"))
    assert 6 <= len(data["parts"]) <= 12
    assert data["checked_by"] is None and data["checked_on"] is None  # no review has happened


def test_the_safety_rules_in_their_short_form() -> None:
    for module_id in ("M04", "M08", "M09"):  # after a fall: never lift; home alarm or care service, else 112
        text = text_of(module_id)
        assert "niemanden hoch" in text and "Hausnotruf" in text and "Pflege·dienst" in text, module_id
        assert "rufen Sie 112" in text, module_id
    for module_id in ("M08", "M09"):
        assert "Dann rufen Sie sofort 112." in text_of(module_id) and "bleiben Sie bei ihm" in text_of(module_id)
    assert "sofort die Polizei unter 110" in text_of("M06")  # a person with dementia is missing
    assert "Sie schließen niemanden ein und halten niemanden fest." in text_of("M06")
    for module_id in ("M05", "M14"):  # suicidal statements: stay, 112
        assert "Dann bleiben Sie bei ihm und rufen sofort 112." in text_of(module_id), module_id
    assert "nie dünne Getränke" in text_of("M11")
