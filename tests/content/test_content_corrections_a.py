"""Guards for the content corrections of issue 12 in modules M01–M08, the model pages
(`docs/modell/`) and the role profiles: typography, one Stand per legal figure, no tax
allowance offered for neighbourly help, emergency numbers, course lengths, 2027 figures,
self-checks and teaching time.

Plain file reading only (no engine imports), so the checks also run when the engine changes.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from fact_tokens import fill_numbers
from legal_stands import STAND

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted(REPO.glob("curriculum/modules/M0[1-8]-*.md"))
PAGES = sorted(REPO.glob("docs/modell/*.md"))
ROLES = sorted(REPO.glob("role_profiles/*.yml"))
MARKDOWN = MODULES + PAGES
FILES = MARKDOWN + ROLES

TRAINER = "## Hinweise für Trainer:innen"
MONTHS = {name: number for number, name in enumerate(
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
     "Oktober", "November", "Dezember"], start=1)}
STAND_DATE = re.compile(r"Stand(?: der Regeln)?:?\s+(\d{1,2})\.\s+(" + "|".join(MONTHS) + r")\s+(\d{4})")
STAND_YEAR_ONLY = re.compile(r"Stand(?: der [A-Za-zä]+)?:?\s+\d{4}\b")


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, line number where the body starts) of a Markdown file."""
    if not text.startswith("---\n"):
        return {}, text, 1
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body, head.count("\n") + 3


def participant_part(body: str) -> str:
    return body.split(TRAINER, 1)[0]


def trainer_part(body: str) -> str:
    return body.split(TRAINER, 1)[1] if TRAINER in body else ""


def yaml_strings(node: object, where: str = "") -> list[tuple[str, str]]:
    """Every string in a parsed YAML document, with its field path."""
    if isinstance(node, str):
        return [(where, node)]
    if isinstance(node, dict):
        return [item for key, value in node.items() for item in yaml_strings(value, f"{where}.{key}".strip("."))]
    if isinstance(node, list):
        return [item for index, value in enumerate(node) for item in yaml_strings(value, f"{where}[{index}]")]
    return []


def test_the_files_are_there() -> None:
    """The globs must find the files, or every other test would pass on nothing."""
    assert len(MODULES) == 8 and len(PAGES) == 8 and len(ROLES) == 8


# --- 1. Non-breaking space between a number and its unit ------------------------------------

UNIT = r"(?:€|%|UE\b|Min\.|Minuten\b|h\b|Std\.|Stunden\b|Unterrichtseinheiten\b|Jahren?\b)"
# A normal space, a tab, or a line break (a YAML folded line or a Markdown soft break both
# turn into a normal space when rendered) between a number and its unit.
BREAKABLE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:[ \t]+|[ \t]*\n[ \t]*)" + UNIT)


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_numbers_and_units_are_joined_by_a_non_breaking_space(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [f"{rel(path)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()!r}"
             for m in BREAKABLE.finditer(text)]
    assert found == [], "Zahl und Einheit brauchen ein geschütztes Leerzeichen (U+00A0):\n" + \
        "\n".join(found)


# --- 2. One Stand per figure ----------------------------------------------------------------

S = r"[ \u00a0]"
# (figure, pattern, the Stand of the content brief's table)
FIGURES = [
    ("Entlastungsbetrag 131 € (vorher 125 €)", rf"(?<![\d.,])(?:131|125){S}?€|§{S}45b", STAND["§ 45b SGB XI"]),
    ("Umwandlungsanspruch 40 %", rf"(?<![\d.,])40{S}?%|§{S}45a", STAND["§ 45a SGB XI"]),
    ("Entlastungsbudget 3.539 €", rf"3\.539{S}?€|§{S}42a", STAND["§ 42a SGB XI"]),
    ("Ehrenamts- und Übungsleiterpauschale",
     rf"(?<![\d.,])(?:960|840|3\.300|3\.000){S}?€|§{S}3{S}Nr\.{S}26", STAND["§ 3 Nr. 26 EStG"]),
    ("§ 3 Nr. 36 EStG", rf"§{S}3{S}Nr\.{S}36", STAND["§ 3 Nr. 36 EStG"]),
    ("Minijob und Mindestlohn", rf"(?<![\d.,])(?:603|633|13,90|14,60){S}?€", STAND["MiLoG und § 8 SGB IV"]),
    ("Stundengrenzen Sachsen und Sachsen-Anhalt", rf"(?<![\d.,])(?:40|30){S}Stunden", STAND["SächsPflUVO"]),
    ("Kursumfang (Grundkurs, Aufbaukurs, Schulung, Erste Hilfe)",
     rf"(?<![\d.,])(?:10{S}UE{S}\(5|4{S}UE{S}\(2|8{S}UE\b|9{S}(?:UE|Unterrichtseinheiten)\b)|[25]{S}×{S}90{S}Min",
     STAND["SächsPflUVO"]),
    ("SächsPflUVO und Pflege-Betreuungsverordnung", r"SächsPflUVO|Pflege-Betreuungsverordnung", STAND["SächsPflUVO"]),
    ("§ 1358 BGB (Ehegattennotvertretung)", rf"§{S}1358", STAND["§ 1358 BGB"]),
    ("§ 2 SGB VII (Unfallversicherung)", rf"§{S}2{S}Abs\.{S}1{S}Nr\.{S}(?:17|9)\b", STAND["§ 2 SGB VII"]),
    ("§ 40 SGB XI (Hausnotruf)", rf"§{S}40{S}SGB", STAND["§ 40 SGB XI"]),
    ("§ 45 SGB XI (Pflegekurse)", rf"§{S}45{S}SGB{S}XI", STAND["§ 45 SGB XI"]),
    ("§ 37 SGB V (Behandlungspflege)", rf"§{S}37{S}SGB{S}V\b", STAND["§ 37 SGB V"]),
    ("Haftpflicht 2 Mio. €", rf"2{S}(?:Mio\.|Millionen){S}€", STAND["Haftpflicht"]),
]
COMPILED = [(label, re.compile(pattern), expected) for label, pattern, expected in FIGURES]


def stand_dates(line: str) -> list[tuple[int, str]]:
    return [(m.start(), date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))).isoformat())
            for m in STAND_DATE.finditer(line)]


def stand_on_line(line: str, position: int) -> str | None:
    """The first Stand after the figure on its line, else the last one before it."""
    dates = stand_dates(line)
    after = [iso for start, iso in dates if start > position]
    before = [iso for start, iso in dates if start < position]
    return after[0] if after else (before[-1] if before else None)


def markdown_figures(path: Path) -> list[tuple[str, str, str]]:
    """(figure, Stand, location) for each figure in a Markdown body and a module's sources."""
    meta, body, first_line = split_front_matter(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str, str]] = []
    for index, source in enumerate(meta.get("sources") or []):
        for label, pattern, _ in COMPILED:
            if pattern.search(source["title"]):
                found.append((label, str(source["stand"]), f"{rel(path)}: sources[{index}]"))
    lines = body.split("\n")
    block_start = [0] * len(lines)  # index of the first line of each line's block
    for index in range(1, len(lines)):
        block_start[index] = index if not lines[index - 1].strip() else block_start[index - 1]
    for index, line in enumerate(lines):
        for label, pattern, _ in COMPILED:
            for m in pattern.finditer(line):
                stand = stand_on_line(line, m.start())
                if stand is None:  # a list item or table row: the lines above, then the block before
                    start = block_start[index]
                    above = lines[start:index]
                    if start >= 2:
                        above = lines[block_start[start - 2]:start - 1] + above
                    dates = [iso for earlier in above for _, iso in stand_dates(earlier)]
                    stand = dates[-1] if dates else None
                if stand is not None:
                    found.append((label, stand, f"{rel(path)}:{first_line + index}"))
    return found


def role_figures(path: Path) -> list[tuple[str, str, str]]:
    role = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str, str]] = []
    for index, note in enumerate(role.get("legal_notes") or []):
        text = f"{note['text']} {note.get('source') or ''}"
        for label, pattern, _ in COMPILED:
            if pattern.search(text):
                found.append((label, str(note["stand"]), f"{rel(path)}: legal_notes[{index}]"))
    for where, text in yaml_strings({k: v for k, v in role.items() if k != "legal_notes"}):
        for label, pattern, _ in COMPILED:
            for m in pattern.finditer(text):
                stand = stand_on_line(text, m.start())
                if stand is not None:
                    found.append((label, stand, f"{rel(path)}: {where}"))
    return found


def all_figures() -> list[tuple[str, str, str]]:
    return [item for path in MARKDOWN for item in markdown_figures(path)] + \
        [item for path in ROLES for item in role_figures(path)]


def test_each_figure_has_one_stand_across_all_files() -> None:
    seen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for label, stand, where in all_figures():
        seen[label][stand].append(where)
    expected = {label: stand for label, _, stand in FIGURES}
    problems = []
    for label, stands in seen.items():
        wrong = {stand: places for stand, places in stands.items() if stand != expected[label]}
        for stand, places in wrong.items():
            problems.append(f"{label}: Stand {stand} statt {expected[label]} in " + ", ".join(places))
    assert problems == [], "\n".join(problems)


def test_the_stand_check_sees_the_figures() -> None:
    """The check above must actually find the core figures, or it would pass on nothing."""
    labels = {label for label, _, _ in all_figures()}
    # The amounts themselves are `((id))` tokens now, their Stand is in facts.yml (issue 17 §3,
    # tests/content/test_legal_figures.py); what is still found here is the law cited beside them.
    assert {"Entlastungsbetrag 131 € (vorher 125 €)", "Umwandlungsanspruch 40 %",
            "Stundengrenzen Sachsen und Sachsen-Anhalt", "§ 1358 BGB (Ehegattennotvertretung)",
            "§ 3 Nr. 36 EStG"} <= labels


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_a_stand_is_a_full_date(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [f"{rel(path)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()!r}"
             for m in STAND_YEAR_ONLY.finditer(text)]
    assert found == [], "Ein Stand nennt Tag, Monat und Jahr, z. B. „Stand: 1. Januar 2026“:\n" + "\n".join(found)


# --- 3. No tax allowance offered for neighbourly help ---------------------------------------

ALLOWANCE = re.compile(rf"§{S}3{S}Nr\.{S}26|Nr\.{S}26a|Ehrenamtspauschale|Übungsleiterpauschale")
LIMITATION = re.compile(r"gemeinnützig|öffentlich", re.IGNORECASE)


def allowance_mentions() -> list[tuple[str, str]]:
    """(location, text around it): the Markdown line, or the whole YAML string."""
    mentions = []
    for path in MARKDOWN:
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if ALLOWANCE.search(line):
                mentions.append((f"{rel(path)}:{number}", line))
    for path in ROLES:
        role = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, note in enumerate(role.get("legal_notes") or []):
            text = f"{note['text']} {note.get('source') or ''}"
            if ALLOWANCE.search(text):
                mentions.append((f"{rel(path)}: legal_notes[{index}]", text))
        for where, text in yaml_strings({k: v for k, v in role.items() if k != "legal_notes"}):
            if ALLOWANCE.search(text):
                mentions.append((f"{rel(path)}: {where}", text))
    return mentions


def test_tax_allowances_are_never_offered_without_their_limit() -> None:
    """§ 3 Nr. 26/26a EStG only apply to work for a gemeinnützige organisation or a public
    body; every mention says so in the same line (Markdown) or the same text (YAML)."""
    mentions = allowance_mentions()
    assert mentions, "the check found no mention at all"
    bare = [where for where, text in mentions if not LIMITATION.search(text)]
    assert bare == [], "ohne „gemeinnützig“ oder „öffentlich“: " + ", ".join(bare)


def test_the_rule_for_neighbourly_help_is_taught_first() -> None:
    """The tax section of the frame page leads with § 3 Nr. 36 EStG, before the allowances."""
    text = (REPO / "docs/modell/rahmen.md").read_text(encoding="utf-8")
    section = text.split("\n## Steuern", 1)[1].split("\n## ", 1)[0]
    rule = re.search(rf"§{S}3{S}Nr\.{S}36{S}EStG", section)
    allowance = ALLOWANCE.search(section)
    assert rule, "§ 3 Nr. 36 EStG fehlt im Abschnitt „Steuern“"
    assert allowance is None or rule.start() < allowance.start(), "§ 3 Nr. 36 EStG gehört vor die Pauschalen"
    assert "sittliche Pflicht" in section and "Finanzamt" in section


# --- 4. Emergency numbers -------------------------------------------------------------------

def test_the_emergency_module_names_110_112_and_116_117() -> None:
    path = next(p for p in MODULES if p.name.startswith("M08-"))
    _, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    text = fill_numbers(participant_part(body)).replace("\u00a0", " ")  # ((notruf)) is 112
    lines = text.split("\n")
    assert any("112" in line and "Feuerwehr" in line and "Rettungsdienst" in line for line in lines), \
        "112 mit Feuerwehr und Rettungsdienst"
    assert any(re.search(r"\b110\b", line) and "Polizei" in line for line in lines), "110 mit Polizei"
    assert any("116 117" in line and "Bereitschaftsdienst" in line for line in lines), \
        "116 117 mit dem ärztlichen Bereitschaftsdienst"


# --- 5. Course length on the Halle page -----------------------------------------------------

def german_number(value: float) -> str:
    return (f"{value:g}").replace(".", ",")


def test_the_course_length_matches_the_modules() -> None:
    total = sum(float(m.group(1)) for path in REPO.glob("curriculum/modules/M*.md")
                for m in [re.search(r"^duration_ue:\s*([\d.]+)", path.read_text(encoding="utf-8"), re.MULTILINE)]
                if m)
    assert total > 0
    for path in FILES:
        text = path.read_text(encoding="utf-8").replace("\u00a0", " ")
        assert "38 bis 40" not in text, f"{rel(path)}: die alte Angabe „38 bis 40 UE“"
    halle = (REPO / "docs/modell/halle.md").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert re.search(rf"\b{german_number(total)} (?:UE|Unterrichtseinheiten)", halle), \
        f"halle.md nennt nicht die Summe der Module: {german_number(total)} UE"
    assert re.search(rf"\b{german_number(total + 9)} UE", halle), \
        f"halle.md nennt nicht die Summe mit dem Erste-Hilfe-Kurs: {german_number(total + 9)} UE"


# --- 6. Minimum wage and Minijob from 2027 --------------------------------------------------

def test_2026_wage_figures_come_with_the_2027_figures() -> None:
    """The texts show minimum wage and Minijob limit as ((mindestlohn)) and ((minijob-grenze)):
    facts.yml keeps the 2027 values as `next`, and the texts show both until 1 January 2027."""
    facts = {fact["id"]: fact for fact in yaml.safe_load((REPO / "facts.yml").read_text(encoding="utf-8"))["facts"]}
    assert (facts["mindestlohn"]["value"], facts["mindestlohn"]["next"]) == \
        (13.90, {"value": 14.60, "valid_from": date(2027, 1, 1)})
    assert (facts["minijob-grenze"]["value"], facts["minijob-grenze"]["next"]) == \
        (603, {"value": 633, "valid_from": date(2027, 1, 1)})
    texts = [path.read_text(encoding="utf-8") for path in FILES]
    assert any("((mindestlohn))" in text for text in texts) and any("((minijob-grenze))" in text for text in texts)


# --- 7. Self-check and teaching time --------------------------------------------------------

@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_each_module_has_a_self_check_with_answers(path: Path) -> None:
    _, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    participant, trainer = participant_part(body), trainer_part(body)
    assert "## Selbstcheck" in participant, "Abschnitt „## Selbstcheck“ fehlt"
    assert participant.index("## Selbstcheck") < participant.index("## Das Wichtigste in Kürze")
    questions = re.findall(r"^\d+\. ", participant.split("## Selbstcheck", 1)[1].split("\n## ", 1)[0], re.MULTILINE)
    assert 3 <= len(questions) <= 5, f"{len(questions)} Fragen, erwartet 3 bis 5"
    assert "### Antworten zum Selbstcheck" in trainer, "Antworten gehören in den Teil für Trainer:innen"
    answer_part = trainer.split("### Antworten zum Selbstcheck", 1)[1].split("\n#", 1)[0]
    answers = re.findall(r"^\d+\. ", answer_part, re.MULTILINE)
    assert len(answers) == len(questions), f"{len(questions)} Fragen, aber {len(answers)} Antworten"


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_teaching_units_count_teaching_time_only(path: Path) -> None:
    meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    full = math.floor(meta["duration_ue"] * 45 + 0.5)
    plans = {plan["minutes"]: plan["steps"] for plan in meta.get("plans", [])}
    assert full in plans, f"kein Ablaufplan für die volle Länge von {full} Minuten"
    for minutes, steps in plans.items():
        breaks = [step["content"] for step in steps if re.match(r"\s*Pause\b", step["content"])]
        assert breaks == [], f"Plan {minutes} Min.: Pausen gehören nicht in die Unterrichtszeit: " + ", ".join(breaks)


# --- 8. The state rules are stated once, the same way --------------------------------------

def rule_list(path: Path, intro: str) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(intro))
    items = []
    for line in lines[start + 2:]:
        if not line.startswith("- "):
            break
        items.append(re.sub(r"\]\([^)]*\)", "]", line))  # links differ by page, the words must not
    return items


@pytest.mark.parametrize("intro", ["In Sachsen gilt die Sächsische Pflegeunterstützungsverordnung",
                                   "In Sachsen-Anhalt gilt die Pflege-Betreuungsverordnung"])
def test_module_3_and_the_frame_page_state_the_same_rules(intro: str) -> None:
    module = next(p for p in MODULES if p.name.startswith("M03-"))
    in_module = rule_list(module, intro)
    on_page = rule_list(REPO / "docs/modell/rahmen.md", intro)
    assert len(in_module) >= 6
    assert in_module == on_page
    assert any("verwandt oder verschwägert" in item for item in in_module)
