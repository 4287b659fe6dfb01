"""PDF/UA-1: every handout passes the machine-checkable rules, and every TH carries its /Scope."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from builders import BuildResult
from pdfua_check import SCOPES, check, header_cells, scope_of

from engine.core.pdf import render_pdf
from engine.core.printer import MarkdownSetup, print_css
from engine.portal import load_checked, plan_handouts

SETUP = MarkdownSetup.of(["toc", "tables", "admonition", "def_list", "attr_list", "md_in_html"],
                         {"toc": {"permalink": True}})
_TH = re.compile(r"<th(?=[\s>])[^>]*>", re.I)


def findings_of(folder: Path) -> dict[str, list[str]]:
    """Each PDF in `folder` with what the checks found (errors and warnings); clean ones left out."""
    found = {path.name: [str(finding) for finding in check(path)] for path in sorted(folder.glob("*.pdf"))}
    return {name: items for name, items in found.items() if items}


def scopes_of(path: Path) -> list[str | None]:
    with pikepdf.open(path) as pdf:
        return [scope_of(cell) for cell in header_cells(pdf)]


@pytest.mark.parametrize("programme", ["tiny_site", "solo"])
def test_every_handout_passes_the_pdfua_checks(request: pytest.FixtureRequest, programme: str) -> None:
    handouts = request.getfixturevalue(programme).site / "handouts"
    assert len(list(handouts.glob("*.pdf"))) >= 10
    assert findings_of(handouts) == {}


@pytest.mark.parametrize("programme", ["tiny_site", "solo"])
def test_every_header_cell_has_a_scope(request: pytest.FixtureRequest, programme: str) -> None:
    site: BuildResult = request.getfixturevalue(programme)
    scopes = {path.name: scopes_of(path) for path in sorted((site.site / "handouts").glob("*.pdf"))}
    assert sum(len(cells) for cells in scopes.values()) > 20, "the programme's handouts have tables"
    assert {name: cells for name, cells in scopes.items() if set(cells) - SCOPES} == {}


def test_row_headers_are_rows_and_column_headers_columns(tiny_site: BuildResult) -> None:
    handouts = tiny_site.site / "handouts"
    matrix = scopes_of(handouts / "zustaendigkeiten.pdf")  # topics down the side, their offices beside them
    assert "/Row" in matrix and "/Column" in matrix
    assert set(scopes_of(handouts / "kontakte.pdf")) == {"/Column"}


def test_every_th_of_the_planned_html_has_a_scope(tiny: Path) -> None:
    """Templates and Markdown alike: WeasyPrint writes /Scope only from the `scope` attribute."""
    _add_tables(tiny)
    handouts = plan_handouts(load_checked(tiny), SETUP)
    cells = [(h.name, cell) for h in handouts for cell in _TH.findall(h.html)]
    assert any(name == "modul-m01.pdf" for name, _ in cells), "the Markdown table is printed"
    assert [(name, cell) for name, cell in cells if not re.search(r'\bscope="(col|row)"', cell)] == []


def test_markdown_tables_and_tall_run_sheet_rows_pass(tiny: Path) -> None:
    """A Markdown table in a module and trainer notes longer than a page, in the PDFs they reach.

    The run sheet's row for the module does not fit on one page: on the page where it goes on,
    the column header must be repeated (WeasyPrint drops it unless the body avoids breaks).
    """
    _add_tables(tiny)
    wanted = {"modul-m01.pdf", "modul-m01-trainer.pdf", "kurs-grundkurs-ablaufplan.pdf"}
    out = tiny / "out"
    out.mkdir()
    for handout in plan_handouts(load_checked(tiny), SETUP):
        if handout.name in wanted:
            (out / handout.name).write_bytes(render_pdf(handout.html, tiny, handout.title, handout.base))
    with pikepdf.open(out / "kurs-grundkurs-ablaufplan.pdf") as pdf:
        assert len(pdf.pages) >= 3, "the notes fill more than a page"
    assert findings_of(out) == {}
    assert [name for name in sorted(wanted) if "/Column" not in scopes_of(out / name)] == []


def test_th_scope_attribute_becomes_pdf_scope(tmp_path: Path) -> None:
    table = ('<table><thead><tr><th scope="col">Tag</th><th scope="col">Zeit</th><th>ohne</th></tr></thead>'
             '<tbody><tr><th scope="row">Montag</th><td>9 Uhr</td><td>–</td></tr></tbody></table>')
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(render_pdf(_page(table), tmp_path, "Test"))
    assert scopes_of(pdf) == ["/Column", "/Column", None, "/Row"]
    assert any(finding.rule == "QP-TH-SCOPE" for finding in check(pdf)), "a <th> without scope is found"


def test_the_checks_find_what_they_look_for(tmp_path: Path) -> None:
    """Not a vacuous gate: a table without header cells and an empty heading are reported."""
    cases = {"UA-15-003": "<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
             "UA-14-001": "<h1>Titel</h1><h2></h2><p>Text</p>"}
    for rule, body in cases.items():
        pdf = tmp_path / f"{rule}.pdf"
        pdf.write_bytes(render_pdf(_page(body), tmp_path, "Test"))
        assert [finding.rule for finding in check(pdf)] == [rule]
    clean = tmp_path / "clean.pdf"
    clean.write_bytes(render_pdf(_page("<h1>Titel</h1><p>Text</p>"), tmp_path, "Test"))
    assert check(clean) == []


def _page(body: str) -> str:
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Test</title>'
            f"<style>{print_css()}</style></head><body>{body}</body></html>")


def _add_tables(project: Path) -> None:
    """M01 gets a Markdown table for participants, and trainer notes with a table and a long list."""
    module = project / "curriculum/modules/M01-grundlagen.md"
    text = module.read_text(encoding="utf-8")
    table = "| Schritt | Wer |\n|---|---|\n| Anrufen | Sie |\n| Helfen | Dienst |\n"
    notes = "\n".join(f"- Hinweis {n}: Fragen Sie die Gruppe, was sie schon weiß." for n in range(1, 70))
    text = text.replace("## Übung: Frau K. braucht Hilfe", f"{table}\n## Übung: Frau K. braucht Hilfe")
    text = text.replace("GEHEIMER-TRAINERHINWEIS", f"GEHEIMER-TRAINERHINWEIS\n\n{table}\n{notes}\n")
    module.write_text(text, encoding="utf-8")
