"""Freshness readers see: a stale contact, help path or indicator is marked on the page and on paper;
the check's verdict counts warnings; a contact entry's facts are one list."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from builders import FIXTURES, BuildResult, build, make_project, pdf_text, visible_text

from engine.core.freshness import age_limit_de, date_problems, stale_marks
from engine.core.problems import Problem, verdict
from engine.portal import load_checked

TINY = FIXTURES / "tiny"
OLD = "2023-05-03"
MARK = "Angaben zuletzt geprüft am 3. Mai 2023 – älter als ein Jahr"


def aged(project: Path) -> Path:
    """The tiny project with its public contact and one help path last checked on 3 May 2023."""
    for path, old, new in (("contacts/sozialamt.yml", "verified: 2026-11-01", f"verified: {OLD}"),
                           ("contacts/sozialamt.yml", "stated: 2026-02-26", "stated: 2023-02-26"),
                           ("city/wegweiser/sturz.yml", "updated: 2026-11-01", f"updated: {OLD}")):
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def aged_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    base = tmp_path_factory.mktemp("aged")
    result = build(aged(make_project("tiny", base / "project")), base / "site")
    assert result.returncode == 0, result.output
    return result


def test_the_marks_come_from_the_kinds_dated_fields(tmp_path: Path) -> None:
    project = load_checked(aged(make_project("tiny", tmp_path / "tiny")))
    marks = stale_marks(project, date(2026, 12, 3))
    assert marks[("contact", "sozialamt")] == [(("verified",), MARK)]
    assert marks[("helppath", "sturz")] == [(("updated",), MARK)]
    assert marks[("contact", "geheim")] == [(("verified",), "Angaben noch nicht geprüft")]
    assert ("helppath", "streit") not in marks


def test_the_stale_message_of_a_contact_is_good_german(tmp_path: Path) -> None:
    project = load_checked(aged(make_project("tiny", tmp_path / "tiny")))
    messages = [p.message for p in date_problems(project, date(2026, 12, 3)) if p.path == "contacts/sozialamt.yml"]
    assert messages == ["die Angaben der Stelle sind 1310 Tage alt (Stand 03.05.2023), erlaubt sind 365 "
                        "(stale_after_days in programme.yml); prüfen Sie die Angabe und tragen Sie das neue Datum ein"]


def test_the_limit_in_words() -> None:
    assert [age_limit_de(days) for days in (365, 730, 90)] == ["ein Jahr", "zwei Jahre", "90\u00a0Tage"]


def test_the_verdict_counts_the_warnings() -> None:
    warning = Problem("contacts/a.yml", 1, "verified", "alt", True, code="date.stale")
    assert verdict([]) == "alles in Ordnung"
    assert verdict([warning]) == "keine Fehler, 1 Warnung"
    assert verdict([warning] * 3) == "keine Fehler, 3 Warnungen"


def test_a_stale_contact_and_help_path_are_marked_on_the_site_and_on_paper(aged_site: BuildResult) -> None:
    contact = visible_text(aged_site.page("kontakte/amt.html"))
    assert f"Achtung, vielleicht veraltet: {MARK}." in contact
    path = visible_text(aged_site.page("stadt/wegweiser/sturz.html"))
    assert f"Achtung, vielleicht veraltet: {MARK}." in path
    assert "veraltet" not in visible_text(aged_site.page("stadt/wegweiser/streit.html"))
    handouts = aged_site.site / "handouts"
    for pdf in ("kontakte.pdf", "wegweiser-sturz.pdf"):
        assert MARK in re.sub(r"\s+", " ", pdf_text(handouts / pdf)), pdf


def test_fresh_content_has_no_mark(tiny_site: BuildResult) -> None:
    for page in ("kontakte/amt.html", "stadt/wegweiser/sturz.html", "stadt/wirkung.html"):
        assert "qp-stale" not in tiny_site.page(page), page


def test_a_contact_entry_is_one_list_with_its_place(tiny_site: BuildResult) -> None:
    """The topics once rendered as a list of their own inside „Themen“, with „Ort“ pushed right."""
    html = tiny_site.page("kontakte/amt.html")
    entry = html[html.index('id="sozialamt"'):]
    entry = entry[:entry.index("</dl>") + 5]
    assert not re.search(r"<dd>(?:(?!</dd>).)*<dl", entry, re.S)  # no list inside a description
    terms = re.findall(r"<dt>(.*?)</dt>", entry)
    assert terms[:3] == ["Art", "Themen", "Ort"]


def test_every_kind_with_a_date_of_its_last_check_declares_it() -> None:
    """The forms showed „zuletzt geprüft am 10.12.2026“ six days ahead: their `updated` was not
    declared as dated, so no check looked at it."""
    from engine.portal import REGISTRY

    undeclared = [kind.name for kind in REGISTRY.kinds if "updated" in kind.model.model_fields
                  and "updated" not in {field.field for field in kind.dated}]
    assert undeclared == []
