"""The rules of Leichte Sprache that a machine can check, as warnings at their line.

Each rule is a pure function of one line of text and returns its findings (code and German
message); `easy_read_problems` runs them over every page and names file, line and field. They
are warnings, never errors: a rule of Leichte Sprache serves clarity, and where it does not (a
safety rule says „nie hochheben“), the editor keeps the clearer sentence.

The tagger (HanTa, its German model shipped inside the package) finds the passive voice; pyphen
(German hyphenation patterns, shipped with it) counts syllables. Both are loaded once, and only
when a page in Leichte Sprache exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from engine.core.problems import Problem
from engine.core.project import Project
from engine.core.records import Record

#: At most this many words in a sentence (Leichte Sprache: short sentences, one statement each).
MAX_WORDS = 12
#: Words of more syllables than this are split with a Mediopunkt („Nachbarschafts·hilfe“) or replaced.
MAX_SYLLABLES = 4
MEDIOPUNKT = "·"

#: What readers see in place of a token is the engine's (a number, a phone number): the check
#: reads one neutral digit instead, so an emergency number is not counted as words.
_TOKEN = re.compile(r"\(\([a-z0-9]+(?:-[a-z0-9]+)*\)\)")
_WORD = re.compile(r"[0-9A-Za-zÄÖÜäöüß·]+(?:[-'][0-9A-Za-zÄÖÜäöüß·]+)*")
#: Abbreviations with a full stop, as readers meet them („z. B.“, „bzw.“, „Nr.“).
_DOTTED = re.compile(
    r"(?<![\wÄÖÜäöüß])(?:z\.\s?B|d\.\s?h|u\.\s?a|o\.\s?ä|u\.\s?ä|s\.\s?o|s\.\s?u|i\.\s?d\.\s?R|bzw|usw|etc|ca|ggf|evtl"
    r"|vgl|inkl|zzgl|max|min|Nr|Abs|Str|Tel|bspw|sog|ebd|Mio|Mrd|Std|Min|Jh|Hr|Fr|Dr|Prof|geb|gem|lt)\.",
    re.IGNORECASE)
#: Letters in capitals that stand for words („SGB“, „UE“, „SAPV“); a capital and small letters is a word.
_ACRONYM = re.compile(r"(?<![\wÄÖÜäöüß])[A-ZÄÖÜ]{2,}[a-zäöü]?(?![\wÄÖÜäöüß])")
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
#: Ends of a sentence: „!“, „?“ and „.“, but not the „.“ of an ordinal („am 30. Juni“, „der 2. Grad“).
_SENTENCE_END = re.compile(r"(?:[!?]|(?<=[^\d\s])\.|(?<=\d)\.(?!\s+(?:" + _MONTHS + r"|[a-zäöü0-9])))"
                           r"[\"“”»«)]?(?=\s|$)")
_NEGATION = re.compile(r"(?<![\wÄÖÜäöüß])(?:nicht|nichts|nie|niemals|niemand(?:em|en)?|nirgends|nirgendwo|weder"
                       r"|kein(?:e|er|em|en|es)?)(?![\wÄÖÜäöüß])", re.IGNORECASE)
_NUMBER_WORD = re.compile(
    r"(?<![\wÄÖÜäöüß])(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn"
    r"|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig"
    r"|hundert|tausend|zweimal|dreimal|viermal|fünfmal|zehnmal|hundertmal)(?![\wÄÖÜäöüß])",
    re.IGNORECASE)
_VOWELS = re.compile(r"[aeiouyäöü]", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """What one rule found in one line: its stable code and what to do."""

    code: str
    message: str
    subject: str = ""
    """What the finding is about, where the page reports it once (a long word at its first line)."""


Rule = Callable[[str], list[Finding]]


def readable(text: str) -> str:
    """The text as the rules read it: each `((token))` one neutral figure."""
    return _TOKEN.sub("1", text)


def sentences(text: str) -> list[str]:
    """The sentences of a line; abbreviations („z. B.“) do not end one."""
    masked = _DOTTED.sub(lambda match: match.group(0).replace(".", "\x00"), text)
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(masked):
        parts.append(masked[start:match.end()])
        start = match.end()
    parts.append(masked[start:])
    return [part.replace("\x00", ".").strip() for part in parts if words(part)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentence_long(line: str) -> list[Finding]:
    found = []
    for sentence in sentences(readable(line)):
        count = len(words(sentence))
        if count > MAX_WORDS:
            found.append(Finding("easy.sentence-long", f"der Satz hat {count} Wörter, in Leichter Sprache höchstens "
                                                       f"{MAX_WORDS}: teilen Sie ihn in kurze Sätze mit je einer "
                                                       f"Aussage („{_start(sentence)}“)"))
    return found


def line_sentences(line: str) -> list[Finding]:
    count = len(sentences(readable(line)))
    if count <= 1:
        return []
    return [Finding("easy.line-sentences", f"die Zeile hat {count} Sätze: schreiben Sie jeden Satz in eine "
                                           "eigene Zeile")]


def passive(line: str) -> list[Finding]:
    found = []
    for sentence in sentences(readable(line)):
        phrase = passive_phrase(sentence)
        if phrase:
            found.append(Finding("easy.passive", f"„{phrase}“ ist Passiv: sagen Sie, wer etwas tut, z. B. „Die "
                                                 "Ärztin ruft an“ statt „Es wird angerufen“"))
    return found


_WERDEN = re.compile(r"\b(?:werde|wirst|wird|werden|werdet|wurde|wurdest|wurden|wurdet|würde|würden|worden)\b",
                     re.IGNORECASE)


def passive_phrase(sentence: str) -> str:
    """„wird … geholt“ when the sentence has a form of „werden“ and a past participle, else ""."""
    if not _WERDEN.search(sentence):  # no passive without „werden“: most sentences need no tagger
        return ""
    tagged = _tagged(sentence)
    helper = next((word for word, lemma, tag in tagged if lemma == "werden" and tag.startswith("VA")), None)
    participle = next((word for word, _, tag in tagged if tag in ("VV(PP)", "VVPP")), None)
    return f"{helper} … {participle}" if helper and participle else ""


def negation(line: str) -> list[Finding]:
    hits = [match.group(0) for match in _NEGATION.finditer(readable(line))]
    if not hits:
        return []
    return [Finding("easy.negation", f"Verneinung „{'“, „'.join(hits)}“: sagen Sie, wenn es geht, was man tut "
                                     "(„Bleiben Sie ruhig“ statt „Regen Sie sich nicht auf“); wo die Verneinung "
                                     "klarer ist (eine Sicherheitsregel), bleibt sie")]


def abbreviations(line: str) -> list[Finding]:
    text = readable(line)
    hits = [match.group(0) for match in _DOTTED.finditer(text)]
    hits += [match.group(0) for match in _ACRONYM.finditer(text)]
    if not hits:
        return []
    return [Finding("easy.abbreviation", f"Abkürzung „{'“, „'.join(hits)}“: schreiben Sie das ganze Wort "
                                         "(„zum Beispiel“ statt „z. B.“)")]


def section_sign(line: str) -> list[Finding]:
    if "§" not in line:
        return []
    return [Finding("easy.section-sign", "„§“ versteht in Leichter Sprache kaum jemand: sagen Sie, was das "
                                         "Gesetz regelt, ohne Paragrafen")]


def number_words(line: str) -> list[Finding]:
    hits = [match.group(0) for match in _NUMBER_WORD.finditer(readable(line))]
    if not hits:
        return []
    return [Finding("easy.number-word", f"Zahl als Wort „{'“, „'.join(hits)}“: schreiben Sie Zahlen als Ziffern "
                                        "(„3“ statt „drei“)")]


def long_words(line: str) -> list[Finding]:
    found = []
    for word in long_words_in(readable(line)):
        found.append(Finding("easy.word-long", f"„{word}“ hat {syllables(word)} Silben: trennen Sie ein "
                                               f"zusammengesetztes Wort mit einem Mediopunkt "
                                               f"(„Nachbarschafts{MEDIOPUNKT}hilfe“) oder nehmen Sie ein "
                                               "kürzeres Wort", subject=word.casefold()))
    return found


def long_words_in(text: str) -> list[str]:
    """The words (or parts between Mediopunkts) of more than MAX_SYLLABLES syllables."""
    return [part for word in words(text) for part in word.split(MEDIOPUNKT)
            if part and not part.isdigit() and syllables(part) > MAX_SYLLABLES]


def syllables(word: str) -> int:
    """Syllables by German hyphenation; a piece without a vowel („A-lz-hei-mer“) joins its neighbour."""
    pieces = _hyphenator().inserted(word.replace("-", "")).split("-")
    return max(1, sum(1 for piece in pieces if _VOWELS.search(piece)))


#: Every rule of a line, in the order their warnings are listed.
LINE_RULES: tuple[Rule, ...] = (sentence_long, line_sentences, passive, negation, abbreviations, section_sign,
                                number_words, long_words)
#: A heading is no sentence: only the rules on words apply.
HEADING_RULES: tuple[Rule, ...] = (abbreviations, section_sign, number_words, long_words)


def line_findings(line: str, rules: tuple[Rule, ...] = LINE_RULES) -> list[Finding]:
    return [finding for rule in rules for finding in rule(line)]


def easy_read_problems(project: Project) -> list[Problem]:
    """Every page's findings as warnings at their line; a long word only where it first stands."""
    problems: list[Problem] = []
    for record in project.records.values():
        if record.kind == "easyread":
            problems.extend(_record_problems(record))
    return problems


def _record_problems(record: Record) -> list[Problem]:
    # The record as written: its tokens not yet filled in (`project.records` keeps the models as loaded).
    model: Any = record.model
    seen: set[str] = set()
    problems = []
    for at, text, rules in _texts(model):
        for finding in line_findings(text, rules):
            if finding.subject:
                if finding.subject in seen:
                    continue
                seen.add(finding.subject)
            problems.append(Problem(record.path, record.line_of(*at), record.field_name(*at), finding.message,
                                    warning=True, code=finding.code))
    return problems


def _texts(model: Any) -> Iterator[tuple[tuple[str | int, ...], str, tuple[Rule, ...]]]:
    yield ("title",), model.title, HEADING_RULES
    for index, part in enumerate(model.parts):
        yield ("parts", index, "heading"), part.heading, HEADING_RULES
        for number, line in enumerate(part.lines):
            yield ("parts", index, "lines", number), line, LINE_RULES


def _start(sentence: str) -> str:
    shown = words(sentence)[:5]
    return " ".join(shown) + " …"


@cache
def _tagger() -> Any:
    from HanTa import HanoverTagger  # a second to load its model: only when a page is checked

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@cache
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="de_DE", left=1, right=2)


def _tagged(sentence: str) -> list[tuple[str, str, str]]:
    tokens = re.findall(r"[0-9A-Za-zÄÖÜäöüß·]+|[^\s\w]", sentence)
    if not tokens:
        return []
    return [(str(word), str(lemma), str(tag)) for word, lemma, tag in _tagger().tag_sent(tokens)]
