"""The course planner in real headless Chromium, from file://: same results as Python, usable by keyboard.

The shared cases (tests/courses/cases.json) run through `QPPlanner.summary` in the built page
and must give exactly what `plan_summary` gives, recognition verdict included; a course planned
in the page must export as YAML that the Python loader accepts and that Python schedules to the
same clock times; the planner's YAML reading (js-yaml) must read what the Python loader reads.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import chromium, offline_page
from builders import REPO, BuildResult
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from engine.core.editions import Edition, for_edition
from engine.core.project import Project
from engine.core.templating import clock
from engine.core.yamlsource import parse_yaml
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.checks import MESSAGES, WARNINGS
from engine.features.courses.model import Course
from engine.features.courses.plan import plan_course, plan_summary
from engine.features.courses.planner import model_rules, planner_json, planner_script_paths
from engine.features.courses.schedule import BLOCK_LABELS
from engine.features.courses.urls import PLANNER_SCRIPTS
from engine.portal import load_checked, load_project, read_sources

CASES = json.loads((REPO / "tests" / "courses" / "cases.json").read_text(encoding="utf-8"))
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PLANNER_HTML = "kurse/planer.html"
OUR_NAMES = re.compile(r"QuartierPflege|Leipzig|Halle|Sachsen|Dresden", re.IGNORECASE)
DATA_BLOCK = re.compile(r'<script type="application/json" id="qp-planner-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def public_project() -> Project:
    return for_edition(load_checked(REPO), Edition.PUBLIC)


@pytest.fixture
def dialogs() -> dict[str, Any]:
    """How the planner page answers confirmation dialogs (`accept`), and the questions it was asked."""
    return {"accept": True, "asked": []}


@pytest.fixture
def planner(browser: Browser, real_site: BuildResult, dialogs: dict[str, Any]) -> Iterator[Page]:
    """The planner page in a fresh browser context (empty local storage), network blocked."""
    with offline_page(browser, real_site.site, viewport={"width": 1280, "height": 900},
                      accept_downloads=True) as (page, traffic):
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        def answer(dialog: Any) -> None:
            dialogs["asked"].append(dialog.message)
            if dialogs["accept"]:
                dialog.accept()
            else:
                dialog.dismiss()

        page.on("dialog", answer)
        page.goto((real_site.site / PLANNER_HTML).as_uri())
        page.wait_for_load_state("load")
        yield page
        assert errors == []
        assert traffic.outside == []


@pytest.fixture(scope="module")
def case_page(browser: Browser, real_site: BuildResult) -> Iterator[Page]:
    with offline_page(browser, real_site.site) as (page, _):
        page.goto((real_site.site / PLANNER_HTML).as_uri())
        page.wait_for_load_state("load")
        yield page


@pytest.mark.parametrize("case", CASES["cases"], ids=[case["name"] for case in CASES["cases"]])
def test_the_page_gives_the_shared_expectation(case_page: Page, case: dict[str, Any]) -> None:
    got = case_page.evaluate("([catalogue, course]) => QPPlanner.summary(catalogue, course)",
                             [CASES["catalogue"], case["course"]])
    assert got == case["expect"]


def test_the_data_block_is_the_built_projects_catalogue(real_site: BuildResult, public_project: Project) -> None:
    html = real_site.page(PLANNER_HTML)
    [block] = DATA_BLOCK.findall(html)
    assert "<" not in block
    data = json.loads(block)
    assert data["catalogue"] == json.loads(json.dumps(Catalogue.of(public_project).to_json()))
    assert data["messages"] == MESSAGES
    assert data["warnings"] == sorted(WARNINGS)
    assert data["labels"] == BLOCK_LABELS
    assert [course["id"] for course in data["courses"]] == [course.id for course in public_project.courses]
    assert data["model"] == json.loads(json.dumps(model_rules()))
    # Classic scripts in order (js-yaml first), relative to the page: works from a USB stick.
    tags = "\n".join(f'<script src="{path}"></script>' for path in planner_script_paths())
    assert tags in html
    assert [f"../{script.url}" for script in PLANNER_SCRIPTS] == planner_script_paths()
    assert planner_script_paths()[0].endswith("vendor/js-yaml/js-yaml.min.js")


def test_the_model_rules_are_the_models() -> None:
    """The patterns and limits the page gets are read from the models, and mean the same there."""
    rules = model_rules()
    assert re.fullmatch(rules["patterns"]["clock"][1:-1], "09:30") and not re.fullmatch(
        rules["patterns"]["clock"][1:-1], "9:30")
    assert rules["limits"]["minutes"] == {"min": 1, "max": 600}
    assert rules["limits"]["max_day_minutes"] == {"min": 1, "max": 720}
    assert rules["defaults"]["refresher"] is False and rules["defaults"]["trainers"] == []
    course = Course.model_json_schema(by_alias=True)
    assert rules["patterns"]["slug"] == course["properties"]["id"]["pattern"]
    assert rules["limits"]["max_day_minutes"]["max"] == course["properties"]["max_day_minutes"]["anyOf"][0]["maximum"]


def test_the_planner_loads_nothing_from_elsewhere(real_site: BuildResult) -> None:
    html = real_site.page(PLANNER_HTML)
    for script in PLANNER_SCRIPTS:
        source = (real_site.site / script.url).read_text(encoding="utf-8")
        assert source == script.source.read_text(encoding="utf-8")
        assert "fetch(" not in source and "XMLHttpRequest" not in source and "import(" not in source
        if "/vendor/" not in script.url:  # js-yaml's licence comment names its home page
            assert not re.search(r"https?://", source)
            assert not OUR_NAMES.search(source)  # the engine's scripts serve any programme
    assert (real_site.site / "assets/portal/vendor/js-yaml/LICENSE").is_file()  # the licence travels along
    scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)
    assert scripts and not [src for src in scripts if re.match(r"(https?:)?//", src)]
    index = real_site.page("kurse/index.html")
    assert "planner-" not in index and "js-yaml" not in index  # loaded only by the planner page


def test_course_text_cannot_end_the_data_block(public_project: Project) -> None:
    evil = '</script><script>alert(1)</script><!--'
    first = public_project.modules[0].model_copy(update={"title": evil})
    project = public_project.with_content(module=(first, *public_project.modules[1:]))
    text = planner_json(project)
    assert "<" not in text
    assert json.loads(text)["catalogue"]["modules"][first.id]["title"] == evil


def shown_times(page: Page) -> list[list[str]]:
    """The clock times of the planner's schedule tables, day by day, as the reader sees them."""
    return page.eval_on_selector_all(
        "#qp-plan table", "tables => tables.map(t => [...t.querySelectorAll('tbody td.qp-slot__time')]"
                          ".map(td => td.textContent))")


def block_titles(page: Page, day: int) -> list[str]:
    return page.eval_on_selector_all(f'#qp-days li[data-day="{day}"] .qp-block__title',
                                     "spans => spans.map(s => s.textContent)")


def finding_codes(page: Page) -> list[str]:
    return page.eval_on_selector_all("#qp-findings li[data-code]", "items => items.map(i => i.dataset.code)")


def prerequisite_pair(project: Project) -> tuple[str, str]:
    """A module and one of its prerequisites, from the programme's own data."""
    return next((m.id, m.prerequisites[0]) for m in project.modules if m.prerequisites)


def test_a_course_planned_by_keyboard_exports_yaml_that_python_plans_alike(
        planner: Page, public_project: Project, tmp_path: Path) -> None:
    page = planner
    module, prerequisite = prerequisite_pair(public_project)
    role = public_project.roles[0]
    page.fill("#qp-id", "test-kurs")
    page.fill("#qp-title", "Ein Kurs aus dem Planer")
    page.fill("#qp-summary", "Geplant im Browser, geprüft mit Python.")
    page.check(f"#qp-role-{role.id}")
    page.fill("#qp-day-0-start", "09:30")

    # Select modules: the prerequisite first, then the module that needs it, then a break.
    page.select_option("#qp-add-module-0", prerequisite)
    page.click("#qp-add-module-0-button")
    page.select_option("#qp-add-module-0", module)
    page.click("#qp-add-module-0-button")
    page.get_by_role("button", name=f"{BLOCK_LABELS['break']} hinzufügen").first.click()
    assert "prerequisite_order" not in finding_codes(page)

    # Reorder by keyboard: the module moves above its prerequisite and the check says so.
    page.focus('#qp-days li[data-day="0"][data-index="1"] [data-action="up"]')
    page.keyboard.press("Space")
    assert block_titles(page, 0)[0].startswith(f"Unterricht: {module} · ")
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused.startswith(f"Nach oben: „{module} · ")  # focus follows the moved block
    page.wait_for_function("() => document.getElementById('qp-planner-status').textContent.includes('Block 1')")
    assert f"{module} · " in page.inner_text("#qp-planner-status")
    assert "prerequisite_order" in finding_codes(page)
    warning = page.inner_text('#qp-findings li[data-code="prerequisite_order"]')
    titles = public_project.module_by_id
    assert f"{module} „{titles[module].title}“ setzt {prerequisite} „{titles[prerequisite].title}“ voraus" in warning

    page.focus('#qp-days li[data-day="0"][data-index="1"] [data-action="up"]')
    page.keyboard.press("Enter")
    assert "prerequisite_order" not in finding_codes(page)

    # A second day at its own time; the break moves there, then a module part after it.
    page.click("#qp-add-day")
    page.fill("#qp-day-1-start", "13:30")
    page.fill("#qp-day-1-date", "2027-03-13")
    page.select_option("#qp-b-0-2-day", "1")
    page.click('#qp-days li[data-day="0"][data-index="2"] [data-action="move"]')
    assert block_titles(page, 1) == [f"Pause: {BLOCK_LABELS['break']}"]
    page.select_option("#qp-add-module-1", module)
    page.click("#qp-add-module-1-button")
    page.fill("#qp-b-0-1-minutes", "30")  # the module is split: 30 minutes on day 1, the rest on day 2

    # Export: a download and the same text to copy.
    with page.expect_download() as download:
        page.click("#qp-export")
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename == "test-kurs.yml"
    assert exported == page.input_value("#qp-yaml")
    assert exported.startswith("# yaml-language-server: $schema=../../schemas/course.schema.json\n")
    assert 'start: "09:30"' in exported and 'version: "1.0"' in exported
    assert "\n  - date: 2027-03-13\n" in exported  # dates plain, as the course files write them
    assert re.search(r"\nupdated: \d{4}-\d{2}-\d{2}\n", exported)

    # The YAML validates with the Python loader, in a copy of our project.
    project_copy = tmp_path / "projekt"
    project_copy.mkdir()
    for name in ("programme.yml", "curriculum", "role_profiles", "contacts"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project_copy / name)
    (project_copy / "curriculum" / "courses" / "test-kurs.yml").write_text(exported, encoding="utf-8")
    project, problems = load_project(read_sources(project_copy))
    assert [str(p) for p in problems if "test-kurs" in p.path] == []
    course = next(c for c in project.courses if c.id == "test-kurs")

    # Python plans it exactly like the page: the same summary, and the times the page shows.
    python = plan_summary(course, Catalogue.of(project))
    browser = page.evaluate("c => QPPlanner.summary(JSON.parse(document.getElementById('qp-planner-data')"
                            ".textContent).catalogue, c)", page.evaluate("() => QPPlanner.course()"))
    assert browser == python
    assert shown_times(page) == [[f"{s[0]}–{s[1]}" for s in day["slots"]] for day in python["days"]]
    assert python["days"][1]["start"] == "13:30"
    assert [s[5:7] for s in python["days"][0]["slots"] if s[4] == module] == [[1, 2]]


def test_drafts_survive_a_reload_and_import_gives_the_course_back(planner: Page) -> None:
    page = planner
    page.select_option("#qp-template", index=1)
    page.click("#qp-template-load")
    planned = page.evaluate("() => QPPlanner.course()")
    yaml_text = page.evaluate("() => QPPlanner.exportYaml()")

    page.reload()
    page.wait_for_load_state("load")
    assert page.evaluate("() => QPPlanner.course()") == planned  # the draft came back from local storage

    page.click("#qp-new")
    assert page.evaluate("() => QPPlanner.course().days[0].blocks.length") == 0
    page.fill("#qp-import-text", yaml_text)
    page.click("#qp-import")
    assert page.evaluate("() => QPPlanner.course()") == planned
    assert page.inner_text("#qp-import-result").startswith("Importiert")

    page.fill("#qp-import-text", json.dumps(planned))
    page.click("#qp-import")
    assert page.evaluate("() => QPPlanner.course()") == planned

    page.fill("#qp-import-text", "id: kaputt\ndays: [")
    page.click("#qp-import")
    assert page.inner_text("#qp-import-result").startswith("Import fehlgeschlagen")


def test_an_exported_file_imports_back_identically(planner: Page) -> None:
    """Export, import, export again: the same course and byte for byte the same file."""
    page = planner
    tricky = ['Fragen: "warum?" # kein Kommentar', "10:30", "ja", "on", "1.0", "Ä–ß „Zitat“", "- Strich", "null"]
    for index in range(len(page.eval_on_selector_all("#qp-template option", "options => options"))):
        page.select_option("#qp-template", index=index)
        page.click("#qp-template-load")
        if index == 0:  # the empty course, made into one with every kind of block and awkward texts
            page.evaluate("""tricky => {
                const course = QPPlanner.course()
                Object.assign(course, {id: "probe", title: tricky[0], summary: "Zeile 1\\nZeile 2: mit Doppelpunkt",
                    audience: ["probe"], trainers: tricky.slice(1), provider: "#1", place: "'einfach'",
                    break_rule: {after_minutes: 90, break_minutes: 15}, max_day_minutes: 480})
                course.days = [{date: "2027-03-13", start: "08:05", latest_end: "10:30", blocks: [
                    {module: "M01", minutes: 30}, {"break": 15}, {lunch: 45},
                    ...tricky.map(name => ({activity: name, minutes: 5}))]}]
                QPPlanner.load(course)
            }""", tricky)
        planned = page.evaluate("() => QPPlanner.course()")
        exported = page.evaluate("() => QPPlanner.toYaml(QPPlanner.course(), '2027-01-02')")  # no download
        page.click("#qp-new")
        page.fill("#qp-import-text", exported)
        page.click("#qp-import")
        assert page.inner_text("#qp-import-result").startswith("Importiert"), exported
        assert page.evaluate("() => QPPlanner.course()") == planned
        assert page.evaluate("() => QPPlanner.toYaml(QPPlanner.course(), '2027-01-02')") == exported
        # And Python reads the file as the planner meant it (texts stay texts).
        data = parse_yaml("probe.yml", exported).value
        assert data["title"] == planned["title"]
        assert [day["start"] for day in data["days"]] == [day["start"] for day in planned["days"]]
        if index == 0:
            assert data["trainers"] == tricky[1:] and data["summary"] == planned["summary"]
            assert [b.get("activity") for b in data["days"][0]["blocks"][3:]] == tricky


BROKEN_YAML = [
    "id: kaputt\ndays: [",
    "id: kurs\ntitle: Kurs\n  summary: falsch eingerückt\n",
    "id: kurs\nid: doppelt\n",
    "id: kurs\ntitle: 'offen\n",
    "id: kurs\ndays:\n\t- start: \"09:00\"\n",
    "id: kurs\ndays:\n  - start: \"09:00\"\n    blocks:\n     - module: M01\n    - break: 15\n",
    "id: kurs\naudience: [a, b\ntitle: x\n",
    "---\nid: a\n---\nid: b\n",
]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_a_yaml_syntax_error_on_import_is_german_with_its_line(planner: Page, text: str) -> None:
    """js-yaml's error becomes the planner's German message, at the line `check` names."""
    page = planner
    page.fill("#qp-import-text", text)
    page.click("#qp-import")
    message = page.inner_text("#qp-import-result")
    [problem] = parse_yaml("kurs.yml", text).problems
    assert message.startswith(f"Import fehlgeschlagen: Zeile {problem.line}: "), message
    assert "YAML-Syntaxfehler" in message or "doppelt" in message
    assert not re.search(r"\b(?:the|of|expected|unexpected|bad)\b", message), message  # no English


def test_the_planner_reads_yaml_values_as_python_does(case_page: Page) -> None:
    """YAML 1.1 as our loader has it: yes/on are booleans, 010 is octal, clock times and dates stay text."""
    text = ("a: yes\nb: 10:30\nc: 2026-01-02\nd: 010\ne: 1_000\nf: 1.5\ng: ~\nh: 0x1F\ni: \"x\"\nj: .5\n"
            "k: On\nl: 1e3\nm: 09\nn: -0b11\no: +12\nq: null\nr:\ns: NO\nt: 190:20:30\nu: 1:30.5\n")
    assert case_page.evaluate("t => QPPlanner.parseYaml(t)", text) == parse_yaml("werte.yml", text).value


def test_every_course_file_reads_back_as_python_reads_it(case_page: Page) -> None:
    """The planner reads our course files (folded text included) and writes them back alike."""
    for path in sorted((REPO / "curriculum" / "courses").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        read = case_page.evaluate("t => QPPlanner.toYaml(QPPlanner.parseCourse(t), '2000-01-01')", text)
        assert Course.model_validate(yaml.safe_load(read)).model_copy(update={"updated": None}) == \
            Course.model_validate(yaml.safe_load(text)).model_copy(update={"updated": None}), path.name


def test_blocks_can_also_be_dragged(planner: Page) -> None:
    page = planner
    page.select_option("#qp-template", index=1)
    page.click("#qp-template-load")
    before = block_titles(page, 0)
    page.drag_and_drop('#qp-days li[data-day="0"][data-index="0"]', '#qp-days li[data-day="0"][data-index="2"]',
                       target_position={"x": 5, "y": 40})
    after = block_titles(page, 0)
    assert sorted(after) == sorted(before) and after != before
    assert after.index(before[0]) > 0


def test_the_printout_shows_the_plan_without_controls(planner: Page) -> None:
    page = planner
    page.select_option("#qp-template", index=1)
    page.click("#qp-template-load")
    page.emulate_media(media="print")
    assert not page.is_visible("#qp-course-fields")
    assert not page.is_visible("#qp-export")
    assert page.is_visible("#qp-plan table")
    assert page.is_visible("#qp-findings")


def test_no_serious_accessibility_violations_on_the_planner(planner: Page) -> None:
    page = planner
    page.select_option("#qp-template", index=2)
    page.click("#qp-template-load")
    page.click("#qp-add-day")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1)


def template_index(page: Page, course_id: str) -> int:
    """The option of the template select that loads our course `course_id`."""
    ids = page.evaluate("() => JSON.parse(document.getElementById('qp-planner-data').textContent)"
                        ".courses.map(c => c.id)")
    return ids.index(course_id) + 1  # option 0 is the empty course


def load_template(page: Page, course_id: str) -> None:
    page.select_option("#qp-template", index=template_index(page, course_id))
    page.click("#qp-template-load")


def test_a_loaded_template_gets_its_own_id_and_a_draft_is_replaced_only_when_confirmed(
        planner: Page, public_project: Project, dialogs: dict[str, Any]) -> None:
    page = planner
    ours = {course.id for course in public_project.courses}
    first, second = public_project.courses[0], public_project.courses[1]
    load_template(page, first.id)
    assert dialogs["asked"] == []  # an empty draft is replaced without asking
    draft_id = page.input_value("#qp-id")
    assert re.fullmatch(rf"{first.id}-entwurf-\d{{4}}-\d{{2}}-\d{{2}}", draft_id) and draft_id not in ours
    with page.expect_download() as download:
        page.click("#qp-export")
    assert download.value.suggested_filename == f"{draft_id}.yml"  # saving it never overwrites our file
    page.fill("#qp-id", first.id)  # typed back by hand: the planner warns before the file is overwritten
    assert f"Kurz-ID: „{first.id}“ hat schon einer unserer Kurse" in page.inner_text("#qp-findings")
    page.fill("#qp-id", draft_id)

    dialogs["accept"] = False  # the trainer says no: nothing changes
    before = page.evaluate("() => QPPlanner.course()")
    load_template(page, second.id)
    assert page.evaluate("() => QPPlanner.course()") == before
    assert "wird dabei ersetzt" in dialogs["asked"][-1] and first.title in dialogs["asked"][-1]
    page.wait_for_function("() => document.getElementById('qp-planner-status').textContent.includes('Abgebrochen')")
    page.click("#qp-new")
    assert page.evaluate("() => QPPlanner.course()") == before
    assert len(dialogs["asked"]) == 2

    dialogs["accept"] = True
    load_template(page, second.id)
    assert page.input_value("#qp-title") == second.title
    assert page.input_value("#qp-id").startswith(f"{second.id}-entwurf-")
    page.click("#qp-new")
    assert page.evaluate("() => QPPlanner.course().days[0].blocks.length") == 0
    assert len(dialogs["asked"]) == 4


def test_the_course_details_for_certificates_export_as_the_model_reads_them(planner: Page) -> None:
    page = planner
    page.fill("#qp-id", "kurs-mit-traeger")
    page.fill("#qp-provider", "Nachbarschaftsverein im Quartier e.V.")
    page.fill("#qp-provider-address", "Am Markt 1, 06108 Halle (Saale)")
    page.fill("#qp-place", "Begegnungsstätte im Quartier")
    page.fill("#qp-trainers", "Pflegefachkraft des Trägers\n\n  Koordination Ehrenamt  \n")
    page.check("#qp-in-person")
    page.fill("#qp-seats", "12")
    page.fill("#qp-counts-for", "Zählt als Grundkurs, wenn eine Pflegekasse den Kurs anerkannt hat.")
    data = yaml.safe_load(page.evaluate("() => QPPlanner.toYaml(QPPlanner.course(), '2027-01-02')"))
    assert {key: data[key] for key in ("provider", "provider_address", "place", "trainers", "in_person", "seats",
                                       "counts_for")} == {
        "provider": "Nachbarschaftsverein im Quartier e.V.", "provider_address": "Am Markt 1, 06108 Halle (Saale)",
        "place": "Begegnungsstätte im Quartier", "trainers": ["Pflegefachkraft des Trägers", "Koordination Ehrenamt"],
        "in_person": True, "seats": 12,
        "counts_for": "Zählt als Grundkurs, wenn eine Pflegekasse den Kurs anerkannt hat."}
    course = Course.model_validate({**data, "title": "Kurs", "summary": "Kurs", "audience": ["a"],
                                    "days": [{"start": "09:00", "blocks": [{"break": 15}]}]})
    assert (course.in_person, course.seats) == (True, 12)
    assert page.inner_text(".qp-planner-meta") == (
        "Träger: Nachbarschaftsverein im Quartier e.V., Am Markt 1, 06108 Halle (Saale) · Ort: Begegnungsstätte im "
        "Quartier · Kursleitung: Pflegefachkraft des Trägers, Koordination Ehrenamt · in Präsenz · 12 Plätze")
    page.reload()
    assert page.input_value("#qp-provider-address") == "Am Markt 1, 06108 Halle (Saale)"  # kept with the draft
    assert page.is_checked("#qp-in-person") and page.input_value("#qp-seats") == "12"


def test_blocks_carry_the_numbers_and_clock_times_the_messages_use(planner: Page, public_project: Project) -> None:
    """Every block shows „Tag 1, Block 2“, its clock times as Python plans them, and „gekürzt“ when shortened."""
    page = planner
    course = next(c for c in public_project.courses if c.recognition and not c.refresher)
    load_template(page, course.id)
    python = plan_course(public_project, course)
    taught = python.schedule.taught
    for day in python.schedule.days:
        for slot in day.slots:
            prefix = f"#qp-b-{day.index}-{slot.index}"
            assert page.inner_text(f"{prefix} .qp-block__number") == f"Tag {day.number}, Block {slot.index + 1}"
            time = page.inner_text(f"{prefix}-time")
            assert time.startswith(f"{clock(slot.start)}–{clock(slot.end)} Uhr")
            unit = public_project.programme.teaching_unit_minutes
            full = public_project.module_by_id[slot.module].duration_ue * unit if slot.module else 0
            if slot.module and taught[slot.module] < full:
                assert f"gekürzt: {round(taught[slot.module])} von {round(full)}\u00a0Min." in time
            else:
                assert "gekürzt" not in time
    assert page.eval_on_selector_all(".qp-block__short", "marks => marks.length") > 0


def test_a_finding_links_to_its_block_and_new_and_resolved_findings_are_announced(
        planner: Page, public_project: Project) -> None:
    page = planner
    course = next(c for c in public_project.courses if c.break_rule and c.recognition and not c.refresher)
    load_template(page, course.id)
    assert finding_codes(page) == []
    # Removing the first break makes the morning one long stretch without one.
    page.click('#qp-days li.qp-block--break[data-day="0"] [data-action="remove"]')
    assert "no_break" in finding_codes(page)
    link = page.locator('#qp-findings li[data-code="no_break"] a.qp-finding__where')
    where = link.inner_text()
    assert re.fullmatch(r"Tag 1, Block \d+", where)
    link.click()
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == link.get_attribute("href").removeprefix("#")
    assert page.inner_text(f"#{focused} .qp-block__number") == where  # the block the message names
    message = page.inner_text('#qp-findings li[data-code="no_break"]')
    assert "Unterricht und Programmpunkte zählen mit" in message
    live = page.locator("#qp-findings-live")
    assert live.get_attribute("aria-live") == "polite"
    page.wait_for_function("() => document.getElementById('qp-findings-live').textContent.includes('Neuer Hinweis')")
    assert "sitzt die Gruppe" in live.inner_text() and where in live.inner_text()

    # The in-person requirement of a rule, ticked off and on again: announced as new, then as resolved.
    rule_course = next(c for c in public_project.courses
                       if c.recognition and public_project.programme.rule_by_id[c.recognition].in_person)
    load_template(page, rule_course.id)
    page.uncheck("#qp-in-person")
    assert "rule_in_person" in finding_codes(page)
    page.wait_for_function("() => document.getElementById('qp-findings-live').textContent.includes('Präsenz')")
    assert page.inner_text("#qp-findings-live").startswith("Neuer Hinweis")
    assert "nicht erfüllt" in page.inner_text(".qp-planner-recognition")
    page.check("#qp-in-person")
    page.wait_for_function("() => document.getElementById('qp-findings-live').textContent.startsWith('Behoben')")
    assert "Keine Hinweise mehr" in page.inner_text("#qp-findings-live")
    verdict = page.inner_text(".qp-planner-recognition")
    assert "erfüllt" in verdict and "Pflegekasse oder vom Land" in verdict


@pytest.mark.parametrize("path", [PLANNER_HTML, "index.html"])
def test_on_a_phone_nothing_scrolls_sideways_and_tab_skips_the_closed_drawer(
        browser: Browser, real_site: BuildResult, path: str) -> None:
    with offline_page(browser, real_site.site, viewport={"width": 390, "height": 844}) as (page, _):
        page.on("dialog", lambda dialog: dialog.accept())
        page.goto((real_site.site / path).as_uri())
        page.wait_for_load_state("load")
        if path == PLANNER_HTML:
            for index in range(1, len(page.eval_on_selector_all("#qp-template option", "o => o"))):
                page.select_option("#qp-template", index=index)
                page.click("#qp-template-load")
                assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
            assert page.is_visible("#qp-plan table")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        drawer_links = page.eval_on_selector_all(".md-sidebar--primary a", "links => links.length")
        assert drawer_links > 0
        reached = []
        for _ in range(25):
            page.keyboard.press("Tab")
            reached.append(page.evaluate("() => [document.activeElement.closest('.md-sidebar--primary') !== null,"
                                         " document.activeElement.closest('.md-content') !== null]"))
        assert not any(in_drawer for in_drawer, _ in reached)
        assert any(in_content for _, in_content in reached)  # Tab reaches the page within a few steps
        # Opened, the drawer's links are reachable again.
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_timeout(400)
        first = page.locator(".md-sidebar--primary a").first
        first.focus()
        assert page.evaluate("() => document.activeElement.closest('.md-sidebar--primary') !== null")


def test_plan_drucken_prints_the_plan_first_on_few_pages(planner: Page, public_project: Project) -> None:
    """Printed, the introduction and controls are gone, the plan starts on page 1, every day's rows stay whole."""
    page = planner
    for course in public_project.courses:
        load_template(page, course.id)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        texts = [p.extract_text() for p in pdf.pages]
        first = texts[0]
        assert "Tag 1" in first and course.title in first
        assert "Mit dem Kursplaner stellen Sie" not in "".join(texts)  # the introduction is not printed
        assert "Vorlage als Entwurf laden" not in "".join(texts)
        days = len(course.days)
        assert len(pdf.pages) <= (days + 2) // 2, (course.id, len(pdf.pages))  # 1 day: 1 sheet, 2: 2, 4: 3
        assert all(text.strip() for text in texts)  # no empty sheet


def test_the_recognition_page_says_what_erfuellt_means(real_site: BuildResult) -> None:
    """„Erfüllt“ is the portal's check of units and core modules; recognition comes from elsewhere."""
    text = " ".join(real_site.page("module/anerkennung.html").split())
    assert "Was „erfüllt“ bei einem Kurs heißt" in text
    assert "Mehr prüft das Portal nicht" in text and "von der Pflegekasse oder vom Land" in text
    course = " ".join(real_site.page("kurse/grundkurs-sachsen.html").split())
    assert ("„Erfüllt“ ist die Prüfung dieses Portals; anerkannt wird der Kurs von der Pflegekasse oder vom Land"
            in course)
