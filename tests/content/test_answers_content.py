"""Our answers for neighbours (`answers/`, issue 18 item 1): enough of them, every module and every
help path reached from one, Einfache Sprache that can be measured, the safety sentences word for
word, and a card that stays on one A5 page.

The text checks read the YAML as an editor writes it (no engine), so a failure names the file and
the field to fix. Only the card check lays the cards out, with the engine and WeasyPrint, as the
handouts do (about three seconds for all cards; no PDF is written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from fact_tokens import TOKEN, fill_numbers

REPO = Path(__file__).resolve().parents[2]
SAFETY = yaml.safe_load(Path(__file__).with_name("safety_rules.yml").read_text(encoding="utf-8"))["rules"]
FACTS = {fact["id"]: fact for fact in
         yaml.safe_load((REPO / "facts.yml").read_text(encoding="utf-8"))["facts"]}

MINIMUM_ANSWERS = 40
SENTENCES = (3, 6)          # sentences in `answer`
ALSO_ASKED = (3, 6)         # other ways to ask the question
MAX_WORDS = 20              # words in one sentence of `answer` (Einfache Sprache: short sentences)
READER_FIELDS = ("question", "answer", "may", "may_not", "call")

# Abbreviations a reader has to know: runs of capitals (SGB, UE, PIN) and the usual dotted ones.
CAPITALS = re.compile(r"\b[A-ZÄÖÜ]{2,}\b")
DOTTED = re.compile(r"\b(?:z\.\s?B|d\.\s?h|u\.\s?a|o\.\s?ä|bzw|ggf|usw|etc|ca|evtl|inkl|Nr|Abs|Str|Tel|vgl|sog|"
                    r"bspw|max|min|mind|zzgl|Mio|Std|Min)\.")
SENTENCE_END = re.compile(r"[.!?][“”\"]?$")
INNER_END = re.compile(r"[.!?][“”\"]?\s+(?=[A-ZÄÖÜ„])")


@dataclass(frozen=True)
class Answer:
    path: str
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data["id"])

    def texts(self, *fields: str) -> list[tuple[str, str]]:
        """(field[index], text) for the reader's texts of `fields`."""
        found = []
        for name in fields:
            value = self.data.get(name)
            items = [value] if isinstance(value, str) else list(value or [])
            found += [(f"{name}[{i}]" if not isinstance(value, str) else name, str(text))
                      for i, text in enumerate(items)]
        return found


def load_answers(folder: Path = REPO / "answers") -> list[Answer]:
    return [Answer(path.relative_to(REPO).as_posix(), yaml.safe_load(path.read_text(encoding="utf-8")))
            for path in sorted(folder.glob("*.yml"))]


ANSWERS = load_answers()


def normalise(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", fill_numbers(text)).strip()


def shown(text: str) -> str:
    """The text as a reader sees it, near enough to count words: a fact token becomes its value and
    unit, a figure of the recognition rules (programme.yml) a number and a word."""
    def value(match: re.Match[str]) -> str:
        fact = FACTS.get(match["id"])
        return f"{fact['value']} {fact.get('unit') or ''}".strip() if fact else "0 Stunden"
    return TOKEN.sub(value, text)


def words(sentence: str) -> list[str]:
    return [word for word in shown(sentence).split() if re.search(r"\w", word)]


def sentence_problems(answer: Answer) -> list[str]:
    """Einfache Sprache, measured: 3–6 items, each one sentence of at most MAX_WORDS words."""
    items = answer.data.get("answer") or []
    problems = []
    if not SENTENCES[0] <= len(items) <= SENTENCES[1]:
        problems.append(f"{answer.path}: answer: {len(items)} Sätze, erlaubt sind {SENTENCES[0]} bis {SENTENCES[1]}")
    for index, sentence in enumerate(items):
        where = f"{answer.path}: answer[{index}]"
        if not SENTENCE_END.search(sentence):
            problems.append(f"{where}: endet nicht mit einem Satzzeichen: „{sentence}“")
        if INNER_END.search(sentence):
            problems.append(f"{where}: mehr als ein Satz – ein Satz je Eintrag: „{sentence}“")
        if len(words(sentence)) > MAX_WORDS:
            problems.append(f"{where}: {len(words(sentence))} Wörter, höchstens {MAX_WORDS}: „{sentence}“")
    return problems


def also_asked_problems(answer: Answer) -> list[str]:
    also = answer.data.get("also_asked") or []
    if ALSO_ASKED[0] <= len(also) <= ALSO_ASKED[1]:
        return []
    return [f"{answer.path}: also_asked: {len(also)} Fragen, erlaubt sind {ALSO_ASKED[0]} bis {ALSO_ASKED[1]}"]


def jargon_problems(answer: Answer) -> list[str]:
    """No „§“ and no abbreviation in what a reader reads (tokens are names, not text)."""
    problems = []
    for where, text in answer.texts(*READER_FIELDS):
        plain = TOKEN.sub(" ", text)
        if "§" in plain:
            problems.append(f"{answer.path}: {where}: „§“ gehört nicht in eine Antwort: „{text}“")
        for match in [*CAPITALS.finditer(plain), *DOTTED.finditer(plain)]:
            problems.append(f"{answer.path}: {where}: Abkürzung „{match.group()}“ – schreiben Sie das Wort aus")
    return problems


def safety_problems(answer: Answer) -> list[str]:
    """Where an answer touches a safety rule's topic (safety_rules.yml), the rule's sentence stands
    in it word for word. As in test_safety_rules.py, the rules' own sentences are taken out before
    the topics are looked for."""
    text = normalise(" ".join(t for _, t in answer.texts("question", "also_asked", *READER_FIELDS[1:],
                                                          "pictogram_label")))
    rest = text
    for rule in SAFETY:
        rest = rest.replace(normalise(rule["sentence"]), " ")
    problems = []
    for rule in SAFETY:
        hit = next((m.group() for p in rule["topic"] for m in [re.search(p, rest, re.IGNORECASE)] if m), None)
        if hit and normalise(rule["sentence"]) not in text:
            problems.append(f"{answer.path}: behandelt „{hit}“, aber der Satz der Regel „{rule['id']}“ fehlt")
    return problems


def module_ids() -> set[str]:
    return {path.name.split("-")[0] for path in (REPO / "curriculum" / "modules").glob("M*.md")}


def help_path_ids() -> set[str]:
    return {path.stem for path in (REPO / "city" / "wegweiser").glob("*.yml")}


def coverage_gaps(answers: list[Answer]) -> list[str]:
    modules = {deeper["module"] for answer in answers for deeper in answer.data.get("deeper") or []}
    paths = {path for answer in answers for path in answer.data.get("help_paths") or []}
    return ([f"kein Antwort führt zu Modul {m} (deeper)" for m in sorted(module_ids() - modules)]
            + [f"keine Antwort führt zum Wegweiser {p} (help_paths)" for p in sorted(help_path_ids() - paths)])


def test_there_are_enough_answers() -> None:
    assert len(ANSWERS) >= MINIMUM_ANSWERS, f"{len(ANSWERS)} Antworten, mindestens {MINIMUM_ANSWERS}"
    assert len({a.data["question"] for a in ANSWERS}) == len(ANSWERS), "zwei Antworten haben dieselbe Frage"


def test_every_module_and_every_help_path_is_reached() -> None:
    assert len(module_ids()) == 16 and len(help_path_ids()) >= 10  # guards against checking nothing
    assert coverage_gaps(ANSWERS) == []


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.id)
def test_the_answer_is_einfache_sprache(answer: Answer) -> None:
    assert sentence_problems(answer) + also_asked_problems(answer) + jargon_problems(answer) == []


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.id)
def test_the_safety_sentence_stands_where_its_topic_is(answer: Answer) -> None:
    assert safety_problems(answer) == []


# The topics the safety rules are about, each answered by at least one answer that carries the rule.
CARRIES = {"sturz": "sturz", "hingefallen-notruf": "sturz-112", "aufstehen-helfen": "sturz-aufstehen",
           "verschluckt-sich": "schlucken", "demenz-verschwunden": "vermisst", "tuer-abschliessen": "eingeschlossen",
           "nicht-mehr-leben": "suizid", "schlaganfall": "schlaganfall", "tabletten": "medikamente-projekt",
           "verband-blutdruck": "medikamente-projekt"}


def test_each_safety_topic_has_an_answer_with_its_sentence() -> None:
    by_id = {a.id: normalise(" ".join(t for _, t in a.texts(*READER_FIELDS))) for a in ANSWERS}
    sentence = {rule["id"]: normalise(rule["sentence"]) for rule in SAFETY}
    missing = [f"{answer_id}: {rule}" for answer_id, rule in CARRIES.items()
               if sentence[rule] not in by_id.get(answer_id, "")]
    assert missing == []


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """Each check above reports a broken answer (and only the broken part)."""
    good = ANSWERS[0]
    broken = Answer("answers/kaputt.yml", {
        **good.data,
        "answer": ["Das ist gemäß § 45b SGB XI z. B. ein sehr langer Satz mit viel zu vielen Wörtern, den eine "
                   "Nachbarin beim ersten Lesen kaum versteht, weil er nicht aufhört.", "Zwei. Sätze hier."],
        "also_asked": ["nur eine"],
        "may_not": ["Die Person nach einem Sturz hochziehen"],
    })
    sentences = sentence_problems(broken)
    assert any("2 Sätze" in p for p in sentences)
    assert any("Wörter, höchstens 20" in p for p in sentences)
    assert any("mehr als ein Satz" in p for p in sentences)
    assert also_asked_problems(broken) == ["answers/kaputt.yml: also_asked: 1 Fragen, erlaubt sind 3 bis 6"]
    jargon = jargon_problems(broken)
    assert any("„§“" in p for p in jargon) and any("„SGB“" in p for p in jargon) and any("„z. B.“" in p for p in jargon)
    assert {p.rsplit("„", 1)[1] for p in safety_problems(broken)} >= {"sturz“ fehlt", "sturz-112“ fehlt"}
    assert coverage_gaps(ANSWERS[:1]) != []
    assert sentence_problems(good) == [] and safety_problems(good) == []


# --- the cards --------------------------------------------------------------------------------------

CARD = re.compile(r"antwort-(?P<id>.+?)(?:-grossdruck)?\.pdf")


def card_documents() -> dict[str, Any]:
    """Every answer card laid out as the handouts lay it out: {file name: WeasyPrint document}."""
    from engine.core.editions import Edition, for_edition
    from engine.core.pdf import render_document
    from engine.core.printer import MarkdownSetup
    from engine.portal import load_checked, plan_handouts

    setup = MarkdownSetup.of(["toc", "tables", "admonition", "def_list", "attr_list", "md_in_html"],
                             {"toc": {"permalink": True}})
    project = for_edition(load_checked(REPO), Edition.PUBLIC)
    # Each answer's card, and its large-print twin (`-grossdruck`) where the engine makes one.
    cards = [h for h in plan_handouts(project, setup) if CARD.fullmatch(h.name)]
    return {h.name: (h, render_document(h.html, REPO, h.title, h.base)) for h in cards}


@pytest.fixture(scope="module")
def cards() -> dict[str, Any]:
    return card_documents()


def test_every_card_fits_on_one_a5_page(cards: dict[str, Any]) -> None:
    assert {CARD.fullmatch(name)["id"] for name in cards} == {a.id for a in ANSWERS}
    longer = {name: len(document.pages) for name, (_, document) in cards.items() if len(document.pages) != 1}
    assert longer == {}, "Karten über eine Seite – kürzen Sie die Antwort, „Das dürfen Sie“ oder „Wen Sie anrufen“"


def test_the_page_count_would_see_a_card_that_is_too_long(cards: dict[str, Any]) -> None:
    from engine.core.pdf import render_document

    handout, _ = cards["antwort-sturz.pdf"]
    padded = handout.html.replace('<p class="coordination">',
                                  "<p>Noch ein Satz, der die Karte füllt.</p>" * 12 + '<p class="coordination">', 1)
    assert padded != handout.html
    assert len(render_document(padded, REPO, handout.title, handout.base).pages) > 1
