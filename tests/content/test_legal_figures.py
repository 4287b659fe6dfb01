"""Every legal figure kept once, as data (issue 17, section 3).

`facts.yml` holds each legal figure once; texts show it as `((id))`, and the recognition rules'
figures come from `programme.yml` as `((<rule>-stunden-im-monat))` and the like. So (a) no
content source writes such a figure by hand – neither a fact's value nor any euro amount –
except the few non-legal amounts listed below with their reason; and (b) the loaded programme
shows the filled-in values and no token is left over.

The forms (`curriculum/forms/`) are rewritten separately and are not scanned here yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from builders import REPO

from engine.core.inline import TOKEN
from engine.features.facts.values import rule_values, shown, shown_value
from engine.portal import load_checked

FACTS = yaml.safe_load((REPO / "facts.yml").read_text(encoding="utf-8"))["facts"]
PROJECT = load_checked(REPO)

SOURCES = sorted([*REPO.glob("curriculum/modules/*.md"), REPO / "curriculum/glossary.yml",
                  *REPO.glob("curriculum/courses/*.yml"), *REPO.glob("role_profiles/*.yml"),
                  *REPO.glob("docs/**/*.md"), *REPO.glob("city/**/*.yml"), *REPO.glob("contacts/*.yml"),
                  *REPO.glob("curriculum/forms/*.yml"), *REPO.glob("answers/*.yml"), REPO / "programme.yml"])

S = r"[\s\u00a0\u202f]"  # a space, a non-breaking space or a line break (YAML folds lines)
EURO = re.compile(rf"(?<![\w.,])\d[\d.,]*{S}?(?:Mio\.{S}?|Millionen{S})?(?:€|Euro\b)")


@dataclass(frozen=True)
class Allowed:
    """A figure that is written by hand on purpose: where, the text around it, and why."""

    path: str
    around: str
    reason: str


ALLOWED = [
    Allowed("contacts/telefonseelsorge.yml", 'phone: "0800 111 0 111"',
            "the contact's phone field is structured data (a phone number, validated), not text"),
    Allowed("docs/modell/rahmen.md", "Betreuungskraft nach § 53b SGB XI: 40",
            "the Betreuungskraft's 40 hours of orientation, not Saxony's hour limit"),
    Allowed("curriculum/glossary.yml", "Ihre Qualifizierung umfasst 40",
            "the Betreuungskraft's 40 hours of orientation, not Saxony's hour limit"),
    Allowed("docs/modell/rahmen.md", "Demenzbegleitung: 30 bis 40",
            "the length of other courses, not the hour limits"),
    Allowed("docs/modell/leipzig.md", "| Laufzeit | 3", "the Leipzig project's duration, not the refresher"),
    Allowed("docs/modell/wirkung.md", "| Zeitraum | 3", "the Leipzig project's duration, not the refresher"),
    Allowed("docs/modell/verwandte-modelle.md", "geplant über 3", "the Leipzig project's duration"),
]


def german_number(value: float) -> str:
    return shown_value(value, "").replace(".", r"\.")


def fact_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(id, pattern) for each value a fact can show, written by hand."""
    found = []
    for fact in FACTS:
        values = [fact["value"]] + ([fact["next"]["value"]] if fact.get("next") else [])
        unit = (fact.get("unit") or "").split(" ")[0]
        for value in values:
            if isinstance(value, str):
                text = re.escape(value).replace(r"\ ", S)
                body = rf"{text}{S}{re.escape(unit)}" if unit else text
            else:
                number = shown_value(value, "€" if unit.startswith("€") else "").removesuffix("\u00a0€")
                unit_pattern = rf"(?:Mio\.|Millionen){S}?€" if unit == "Mio." else re.escape(unit)
                body = rf"{re.escape(number).replace(chr(92) + ' ', S)}{S}?{unit_pattern}"
            found.append((fact["id"], re.compile(rf"(?<![\w.,]){body}(?![\w])")))
    for rule_id, text in rule_values(PROJECT).items():
        number, unit = text.split(" ", 1)
        found.append((rule_id, re.compile(rf"(?<![\w.,]){re.escape(number)}{S}{re.escape(unit)}\b")))
    return found


PATTERNS = fact_patterns()


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def line_of(text: str, index: int) -> tuple[int, str]:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text.count("\n", 0, index) + 1, text[start:end if end >= 0 else None]


def allowed(path: str, text: str, start: int) -> bool:
    window = text[max(0, start - 60):start + 40].replace("\u00a0", " ")
    return any(a.path == path and re.sub(r"\s+", " ", a.around) in re.sub(r"\s+", " ", window) for a in ALLOWED)


def hand_written(path: Path) -> list[str]:
    """'file:line: figure (id)' for every legal figure the file writes by hand."""
    text = path.read_text(encoding="utf-8")
    where = rel(path)
    # Tokens are where figures belong: blank them out (keeping the line count) before scanning.
    scanned = TOKEN.sub(lambda m: " " * len(m.group()), text)
    hits: dict[int, str] = {}
    for fact_id, pattern in [*PATTERNS, ("Euro-Betrag", EURO)]:
        for match in pattern.finditer(scanned):
            if match.start() in hits or allowed(where, text, match.start()):
                continue
            hits[match.start()] = f"{match.group()!r} ({fact_id})"
    return [f"{where}:{line_of(text, start)[0]}: {what}" for start, what in sorted(hits.items())]


@pytest.mark.parametrize("path", SOURCES, ids=rel)
def test_no_legal_figure_is_written_by_hand(path: Path) -> None:
    found = hand_written(path)
    assert found == [], ("Rechtliche Zahlen stehen in facts.yml und werden als ((id)) eingesetzt "
                         "(CONTENT.md, „Rechtliche Zahlen“):\n" + "\n".join(found))


def test_the_scan_finds_a_hand_written_figure(tmp_path: Path) -> None:
    """The scan above must be able to fail: a figure, a phone number and a euro amount are found."""
    sample = REPO / "docs" / "_probe_legal_figures.md"
    try:
        sample.write_text("Der Entlastungsbetrag beträgt 131\u00a0€ im Monat.\nNotruf: 112.\n"
                          "Ein Kaffee kostet 3,50 €.\nDer Betrag ((entlastungsbetrag)) steht richtig.\n",
                          encoding="utf-8")
        found = hand_written(sample)
    finally:
        sample.unlink()
    assert [item.split(": ", 1)[0].rsplit(":", 1)[1] for item in found] == ["1", "2", "3"], found
    assert "(entlastungsbetrag)" in found[0] and "(notruf)" in found[1] and "(Euro-Betrag)" in found[2]


def test_every_allowed_figure_is_still_there() -> None:
    """An allow-list entry whose text is gone is removed, so the list stays short and true."""
    gone = [f"{a.path}: {a.around}" for a in ALLOWED
            if re.sub(r"\s+", " ", a.around) not in re.sub(r"\s+", " ", (REPO / a.path).read_text(encoding="utf-8"))]
    assert gone == []


def test_the_module_bodies_show_the_filled_in_values() -> None:
    """Loaded as the site and the handouts see them: the values stand in the texts, no token is left."""
    bodies = {module.id: module.body for module in PROJECT.modules}
    today = date.today()
    by_id = {fact.id: fact for fact in PROJECT.facts}
    assert f"Anspruch auf {shown(by_id['entlastungsbetrag'], today)}" in bodies["M02"]
    assert shown(by_id["mindestlohn"], today) in bodies["M13"]
    assert shown(by_id["minijob-grenze"], today) in bodies["M13"]
    assert shown(by_id["notruf"], today) in bodies["M08"]
    assert rule_values(PROJECT)["sachsen-stunden-im-monat"] in bodies["M03"]
    leftover = [f"{module_id}: {match.group()}" for module_id, body in bodies.items() for match in TOKEN.finditer(body)]
    assert leftover == []


def test_the_whole_programme_is_filled_in() -> None:
    """Glossary, roles, courses, help paths and the programme itself: no token survives loading."""
    texts = [term.definition for term in PROJECT.glossary]
    texts += [str(role.model_dump()) for role in PROJECT.roles]
    texts += [str(course.model_dump()) for course in PROJECT.courses]
    texts += [str(PROJECT.programme.model_dump())]
    assert [text[:80] for text in texts if TOKEN.search(text)] == []


def test_the_2027_change_is_one_entry_each() -> None:
    """The yearly update is one edit of facts.yml: the 2027 values stand there as `next`."""
    by_id = {fact["id"]: fact for fact in FACTS}
    assert by_id["mindestlohn"]["next"] == {"value": 14.60, "valid_from": date(2027, 1, 1)}
    assert by_id["minijob-grenze"]["next"] == {"value": 633, "valid_from": date(2027, 1, 1)}
    assert shown(PROJECT.facts and {f.id: f for f in PROJECT.facts}["mindestlohn"], date(2026, 12, 31)) == \
        "13,90\u00a0€ pro Stunde (ab 1. Januar 2027: 14,60\u00a0€ pro Stunde)"
