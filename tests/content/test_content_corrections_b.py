"""Guards for the content corrections of issue 12 (part B): modules M09–M16, the glossary,
the contacts, the start page and the page for the city.

Plain file reading: no engine imports, so a failure names the file and line an editor fixes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
import yaml
from fact_tokens import fill_numbers
from legal_stands import STAND as STAND_OF
from legal_stands import german as german_stand

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted(p for p in (REPO / "curriculum" / "modules").glob("M*.md")
                 if re.match(r"M(09|1[0-6])-", p.name))
GLOSSARY = REPO / "curriculum" / "glossary.yml"
PAGES = [REPO / "docs" / "index.md", REPO / "docs" / "stadt" / "index.md"]
CONTACTS = sorted((REPO / "contacts").glob("*.yml"))
OWN = [*MODULES, GLOSSARY, *PAGES, *CONTACTS]

TRAINER_HEADING = "## Hinweise für Trainer:innen"
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
STAND = re.compile(r"Stand:?\s+(\d{1,2})\.\s*(" + "|".join(MONTHS) + r")\s+(\d{4})")

# The figures of the brief's Stand table: (name, pattern, the one Stand it carries).
FIGURES = [
    ("Entlastungsbetrag (§ 45b SGB XI)", r"(?<![\d.,])(?:131|125)\s?€", german_stand("§ 45b SGB XI")),
    ("Umwandlungsanspruch (§ 45a Abs. 4 SGB XI)", r"(?<![\d.,])40\s?%", german_stand("§ 45a SGB XI")),
    ("Entlastungsbudget (§ 42a SGB XI)", r"(?<![\d.,])3\.539\s?€", german_stand("§ 42a SGB XI")),
    ("Ehrenamts- und Übungsleiterpauschale (§ 3 Nr. 26/26a EStG)",
     r"(?<![\d.,])(?:960|840|3\.300|3\.000)\s?€", german_stand("§ 3 Nr. 26 EStG")),
    ("Minijob und Mindestlohn", r"(?<![\d.,])(?:603|633|13,90|14,60)\s?€", german_stand("MiLoG und § 8 SGB IV")),
    ("Stundengrenzen (SächsPflUVO, Pflege-Betreuungsverordnung)",
     r"(?<![\d.,])(?:40|30)\sStunden\b", german_stand("SächsPflUVO")),
    ("Kursumfang in UE", r"(?<![\d.,])(?:10|8|4)\sUE\b", german_stand("SächsPflUVO")),
    ("Unfallversicherung Pflegepersonen (§ 2 Abs. 1 Nr. 17 SGB VII)",
     r"(?<![\d.,])10\sStunden\b", german_stand("§ 2 SGB VII")),
    ("§ 40 SGB XI", r"§\s?40\sSGB\sXI", german_stand("§ 40 SGB XI")),
]
# The `stand` a module's source must carry, by what its title names.
SOURCE_STAND = [
    (r"§\s?45b\b", STAND_OF["§ 45b SGB XI"]), (r"§\s?45a\b", STAND_OF["§ 45a SGB XI"]),
    (r"§\s?42a\b|Entlastungsbudget", STAND_OF["§ 42a SGB XI"]), (r"§\s?40\sSGB\sXI", STAND_OF["§ 40 SGB XI"]),
    (r"EStG", STAND_OF["§ 3 Nr. 36 EStG"]), (r"SGB\sIV|MiLoG|Mindestlohn", STAND_OF["MiLoG und § 8 SGB IV"]),
    (r"SächsPflUVO", STAND_OF["SächsPflUVO"]),
    (r"Pflege-Betreuungsverordnung", STAND_OF["Pflege-Betreuungsverordnung"]),
    (r"SGB\sVII", STAND_OF["§ 2 SGB VII"]),
]

NBSP_UNIT = re.compile(r"(?:\d|Mio\.)(?P<sep>[ \t]*\n[ \t]*|[ \t\u202f]+|)"
                       r"(?P<unit>€|%|UE\b|Min\.|Minuten\b|h\b|Stunden\b|Mio\.)")
TAX_26 = re.compile(r"\bNr\.\s?26a?\b|Ehrenamtspauschale|Übungsleiterpauschale")
TELEFONSEELSORGE = ("0800 111 0 111", "0800 111 0 222", "116 123")


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def front_matter(path: Path) -> tuple[dict, str, int]:
    """(front matter, body, line number where the body starts) of a Markdown file."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}, text, 1
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body, head.count("\n") + 4


def participant(body: str) -> str:
    """The body without the trainer section (it runs to the next '## ' heading)."""
    out, in_trainer = [], False
    for line in body.split("\n"):
        if line.startswith("## "):
            in_trainer = line.strip() == TRAINER_HEADING
        if not in_trainer:
            out.append(line)
    return "\n".join(out)


def blocks(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """Paragraphs, lists and tables (runs of non-blank lines) with their first line number."""
    return [(first_line + text.count("\n", 0, m.start()), m.group(0))
            for m in re.finditer(r"(?:^[ \t]*\S.*(?:\n|\Z))+", text, re.MULTILINE)]


def german(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def stands_in(text: str) -> list[tuple[int, str]]:
    return [(m.start(), f"{int(m.group(1))}. {m.group(2)} {m.group(3)}") for m in STAND.finditer(text)]


def glossary_terms() -> list[dict]:
    return yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]


def figure_stands() -> list[tuple[str, str, str]]:
    """(figure, Stand it is given, where) for every legal figure in running text that has a Stand
    in its block (the nearest one) or, failing that, in the block before it."""
    found = []
    for path in [*MODULES, *PAGES]:
        _, body, first = front_matter(path)
        parts = blocks(body, first)
        for index, (line, block) in enumerate(parts):
            own = stands_in(block)
            before = stands_in(parts[index - 1][1]) if index else []
            for name, pattern, _ in FIGURES:
                for match in re.finditer(pattern, block):
                    if own:
                        stand = min(own, key=lambda s: abs(s[0] - match.start()))[1]
                    elif before:
                        stand = before[-1][1]
                    else:
                        continue
                    found.append((name, stand, f"{rel(path)}:{line + block.count(chr(10), 0, match.start())}"))
    for term in glossary_terms():
        own = stands_in(term["definition"])
        for name, pattern, _ in FIGURES:
            for match in re.finditer(pattern, term["definition"]):
                if own:
                    stand = min(own, key=lambda s: abs(s[0] - match.start()))[1]
                elif term.get("stand"):
                    stand = german(term["stand"])
                else:
                    continue
                found.append((name, stand, f"{rel(GLOSSARY)}: {term['id']}"))
    return found


def test_numbers_and_units_are_joined_by_a_non_breaking_space() -> None:
    wrong = []
    for path in OWN:
        text = path.read_text(encoding="utf-8")
        for match in NBSP_UNIT.finditer(text):
            if match.group("sep") != "\u00a0":
                shown = text[max(0, match.start() - 8):match.end()].replace("\n", "⏎").replace(" ", "␣")
                where = f"{rel(path)}:{line_of(text, match.start())}"
                wrong.append(f"{where}: '{shown}' – U+00A0 zwischen Zahl und Einheit")
    assert wrong == []


def test_every_figure_carries_the_one_stand_of_the_brief() -> None:
    dates: dict[str, set[str]] = defaultdict(set)
    wrong = []
    canonical = {name: stand for name, _, stand in FIGURES}
    for name, stand, where in figure_stands():
        dates[name].add(stand)
        if stand != canonical[name]:
            wrong.append(f"{where}: {name} mit Stand {stand}, richtig ist {canonical[name]}")
    assert wrong == []
    assert all(len(found) == 1 for found in dates.values()), dict(dates)
    assert dates, "the check found no figures at all"


def test_a_block_states_each_stand_only_once() -> None:
    """'(Stand: 1. Januar 2026)' three times in one paragraph is what M13 had; once is enough."""
    repeated = []
    for path in [*MODULES, *PAGES]:
        _, body, first = front_matter(path)
        for line, block in blocks(body, first):
            counts: dict[str, int] = defaultdict(int)
            for _, stand in stands_in(block):
                counts[stand] += 1
            repeated += [f"{rel(path)}:{line}: Stand {s} {n}×" for s, n in counts.items() if n > 1]
    for term in glossary_terms():  # the glossary page appends the term's `stand` itself
        if term.get("stand") and german(term["stand"]) in [s for _, s in stands_in(term["definition"])]:
            repeated.append(f"{rel(GLOSSARY)}: {term['id']}: Stand steht im Text und in `stand`")
    assert repeated == []


def test_module_sources_carry_the_stand_of_the_brief() -> None:
    wrong = []
    for path in MODULES:
        meta, _, _ = front_matter(path)
        for source in meta.get("sources") or []:
            for pattern, stand in SOURCE_STAND:
                if re.search(pattern, source["title"]) and str(source["stand"]) != stand:
                    wrong.append(f"{rel(path)}: '{source['title'][:50]}…' stand {source['stand']}, richtig {stand}")
    assert wrong == []


def test_ehrenamts_and_uebungsleiterpauschale_are_never_offered_for_neighbourly_help() -> None:
    """§ 3 Nr. 26/26a EStG only apply in the service of a charitable organisation or a public
    body: every mention says so in its own paragraph (or list item, term, contact)."""
    units: list[tuple[str, str]] = []
    for path in [*MODULES, *PAGES]:
        meta, body, first = front_matter(path)
        for key in ("objectives", "key_points"):
            units += [(f"{rel(path)}: {key}[{i}]", item) for i, item in enumerate(meta.get(key) or [])]
        units += [(f"{rel(path)}:{line}", block) for line, block in blocks(body, first)]
    units += [(f"{rel(GLOSSARY)}: {t['id']}", t["definition"]) for t in glossary_terms()]
    units += [(rel(p), p.read_text(encoding="utf-8")) for p in CONTACTS]
    offered = [f"{where}: {TAX_26.search(text).group(0)}" for where, text in units
               if TAX_26.search(text) and not re.search(r"gemeinnützig|öffentlich", text)]
    assert offered == []


def test_m13_teaches_paragraph_3_nr_36_for_neighbourly_help() -> None:
    (m13,) = [p for p in MODULES if p.name.startswith("M13-")]
    _, body, _ = front_matter(m13)
    exercise = body[body.index("## Übung: Herr B. und die Brille"):]
    exercise = exercise[:exercise.index("\n## ", 1)]
    assert re.search(r"§\s?3\s?Nr\.\s?36", body) and "sittliche" in body
    assert re.search(r"§\s?3\s?Nr\.\s?36", exercise), "the exercise's answer names § 3 Nr. 36 EStG"
    assert "9 K 101/18" in body
    assert "Fachgrundlage" not in m13.read_text(encoding="utf-8")


def test_emergency_and_crisis_numbers() -> None:
    (m14,) = [p for p in MODULES if p.name.startswith("M14-")]
    (m15,) = [p for p in MODULES if p.name.startswith("M15-")]
    text = fill_numbers(participant(front_matter(m14)[1]))  # the numbers are ((notruf)) and the like
    assert re.search(r"\b112\b[^.\n]*(Rettungsdienst|Feuerwehr)", text), "M14: 112 mit Rettungsdienst und Feuerwehr"
    assert re.search(r"\b110\b[^.\n]*Polizei", text), "M14: 110 mit Polizei"
    seelsorge = REPO / "contacts" / "telefonseelsorge.yml"
    for path, page in [(m14, text), (m15, fill_numbers(participant(front_matter(m15)[1]))),
                       (seelsorge, fill_numbers(seelsorge.read_text(encoding="utf-8")))]:
        missing = [number for number in TELEFONSEELSORGE if number not in page]
        assert missing == [], f"{rel(path)}: TelefonSeelsorge ohne {missing}"


def test_the_invented_source_is_gone_everywhere() -> None:
    files = [*REPO.glob("curriculum/**/*.md"), *REPO.glob("curriculum/**/*.yml"), *REPO.glob("docs/**/*.md"),
             *REPO.glob("role_profiles/*.yml"), *REPO.glob("contacts/*.yml")]
    assert [rel(p) for p in files if "Fachgrundlage QuartierPflege" in p.read_text(encoding="utf-8")] == []


def test_the_2026_wage_figures_come_with_the_2027_ones() -> None:
    """No text writes 13,90 € or 603 € by hand any more (they are ((mindestlohn)) and
    ((minijob-grenze)), which show the 2027 value beside them); facts.yml holds both values."""
    facts = {fact["id"]: fact for fact in yaml.safe_load((REPO / "facts.yml").read_text(encoding="utf-8"))["facts"]}
    assert facts["mindestlohn"]["next"]["value"] == 14.60 and facts["minijob-grenze"]["next"]["value"] == 633
    by_hand = re.compile(r"13,90\s?€|(?<![\d.,])603\s?€")
    written = [rel(path) for path in OWN if by_hand.search(path.read_text(encoding="utf-8"))]
    assert written == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name[:3])
def test_every_module_has_a_self_check_with_answers(path: Path) -> None:
    _, body, _ = front_matter(path)
    headings = re.findall(r"^## (.+)$", body, re.MULTILINE)
    assert "Selbstcheck" in headings
    assert headings.index("Selbstcheck") < headings.index("Das Wichtigste in Kürze")
    section = body.split("## Selbstcheck\n", 1)[1].split("\n## ", 1)[0]
    questions = re.findall(r"^\d+\. ", section, re.MULTILINE)
    assert 3 <= len(questions) <= 5
    trainer = body.split(TRAINER_HEADING, 1)[1]
    assert "### Antworten zum Selbstcheck" in trainer
    answers = trainer.split("### Antworten zum Selbstcheck", 1)[1].split("\n#", 1)[0]
    assert len(re.findall(r"^\d+\. ", answers, re.MULTILINE)) == len(questions)


def test_the_housing_company_has_its_own_name() -> None:
    lwb = yaml.safe_load((REPO / "contacts" / "lwb-leipzig.yml").read_text(encoding="utf-8"))
    assert lwb["name"].startswith("Leipziger Wohnungs- und Baugesellschaft mbH")
    wrong = [rel(p) for p in [*MODULES, *PAGES] if "Leipziger Wohnungsbaugesellschaft" in p.read_text(encoding="utf-8")]
    assert wrong == []


def test_the_state_contact_points_are_in_the_directory_without_invented_data() -> None:
    for name in ("fachservicestelle-nachbarschaftshilfe-sachsen", "landeskoordinierungsstelle-sachsen-anhalt"):
        contact = yaml.safe_load((REPO / "contacts" / f"{name}.yml").read_text(encoding="utf-8"))
        assert contact["id"] == name
        assert all(contact.get(field) is None for field in ("phone", "email", "address", "website")), name
