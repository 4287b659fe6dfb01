"""One safety rule, the same words everywhere (issue 17, section 1).

The canonical sentences live in one table, `tests/content/safety_rules.yml`. For every module,
help path (`city/wegweiser/`), answer for neighbours (`answers/`), form and glossary entry that
treats a rule's topic, the rule's sentence must stand there word for word; and the phrases that
contradict a rule (lifting a fallen person "allein", "gar nichts geben", a child lock …) must
appear in no content file at all, role profiles and model pages included.

Plain file reading (no engine imports), so a failure names the file an editor fixes even while
the engine is being refactored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from fact_tokens import fill_numbers

REPO = Path(__file__).resolve().parents[2]
TABLE = Path(__file__).with_name("safety_rules.yml")

# Fields that name things rather than say them: ids, links to modules, search words, sources.
NOT_TEXT = {"id", "modules", "contacts", "topics", "keywords", "sources", "source", "see_also",
            "limits_of", "conditions_of", "target_roles", "prerequisites", "required_modules",
            "optional_modules", "supported_by", "updated", "stand", "version", "kind", "width",
            "materials", "methods", "urgency", "model", "deeper", "help_paths", "pictogram"}


@dataclass(frozen=True)
class Rule:
    id: str
    sentence: str
    topic: tuple[re.Pattern[str], ...]
    contradictions: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Unit:
    """One piece of content a reader sees as a whole: a module, a help path, a form, a term."""

    where: str
    text: str
    needs_sentences: bool  # modules, help paths, forms and glossary terms; roles and pages only must not contradict


def normalise(text: str) -> str:
    """Line breaks, non-breaking spaces and runs of spaces count as one space; an emergency
    number written as `((notruf))` (facts.yml) counts as the number."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", fill_numbers(text)).strip()


def load_rules() -> list[Rule]:
    table = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return [Rule(id=item["id"], sentence=normalise(item["sentence"]),
                 topic=tuple(re.compile(p, re.IGNORECASE) for p in item["topic"]),
                 contradictions=tuple(re.compile(p, re.IGNORECASE) for p in item["contradictions"]))
            for item in table["rules"]]


RULES = load_rules()


def strings(node: Any, key: str = "") -> list[str]:
    """Every text of a parsed YAML document, without the fields that only name things."""
    if key in NOT_TEXT:
        return []
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for k, value in node.items() for text in strings(value, str(k))]
    if isinstance(node, list):
        return [text for value in node for text in strings(value, key)]
    return []


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def module_unit(path: Path) -> Unit:
    text = path.read_text(encoding="utf-8")
    head, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    parts = [*(meta.get("objectives") or []), *(meta.get("key_points") or []), body]
    return Unit(rel(path), normalise("\n".join(parts)), True)


def yaml_unit(path: Path, needs_sentences: bool) -> Unit:
    return Unit(rel(path), normalise("\n".join(strings(yaml.safe_load(path.read_text(encoding="utf-8"))))),
                needs_sentences)


def units() -> list[Unit]:
    found = [module_unit(p) for p in sorted(REPO.glob("curriculum/modules/M*.md"))]
    found += [yaml_unit(p, True) for p in sorted(REPO.glob("city/wegweiser/*.yml"))]
    found += [yaml_unit(p, True) for p in sorted(REPO.glob("curriculum/forms/*.yml"))]
    found += [yaml_unit(p, True) for p in sorted(REPO.glob("answers/*.yml"))]
    glossary = yaml.safe_load((REPO / "curriculum" / "glossary.yml").read_text(encoding="utf-8"))
    found += [Unit(f"curriculum/glossary.yml: {term['id']}", normalise(term["definition"]), True)
              for term in glossary["terms"]]
    found += [yaml_unit(p, False) for p in sorted(REPO.glob("role_profiles/*.yml"))]
    found += [yaml_unit(p, False) for p in sorted(REPO.glob("curriculum/courses/*.yml"))]
    # Leichte Sprache says each rule in short sentences of its own, not in the rule's long sentence:
    # it must not contradict a rule (tests/content/test_easy_read_content.py checks what it says).
    found += [yaml_unit(p, False) for p in sorted(REPO.glob("curriculum/leichte-sprache/*.yml"))]
    found.append(yaml_unit(REPO / "programme.yml", True))
    found += [Unit(rel(p), normalise(p.read_text(encoding="utf-8")), False)
              for p in sorted(REPO.glob("docs/**/*.md"))]
    return found


UNITS = units()


def missing_sentences(rule: Rule, content: list[Unit]) -> list[str]:
    """Where the rule's topic appears but its sentence does not. The sentences of all rules are
    taken out first: the fall sentence says „nach einem Sturz“, but it does not by itself make a
    page teach falls in full."""
    missing = []
    for unit in content:
        if not unit.needs_sentences:
            continue
        text = unit.text
        for other in RULES:
            text = text.replace(other.sentence, " ")
        hits = [m.group(0) for pattern in rule.topic for m in [pattern.search(text)] if m]
        if hits and rule.sentence not in unit.text:
            missing.append(f"{unit.where}: behandelt „{hits[0]}“, aber der Satz der Regel „{rule.id}“ fehlt")
    return missing


def contradictions(rule: Rule, content: list[Unit]) -> list[str]:
    """Phrases that contradict the rule, outside the rule's own sentence."""
    found = []
    for unit in content:
        text = unit.text.replace(rule.sentence, " ")
        for pattern in rule.contradictions:
            for match in pattern.finditer(text):
                around = text[max(0, match.start() - 60):match.end() + 60]
                found.append(f"{unit.where}: „{match.group(0)}“ widerspricht der Regel „{rule.id}“: …{around}…")
    return found


def test_the_table_is_read_and_the_content_is_found() -> None:
    """Guards against passing on nothing: every rule is there and its topic is taught somewhere."""
    ids = {rule.id for rule in RULES}
    assert {"sturz", "sturz-112", "sturz-aufstehen", "schlucken", "vermisst", "eingeschlossen", "suizid",
            "schlaganfall"} <= ids
    assert len([u for u in UNITS if u.where.startswith("curriculum/modules/")]) == 16
    assert any(u.where.startswith("city/wegweiser/") for u in UNITS)
    assert len([u for u in UNITS if u.where.startswith("answers/")]) >= 40
    for rule in RULES:
        assert any(p.search(u.text) for u in UNITS for p in rule.topic), f"{rule.id}: Thema nirgends gefunden"
        assert len(rule.sentence) > 40 and rule.sentence.endswith("."), rule.id


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_sentence_stands_wherever_the_topic_is_treated(rule: Rule) -> None:
    assert missing_sentences(rule, UNITS) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_no_content_contradicts_the_rule(rule: Rule) -> None:
    assert contradictions(rule, UNITS) == []


@pytest.mark.parametrize("module_id", ["M04", "M08", "M09"])
def test_the_modules_that_teach_falls_carry_all_three_fall_sentences(module_id: str) -> None:
    (unit,) = [u for u in UNITS if u.where.startswith(f"curriculum/modules/{module_id}-")]
    for rule in (r for r in RULES if r.id.startswith("sturz")):
        assert rule.sentence in unit.text, f"{module_id}: {rule.id}"


def test_the_fall_help_path_and_module_6_carry_their_rules() -> None:
    """The places the review named: the fall help path, 110 for a missing person in M06, the
    112 step for suicidal statements in M05 itself, the stroke rule in M07."""
    by_where = {u.where: u.text for u in UNITS}
    sentence = {r.id: r.sentence for r in RULES}
    path = by_where["city/wegweiser/sturz-zu-hause.yml"]
    assert sentence["sturz"] in path and sentence["sturz-aufstehen"] in path
    m05, m06, m07 = (next(t for w, t in by_where.items() if w.startswith(f"curriculum/modules/{m}-"))
                     for m in ("M05", "M06", "M07"))
    assert sentence["vermisst"] in m06 and sentence["eingeschlossen"] in m06
    assert sentence["suizid"] in m05.split("## Hinweise für Trainer:innen")[0]
    assert sentence["schlaganfall"] in m07


def test_the_check_can_fail() -> None:
    """A file that treats a topic without the sentence, or that contradicts a rule, is reported."""
    fall = next(r for r in RULES if r.id == "sturz")
    broken = [Unit("kaputt.md", "Nach einem Sturz helfen Sie allein hochheben.", True)]
    assert missing_sentences(fall, broken) == [
        "kaputt.md: behandelt „Nach einem Sturz“, aber der Satz der Regel „sturz“ fehlt"]
    assert len(contradictions(fall, broken)) == 1
    lock = next(r for r in RULES if r.id == "eingeschlossen")
    assert contradictions(lock, [Unit("x.md", f"{lock.sentence} Die Kindersicherung hilft.", False)])
    assert contradictions(lock, [Unit("x.md", lock.sentence, False)]) == []
