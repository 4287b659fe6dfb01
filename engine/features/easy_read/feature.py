"""Leichte Sprache, declared: one kind (a page per module), its checks, pages, PDFs and navigation."""

from __future__ import annotations

from pathlib import Path

from engine.core.kinds import UPDATED, Kind, Reference
from engine.core.registry import Feature, NavSection
from engine.features.easy_read import checks, handouts, pages, urls
from engine.features.easy_read.model import EasyRead

EASY_READ = Kind(
    name="easyread", collection="easy_reads", label=("Seite in Leichter Sprache", "Seiten in Leichter Sprache"),
    globs=("curriculum/leichte-sprache/*.yml", "curriculum/leichte-sprache/*.yaml"), model=EasyRead,
    schema="easy_read.schema.json", unknown="unbekannte Seite in Leichter Sprache",
    references=(Reference("module", "module", single=True),), dated=(UPDATED,),
    page=urls.easy_read_page, handout=urls.easy_read_handout)

FEATURE = Feature(
    name="easy_read",
    kinds=(EASY_READ,),
    project_checks=(checks.easy_read_problems,),
    pages=pages.plan_pages,
    handouts=handouts.plan_handouts,
    nav=(NavSection(urls.EASY_READ_SLOT, "Leichte Sprache"),),
    templates=Path(__file__).parent / "templates",
    template_globals={"easy_read_page": urls.easy_read_page},
)
