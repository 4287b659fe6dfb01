"""The modules agree with each other (issue 17, section 2, "Across modules"): one cast of example
persons, one onion model, step plans that add up to the module's teaching units.

Plain file reading (no engine imports), so a failure names the file an editor fixes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted((REPO / "curriculum" / "modules").glob("M*.md"))
SPACE = "[ \u00a0]"

# The example persons every module uses (CONTENT.md, "Beispielpersonen"): the people who are
# helped always have the same age, and „Herr M.“ is never the helper.
CAST_AGES = {"Frau K.": 82, "Herr M.": 80}


def split(path: Path) -> tuple[dict, str]:
    head, body = path.read_text(encoding="utf-8")[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def module(module_id: str) -> Path:
    return next(p for p in MODULES if p.name.startswith(f"{module_id}-"))


def onion(path: Path) -> list[str]:
    """The numbered list that follows „Von innen nach außen:“, without its links."""
    lines = split(path)[1].split("\n")
    start = next(i for i, line in enumerate(lines) if line.rstrip().endswith("Von innen nach außen:"))
    items = []
    for line in lines[start + 1:]:
        if not line.strip() and not items:
            continue
        if not re.match(r"\d+\. ", line):
            break
        items.append(re.sub(r"\]\([^)]*\)", "]", line))
    return items


def test_the_onion_model_is_the_same_in_m01_and_m16() -> None:
    first, sixteenth = onion(module("M01")), onion(module("M16"))
    assert len(first) == 4
    assert first == sixteenth


def test_the_glossary_names_the_onion_rings_of_the_modules() -> None:
    terms = yaml.safe_load((REPO / "curriculum" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    definition = next(t["definition"] for t in terms if t["id"] == "zwiebelmodell")
    positions = [definition.find(ring) for ring in ("Wünsche", "das informelle Netz", "das Team", "das formelle Netz")]
    assert -1 not in positions and positions == sorted(positions)


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_the_example_persons_keep_their_age(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    wrong = []
    for person, age in CAST_AGES.items():
        name = re.escape(person)
        for match in re.finditer(rf"{name}(?:,{SPACE}| ist{SPACE})(\d+)(?:{SPACE}Jahre)?", text):
            if int(match.group(1)) != age:
                wrong.append(f"{person} ist {match.group(1)}, in allen Modulen {age} Jahre")
    assert wrong == []


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_herr_m_is_never_the_helper(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    helper = re.compile(r"Herr M\.[^.]{0,80}(?:als Nachbarschaftshelfer|ein anerkannter Nachbarschaftshelfer|"
                        r"begleitet (?:seine|Frau K\.))")
    assert helper.findall(text) == []


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_the_step_plan_adds_up_to_the_teaching_units(path: Path) -> None:
    meta, _ = split(path)
    full = int(meta["duration_ue"] * 45 + 0.5)  # whole minutes, half a minute rounded up, as pages print it
    plans = {plan["minutes"]: plan["steps"] for plan in meta.get("plans", [])}
    assert full in plans, f"kein Ablaufplan (plans) für die volle Länge von {full} Minuten"
    for length, steps in plans.items():
        assert sum(step["minutes"] for step in steps) == length, f"Plan {length} Min.: Schritte ergeben etwas anderes"
        short = [f"{step['minutes']} Minuten: {step['content'][:40]}" for step in steps if step["minutes"] < 5]
        assert short == [], f"Plan {length} Min.: Schritte unter 5 Minuten lassen sich nicht unterrichten"
