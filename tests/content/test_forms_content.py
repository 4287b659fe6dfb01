"""Our forms („Vorlagen“, issue 12 section 3): all there, built, linked, empty, and saying the same
as the modules they serve."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
from builders import REPO, BuildResult, pdf_text, visible_text

from engine.features.forms.model import Form
from engine.portal import load_project, read_sources

PROJECT, PROBLEMS = load_project(read_sources(REPO))
FORMS = {form.id: form for form in PROJECT.forms}
# Each form of the issue and the modules that must link it.
EXPECTED = {
    "taetigkeitsnachweis": {"M02", "M16"}, "abtretungserklaerung": {"M02"},
    "schweigepflichtentbindung": {"M12"}, "verschwiegenheitserklaerung": {"M12"},
    "schluesseluebergabe": {"M12"}, "notfallbogen": {"M08"}, "stundenzettel": {"M03"},
    "biografiebogen": {"M05"}, "beobachtungsbogen": {"M07", "M14"}, "anmeldung-nachbarschaftshilfe": {"M03"},
}
PHONE = re.compile(r"(?:\+49|\b0)[1-9][0-9 /-]{6,}[0-9]")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
UNIT_WITHOUT_NBSP = re.compile(r"\d[ \t]+(?:€|%|UE\b|Min\.|Stunden\b|Monate\b|Jahre\b)")


def texts(form: Form) -> list[str]:
    """Every text of a form an editor wrote."""
    found = [form.title, form.purpose, form.filled_by, form.when, form.afterwards, form.official or "",
             *form.notes, *(source.title for source in form.sources)]
    for section in form.sections:
        found += [section.title, section.intro or "", *section.statements]
        for field in section.fields:
            found += [field.label, field.hint or "", *field.options, *field.columns, *field.row_labels]
    return found


def test_every_form_of_the_issue_is_there_and_valid() -> None:
    assert PROBLEMS == []
    assert set(FORMS) == set(EXPECTED)


@pytest.mark.parametrize("form_id", sorted(EXPECTED))
def test_the_modules_that_use_a_form_name_it(form_id: str) -> None:
    assert EXPECTED[form_id] <= set(FORMS[form_id].modules)


@pytest.mark.parametrize("form_id", sorted(EXPECTED))
def test_a_form_holds_no_personal_data_and_joins_numbers_and_units(form_id: str) -> None:
    path = REPO / "curriculum" / "forms" / f"{form_id}.yml"
    raw = path.read_text(encoding="utf-8")
    assert not PHONE.search(raw) and not EMAIL.search(raw)
    for text in texts(FORMS[form_id]):
        assert not UNIT_WITHOUT_NBSP.search(text), f"{form_id}: geschütztes Leerzeichen fehlt in „{text}“"


def test_forms_for_an_office_say_that_its_own_forms_count() -> None:
    """Pflegekasse and Servicepunkt have their own forms: ours say so plainly instead of faking one."""
    for form_id in ("taetigkeitsnachweis", "abtretungserklaerung", "anmeldung-nachbarschaftshilfe"):
        official = FORMS[form_id].official or ""
        assert "eigene Vordrucke" in official, form_id
        assert "ersetzt" in official or "kein amtlicher Vordruck" in official, form_id


def test_the_registration_reads_every_rule_from_the_programme() -> None:
    rules = [section.conditions_of for section in FORMS["anmeldung-nachbarschaftshilfe"].sections
             if section.conditions_of]
    assert rules == PROJECT.programme.ids("recognition")
    for form_id in ("taetigkeitsnachweis", "stundenzettel"):
        assert FORMS[form_id].limits_of == PROJECT.programme.ids("recognition")


def test_the_confidentiality_pledge_is_word_for_word_the_one_in_m12() -> None:
    body = PROJECT.module_by_id["M12"].body
    section = body.split("## Verpflichtung zur Verschwiegenheit", 1)[1].split("\n## ", 1)[0]
    pledge = [re.sub(r"^\d+\.\s+", "", line) for line in section.splitlines() if re.match(r"^\d+\.\s", line)]
    [declaration] = [s for s in FORMS["verschwiegenheitserklaerung"].sections if s.statements]
    assert declaration.statements == pledge
    assert declaration.intro is not None and declaration.intro in " ".join(section.split())


def test_emergency_forms_name_the_emergency_numbers() -> None:
    for form_id in ("notfallbogen", "beobachtungsbogen"):
        joined = " ".join(texts(FORMS[form_id]))
        for number in ("112", "110", "116 117"):
            assert number in joined, (form_id, number)


@pytest.mark.parametrize("form_id", sorted(EXPECTED))
def test_each_form_has_a_page_linked_from_its_modules(real_site: BuildResult, form_id: str) -> None:
    page = visible_text(real_site.page(f"vorlagen/{form_id}.html"))
    assert FORMS[form_id].title in page
    assert "Ausfüllbares PDF herunterladen" in page
    for module_id in FORMS[form_id].modules:
        assert f'href="../vorlagen/{form_id}.html"' in real_site.page(f"module/{module_id.lower()}.html"), module_id


@pytest.mark.parametrize("form_id", sorted(EXPECTED))
def test_each_form_pdf_is_fillable_a4_and_titled(real_site: BuildResult, form_id: str) -> None:
    path: Path = real_site.site / "handouts" / f"vorlage-{form_id}.pdf"
    reader = pypdf.PdfReader(path)
    assert reader.metadata is not None and reader.metadata.title == FORMS[form_id].title
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842 for p in reader.pages)
    assert len(reader.pages) <= 6
    fields = reader.get_fields() or {}
    labels = [f.label for s in FORMS[form_id].sections for f in s.fields if f.kind not in ("signature", "table")]
    assert len(fields) >= len(labels)
    text = unicodedata.normalize("NFKC", pdf_text(path))  # ligatures such as „ﬂ“ as letters
    assert FORMS[form_id].title in text and f"Stand {FORMS[form_id].updated:%d.%m.%Y}" in text
    assert "QuartierPflege" in text  # the programme's header
