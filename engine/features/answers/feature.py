"""Answers for neighbours, declared: one kind, its pages, its cards and a place in the navigation."""

from __future__ import annotations

from pathlib import Path

from engine.core.kinds import UPDATED, Kind, Reference
from engine.core.registry import Feature, NavSection
from engine.features.answers import checks, handouts, pages, urls
from engine.features.answers.model import Answer, Sheet

ANSWER = Kind(
    name="answer", collection="answers", label=("Antwort", "Antworten"),
    globs=("answers/*.yml", "answers/*.yaml"), model=Answer, schema="answer.schema.json",
    unknown="unbekannte Antwort",
    references=(Reference("contacts", "contact"), Reference("help_paths", "helppath", while_present=True),
                Reference("deeper.*.module", "module", repeat_allowed=True)),
    dated=(UPDATED,), page=urls.answer_page, handout=urls.answer_handout)

SHEET = Kind(
    name="sheet", collection="sheets", label=("Blatt", "Blätter"), globs=("sheets/*.yml", "sheets/*.yaml"),
    model=Sheet, schema="sheet.schema.json", unknown="unbekanntes Blatt", dated=(UPDATED,),
    page=urls.sheet_page)


def _large_print(name: str) -> bool:
    """Answers, their cards and the A4 sheets; the wallet card stays small on purpose."""
    return urls.is_answer_handout(name) or name.startswith("blatt-")


FEATURE = Feature(
    name="answers",
    kinds=(ANSWER, SHEET),
    record_checks=(checks.sections_exist,),
    pages=pages.plan_pages,
    handouts=handouts.plan_handouts,
    nav=(NavSection(urls.ANSWERS_SLOT, "Was tun, wenn …?"), NavSection(urls.SHEETS_SLOT, "Zum Ausdrucken")),
    large_print=_large_print,
    templates=Path(__file__).parent / "templates",
)
