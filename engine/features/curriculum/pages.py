"""The curriculum's pages: the module overview, each module and role, the matrix, recognition, glossary."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from engine.core.body import collapsible, split_body, split_lead
from engine.core.pages import GeneratedPage, LinkSource, PageContext, PagePlan, Renderer
from engine.core.project import Project
from engine.core.search_terms import search_terms
from engine.core.vocabulary import TRAINER_HEADING
from engine.features.curriculum.figures import rules_of
from engine.features.curriculum.model import GlossaryTerm, Module, RoleProfile
from engine.features.curriculum.plans import full_minutes, ordered_plans, plan_material_names
from engine.features.curriculum.urls import (
    CURRICULUM_PAGE,
    GLOSSARY_PAGE,
    MATRIX_PAGE,
    RECOGNITION_PAGE,
    ROLES_PAGE,
    module_page,
    role_page,
)

CELL_LABELS = {"required": "Pflicht", "optional": "Wahl", None: "–"}
#: Above this many cells the qualification matrix is listed per role instead of as a grid,
#: which would grow with roles × modules.
MATRIX_GRID_LIMIT = 2000


def plan_pages(context: PageContext) -> PagePlan:
    """Each page's path and its renderer, in navigation order."""
    project, render = context.project, context.render
    modules, roles = project.all(Module), project.all(RoleProfile)
    plan: PagePlan = {
        CURRICULUM_PAGE: lambda: render("curriculum.md.j2", CURRICULUM_PAGE),
        ROLES_PAGE: lambda: render("roles.md.j2", ROLES_PAGE),
        MATRIX_PAGE: lambda: render("matrix.md.j2", MATRIX_PAGE, cell_labels=CELL_LABELS,
                                    grid=len(modules) * len(roles) <= MATRIX_GRID_LIMIT),
    }
    if project.programme.recognition:
        plan[RECOGNITION_PAGE] = lambda: render("recognition.md.j2", RECOGNITION_PAGE, label="Anerkennung")
    terms = project.all(GlossaryTerm)
    if terms:
        plan[GLOSSARY_PAGE] = lambda: render("glossary.md.j2", GLOSSARY_PAGE, keywords={
            term.id: search_terms([term.term], term.keywords) for term in terms})
    for module in modules:
        plan[module_page(module.id)] = partial(_module, render, project, module)
    for role in roles:
        plan[role_page(role.id)] = partial(_role, render, project, role)
    return plan


def _module(render: Renderer, project: Project, module: Module) -> GeneratedPage:
    body = split_body(module.body)
    lead, rest = split_lead(body.participant)
    unit = project.programme.teaching_unit_minutes
    roles, modules = project.by_id(RoleProfile), project.by_id(Module)
    return render("module.md.j2", module_page(module.id), label=module.id, module=module,
                  roles=[roles[r] for r in module.target_roles],
                  prerequisites=[modules[p] for p in module.prerequisites],
                  rules=rules_of(project, module),
                  lead=Markup(lead), participant_body=Markup(rest),
                  trainer_notes=Markup(body.trainer if body.has_trainer_notes else ""),
                  trainer_collapsible=_trainer_collapsible, plans=ordered_plans(module, unit),
                  full_minutes=full_minutes(module, unit), material=plan_material_names(project, module),
                  terms=search_terms([module.title], module.keywords))


def _trainer_collapsible(markdown: str) -> Markup:
    """The trainer part of a module page, closed: readers open it when they teach."""
    return Markup(collapsible(TRAINER_HEADING, markdown))


def _role(render: Renderer, project: Project, role: RoleProfile) -> GeneratedPage:
    roles, modules = project.by_id(RoleProfile), project.by_id(Module)
    return render("role.md.j2", role_page(role.id), label=role.title, role=role,
                  supporters=[roles[r] for r in role.supported_by],
                  required=[modules[m] for m in role.required_modules],
                  optional=[modules[m] for m in role.optional_modules],
                  terms=search_terms([role.title]))


def module_bodies(project: Project) -> list[LinkSource]:
    """The Markdown of every module body, with the file line where it starts, for the link check."""
    return [LinkSource(project.records[f"module:{module.id}"].path, module_page(module.id), module.body,
                       project.records[f"module:{module.id}"].body_line or 1)
            for module in project.all(Module) if f"module:{module.id}" in project.records]
