"""The courses' run sheets of a project, printed as the handouts are, and read page by page.

Only the run sheets are rendered (a few seconds), not the project's other handouts.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pypdf

from engine.core.pdf import render_pdf
from engine.core.printer import MarkdownSetup
from engine.plugin.run import site_config
from engine.portal import load_project, plan_handouts, read_sources

DAY_HEADING = re.compile(r"Tag \d+\b.{0,60}?Uhr: Überblick")
RUN_SHEET = re.compile(r"kurs-(?P<course>.+)-ablaufplan\.pdf")


@dataclass(frozen=True)
class RunSheet:
    course: str
    pages: list[str]
    """Each page's text, whitespace collapsed."""
    landscape: bool


def run_sheets(root: Path) -> dict[str, RunSheet]:
    """Each course's run sheet by course id."""
    project, problems = load_project(read_sources(root))
    assert project is not None, problems
    config, portal = site_config(root)
    setup = MarkdownSetup.of(list(config.markdown_extensions), dict(config.mdx_configs))
    sheets = {}
    for handout in plan_handouts(project, setup, portal.public_url, root):
        match = RUN_SHEET.fullmatch(handout.name)
        if match:
            reader = pypdf.PdfReader(io.BytesIO(render_pdf(handout.html, root, handout.title, handout.base)))
            box = reader.pages[0].mediabox
            sheets[match["course"]] = RunSheet(
                match["course"], [" ".join((page.extract_text() or "").split()).replace("\u2010 ", "")
                                  for page in reader.pages],
                box.width > box.height)
    return sheets


def near_empty_pages(sheet: RunSheet, share: float = 0.15) -> list[int]:
    """Page numbers (from 1) with less than `share` of the fullest page's characters."""
    fullest = max(len(text) for text in sheet.pages)
    return [number for number, text in enumerate(sheet.pages, start=1) if len(text) < share * fullest]


def day_pages(sheet: RunSheet) -> list[int]:
    """The pages (from 1) where a day's overview starts."""
    return [number for number, text in enumerate(sheet.pages, start=1) if DAY_HEADING.search(text)]
