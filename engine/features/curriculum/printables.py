"""The printables of the materials catalogue: case cards from a module's exercises, cards to cut,
sheets and checklists, the onion drawing, the contact list and the recognition checklist."""

from __future__ import annotations

from html import escape
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
from engine.features.curriculum.plans import material_name
from engine.features.curriculum.urls import MATERIALS_PAGE, material_handout, module_page

_TEMPLATES = Path(__file__).parent / "templates"
#: The print format of each printable format: A4 sheets, A4 pages of four cards, one A6 card.
_PAGE_CLASS = {"sheet": "", "cards": "cut-cards", "card": "a6-card"}


def printed_materials(project: Project) -> list[Material]:
    """The catalogue's printables, in its order of names."""
    return [material for material in project.all(Material) if material.printable]


def drawing(material: Material, prefix: str, labelled: bool = True) -> Markup:
    """A material's drawing as inline SVG, empty when it has none."""
    printable = material.printable
    if printable is None or printable.drawing != "onion":
        return Markup("")
    return Markup(onion_svg(printable.parts, material.name, prefix, labelled))


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


def material_users(project: Project) -> dict[str, list[str]]:
    """Material id → the modules that use it: their plans name it, it holds their exercises, or
    it is drawn in one of their sections."""
    return project.once("material_users", lambda: _material_users(project))


def _material_users(project: Project) -> dict[str, list[str]]:
    users: dict[str, list[str]] = {}
    for module in project.all(Module):
        for material_id in module.materials:
            users.setdefault(material_id, []).append(module.id)
    for material in project.all(Material):
        printable = material.printable
        if printable is None:
            continue
        for module_id in [printable.exercises_of, *(place.module for place in printable.shown_in)]:
            if module_id and module_id not in users.setdefault(material.id, []):
                users[material.id].append(module_id)
    return {material_id: sorted(modules) for material_id, modules in users.items()}


def module_materials(project: Project, module_id: str) -> list[Material]:
    """The materials a module uses, printables first, each once."""
    return project.once("module_materials", lambda: _materials_by_module(project)).get(module_id, [])


def _materials_by_module(project: Project) -> dict[str, list[Material]]:
    by_module: dict[str, list[Material]] = {}
    users = material_users(project)
    for material in project.all(Material):  # in the catalogue's order, then printables first
        for module_id in users.get(material.id, []):
            by_module.setdefault(module_id, []).append(material)
    return {module_id: sorted(used, key=lambda material: material.printable is None)
            for module_id, used in by_module.items()}


def material_handout_of(project: Project, material: Material) -> str:
    """The PDF a trainer prints for a material: its printable or its form; empty for an object."""
    if material.printable:
        return material_handout(material.id)
    if material.form and material.form in {form.id for form in project.content.get("form", ())}:
        return project.shape.handout_of("form", material.form)
    return ""


def with_drawings(project: Project, module_id: str, markdown_text: str) -> str:
    """A module's participant Markdown with each drawing shown in it placed at the end of its section."""
    shown = [(material, place.section) for material in project.all(Material) if material.printable
             for place in material.printable.shown_in if place.module == module_id]
    if not shown:
        return markdown_text
    lines = markdown_text.split("\n")
    for material, heading in shown:
        figure = (f'<figure class="qp-figure drawing onion">{drawing(material, f"zeichnung-{material.id}", False)}'
                  f"<figcaption>{escape(drawing_text(material))}</figcaption></figure>")
        start = next((index for index, line in enumerate(lines) if line.strip() == f"## {heading}"), None)
        if start is None:
            continue  # the check reports a section that does not exist
        end = next((index for index in range(start + 1, len(lines)) if lines[index].startswith("## ")), len(lines))
        lines[end:end] = ["", figure, ""]
    return "\n".join(lines)


def material_names(project: Project, material_ids: list[str]) -> list[str]:
    """The catalogue's names for material ids (a run sheet's column), an unknown id as it stands."""
    return [material_name(project, material_id) for material_id in material_ids]
