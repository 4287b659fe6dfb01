"""`check` reads `mkdocs.yml`'s `nav` and renders the hand-written pages' macros, as the build will:
a typo is a German `file:line` problem from `check`, never an English MkDocs warning after the
PDFs or a Python traceback; generated pages place themselves and vanish with their data."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from builders import build, visible_text

from engine.portal import check_project


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engine", "--root", str(project), "check"],
                          capture_output=True, text=True, check=False)


def plain_mkdocs(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` itself, without `./qp`: the plugin is found by its entry point."""
    # Not -q: MkDocs drops quiet warnings before strict mode counts them, so a quiet build passes.
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                          cwd=project, capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)})


def edit_nav(project: Path, nav: list[object] | None) -> None:
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    if nav is None:
        config.pop("nav", None)
    else:
        config["nav"] = nav
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def nav_line(project: Path, text: str) -> int:
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def errors(project: Path) -> list[tuple[str, int, str]]:
    _, problems = check_project(project)
    return [(problem.path, problem.line, problem.code) for problem in problems if not problem.warning]


def test_a_nav_typo_is_a_german_problem_at_its_line(tiny: Path) -> None:
    config_file = tiny / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8").replace("qualifikationsmatrix.md",
                                                                           "qualifikatonsmatrix.md"), encoding="utf-8")
    line = nav_line(tiny, "qualifikatonsmatrix.md")
    assert errors(tiny) == [("mkdocs.yml", line, "nav.page-unknown")]
    completed = check(tiny)
    assert completed.returncode == 1
    assert (f"mkdocs.yml:{line}: nav: die Seite 'qualifikatonsmatrix.md' gibt es weder in docs/ noch unter den "
            "erzeugten Seiten; meinten Sie 'qualifikationsmatrix.md'?") in completed.stderr


def test_a_generated_page_named_in_the_nav_vanishes_with_its_data(tiny: Path, tmp_path: Path) -> None:
    """A city page is a slot of its own: named in the `nav`, it is there while its data is."""
    (tiny / "city/wirkung.yml").unlink()
    edit_nav(tiny, [{"Start": "index.md"}, {"Wirkung": "stadt/wirkung.md"}, {"Netz": "stadt/netzwerkkarte.md"}])
    assert errors(tiny) == []
    site = tmp_path / "site"
    result = build(tiny, site)
    assert result.returncode == 0, result.output
    nav = visible_text((site / "index.html").read_text(encoding="utf-8"))
    assert "Netz" in nav and "Wirkung" not in nav


def test_a_page_of_a_generated_folder_that_is_not_made_points_to_the_slot(tiny: Path) -> None:
    edit_nav(tiny, [{"Start": "index.md"}, {"Modul 9": "module/m09.md"}, {"Curriculum": "module/"}])
    line = nav_line(tiny, "module/m09.md")
    assert errors(tiny) == [("mkdocs.yml", line, "nav.page-unknown")]
    assert ("die Seite 'module/m09.md' wird aus den Inhalten erzeugt, hier aber nicht (es fehlen ihre Daten); "
            "nennen Sie im nav statt einzelner Seiten den Platz 'module/'") in check(tiny).stderr


def test_a_hand_written_page_missing_from_the_nav_is_named(tiny: Path) -> None:
    (tiny / "docs/ueber.md").write_text("# Über uns\n", encoding="utf-8")
    assert [code for _, _, code in errors(tiny)] == ["nav.page-missing"]
    assert "die Seite 'docs/ueber.md' steht nicht im nav" in check(tiny).stderr


def test_an_undefined_macro_is_a_german_problem_at_its_line_without_traceback(tiny: Path, tmp_path: Path) -> None:
    (tiny / "docs/index.md").write_text("---\ntitle: Start\n---\n# Start\n\nEs gibt {{ qp.module | length }} "
                                        "Module.\n", encoding="utf-8")
    assert errors(tiny) == [("docs/index.md", 6, "page.macro-undefined")]
    completed = check(tiny)
    assert ("docs/index.md:6: der Ausdruck nennt 'module', das es nicht gibt; meinten Sie 'modules' oder "
            "'module_by_id'?") in completed.stderr
    result = build(tiny, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/index.md:6: der Ausdruck nennt 'module'" in result.output
    assert "Traceback" not in completed.stderr + result.output


def test_a_macro_syntax_error_and_an_unknown_name_are_problems(tiny: Path) -> None:
    (tiny / "docs/index.md").write_text("# Start\n\n{{ qp.modules | length }\n", encoding="utf-8")
    assert errors(tiny) == [("docs/index.md", 3, "page.macro-syntax")]
    (tiny / "docs/index.md").write_text("# Start\n\n\n{{ programm.name }}\n", encoding="utf-8")
    assert errors(tiny) == [("docs/index.md", 4, "page.macro-undefined")]
    assert "meinten Sie 'programme'?" in check(tiny).stderr


def test_mkdocs_macros_own_names_and_extra_are_accepted(tiny: Path) -> None:
    (tiny / "docs/index.md").write_text("# Start\n\n{{ config.site_name }} {{ page.title }} {{ generator }} "
                                        "{{ programme.name }}\n", encoding="utf-8")
    assert errors(tiny) == []


def test_a_page_that_asks_for_no_macros_is_left_alone(tiny: Path) -> None:
    (tiny / "docs/index.md").write_text("---\nrender_macros: false\n---\n# Start\n\nSo schreibt man: "
                                        "{{ qp.gibt_es_nicht }}\n", encoding="utf-8")
    assert errors(tiny) == []


def test_a_link_written_only_when_its_data_exists_is_checked_as_rendered(tiny: Path) -> None:
    page = ("# Start\n\n{% if qp.dossier %}\n- [Dossier](stadt/dossier.md)\n\n\n{% endif %}\n"
            "- [Kaputt](gibt-es-nicht.md)\n")
    (tiny / "docs/index.md").write_text(page, encoding="utf-8")
    (tiny / "city/dossier.yml").unlink()
    # The broken link is reported at the line the editor wrote, though rendering dropped lines above it.
    assert errors(tiny) == [("docs/index.md", 8, "link.page-unknown")]
    (tiny / "docs/index.md").write_text(page.replace("- [Kaputt](gibt-es-nicht.md)\n", ""), encoding="utf-8")
    assert errors(tiny) == []


def test_without_city_data_the_city_pages_and_their_nav_entries_vanish(tiny: Path, tmp_path: Path) -> None:
    shutil.rmtree(tiny / "city")  # the fixture's nav keeps its `Für die Stadt: [stadt/]` slot
    assert "stadt/" in (tiny / "mkdocs.yml").read_text(encoding="utf-8")
    completed = check(tiny)
    assert completed.returncode == 0, completed.stderr
    result = plain_mkdocs(tiny, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "stadt/" not in home
    assert not (tmp_path / "site/stadt").exists()


def test_a_programme_whose_docs_are_one_page_keeps_planner_search_and_styles(tiny: Path, tmp_path: Path) -> None:
    shutil.rmtree(tiny / "docs")
    (tiny / "docs").mkdir()
    (tiny / "docs/index.md").write_text("# Willkommen\n\nUnser Programm.\n", encoding="utf-8")
    edit_nav(tiny, [{"Start": "index.md"}])
    assert errors(tiny) == []
    site = tmp_path / "site"
    result = build(tiny, site)
    assert result.returncode == 0, result.output
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/portal/stylesheets/portal.css" in home
    planner = (site / "kurse/planer.html").read_text(encoding="utf-8")
    assert 'type="application/json"' in planner
    for script in ("javascripts/planner-ui.js", "vendor/js-yaml/js-yaml.min.js", "javascripts/iframe-worker-shim.js",
                   "stylesheets/portal.css"):
        assert (site / "assets/portal" / script).is_file(), script
        assert f"assets/portal/{script}" in planner, script
    assert (site / "search/search_index.json").is_file()
    assert "Curriculum" in visible_text(home)  # the generated sections were appended to the short nav


def test_a_site_config_of_the_earlier_engine_names_each_line_to_change(tiny: Path) -> None:
    config_file = tiny / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["hooks"] = ["engine/glue/mkdocs_hooks.py"]
    config["extra"]["public_url"] = "https://portal.example.org"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert sorted(code for _, _, code in errors(tiny)) == ["site.outdated-hooks", "site.outdated-public-url"]
    stderr = check(tiny).stderr
    assert (f"mkdocs.yml:{nav_line(tiny, 'mkdocs_hooks')}: hooks: 'engine/glue/mkdocs_hooks.py' gibt es nicht mehr: "
            "die Engine ist jetzt das Plugin 'portal'") in stderr
    assert "'- portal: {public_url: \"https://portal.example.org\"}'" in stderr
