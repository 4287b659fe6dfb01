"""Plan the printable handouts: for each one its file name, title and complete HTML. Pure.

The HTML comes from the print templates in `templates/` and the same content model and
Markdown as the site; WeasyPrint turns it into PDF later (`pdf.py`, `handout_build.py`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import markdown
import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from engine.core import formatting
from engine.core.body import split_body
from engine.core.project import Project
from engine.features.city.drawings import Drawings
from engine.features.courses.model import Course
from engine.features.courses.plan import plan_course
from engine.features.courses.schedule import clock
from engine.features.curriculum.model import Module
from engine.features.forms.model import Form, field_rows, rule_limits
from engine.site.pages import ue_filter
from engine.site.urls import (
    CONTACTS_HANDOUT,
    CONTACTS_PAGE,
    CURRICULUM_HANDOUT,
    CURRICULUM_PAGE,
    HANDOUT_FOLDER,
    course_handout,
    course_page,
    course_run_sheet,
    form_handout,
    form_page,
    html_of,
    module_handout,
    module_page,
    role_handout,
    role_page,
)

TEMPLATES = Path(__file__).parent / "templates"
_LINK = re.compile(r'<a href="(?P<href>[^"]*)"(?P<attrs>[^>]*)>(?P<text>.*?)</a>', re.S)
_THEAD = re.compile(r"<thead\b.*?</thead>", re.S | re.I)
_TH_WITHOUT_SCOPE = re.compile(r"<th(?=[\s>])(?![^>]*\bscope=)", re.I)


@dataclass(frozen=True)
class MarkdownSetup:
    """The Markdown extensions of the site, so handouts read the bodies exactly like it."""

    extensions: tuple[str, ...]
    configs: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()

    @classmethod
    def of(cls, extensions: list[str], configs: dict[str, dict[str, Any]]) -> MarkdownSetup:
        return cls(tuple(extensions), tuple((name, tuple(sorted(values.items())))
                                            for name, values in sorted(configs.items())))


@dataclass(frozen=True)
class Handout:
    """One PDF to make: where it goes, what it is called, and the HTML it is printed from."""

    name: str
    title: str
    html: str
    base: str = "docs/"
    """Project-relative folder that relative image paths in the HTML start from."""

    @property
    def key(self) -> str:
        """Hash of everything the PDF depends on; the cache re-renders only when it changes."""
        return hashlib.sha256(f"{self.base}\n{self.html}".encode()).hexdigest()[:32]


def plan_handouts(project: Project, setup: MarkdownSetup, public_url: str = "",
                  drawings: Drawings | None = None) -> list[Handout]:
    """Every handout of `project` (already filtered for its edition); `drawings` as the site drew them."""
    printer = _Printer(setup, public_url.rstrip("/"), project)
    handouts: list[Handout] = []
    for module in project.modules:
        for trainer in (False, True):
            suffix = " – Trainer-Fassung" if trainer else ""
            handouts.append(printer.document(
                module_handout(module.id, trainer), f"{module.id} · {module.title}{suffix}",
                [printer.module_chapter(module, trainer)], _stand(module.version, module.updated),
                html_of(module_page(module.id))))
    for role in project.roles:
        modules = [(project.module_by_id[m], "Pflicht") for m in role.required_modules]
        modules += [(project.module_by_id[m], "Wahl") for m in role.optional_modules]
        chapter = _Chapter(role.title, printer.fragment("role.html.j2", role=role, modules=modules))
        handouts.append(printer.document(role_handout(role.id), role.title, [chapter],
                                         _stand(role.version, role.updated), html_of(role_page(role.id))))
    for course in project.courses:
        handouts.extend(_course(printer, project, course))
    for form in project.forms:
        handouts.append(_form(printer, form))
    handouts.append(printer.document(
        CURRICULUM_HANDOUT, f"Curriculum {project.programme.short_name}",
        [printer.module_chapter(module, trainer=False) for module in project.modules],
        f"{formatting.count(len(project.modules), 'Modul', 'Module')}, {formatting.number(project.total_ue)} UE",
        html_of(CURRICULUM_PAGE), cover=project.programme.wording.curriculum))
    handouts.append(printer.document(
        CONTACTS_HANDOUT, "Kontakte", [_Chapter("Kontakte", printer.fragment("contacts.html.j2",
                                                                             contacts=project.contacts))],
        "Angaben geprüft wie je Eintrag angegeben", html_of(CONTACTS_PAGE)))
    if project.has_city:
        from engine.features.city.handouts import plan_city_handouts  # it uses this module's printer

        handouts += plan_city_handouts(printer, project, drawings)
    return handouts


def _course(printer: _Printer, project: Project, course: Course) -> list[Handout]:
    """The participants' course folder and the trainer's run sheet."""
    plan = plan_course(project, course)
    modules = list(plan.modules)
    audience = [project.role_by_id[r] for r in course.audience]
    stand = _stand(course.version, course.updated)
    schedule = _Chapter(course.title, printer.fragment("schedule.html.j2", course=course, plan=plan,
                                                       audience=audience))
    contacts = _Chapter("Kontakte", printer.fragment("contacts.html.j2", contacts=project.contacts))
    folder = printer.document(course_handout(course.id), course.title,
                              [schedule, *(printer.module_chapter(m, trainer=False) for m in modules), contacts],
                              stand, html_of(course_page(course.id)))
    notes = {m.id: printer.markdown(split_body(m.body).trainer, module_page(m.id)) for m in modules}
    run_sheet = _Chapter(f"Ablaufplan: {course.title}", printer.fragment(
        "run_sheet.html.j2", course=course, plan=plan, modules={m.id: m for m in modules}, notes=notes))
    return [folder, printer.document(course_run_sheet(course.id), f"Ablaufplan: {course.title}", [run_sheet],
                                     stand, html_of(course_page(course.id)), page_class="landscape")]


def _form(printer: _Printer, form: Form) -> Handout:
    """A form as a fillable A4 PDF: the same structure as its page, with lines, boxes and fields."""
    html = printer.fragment("form.html.j2", form=form, rule_limits=rule_limits, field_rows=field_rows,
                            form_css=Markup(_form_css()),
                            modules=[printer.project.module_by_id[m] for m in form.modules])
    return printer.document(form_handout(form.id), form.title, [_Chapter(form.title, html)],
                            _stand(form.version, form.updated), html_of(form_page(form.id)))


def _stand(version: str, updated: Any) -> str:
    return f"Version {version} · Stand {formatting.date_de(updated)}"


@dataclass(frozen=True)
class _Chapter:
    title: str
    html: Markup

    @property
    def anchor(self) -> str:
        return "k-" + hashlib.sha1(self.title.encode()).hexdigest()[:10]


class _Printer:
    """Renders fragments and documents with one Markdown setup and one public address."""

    def __init__(self, setup: MarkdownSetup, public_url: str, project: Project) -> None:
        self.project = project
        configs = {name: dict(values) for name, values in setup.configs}
        if "toc" in configs:
            configs["toc"] = {**configs["toc"], "permalink": False}  # no "¶" on paper
        self._markdown = markdown.Markdown(extensions=list(setup.extensions), extension_configs=configs)
        self._chapters: dict[tuple[str, bool], _Chapter] = {}
        self.public_url = public_url

    def markdown(self, text: str, page: str) -> Markup:
        return Markup(self._links(_scope_headers(self._markdown.reset().convert(text)), page))

    def _links(self, html: str, page: str) -> str:
        """Site-relative links become the public address, or plain text when there is none."""

        def replace(match: re.Match[str]) -> str:
            href = match.group("href")
            if re.match(r"(https?:|mailto:)", href) or href.startswith("#"):
                return match.group(0)
            if not self.public_url:
                return match.group("text")
            target = html_of(Path(page).parent.joinpath(href).as_posix())
            return f'<a href="{self.public_url}/{_normalize(target)}">{match.group("text")}</a>'

        return _LINK.sub(replace, html)

    def module_chapter(self, module: Module, trainer: bool) -> _Chapter:
        """A module as a chapter; rendered once, used by its handout, courses and the book."""
        key = (module.id, trainer)
        if key not in self._chapters:
            self._chapters[key] = self._module_chapter(module, trainer)
        return self._chapters[key]

    def _module_chapter(self, module: Module, trainer: bool) -> _Chapter:
        body = split_body(module.body)
        page = module_page(module.id)
        html = self.fragment("module.html.j2", module=module, body=self.markdown(body.participant, page),
                             rules=self.project.rules_of(module), forms=self._forms_of(module),
                             trainer=self.markdown(body.trainer, page) if trainer and body.has_trainer_notes
                             else "")
        return _Chapter(f"{module.id} · {module.title}", html)

    def _forms_of(self, module: Module) -> list[tuple[str, str]]:
        """Title and where to find it (web address, else the file name) of each form the module uses."""
        return [(form.title, f"{self.public_url}/{HANDOUT_FOLDER}/{form_handout(form.id)}" if self.public_url
                 else f"PDF: {form_handout(form.id)}") for form in self.project.forms_of(module)]

    def fragment(self, template: str, **values: Any) -> Markup:
        return Markup(print_environment().get_template(template).render(programme=self.project.programme, **values))

    def document(self, name: str, title: str, chapters: list[_Chapter], footer: str, page: str,
                 cover: str = "", page_class: str = "") -> Handout:
        """`page_class` names a page format of the print CSS: 'card' (A5) or 'landscape' (A4 quer)."""
        web_address = f"{self.public_url}/{page}" if self.public_url else ""
        html = print_environment().get_template("handout.html.j2").render(
            title=title, chapters=chapters, footer=footer, cover=cover, web_address=web_address,
            page_class=page_class,
            programme=self.project.programme,
            css=Markup(print_css()))
        return Handout(name, title, html, base=f"docs/{Path(page).parent.as_posix()}/".replace("/./", "/"))


def _scope_headers(html: str) -> str:
    """Every <th> of the Markdown gets a `scope` (PDF/UA: /Scope): in <thead> the column's, in a
    body row the row's. The `tables` extension writes <th> only in <thead>, without scope."""
    html = _THEAD.sub(lambda head: _TH_WITHOUT_SCOPE.sub('<th scope="col"', head.group(0)), html)
    return _TH_WITHOUT_SCOPE.sub('<th scope="row"', html)


def _normalize(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


@cache
def print_css() -> str:
    return (TEMPLATES / "print.css").read_text(encoding="utf-8")


@cache
def _form_css() -> str:
    return (TEMPLATES / "form.css").read_text(encoding="utf-8")


@cache
def print_environment() -> Environment:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)
    environment.filters.update(
        ue=ue_filter,
        date_de=formatting.date_de,
        css_string=lambda text: Markup('"{}"'.format(
            str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " "))),
        or_unknown=lambda value: value if value else Markup('<span class="unknown">unbekannt</span>'),
        or_open=lambda value: value if value else "noch offen",
        number=formatting.number, clock=clock, whole_minutes=formatting.minutes_label,
        whole=formatting.whole_minutes,
        date_weekday=formatting.date_weekday,
    )
    environment.globals["count"] = formatting.count
    environment.globals["qr"] = lambda url: segno.make(url, error="m").svg_data_uri(scale=4)
    return environment
