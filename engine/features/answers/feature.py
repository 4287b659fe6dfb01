"""Answers for neighbours, declared: one kind, its pages, its cards and a place in the navigation."""

from __future__ import annotations

from pathlib import Path

from engine.core.kinds import UPDATED, Kind, Reference
from engine.core.registry import Feature, NavSection
from engine.features.answers import checks, handouts, pages, urls
from engine.features.answers.model import Answer

ANSWER = Kind(
    name="answer", collection="answers", label=("Antwort", "Antworten"),
    globs=("answers/*.yml", "answers/*.yaml"), model=Answer, schema="answer.schema.json",
    unknown="unbekannte Antwort",
    references=(Reference("contacts", "contact"), Reference("help_paths", "helppath", while_present=True),
                Reference("deeper.*.module", "module", repeat_allowed=True)),
    dated=(UPDATED,), page=urls.answer_page, handout=urls.answer_handout)

FEATURE = Feature(
    name="answers",
    kinds=(ANSWER,),
    record_checks=(checks.sections_exist,),
    pages=pages.plan_pages,
    handouts=handouts.plan_handouts,
    nav=(NavSection(urls.ANSWERS_SLOT, "Was tun, wenn …?"),),
    large_print=urls.is_answer_handout,
    templates=Path(__file__).parent / "templates",
)
