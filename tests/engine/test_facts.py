"""Legal figures kept once, as data: `((id))` in any text shows the value, with a known change beside it;
an unknown id is a problem at its line, and a value whose validity has passed is a warning (an
error with `--strict-dates`)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from builders import BuildResult, pdf_text, visible_text

from engine.core.inline import TOKEN
from engine.features.facts.model import Fact
from engine.features.facts.values import rule_values, shown, shown_value
from engine.portal import check_project, load_checked


def check(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engine", "--root", str(project), "check", *options],
                          capture_output=True, text=True, check=False)


def codes(project: Path) -> list[tuple[str, int, str, bool]]:
    _, problems = check_project(project)
    return [(p.path, p.line, p.code, p.warning) for p in problems if p.code.startswith(("inline.", "date.ended"))]


def test_values_read_as_german_readers_write_them() -> None:
    assert shown_value(13.9, "€") == "13,90\u00a0€"
    assert shown_value(131, "€") == "131\u00a0€"
    assert shown_value(1234.5, "€ im Jahr") == "1.234,50\u00a0€ im Jahr"
    assert shown_value(8, "Wochen") == "8\u00a0Wochen"
    assert shown_value(0.5, "") == "0,5"
    assert shown_value("116 117", "") == "116 117"


def test_a_known_change_stands_beside_the_value_until_it_takes_effect() -> None:
    fact = Fact.model_validate({"id": "mindestlohn", "label": "Mindestlohn", "value": 13.9, "unit": "€",
                                "next": {"value": 14.6, "valid_from": "2027-01-01"}, "law": "MiLoG",
                                "stand": "2025-11-01", "source": "https://example.org"})
    assert shown(fact, date(2026, 12, 31)) == "13,90\u00a0€ (ab 1. Januar 2027: 14,60\u00a0€)"
    assert shown(fact, date(2027, 1, 1)) == "14,60\u00a0€"


def test_every_text_shows_the_fact(tiny_site: BuildResult) -> None:
    assert "Der Entlastungsbetrag beträgt 131 € im Monat" in visible_text(tiny_site.page("module/m01.html"))
    assert "Über den Entlastungsbetrag (131 € im Monat)." in visible_text(tiny_site.page("rollen/helferin.html"))
    assert "Im Notfall: 112." in visible_text(tiny_site.page("index.html"))
    assert "Der Entlastungsbetrag beträgt 131 € im Monat" in pdf_text(tiny_site.site / "handouts/modul-m01.pdf")
    published = "".join(p.read_text(encoding="utf-8") for p in tiny_site.site.rglob("*.html"))
    assert not TOKEN.search(published)


def test_the_facts_page_lists_value_law_stand_and_source(tiny_site: BuildResult) -> None:
    page = visible_text(tiny_site.page("zahlen.html"))
    assert "Höchster Stundensatz in Teststadt 12,50 € (ab 1. Januar 2099: 13 €) – gilt seit 1. Januar 2026" in page
    assert "Rechtsgrundlage: § 45b SGB XI (Stand: 01.01.2025). Quelle: https://www.gesetze-im-internet.de" in page


def test_an_unknown_fact_is_a_problem_at_its_line_in_any_text(tiny: Path) -> None:
    module = tiny / "curriculum/modules/M01-grundlagen.md"
    module.write_text(module.read_text(encoding="utf-8").replace("((entlastungsbetrag))", "((entlastungsbetrg))"),
                      encoding="utf-8")
    role = tiny / "role_profiles/helferin.yml"
    role.write_text(role.read_text(encoding="utf-8").replace("((entlastungsbetrag))", "((betrag))"), encoding="utf-8")
    page = tiny / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("((notruf))", "((notrufe))"), encoding="utf-8")
    assert codes(tiny) == [("curriculum/modules/M01-grundlagen.md", 39, "inline.unknown", False),
                           ("role_profiles/helferin.yml", 12, "inline.unknown", False)]
    completed = check(tiny)
    assert ("curriculum/modules/M01-grundlagen.md:39: body: '((entlastungsbetrg))' ist keine bekannte Angabe; "
            "meinten Sie ((entlastungsbetrag))?") in completed.stderr
    # The pages are checked once the records are clean.
    module.write_text(module.read_text(encoding="utf-8").replace("((entlastungsbetrg))", "((entlastungsbetrag))"),
                      encoding="utf-8")
    role.write_text(role.read_text(encoding="utf-8").replace("((betrag))", "((entlastungsbetrag))"), encoding="utf-8")
    assert codes(tiny) == [("docs/index.md", 4, "inline.unknown", False)]


def test_a_value_past_its_validity_warns_and_fails_with_strict_dates(tiny: Path) -> None:
    facts = tiny / "facts.yml"
    ended = "    valid_from: 2025-01-01\n    valid_until: 2025-12-31\n"
    facts.write_text(facts.read_text(encoding="utf-8").replace("    valid_from: 2025-01-01\n", ended), encoding="utf-8")
    assert codes(tiny) == [("facts.yml", 9, "date.ended", True)]
    assert check(tiny).returncode == 0
    strict = check(tiny, "--strict-dates")
    assert strict.returncode == 1
    assert ("facts.yml:9: facts[0].valid_until: 'entlastungsbetrag' (Entlastungsbetrag im Monat) gilt nur bis zum "
            "31.12.2025; tragen Sie unter value den Wert ein, der jetzt gilt") in strict.stderr


def test_the_recognition_rules_figures_are_values_too(tiny: Path) -> None:
    values = rule_values(load_checked(tiny))
    assert values["land-nord-mindest-ue"] == "3 UE"
    assert values["land-nord-stunden-im-monat"] == "40 Stunden"


def test_a_broken_fact_is_one_problem_not_one_per_text_that_shows_it(tiny: Path) -> None:
    facts = tiny / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("    unit: €\n", "    unit: " + "€ " * 30 + "\n", 1),
                     encoding="utf-8")
    _, problems = check_project(tiny)
    assert [(p.path, p.code) for p in problems if not p.warning] == [("facts.yml", "field.string-too-long")]
