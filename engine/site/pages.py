"""Generate the Markdown pages of the site from the project: pure, no MkDocs involved.

Every page is rendered from a Jinja template in `templates/pages/`. Plain text from the
sources is escaped for Markdown and HTML by the environment's `finalize` hook; only trusted
Markdown (module bodies, links built here) is passed as `Markup`.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from engine.core import formatting
from engine.core.body import collapsible, split_body, split_lead
from engine.core.editions import Edition
from engine.core.project import Project
from engine.core.search_terms import search_terms
from engine.core.vocabulary import TRAINER_HEADING
from engine.features.city.drawings import Drawings
from engine.features.contacts.model import Contact
from engine.features.courses.model import Course
from engine.features.courses.plan import plan_course
from engine.features.courses.schedule import clock
from engine.features.curriculum.model import Module, RoleProfile
from engine.features.forms.model import describe, rule_limits
from engine.site.urls import (
    CONTACT_PLACES_PAGE,
    CONTACT_TOPICS_PAGE,
    CONTACTS_HANDOUT,
    CONTACTS_PAGE,
    COURSES_PAGE,
    CURRICULUM_HANDOUT,
    CURRICULUM_PAGE,
    FORMS_PAGE,
    GLOSSARY_PAGE,
    HANDOUT_FOLDER,
    MATRIX_PAGE,
    PLANNER_PAGE,
    RECOGNITION_PAGE,
    ROLES_PAGE,
    contacts_page,
    course_calendar,
    course_handout,
    course_page,
    course_run_sheet,
    form_handout,
    form_page,
    module_handout,
    module_page,
    role_handout,
    role_page,
)

TEMPLATES = Path(__file__).parent / "templates"
_SELF_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
CELL_LABELS = {"required": "Pflicht", "optional": "Wahl", None: "–"}
#: Above this many cells the qualification matrix is listed per role instead of as a grid,
#: which would grow with roles × modules.
MATRIX_GRID_LIMIT = 2000


@dataclass(frozen=True)
class GeneratedPage:
    """A page of the site made from the sources: docs-relative path and Markdown text."""

    path: str
    markdown: str
    label: str = ""
    """Short name for navigation groups, e.g. the module id."""


def generate_pages(project: Project, edition: Edition, drawings: Drawings | None = None) -> list[GeneratedPage]:
    """All generated pages of the site for `project` (already filtered for `edition`)."""
    return [make() for make in plan_pages(project, edition, drawings).values()]


def plan_pages(project: Project, edition: Edition,
               drawings: Drawings | None = None) -> dict[str, Callable[[], GeneratedPage]]:
    """Each generated page's path and a function that renders it, in navigation order.

    Rendering is deferred so that the link check can learn which pages exist without
    rendering them, and renders only the pages whose anchors a link names. The city's
    drawings are made on first use unless the caller made them (with its cache).
    """
    render = _renderer(edition, project)
    plan: dict[str, Callable[[], GeneratedPage]] = {
        CURRICULUM_PAGE: lambda: render("curriculum.md.j2", CURRICULUM_PAGE),
        ROLES_PAGE: lambda: render("roles.md.j2", ROLES_PAGE),
        COURSES_PAGE: lambda: render(
            "courses.md.j2", COURSES_PAGE,
            audiences={c.id: [project.role_by_id[r] for r in c.audience] for c in project.courses},
            plans={c.id: plan_course(project, c) for c in project.courses}),
        MATRIX_PAGE: lambda: render("matrix.md.j2", MATRIX_PAGE, cell_labels=CELL_LABELS,
                                    grid=len(project.modules) * len(project.roles) <= MATRIX_GRID_LIMIT),
    }
    if project.modules:  # the course planner; its data and script are added to the built page
        plan[PLANNER_PAGE] = lambda: render("planner.md.j2", PLANNER_PAGE, label="Kursplaner")
    directory = contact_directory(project)
    plan[CONTACTS_PAGE] = lambda: render("contacts.md.j2", CONTACTS_PAGE, directory=directory)
    plan[CONTACT_TOPICS_PAGE] = lambda: render("contact_topics.md.j2", CONTACT_TOPICS_PAGE, directory=directory,
                                               label="Nach Thema")
    plan[CONTACT_PLACES_PAGE] = lambda: render("contact_places.md.j2", CONTACT_PLACES_PAGE, directory=directory,
                                               label="Nach Ort")
    for part in directory.parts:
        plan[part.page] = partial(render, "contact_entries.md.j2", part.page, label=part.title, part=part,
                                  directory=directory)
    if project.programme.recognition:
        plan[RECOGNITION_PAGE] = lambda: render("recognition.md.j2", RECOGNITION_PAGE, label="Anerkennung")
    if project.glossary:
        plan[GLOSSARY_PAGE] = lambda: render("glossary.md.j2", GLOSSARY_PAGE, keywords={
            term.id: search_terms([term.term], term.keywords) for term in project.glossary})
    for module in project.modules:
        plan[module_page(module.id)] = partial(_module, render, project, module)
    for role in project.roles:
        plan[role_page(role.id)] = partial(_role, render, project, role)
    for course in project.courses:
        plan[course_page(course.id)] = partial(_course, render, project, course)
    if project.forms:
        plan[FORMS_PAGE] = lambda: render("forms.md.j2", FORMS_PAGE)
    for form in project.forms:
        plan[form_page(form.id)] = partial(render, "form.md.j2", form_page(form.id), label=form.title, form=form)
    if project.has_city:
        from engine.features.city.pages import plan_city_pages  # it uses this module's pieces

        plan.update(plan_city_pages(project, render, directory.entry_page, drawings))
    return plan


def _module(render: Callable[..., GeneratedPage], project: Project, module: Module) -> GeneratedPage:
    body = split_body(module.body)
    lead, rest = split_lead(body.participant)
    notes = collapsible(TRAINER_HEADING, body.trainer) if body.has_trainer_notes else ""
    return render("module.md.j2", module_page(module.id), label=module.id, module=module,
                  roles=[project.role_by_id[r] for r in module.target_roles],
                  prerequisites=[project.module_by_id[p] for p in module.prerequisites],
                  rules=project.rules_of(module),
                  lead=Markup(lead), participant_body=Markup(rest), trainer_notes=Markup(notes),
                  terms=search_terms([module.title], module.keywords))


def _role(render: Callable[..., GeneratedPage], project: Project, role: RoleProfile) -> GeneratedPage:
    return render("role.md.j2", role_page(role.id), label=role.title, role=role,
                  supporters=[project.role_by_id[r] for r in role.supported_by],
                  required=[project.module_by_id[m] for m in role.required_modules],
                  optional=[project.module_by_id[m] for m in role.optional_modules],
                  terms=search_terms([role.title]))


def _course(render: Callable[..., GeneratedPage], project: Project, course: Course) -> GeneratedPage:
    return render("course.md.j2", course_page(course.id), label=course.title, course=course,
                  audience=[project.role_by_id[r] for r in course.audience], plan=plan_course(project, course))


#: At most this many full entries on one directory page: the page stays small at any size.
CONTACTS_PER_PAGE = 100


@dataclass(frozen=True)
class ContactPart:
    """One page of full contact entries: all or a numbered part of one kind."""

    page: str
    title: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class ContactDirectory:
    """How the contact directory is laid out: entry pages by kind, topic and place lists."""

    parts: tuple[ContactPart, ...]
    by_topic: tuple[tuple[str, tuple[Contact, ...]], ...]
    by_place: tuple[tuple[str, tuple[Contact, ...]], ...]
    entry_page: dict[str, str]
    """Where each contact's entry is, by contact id (docs-relative page)."""


def contact_directory(project: Project) -> ContactDirectory:
    """Entry pages per kind (in the programme's order, split every CONTACTS_PER_PAGE), topics, places."""
    programme = project.programme
    parts: list[ContactPart] = []
    for kind in programme.ids("contact_kinds"):
        members = [c for c in project.contacts if c.kind == kind]
        chunks = [members[i:i + CONTACTS_PER_PAGE] for i in range(0, len(members), CONTACTS_PER_PAGE)]
        for number, chunk in enumerate(chunks, start=1):
            title = programme.label("contact_kinds", kind)
            if len(chunks) > 1:
                title += f" ({number}/{len(chunks)})"
            parts.append(ContactPart(contacts_page(kind, number), title, tuple(chunk)))
    by_topic = [(programme.label("topics", topic), tuple(c for c in project.contacts if topic in c.topics))
                for topic in programme.ids("topics")]
    places: dict[str, list[Contact]] = {}
    for contact in project.contacts:
        city = contact.city or "Ort unbekannt"
        place = f"{city} – {contact.quarter}" if contact.quarter else city
        places.setdefault(place, []).append(contact)
    return ContactDirectory(
        parts=tuple(parts),
        by_topic=tuple((label, members) for label, members in by_topic if members),
        by_place=tuple((place, tuple(members)) for place, members in
                       sorted(places.items(), key=lambda item: formatting.german_sort_key(item[0]))),
        entry_page={c.id: part.page for part in parts for c in part.contacts},
    )


def _renderer(edition: Edition, project: Project) -> Callable[..., GeneratedPage]:
    environment = _environment()

    def render(template: str, path: str, label: str = "", **values: Any) -> GeneratedPage:
        text = environment.get_template(template).render(
            page_path=path, edition=edition, project=project, programme=project.programme, **values)
        return GeneratedPage(path, _tidy(text), label)

    return render


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
        finalize=formatting.plain_text, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
        # Compiled templates are kept in the user's temporary folder (keyed by the template's
        # checksum), so a build does not compile them again: that was most of a small build's cost.
        # Compiled code also depends on how filters are called, which this file decides: its
        # hash is part of the cache key, or an old compilation would outlive a change here.
        bytecode_cache=FileSystemBytecodeCache(pattern=f"__portal_{_SELF_HASH}_%s.cache"),
    )
    environment.filters.update(
        number=formatting.number, ue=ue_filter, hours=_hours,
        date_de=formatting.date_de, page_title=_page_title,
        or_unknown=lambda value: value if value else Markup("*unbekannt*"),
        or_open=lambda value: value if value else Markup("*noch offen*"),
        clock=clock, whole_minutes=formatting.minutes_label,
        ue_minutes=_ue_minutes, date_weekday=formatting.date_weekday,
    )
    environment.globals.update(link=_link, pdf_link=_pdf_link, module_page=module_page, role_page=role_page,
                               course_page=course_page, module_handout=module_handout,
                               course_run_sheet=course_run_sheet, calendar_link=_calendar_link,
                               form_page=form_page, form_handout=form_handout, describe_field=describe,
                               rule_limits=rule_limits,
                               role_handout=role_handout, course_handout=course_handout,
                               curriculum_handout=CURRICULUM_HANDOUT, contacts_handout=CONTACTS_HANDOUT,
                               recognition_page=RECOGNITION_PAGE, count=formatting.count)
    return environment


@pass_context
def ue_filter(context: Context, value: float) -> str:
    """Teaching units with minutes, in the unit length of the `programme` being rendered."""
    return formatting.ue(value, context["programme"].teaching_unit_minutes)


def _ue_minutes(value: float, minutes: float) -> str:
    """Teaching units with the exact minutes they come from, e.g. '10 UE (450 Min.)'."""
    return f"{formatting.number(value)}\u00a0UE ({formatting.minutes_label(minutes)})"


@pass_context
def _calendar_link(context: Context, course_id: str) -> Markup:
    """A download button for a course's calendar file, published beside the handouts."""
    target = _relative(f"{HANDOUT_FOLDER}/{course_calendar(course_id)}", posixpath.dirname(context["page_path"]) or ".")
    return Markup('<a class="md-button qp-ics" href="{}" download>Termine in den Kalender (.ics)</a>').format(target)


@pass_context
def _hours(context: Context, value: float) -> str:
    return formatting.hours(value, context["programme"].teaching_unit_minutes)


def _page_title(title: str) -> Markup:
    """The front-matter title: HTML-escaped, because MkDocs themes print `page.title` raw."""
    return Markup(json.dumps(html.escape(title, quote=False), ensure_ascii=False))


@pass_context
def _link(context: Context, text: str, target: str) -> Markup:
    """A Markdown link from the page being rendered to a docs-relative page or a URL."""
    if "://" not in target and not target.startswith("mailto:"):
        target = _relative(target, posixpath.dirname(context["page_path"]) or ".")
    label = formatting.plain_text(text)
    # Percent-encode what would end a Markdown link target early or smuggle in markup.
    target = quote(target, safe=":/?#[]@!$&'*+,;=%~.-_")
    return Markup("[{}]({})").format(Markup(str(Markup.escape(label))), Markup(target))


@pass_context
def _pdf_link(context: Context, name: str, label: str) -> Markup:
    """A download button for a handout. Raw HTML on purpose: under `mkdocs serve` handouts are
    not rendered, and a Markdown link to a missing file would fail the strict preview."""
    target = _relative(f"{HANDOUT_FOLDER}/{name}", posixpath.dirname(context["page_path"]) or ".")
    return Markup('<a class="md-button qp-pdf" href="{}" download>{}</a>').format(target, label)


@lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    """`posixpath.relpath`, remembered: pages link the same targets from few folders."""
    return posixpath.relpath(target, folder)


def _tidy(text: str) -> str:
    """Collapse runs of blank lines that template blocks leave behind."""
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip() if not line.strip() else line)
    return "\n".join(lines).strip() + "\n"
