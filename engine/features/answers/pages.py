"""The answers' pages: one per answer, and the list of questions."""

from __future__ import annotations

from functools import partial
from typing import Any

from markdown.extensions.toc import slugify

from engine.core.formatting import dialer
from engine.core.icons import icon_svg
from engine.core.pages import PageContext, PagePlan
from engine.core.project import Project
from engine.features.answers.model import Answer, Sheet
from engine.features.answers.urls import (
    ANSWERS_HANDOUT,
    ANSWERS_PAGE,
    answer_handout,
    answer_page,
    sheet_handout,
    sheet_page,
)
from engine.features.city.urls import help_path_page
from engine.features.contacts.directory import contact_directory
from engine.features.curriculum.urls import module_page
from engine.features.facts.values import phone_numbers


def answer_values(project: Project) -> dict[str, Any]:
    """What the answer templates (page and card) use besides the answer."""
    entry_page = contact_directory(project).entry_page
    coordination = project.contact_by_id.get(project.programme.coordination or "")
    return {
        # On a phone a number in „Wen Sie anrufen“ is tapped, not typed.
        "dial": dialer(phone_numbers(project)),
        "contact_by_id": project.contact_by_id, "contact_entry": lambda contact_id: entry_page[contact_id],
        "module_by_id": project.module_by_id, "help_path_by_id": project.helppath_by_id,
        "coordination": coordination, "icon": icon_svg, "section_anchor": lambda text: slugify(text, "-"),
        "answer_page": answer_page, "answer_handout": answer_handout, "answers_handout": ANSWERS_HANDOUT,
        "module_page": module_page, "help_path_page": help_path_page, "sheet_handout": sheet_handout,
    }


def ordered(project: Project) -> list[Answer]:
    return sorted(project.all(Answer), key=lambda answer: answer.question.casefold())


def plan_pages(context: PageContext) -> PagePlan:
    project, render = context.project, context.render
    answers = ordered(project)
    values = answer_values(project)
    plan: PagePlan = {sheet_page(sheet.id): partial(render, "sheet.md.j2", sheet_page(sheet.id), label=sheet.title,
                                                    sheet=sheet, **values) for sheet in project.all(Sheet)}
    if not answers:
        return plan
    plan |= {ANSWERS_PAGE: partial(render, "answers.md.j2", ANSWERS_PAGE, label="Antworten",
                                            answers=answers, **values)}
    for answer in answers:
        page = answer_page(answer.id)
        plan[page] = partial(render, "answer.md.j2", page, label=answer.question, answer=answer, **values)
    return plan
