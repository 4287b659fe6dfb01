"""Forms (Vorlagen), declared: fillable templates for paper work, each a page and an A4 PDF."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from markupsafe import Markup

from engine.core.kinds import BY_TITLE, SOURCES, UPDATED, Kind, Reference, VocabularyField
from engine.core.pages import PageContext, PagePlan
from engine.core.printer import Chapter, Handout, HandoutContext, stand, stylesheet
from engine.core.registry import Feature, NavSection
from engine.core.urls import html_of
from engine.features.curriculum.model import Module
from engine.features.forms.model import Form, describe, field_rows, rule_limits

TEMPLATES = Path(__file__).parent / "templates"
FORMS_PAGE = "vorlagen/index.md"


def form_page(form_id: str) -> str:
    return f"vorlagen/{form_id}.md"


def form_handout(form_id: str) -> str:
    return f"vorlage-{form_id}.pdf"


FORM = Kind(
    name="form", collection="forms", label=("Vorlage", "Vorlagen"),
    globs=("curriculum/forms/*.yml", "curriculum/forms/*.yaml"), model=Form, schema="form.schema.json",
    unknown="unbekannte Vorlage", references=(Reference("modules", "module"),),
    vocabularies=(VocabularyField("limits_of.*", "recognition"),
                  VocabularyField("sections.*.conditions_of", "recognition")),
    dated=(UPDATED, SOURCES), sort_key=BY_TITLE, page=form_page, handout=form_handout)


def plan_pages(context: PageContext) -> PagePlan:
    forms = context.project.all(Form)
    if not forms:
        return {}
    render = context.render
    plan: PagePlan = {FORMS_PAGE: lambda: render("forms.md.j2", FORMS_PAGE)}
    for form in forms:
        plan[form_page(form.id)] = partial(render, "form.md.j2", form_page(form.id), label=form.title, form=form)
    return plan


def plan_handouts(context: HandoutContext) -> list[Handout]:
    """Each form as a fillable A4 PDF: the same structure as its page, with lines, boxes and fields."""
    printer = context.printer
    modules = context.project.by_id(Module)
    handouts = []
    for form in context.project.all(Form):
        html = printer.fragment("form.html.j2", form=form, rule_limits=rule_limits, field_rows=field_rows,
                                form_css=Markup(stylesheet(TEMPLATES / "form.css")),
                                modules=[modules[m] for m in form.modules])
        handouts.append(printer.document(form_handout(form.id), form.title, [Chapter(form.title, html)],
                                         stand(form.version, form.updated), html_of(form_page(form.id))))
    return handouts


FEATURE = Feature(
    name="forms",
    kinds=(FORM,),
    pages=plan_pages,
    handouts=plan_handouts,
    large_print=lambda name: name.startswith("vorlage-") and name.endswith(".pdf"),  # neighbours fill them in
    nav=(NavSection("vorlagen/", "Vorlagen"),),
    templates=TEMPLATES,
    template_globals={"form_page": form_page, "form_handout": form_handout, "describe_field": describe,
                      "rule_limits": rule_limits},
)
