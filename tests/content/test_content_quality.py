"""The real content meets the editorial bar: complete modules, sourced legal figures,
reachable pages, and no contact data outside `contacts/`."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
import yaml
from builders import REPO, BuildResult

from engine.core.body import split_body
from engine.features.curriculum.model import Module
from engine.portal import load_checked

PROJECT = load_checked(REPO)

# The legal figures of the domain brief (amounts, shares, hour limits). Where one appears, its
# paragraph (or the sentence introducing its list or table) must say which "Stand" it reflects.
LEGAL_FIGURE = re.compile(
    r"(?<![\d.,])(?:131|125|3\.539|840|960|3\.000|3\.300|603|13,90)\s?(?:€|Euro)"
    r"|\b40\s?%|\b(?:40|30)\sStunden"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}")
PHONE = re.compile(r"(?:\+49|\b0)[1-9][0-9 /-]{6,}[0-9]")
# Public emergency and advice numbers the domain brief lists (shared/domain-brief.md,
# "Emergency numbers") and the modules name where they belong; they need no directory entry.
PUBLIC_NUMBERS = {"0361 730 730"}  # Giftinformationszentrum (GGIZ) Erfurt, for Saxony and Saxony-Anhalt
PLACEHOLDER = re.compile(r"lorem ipsum|\bTODO\b|\bFIXME\b|\bTBD\b|platzhalter", re.IGNORECASE)
TEXT_SOURCES = sorted(
    [*REPO.glob("curriculum/**/*.md"), *REPO.glob("curriculum/**/*.yml"), *REPO.glob("docs/**/*.md"),
     *REPO.glob("role_profiles/*.yml"), *REPO.glob("city/**/*.yml")])


def h2(body: str) -> list[str]:
    return re.findall(r"^## (.+)$", body, re.MULTILINE)


@pytest.mark.parametrize("module", PROJECT.modules, ids=lambda m: m.id)
def test_module_is_a_complete_teaching_unit(module: Module) -> None:
    split = split_body(module.body)
    headings = h2(split.participant)
    assert module.objectives and module.key_points
    assert not split.participant.lstrip().startswith("#"), "first a paragraph that states the purpose"
    assert any(h.startswith("Übung") for h in headings), "needs an exercise: '## Übung: …'"
    assert "Das Wichtigste in Kürze" in headings
    assert split.has_trainer_notes
    assert len(split.participant.split()) >= 600, "a neighbour must be able to learn from the text alone"


def figure_blocks(text: str) -> list[str]:
    """Blocks with a legal figure that have no 'Stand' in them or in the block before."""
    blocks = re.split(r"\n\s*\n", text)
    return [block.strip()[:120] for index, block in enumerate(blocks) if LEGAL_FIGURE.search(block)
            and "Stand" not in block + (blocks[index - 1] if index else "")]


@pytest.mark.parametrize("path", [p for p in TEXT_SOURCES if p.suffix == ".md"],
                         ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_legal_figure_in_running_text_has_a_stand(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):  # a module's front matter: its figures are checked with `sources`
        text = text.split("\n---\n", 1)[1]
    assert figure_blocks(text) == []


def test_every_legal_figure_in_structured_content_has_a_stand() -> None:
    missing = [t.id for t in PROJECT.glossary if LEGAL_FIGURE.search(t.definition) and not t.stand]
    # A role's pay is shown from facts.yml (((mindestlohn)) …), where each figure has its `stand`;
    # descriptions write no Stand of their own any more (tests/content/test_legal_figures.py).
    missing += [m.id for m in PROJECT.modules if LEGAL_FIGURE.search(m.body) and not m.sources]
    assert missing == []


def test_roles_are_complete_and_distinct() -> None:
    assert len(PROJECT.roles) == 8
    for role in PROJECT.roles:
        assert role.required_modules, role.id
        assert role.boundaries and role.tasks and role.legal_notes, role.id
    summaries = [role.summary for role in PROJECT.roles]
    assert len(set(summaries)) == len(summaries)


def test_courses_meet_the_recognition_rule_they_claim_and_pass_every_check() -> None:
    from engine.features.courses.plan import plan_course

    for course in PROJECT.courses:
        plan = plan_course(PROJECT, course)
        assert plan.findings == (), [f.message for f in plan.findings]
        if plan.status is not None:
            assert plan.status.met, f"{course.id}: fehlt {plan.status.missing_modules}, {plan.status.ue_short} UE"


def test_the_recognised_formats_ship_with_their_real_length() -> None:
    from engine.features.courses.plan import plan_course

    formats = {c.id: plan_course(PROJECT, c) for c in PROJECT.courses}
    grundkurs, aufbau, anhalt = formats["grundkurs-sachsen"], formats["aufbaukurs-sachsen"], \
        formats["grundkurs-sachsen-anhalt"]
    assert len(grundkurs.schedule.days) == 2 and grundkurs.schedule.ue >= 10  # at least 5 × 90 on two days
    assert grundkurs.status and grundkurs.status.met
    assert aufbau.course.refresher and aufbau.schedule.teaching_minutes >= 180  # at least 2 × 90
    assert anhalt.schedule.ue >= 8 and anhalt.course.in_person is True
    deep = formats["vertiefungskurs"]
    assert deep.course.recognition is None and deep.course.counts_for
    assert "für keine Anerkennung" in deep.course.counts_for


def test_every_module_is_taught_in_some_course() -> None:
    taught = {module for course in PROJECT.courses for module in course.modules}
    assert [m.id for m in PROJECT.modules if m.id not in taught] == []


def test_the_basic_courses_cover_stroke_falls_and_crises_besides_their_core() -> None:
    """New helpers meet stroke signs (M07), falls (M09) and suicidal statements (M14) in their first course."""
    for course in PROJECT.courses:
        if course.recognition and not course.refresher:
            rule = PROJECT.programme.rule_by_id[course.recognition]
            assert {*rule.core_modules, "M07", "M09", "M14"} <= set(course.modules), course.id


def test_the_refresher_refreshes_limits_and_emergencies() -> None:
    aufbau = next(c for c in PROJECT.courses if c.refresher)
    assert {"M03", "M04", "M08"} <= set(aufbau.modules)  # hour limits, what helpers may not do, emergencies


def test_the_saxony_anhalt_training_suits_older_learners_and_covers_the_states_topics() -> None:
    """Half days of at most five hours, in person, and the illnesses the state asks for (dementia, stroke)."""
    from engine.features.courses.plan import plan_course

    plan = plan_course(PROJECT, next(c for c in PROJECT.courses if c.id == "grundkurs-sachsen-anhalt"))
    assert all(day.length <= 300 for day in plan.schedule.days)
    assert plan.course.in_person is True
    assert "Krankheitsbilder" in PROJECT.programme.rule_by_id["sachsen-anhalt"].core_topics
    assert {"M06", "M07"} <= set(plan.course.modules)  # Krankheitsbilder
    assert {"M05", "M08", "M02", "M13"} <= set(plan.course.modules)  # Kommunikation, Notfälle, Recht


def test_course_slots_use_the_lengths_step_plans_exist_for() -> None:
    """30, 45, 60 or 90 minutes, or the module's full length: the lengths module step plans are written for."""
    from engine.features.courses.plan import plan_course

    odd = [(course.id, slot.module, slot.minutes) for course in PROJECT.courses
           for day in plan_course(PROJECT, course).schedule.days for slot in day.slots
           if slot.module and slot.minutes not in (30, 45, 60, 90)
           and slot.minutes != PROJECT.module_by_id[slot.module].duration_ue * PROJECT.programme.teaching_unit_minutes]
    assert odd == []


def test_our_programme_has_both_state_rules_with_their_figures() -> None:
    rules = PROJECT.programme.rule_by_id
    assert (rules["sachsen"].minimum_ue, rules["sachsen-anhalt"].minimum_ue) == (10, 8)
    assert rules["sachsen"].helper_limits and rules["sachsen"].helper_limits.hours_per_month == 40
    assert rules["sachsen-anhalt"].helper_limits and rules["sachsen-anhalt"].helper_limits.persons == 2
    assert rules["sachsen"].refresher and rules["sachsen"].refresher.interval_years == 3


def test_no_placeholders() -> None:
    hits = [f"{p.relative_to(REPO)}: {m.group()}" for p in TEXT_SOURCES
            for m in PLACEHOLDER.finditer(p.read_text(encoding="utf-8"))]
    assert hits == []


def test_no_contact_data_outside_the_directory() -> None:
    known = " ".join(" ".join(str(v) for v in yaml.safe_load(p.read_text(encoding="utf-8")).values())
                     for p in REPO.glob("contacts/*.yml"))
    found = {m.group().strip() for p in TEXT_SOURCES
             for m in [*EMAIL.finditer(p.read_text(encoding="utf-8")), *PHONE.finditer(p.read_text(encoding="utf-8"))]}
    assert sorted(value for value in found if value not in known and value not in PUBLIC_NUMBERS) == []


def test_every_page_is_reachable_from_the_navigation(real_site: BuildResult) -> None:
    pages = {p.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("*.html")} - {"404.html"}
    linked: set[str] = set()
    for page in pages:
        html = real_site.page(page)
        nav = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
        folder = posixpath.dirname(page)
        linked |= {posixpath.normpath(posixpath.join(folder, href))
                   for href in re.findall(r'href="([^"#:]+\.html)"', nav)}
    assert sorted(pages - linked) == []
