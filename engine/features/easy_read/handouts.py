"""The pages in Leichte Sprache on paper: one PDF each, in large print (18 pt, header and footer 16 pt)."""

from __future__ import annotations

import base64
from pathlib import Path

from markupsafe import Markup, escape

from engine.core import formatting
from engine.core.icons import ICONS
from engine.core.printer import Chapter, Handout, HandoutContext, stylesheet
from engine.core.urls import html_of
from engine.features.easy_read.pages import easy_read_values, ordered
from engine.features.easy_read.urls import easy_read_handout, easy_read_page

_TEMPLATES = Path(__file__).parent / "templates"


def plan_handouts(context: HandoutContext) -> list[Handout]:
    printer, project = context.printer, context.project
    values = {**easy_read_values(project), "easy_css": Markup(stylesheet(_TEMPLATES / "easy_read.css")),
              "icon": icon_image}
    handouts = []
    for easy in ordered(project):
        chapter = Chapter(easy.title, printer.fragment("easy_read.html.j2", easy=easy, **values))
        handouts.append(printer.document(easy_read_handout(easy.module), easy.title, [chapter],
                                         f"Stand: {formatting.date_long(easy.updated)}",
                                         html_of(easy_read_page(easy.module)), page_class="easy-read"))
    return handouts


def icon_image(name: str, label: str) -> Markup:
    """A pictogram for print: an image with its text as `alt`, which the PDF keeps as the figure's
    /Alt (an inline SVG's `aria-label` does not reach the PDF's structure tree)."""
    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8").replace("<svg ", '<svg fill="#123c42" ', 1)
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
    return Markup('<img src="{}" alt="{}">').format(source, escape(label))
