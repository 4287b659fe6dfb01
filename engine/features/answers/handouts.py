"""The answers' cards: one per answer (A5, one side, large type), and all of them in one file."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from engine.core import formatting
from engine.core.printer import Chapter, Handout, HandoutContext, stylesheet
from engine.core.urls import html_of
from engine.features.answers.model import Sheet
from engine.features.answers.pages import answer_values, ordered
from engine.features.answers.urls import (
    ANSWERS_HANDOUT,
    ANSWERS_PAGE,
    answer_handout,
    answer_page,
    sheet_handout,
    sheet_page,
)

_TEMPLATES = Path(__file__).parent / "templates"


def plan_handouts(context: HandoutContext) -> list[Handout]:
    printer, project = context.printer, context.project
    answers = ordered(project)
    values = {**answer_values(project), "card_css": Markup(stylesheet(_TEMPLATES / "answer_card.css")),
              "sheet_css": Markup(stylesheet(_TEMPLATES / "sheet.css"))}
    sheets = [printer.document(sheet_handout(sheet.id, sheet.format == "wallet"), sheet.title,
                               [Chapter(sheet.title, printer.fragment("sheet.html.j2", sheet=sheet, **values))],
                               f"Stand {formatting.date_de(sheet.updated)}", html_of(sheet_page(sheet.id)))
              for sheet in project.all(Sheet)]
    if not answers:
        return sheets
    cards = [Chapter(answer.question, printer.fragment("answer_card.html.j2", answer=answer, **values))
             for answer in answers]
    handouts = [printer.document(answer_handout(answer.id), answer.question, [card],
                                 f"Stand {formatting.date_de(answer.updated)}", html_of(answer_page(answer.id)),
                                 page_class="answer-card")
                for answer, card in zip(answers, cards, strict=True)]
    newest = max(answer.updated for answer in answers)
    handouts += sheets
    handouts.append(printer.document(ANSWERS_HANDOUT, "Was tun, wenn …? Antworten für Nachbar:innen", cards,
                                     f"Stand {formatting.date_de(newest)}", html_of(ANSWERS_PAGE),
                                     page_class="answer-card"))
    return handouts
