"""The real project builds strictly and every piece of content has its page."""

from __future__ import annotations

import re
import subprocess
import sys

from builders import REPO, BuildResult, table_rows, visible_text

from engine.portal import load_checked


def test_every_module_role_and_course_has_a_page(real_site: BuildResult) -> None:
    project = load_checked(REPO)
    for module in project.modules:
        text = visible_text(real_site.page(f"module/{module.id.lower()}.html"))
        assert f"{module.id} · {module.title}" in text
        assert module.objectives[0] in text
    for role in project.roles:
        assert role.summary in visible_text(real_site.page(f"rollen/{role.id}.html"))
    for course in project.courses:
        assert course.title in visible_text(real_site.page(f"kurse/{course.id}.html"))


def test_matrix_has_a_row_per_module_and_a_column_per_role(real_site: BuildResult) -> None:
    project = load_checked(REPO)
    rows = table_rows(real_site.page("qualifikationsmatrix.html"))
    assert len(rows) == 1 + len(project.modules) + 1
    assert all(len(row) == 1 + len(project.roles) for row in rows)
    assert {cell for row in rows[1:-1] for cell in row[1:]} <= {"Pflicht", "Wahl", "–"}


def test_home_page_figures_come_from_the_content(real_site: BuildResult) -> None:
    project = load_checked(REPO)
    text = visible_text(real_site.page("index.html"))
    assert f"in {len(project.modules)} Modulen" in text
    total = f"{project.total_ue:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"zusammen {total} Unterrichtseinheiten" in text


def test_trainer_notes_of_every_module_are_collapsed(real_site: BuildResult) -> None:
    for page in sorted((real_site.site / "module").glob("m*.html")):
        html = page.read_text(encoding="utf-8")
        assert '<details class="info">' in html, page.name
        assert "<summary>Hinweise für Trainer:innen</summary>" in html, page.name


def test_check_command_on_our_programme_passes() -> None:
    completed = subprocess.run([sys.executable, "-m", "engine", "check"], capture_output=True, text=True,
                               check=False, cwd=REPO)
    assert completed.returncode == 0, completed.stderr
    # Stale dates are warnings: the verdict counts them instead of calling the content in order.
    warnings = re.search(r"^0 Fehler und (\d+) Warnungen? gefunden\.$", completed.stderr, re.M)
    verdict = f"keine Fehler, {warnings.group(1)} Warnung{'en' if warnings.group(1) != '1' else ''}" if warnings \
        else "alles in Ordnung"
    assert completed.stdout.startswith(f"QuartierPflege: {verdict} – 16\u00a0Module, 8\u00a0Rollen")
