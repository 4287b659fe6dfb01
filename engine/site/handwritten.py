"""Hand-written pages with their macros rendered, as the build will render them, checked first.

mkdocs-macros renders `{{ qp.modules | length }}` in a page while MkDocs builds; a typo there
ended in a Python traceback after the PDFs. Here every hand-written page is rendered with the
same variables and filters and an undefined name is a German problem at its line, before the
build starts. The rendered text is what the link check reads, so a link a page writes only
when its data exists (`{% if qp.dossier %}…{% endif %}`) is judged as the reader will see it.
"""

from __future__ import annotations

import difflib
import re
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

import yaml
from jinja2 import ChainableUndefined, DictLoader, Environment, StrictUndefined, TemplateError, TemplateSyntaxError

from engine.core import formatting
from engine.core.editions import Edition
from engine.core.problems import Problem
from engine.core.project import Project

#: Names mkdocs-macros itself gives every page; the check accepts them without knowing their values.
MACROS_OWN_NAMES = ("config", "page", "environment", "plugin", "git", "extra", "navigation", "files",
                    "now", "fix_url", "context", "macros_info", "macros", "filters", "filters_builtin")
_NO_ATTRIBUTE = re.compile(r"has no attribute '(?P<name>[^']+)'")
_UNDEFINED = re.compile(r"'(?P<name>[^']+)' is undefined")


def page_variables(project: Project, edition: Edition) -> dict[str, Any]:
    """What a hand-written page reaches: `qp` (the content), `programme` and the edition."""
    return {"qp": project, "programme": project.programme, "qp_edition": edition.value}


def page_filters(project: Project) -> dict[str, Any]:
    """The number, date and teaching-unit filters, with the programme's minutes per unit."""
    minutes = project.programme.teaching_unit_minutes
    return {**{name: getattr(formatting, name) for name in ("number", "date_de", "date_long", "count")},
            "ue": partial(formatting.ue, unit_minutes=minutes),
            "hours": partial(formatting.hours, unit_minutes=minutes)}


@dataclass(frozen=True)
class Rendered:
    """A hand-written page after its macros: the text and where its body starts in the file."""

    text: str
    first_line: int
    """The file line of the body's first line (after a front matter)."""


def render_handwritten(docs: Mapping[str, str], variables: Mapping[str, Any], filters: Mapping[str, Any],
                       extra_names: tuple[str, ...] = ()) -> tuple[dict[str, Rendered], list[Problem]]:
    """Every page of `docs` (docs-relative path → Markdown) rendered, and a problem per page that fails."""
    environment = Environment(loader=DictLoader(dict(docs)), undefined=StrictUndefined, autoescape=False,
                              keep_trailing_newline=True)
    environment.filters.update(filters)
    lenient = {name: ChainableUndefined(name=name) for name in (*MACROS_OWN_NAMES, *extra_names)}
    names = {**lenient, **variables}
    rendered: dict[str, Rendered] = {}
    problems: list[Problem] = []
    for path, text in sorted(docs.items()):
        meta, body, first_line = _split(text)
        if meta.get("render_macros") is False or meta.get("ignore_macros") is True or "{" not in body:
            rendered[path] = Rendered(body, first_line)
            continue
        try:
            rendered[path] = Rendered(environment.from_string(body).render(names), first_line)
        except TemplateSyntaxError as error:
            problems.append(Problem(f"docs/{path}", first_line + (error.lineno or 1) - 1, "",
                                    _syntax_message(error.message or "", sorted(environment.filters)),
                                    code="page.macro-syntax"))
        except TemplateError as error:
            problems.append(Problem(f"docs/{path}", first_line + _template_line(error) - 1, "",
                                    _undefined_message(str(error), names), code="page.macro-undefined"))
        except Exception as error:  # a filter given the wrong value, e.g. `{{ "x" | number }}`
            problems.append(Problem(f"docs/{path}", first_line + _template_line(error) - 1, "",
                                    f"ein Ausdruck lässt sich nicht ausrechnen ({type(error).__name__}: {error}); "
                                    "prüfen Sie, ob der Filter zum Wert passt",
                                    code="page.macro-failed"))
    return rendered, problems


def _split(text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, the body's first line) the way MkDocs splits a page."""
    if not text.startswith("---"):
        return {}, text, 1
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("\n".join(lines[1:index])) or {}
            except yaml.YAMLError:
                meta = {}
            return (meta if isinstance(meta, dict) else {}), "\n".join(lines[index + 1:]), index + 2
    return {}, text, 1


_NO_FILTER = re.compile(r"No filter named '(?P<name>[^']+)'")
_OPEN_BLOCK = re.compile(r"Unexpected end of template.*'(?P<tag>if|for|macro|block)'", re.DOTALL)


def _syntax_message(text: str, filters: list[str]) -> str:
    """German for the syntax errors editors make: an unknown filter, an unclosed block, a missing brace."""
    unknown_filter = _NO_FILTER.search(text)
    if unknown_filter:
        name = unknown_filter["name"]
        close = difflib.get_close_matches(name, filters, n=3, cutoff=0.6)
        guess = f"meinten Sie {' oder '.join(repr(c) for c in close)}? " if close else ""
        return f"den Filter '{name}' gibt es nicht; {guess}z. B. {{{{ qp.total_ue | number }}}}"
    open_block = _OPEN_BLOCK.search(text)
    if open_block:
        tag = open_block["tag"]
        return f"ein {{% {tag} … %}} wird nicht geschlossen; schreiben Sie danach {{% end{tag} %}}"
    if "unexpected '}'" in text or "expected token 'end of print statement'" in text:
        return "ein Ausdruck ist nicht richtig geklammert: er steht zwischen {{ und }}, z. B. {{ programme.name }}"
    return (f"ein Ausdruck {{{{ … }}}} oder {{% … %}} ist falsch geschrieben ({text}); prüfen Sie Klammern "
            "und Schreibweise")


def _template_line(error: BaseException) -> int:
    """The line in the page where rendering failed: the deepest traceback frame of the template."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__ or sys.exc_info()[2])
              if frame.filename == "<template>"]
    return frames[-1].lineno or 1 if frames else 1


def _undefined_message(text: str, names: Mapping[str, Any]) -> str:
    """German for Jinja's "'X object' has no attribute 'y'" and "'y' is undefined", with close names."""
    attribute = _NO_ATTRIBUTE.search(text)
    if attribute:
        name = attribute["name"]
        known = sorted({*_public_names(names.get("qp")), *_public_names(names.get("programme"))})
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
        guess = f"; meinten Sie {' oder '.join(repr(c) for c in close)}?" if close else ""
        return (f"der Ausdruck nennt '{name}', das es nicht gibt{guess} (was eine Seite nennen kann, "
                "steht in CONTENT.md unter „Zahlen in Seiten“)")
    undefined = _UNDEFINED.search(text)
    if undefined:
        close = difflib.get_close_matches(undefined["name"], sorted(names), n=3, cutoff=0.6)
        guess = f"; meinten Sie {' oder '.join(repr(c) for c in close)}?" if close else ""
        return f"der Ausdruck nennt '{undefined['name']}', das es nicht gibt{guess}"
    return f"ein Ausdruck lässt sich nicht ausrechnen: {text}"


def _public_names(value: Any) -> list[str]:
    if value is None:
        return []
    names = [name for name in dir(value) if not name.startswith("_")]
    shape = getattr(value, "shape", None)
    if isinstance(value, Project) and shape is not None:
        names += [*shape.by_collection, *shape.by_lookup, *shape.derived]
    return names
