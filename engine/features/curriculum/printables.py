"""The printables of the materials catalogue: case cards from a module's exercises, cards to cut,
sheets and checklists, the onion drawing, the contact list and the recognition checklist."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from engine.core import formatting
from engine.core.body import split_body
from engine.core.printer import Chapter, Handout, HandoutContext, Printer, stylesheet
from engine.core.project import Project
from engine.core.urls import html_of
from engine.features.curriculum.materials import Material
from engine.features.curriculum.model import Module
from engine.features.curriculum.onion import onion_description, onion_svg
from engine.features.curriculum.urls import MATERIALS_PAGE, material_handout, module_page

_TEMPLATES = Path(__file__).parent / "templates"
#: The print format of each printable format: A4 sheets, A4 pages of four cards, one A6 card.
_PAGE_CLASS = {"sheet": "", "cards": "cut-cards", "card": "a6-card"}


def printed_materials(project: Project) -> list[Material]:
    """The catalogue's printables, in its order of names."""
    return [material for material in project.all(Material) if material.printable]


def drawing(material: Material, prefix: str) -> Markup:
    """A material's drawing as inline SVG, empty when it has none."""
    printable = material.printable
    if printable is None or printable.drawing != "onion":
        return Markup("")
    return Markup(onion_svg(printable.parts, material.name, prefix))


def drawing_text(material: Material) -> str:
    """The drawing in words (printed under it, so paper readers and screen readers get the same)."""
    return onion_description(material.printable.parts) if material.printable else ""


def plan_handouts(context: HandoutContext) -> list[Handout]:
    printer, project = context.printer, context.project
    css = Markup(stylesheet(_TEMPLATES / "printable.css"))
    footer = f"Material für Kurse · {project.programme.short_name}"
    handouts = []
    for material in printed_materials(project):
        printable = material.printable
        assert printable is not None
        if printable.exercises_of:
            page_class = "card"
            chapters = _case_cards(printer, project, material, css)
        else:
            page_class = _PAGE_CLASS[printable.format]
            chapters = [Chapter(material.name, printer.fragment(
                "printable.html.j2", material=material, printable=printable, css=css,
                drawing=drawing(material, f"zeichnung-{material.id}"), drawing_text=drawing_text(material),
                rules=project.programme.recognition, contacts=project.contacts))]
        handouts.append(printer.document(material_handout(material.id), material.name, chapters, footer,
                                         html_of(MATERIALS_PAGE), page_class=page_class))
    return handouts


def _case_cards(printer: Printer, project: Project, material: Material, css: Markup) -> list[Chapter]:
    """One A5 card per exercise of the module, without its solution."""
    assert material.printable is not None and material.printable.exercises_of
    module = project.by_id(Module).get(material.printable.exercises_of)
    if module is None:
        return []
    exercises = split_body(module.body).exercises
    return [Chapter(f"{module.id} · {exercise.title}", printer.fragment(
        "case_card.html.j2", module=module, number=number, total=len(exercises), css=css,
        task=printer.markdown(exercise.task, module_page(module.id))))
        for number, exercise in enumerate(exercises, start=1)] or [
        Chapter(material.name, Markup(f"<p>{formatting.count(0, 'Übung', 'Übungen')} in {module.id}.</p>"))]
