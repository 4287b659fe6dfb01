"""PDF/UA-1 over the real project's handouts (issue 16, item 7): the machine-checkable rules find
nothing, and every table header cell carries its /Scope."""

from __future__ import annotations

import pikepdf
from builders import BuildResult
from pdfua_check import SCOPES, check, header_cells, scope_of


def test_every_real_handout_passes_the_pdfua_checks(real_site: BuildResult) -> None:
    handouts = sorted((real_site.site / "handouts").glob("*.pdf"))
    assert len(handouts) >= 70
    found = {path.name: [str(finding) for finding in check(path)] for path in handouts}
    assert {name: items for name, items in found.items() if items} == {}


def test_every_real_header_cell_has_a_scope(real_site: BuildResult) -> None:
    without: dict[str, int] = {}
    cells = 0
    for path in sorted((real_site.site / "handouts").glob("*.pdf")):
        with pikepdf.open(path) as pdf:
            scopes = [scope_of(cell) for cell in header_cells(pdf)]
        cells += len(scopes)
        if missing := sum(scope not in SCOPES for scope in scopes):
            without[path.name] = missing
    assert cells > 500, "the run sheets, courses, roles, forms and modules have tables"
    assert without == {}


def test_every_large_print_twin_of_ours_has_no_glyph_below_16_points(real_site: BuildResult) -> None:
    from large_print import glyphs_below

    twins = sorted((real_site.site / "handouts").glob("*-grossdruck.pdf"))
    assert len(twins) >= 16 + 10 + 17  # modules, help-path cards, forms (answers come with their files)
    small = {path.name: glyphs_below(path)[:3] for path in twins if glyphs_below(path)}
    assert small == {}
