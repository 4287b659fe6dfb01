"""Readability of our texts: every module body, every answer for neighbours and every page in Leichte Sprache.

For each text: Flesch-Amstad reading ease (0–100, higher is easier; Leichte Sprache aims high),
the first Wiener Sachtextformel (a school grade, 4–15; lower is easier), words per sentence, and
the number of warnings the Leichte-Sprache check gives (pages in Leichte Sprache only). Computed
with `textstat` (German syllables by pyphen) on the text as readers see it: module bodies without
Markdown and trainer notes, fact tokens filled in; the Mediopunkt of Leichte Sprache is taken out
first, because the formulas count syllables of whole words.

    .venv/bin/python benchmarks/readability.py
"""

from __future__ import annotations

import re
import statistics
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_MARKUP = [
    (re.compile(r"```.*?```", re.S), " "),
    (re.compile(r"<[^>]+>"), " "),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\{[:.#][^}]*\}"), " "),
    (re.compile(r"^\s{0,3}(?:#{1,6}|[-*+]|\d+\.|>|\|)\s*", re.M), ""),
    (re.compile(r"[*_`|]"), " "),
]


def plain(markdown: str) -> str:
    """Markdown as running text: headings and list items end as sentences."""
    lines = []
    for line in markdown.splitlines():
        for pattern, replacement in _MARKUP:
            line = pattern.sub(replacement, line)
        line = line.strip()
        if line and not line.endswith((".", "!", "?", ":")):
            line += "."
        lines.append(line)
    return " ".join(" ".join(lines).split())


def figures(text: str) -> tuple[float, float, float]:
    import textstat  # imported here: the test that imports every benchmark runs nothing

    textstat.set_lang("de")
    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    return (textstat.flesch_reading_ease(text), textstat.wiener_sachtextformel(text, variant=1),
            words / sentences)


def main() -> None:
    from engine.core.body import split_body
    from engine.features.answers.model import Answer
    from engine.features.curriculum.model import Module
    from engine.features.easy_read.model import EasyRead
    from engine.portal import check_project

    project, problems = check_project(REPO)
    warnings = Counter(problem.path for problem in problems if problem.code.startswith("easy."))
    rows: list[tuple[str, str, float, float, float, str]] = []
    for module in project.all(Module):
        text = plain(split_body(module.body).participant)
        rows.append((module.id, "Modul", *figures(text), "–"))
    for answer in project.all(Answer):
        text = " ".join([answer.question, *answer.answer, *answer.may, *answer.may_not, *answer.call])
        rows.append((answer.id, "Antwort", *figures(plain(text)), "–"))
    for easy in project.all(EasyRead):
        record = project.records[f"easyread:{easy.id}"]
        lines = [line for part in easy.parts for line in [part.heading + ".", *part.lines]]
        text = " ".join(lines).replace("·", "")
        rows.append((easy.module, "Leichte Sprache", *figures(text), str(warnings[record.path])))
    print("| Text | Art | Flesch-Amstad | Wiener Sachtextformel | Wörter je Satz | Warnungen |")
    print("|---|---|---|---|---|---|")
    order = {"Modul": 0, "Leichte Sprache": 1, "Antwort": 2}
    for name, kind, flesch, wiener, per_sentence, warned in sorted(rows, key=lambda row: (order[row[1]], row[0])):
        print(f"| {name} | {kind} | {flesch:.1f} | {wiener:.1f} | {per_sentence:.1f} | {warned} |")
    for kind in order:
        chosen = [row for row in rows if row[1] == kind]
        if chosen:
            print(f"\n{kind} (Median von {len(chosen)}): Flesch-Amstad "
                  f"{statistics.median(row[2] for row in chosen):.1f}, Wiener Sachtextformel "
                  f"{statistics.median(row[3] for row in chosen):.1f}, Wörter je Satz "
                  f"{statistics.median(row[4] for row in chosen):.1f}")
    print(f"\nWarnungen der Leichten Sprache insgesamt: {sum(warnings.values())}")


if __name__ == "__main__":
    main()
