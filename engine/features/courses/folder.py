"""A course's participants' folder: what people take home, short enough to print for a group.

Schedule; per module „Das Wichtigste in Kürze“, the exercises as worksheets
(without their solutions, which are in the trainer edition) and the self-check; where to find
the forms, answers and sheets the course's modules lead to; contacts; and the self-check's
answers at the very end, so a reader can try first.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.core.body import section, split_body
from engine.core.printer import Chapter, Handout, HandoutContext, Printer, stand
from engine.core.urls import html_of
from engine.core.vocabulary import SELF_CHECK_ANSWERS_HEADING, SELF_CHECK_HEADING, SUMMARY_HEADING
from engine.features.answers.model import Answer, Sheet
from engine.features.answers.urls import ANSWERS_HANDOUT, sheet_handout
from engine.features.courses.model import Course
from engine.features.courses.plan import CoursePlan
from engine.features.courses.urls import course_handout, course_page
from engine.features.curriculum.model import Module, RoleProfile
from engine.features.curriculum.urls import module_page


@dataclass(frozen=True)
class FolderModule:
    """What the folder prints of one module, as print HTML."""

    module: Module
    summary: object
    exercises: list[tuple[str, object]]
    self_check: object
    answers: object


def folder_module(printer: Printer, module: Module) -> FolderModule:
    """A module's take-home parts, rendered once for every course that teaches it."""
    return printer.once(("folder", module.id), lambda: _folder_module(printer, module))


def _folder_module(printer: Printer, module: Module) -> FolderModule:
    body, page = split_body(module.body), module_page(module.id)

    def printed(text: str) -> object:
        return printer.markdown(text, page) if text.strip() else ""

    worksheets = [(exercise.title, printed(exercise.task)) for exercise in body.exercises]
    return FolderModule(module, printed(section(body.participant, SUMMARY_HEADING)), worksheets,
                        printed(section(body.participant, SELF_CHECK_HEADING)),
                        printed(section(body.trainer, SELF_CHECK_ANSWERS_HEADING, level=3)))


def participants_folder(context: HandoutContext, course: Course, plan: CoursePlan) -> Handout:
    """The folder of `course` (`kurs-<id>.pdf`)."""
    printer, project = context.printer, context.project
    modules = [folder_module(printer, module) for module in plan.modules]
    roles = project.by_id(RoleProfile)
    taught = {module.id for module in plan.modules}
    used = {form.id: form for module in plan.modules for form in project.referring("form", "module", module.id)}
    forms = [(form.title, printer.where(project.shape.handout_of("form", form.id))) for form in used.values()]
    answers = [answer for answer in project.all(Answer) if taught & {deeper.module for deeper in answer.deeper}]
    # The places the folder's answers send a neighbour to, and the coordination: the whole
    # directory would list every city's offices.
    named = {project.programme.coordination, *(contact for answer in answers for contact in answer.contacts)}
    contacts = [contact for contact in project.contacts if contact.id in named]
    sheets = [(sheet.title, printer.where(sheet_handout(sheet.id, sheet.format == "wallet")))
              for sheet in project.all(Sheet)]
    chapters = [
        Chapter(course.title, printer.fragment("schedule.html.j2", course=course, plan=plan,
                                               audience=[roles[r] for r in course.audience])),
        # One chapter for all modules: each starting on a new page would leave half-empty pages.
        Chapter("Die Module des Kurses", printer.fragment("folder_module.html.j2", parts=modules)),
        # The places to look things up and the contacts share a chapter: each is about a page.
        Chapter("Zum Nachschlagen und Ausfüllen", printer.fragment(
            "folder_links.html.j2", forms=forms, answers=[answer.question for answer in answers], sheets=sheets,
            all_answers=printer.where(ANSWERS_HANDOUT)) + printer.fragment(
            "contact_list.html.j2", contacts=contacts, heading="Anlaufstellen")),
        Chapter("Antworten zum Selbstcheck", printer.fragment("folder_answers.html.j2", modules=modules)),
    ]
    return printer.document(course_handout(course.id), course.title, chapters,
                            stand(course.version, course.updated), html_of(course_page(course.id)), page_class="flow")
