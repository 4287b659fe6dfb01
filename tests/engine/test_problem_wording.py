"""The German wording of the engine's problems, in one golden file: tests elsewhere assert codes.

The file holds the reports an editor would read for a set of broken inputs (the broken fixture,
a broken `mkdocs.yml` and pages, a broken roster). After a deliberate change of wording, write
it anew with `QP_UPDATE_GOLDEN=1 ./qp test tests/engine/test_problem_wording.py` and review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builders import FIXTURES, REPO

from engine.core.problems import Problem, format_report
from engine.core.registry import NavSection
from engine.features.courses.certificates import certificate_gaps
from engine.features.courses.model import Course
from engine.features.courses.roster import read_roster
from engine.site.handwritten import render_handwritten
from engine.site.nav_check import nav_problems
from engine.site.site_config import SiteSource, read_site_source

GOLDEN = Path(__file__).parent / "golden" / "problems.txt"

BROKEN_SITE = """\
nav:
  - Start: index.md
  - Modul: module/m9.md
  - Curriculum: modul/
"""
BROKEN_PAGES = {"index.md": "# Start\n\n{{ qp.modules | lenght }}\n", "ueber.md": "# Über\n\n{{ qp.modul }}\n",
                "kaputt.md": "# Kaputt\n\n{% if qp %}\n"}
BROKEN_ROSTER = "Name;Geburtsdatum;Tag 1;Tag 3\n;31.02.1960;ja;vielleicht\n"


def reports() -> str:
    broken = subprocess.run([sys.executable, "-m", "engine", "--root", str(FIXTURES / "broken"), "check"],
                            capture_output=True, text=True, check=False, cwd=REPO).stderr
    site = read_site_source("mkdocs.yml", BROKEN_SITE)
    assert isinstance(site, SiteSource)
    sections = (NavSection("module/", "Curriculum"),)
    _, page_problems = render_handwritten(BROKEN_PAGES, {"qp": object()}, {"length": len})
    site_problems = [*nav_problems(site, {"index.md"}, {"module/m01.md"}, sections), *page_problems]
    _, header_problems = read_roster("private/liste.csv", BROKEN_ROSTER.encode(), 2)
    _, row_problems = read_roster("private/liste.csv", b"Name;Tag 1\n;vielleicht\nOtto;\nErika;ja\nerika;x\n", 1)
    undated = Course.model_validate({"id": "kurs", "title": "Kurs", "summary": "Ein Kurs.", "audience": ["gast"],
                                     "days": [{"start": "09:00", "blocks": [{"break": 15}]}], "version": "1.0",
                                     "updated": "2026-12-01"})
    gaps = [Problem("private/kurs.yml", 1, gap.field, gap.message, code=gap.code) for gap in certificate_gaps(undated)]
    return "\n".join([
        "# The broken fixture (`check`)", broken.rstrip("\n"), "",
        "# mkdocs.yml and hand-written pages", format_report(site_problems), "",
        "# A roster for certificates", format_report([*header_problems, *row_problems]), "",
        "# A course file without what certificates need", format_report(gaps), ""])


def test_the_wording_is_the_golden_one() -> None:
    text = reports()
    if os.environ.get("QP_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
