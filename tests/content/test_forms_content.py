"""Our forms („Vorlagen“, issue 12 section 3; issue 17 section 4): all there, built, linked, empty,
saying the same as the modules they serve, with the fields that make them safe to use, and short."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
import yaml
from builders import REPO, BuildResult, pdf_text, visible_text

from engine.features.forms.model import Form, FormField
from engine.portal import load_project, read_sources

PROJECT, PROBLEMS = load_project(read_sources(REPO))
FORMS = {form.id: form for form in PROJECT.forms}
# Each form of the issue and the modules that must link it.
EXPECTED = {
    "taetigkeitsnachweis": {"M02", "M16"}, "abtretungserklaerung": {"M02"},
    "schweigepflichtentbindung": {"M12"}, "verschwiegenheitserklaerung": {"M12"},
    "schluesseluebergabe": {"M12"}, "notfallbogen": {"M08"}, "stundenzettel": {"M03"},
    "biografiebogen": {"M05"}, "beobachtungsbogen": {"M07", "M14"}, "anmeldung-nachbarschaftshilfe": {"M03"},
    # issue 17 section 4: the new forms
    "vereinbarung-nachbarschaftshilfe": {"M02", "M13"}, "quittung": {"M02"}, "kassenbuch": {"M11"},
    "einsatznotiz": {"M16"}, "wege-hilfe-plan": {"M16"}, "schadensmeldung": {"M13"}, "datenschutzhinweise": {"M12"},
    # issue 19 section 6: the participants' feedback at the end of a course
    "rueckmeldebogen": {"M01", "M16"},
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


def raw_strings(node: object) -> list[str]:
    """Every text of a parsed YAML file as the editor wrote it (fact tokens not yet filled in)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for value in node.values() for text in raw_strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in raw_strings(value)]
    return []


def raw_form(form_id: str) -> str:
    return (REPO / "curriculum" / "forms" / f"{form_id}.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("form_id", sorted(EXPECTED))
def test_a_form_holds_no_personal_data_and_joins_numbers_and_units(form_id: str) -> None:
    raw = raw_form(form_id)
    assert not PHONE.search(raw) and not EMAIL.search(raw)
    # The editor's own texts: a filled-in fact (((entlastungsbetrag)) → „131 €“) is the engine's spacing.
    for text in raw_strings(yaml.safe_load(raw)):
        assert not UNIT_WITHOUT_NBSP.search(text), f"{form_id}: geschütztes Leerzeichen fehlt in „{text}“"


# Legal figures and emergency numbers a form must take from the facts file as ((id)), never by hand.
HAND_WRITTEN_FIGURE = re.compile(r"(?<![\d.,])(?:112|110|116[ \u00a0]117|0800[ \u00a0]111|131|125|603|633|13,90|14,60|"
                                 r"840|960|3\.000|3\.300)(?!\d|[.,]\d)")
SAFETY_SENTENCES = [re.sub(r"\s+", " ", rule["sentence"]).strip() for rule in yaml.safe_load(
    (Path(__file__).with_name("safety_rules.yml")).read_text(encoding="utf-8"))["rules"]]


def hand_written_figures(raw_texts: list[str]) -> list[str]:
    """Figures written by hand; the safety rules' sentences stand word for word (test_safety_rules)."""
    found = []
    for text in raw_texts:
        text = re.sub(r"\s+", " ", text)
        for sentence in SAFETY_SENTENCES:
            text = text.replace(sentence, " ")
        found += [f"{m.group()} in „{text.strip()[:80]}“" for m in HAND_WRITTEN_FIGURE.finditer(text)]
    return found


@pytest.mark.parametrize("form_id", sorted(EXPECTED))
def test_a_form_takes_legal_figures_from_the_facts(form_id: str) -> None:
    assert hand_written_figures(raw_strings(yaml.safe_load(raw_form(form_id)))) == []


def test_forms_for_an_office_say_that_its_own_forms_count() -> None:
    """Pflegekasse and Servicepunkt have their own forms: ours say so plainly instead of faking one."""
    for form_id in ("taetigkeitsnachweis", "abtretungserklaerung", "anmeldung-nachbarschaftshilfe",
                    "vereinbarung-nachbarschaftshilfe", "quittung", "schadensmeldung"):
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
    [declaration] = [s for s in FORMS["verschwiegenheitserklaerung"].sections if s.title == "Erklärung"]
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


# --- issue 17 section 4: the fields that make a form safe to use ----------------------------------

def fields_of(form: Form) -> list[FormField]:
    return [field for section in form.sections for field in section.fields]


def words_of(form: Form) -> str:
    return " ".join(texts(form))


def field_words(form: Form) -> str:
    """What a person is asked to write: labels, hints, options, columns and rows of every field."""
    return " ".join(text for field in fields_of(form)
                    for text in (field.label, field.hint or "", *field.options, *field.columns, *field.row_labels))


def signatures(form: Form, title_part: str = "") -> list[str]:
    return [field.label for section in form.sections if title_part in section.title
            for field in section.fields if field.kind == "signature"]


def statements(form: Form) -> str:
    return " ".join(s for section in form.sections for s in section.statements)


def assignment_problems(form: Form) -> list[str]:
    """A real assignment (§ 398 BGB): accepted and signed by the assignee, only confirmed hours,
    revocable for the months ahead, with an end date; the Kasse's practice and its own form."""
    problems = []
    said = statements(form)
    if not any("Helfer" in label for label in signatures(form, "Annahme")):
        problems.append("keine Unterschrift der Helferin oder des Helfers unter der Annahme")
    if "nehme die Abtretung an" not in said or "§ 398 BGB" not in said:
        problems.append("keine Annahme der Abtretung nach § 398 BGB")
    if not any(f.kind == "date" and "bis" in f.label for f in fields_of(form)):
        problems.append("kein Enddatum (Datumsfeld „… bis“)")
    if "bestätigt" not in said:
        problems.append("Umfang nicht auf bestätigte Stunden begrenzt")
    if "widerrufen" not in said or "Monate nach" not in said:
        problems.append("kein Widerruf für die folgenden Monate")
    if "§ 53 SGB I" not in " ".join(form.notes) or not any("§ 53 SGB I" in s.title for s in form.sources):
        problems.append("§ 53 SGB I fehlt in Hinweisen oder Quellen")
    if "gilt ihr Vordruck" not in (form.official or ""):
        problems.append("kein Vorrang für den Vordruck der Pflegekasse")
    if "selbst als Angebot zur Unterstützung im Alltag anerkannt" not in words_of(form):
        problems.append("Träger nicht auf anerkannte Angebote begrenzt")
    return problems


AUTHORITIES = ("Sächsischen Datenschutz- und Transparenzbeauftragten",
               "Landesbeauftragten für den Datenschutz Sachsen-Anhalt")


def consent_problems(form: Form) -> list[str]:
    """Explicit consent for health data, who tells what to whom, purpose, controller, storage,
    revocation, the supervisory authority of each state, capacity to consent, no coupling."""
    problems = []
    said = statements(form)
    tables = [f for f in fields_of(form) if f.kind == "table"]
    if not any("an wen" in column for table in tables for column in table.columns):
        problems.append("keine Spalte „an wen“")
    checks = {"Art. 9 Abs. 2 Buchst. a DSGVO": "ausdrückliche Einwilligung nach Art. 9",
              "Zweck": "Zweck", "widerrufen": "Widerruf", "bewahrt": "Aufbewahrungsdauer",
              "nicht davon ab": "kein Koppeln", "freiwillig": "Freiwilligkeit"}
    problems += [f"fehlt: {what}" for needle, what in checks.items() if needle not in said]
    problems += [f"Aufsichtsbehörde fehlt: {name}" for name in AUTHORITIES if name not in said]
    if "Verantwortliche Stelle" not in field_words(form):
        problems.append("kein Feld für die verantwortliche Stelle")
    if "Einwilligungsfähigkeit" not in form.filled_by:
        problems.append("Einwilligungsfähigkeit nicht genannt")
    if not any(s.title == "Widerruf" and s.fields for s in form.sections):
        problems.append("kein Abschnitt zum Widerruf")
    return problems


def minimisation_problems(form: Form) -> list[str]:
    """The helper's own checklist asks for no Pflegegrad and no insurance number."""
    asked = field_words(form)
    return [f"fragt nach {word}" for word in ("Pflegegrad", "Versichertennummer", "Versicherungsnummer")
            if word in asked]


def test_the_assignment_is_a_real_assignment() -> None:
    assert assignment_problems(FORMS["abtretungserklaerung"]) == []


def test_the_consent_names_who_may_tell_what_to_whom() -> None:
    assert consent_problems(FORMS["schweigepflichtentbindung"]) == []


def test_the_registration_checklist_asks_nothing_about_the_person() -> None:
    form = FORMS["anmeldung-nachbarschaftshilfe"]
    assert minimisation_problems(form) == []
    assert signatures(form) == ["Unterschrift der Helferin oder des Helfers"] or not signatures(form)


def test_the_confidentiality_pledge_carries_the_instruction_of_art_29_and_32() -> None:
    form = FORMS["verschwiegenheitserklaerung"]
    [instruction] = [s for s in form.sections if "Art. 29" in s.title and "Art. 32 Abs. 4" in s.title]
    assert instruction.intro and "nur auf ihre Weisung" in instruction.intro
    assert any(f.kind == "checkbox" and "belehrt" in f.label for f in instruction.fields)
    assert any("Verantwortliche Stelle" in f.label for f in instruction.fields)


def test_the_privacy_notice_tells_what_art_13_asks() -> None:
    form = FORMS["datenschutzhinweise"]
    said = statements(form)
    assert "Art. 13 DSGVO" in form.purpose and "Verantwortliche Stelle" in field_words(form)
    for needle in ("Zweck", "Grundlage", "Empfänger", "Aufbewahrung", "widerrufen", "beschweren", *AUTHORITIES):
        assert needle in said, needle


# What each new form must let a coordinator write down (issue 17 section 4, „Neu“).
REQUIRED_FIELDS = {
    "vereinbarung-nachbarschaftshilfe": ["Was die Helferin oder der Helfer übernimmt", "Stundensatz",
                                         "Unterschrift der unterstützten Person", "Unterschrift der Helferin"],
    "quittung": ["Betrag", "Erhalten von", "Stundensatz", "Unterschrift der Helferin oder des Helfers (Empfang)"],
    "kassenbuch": ["Bekommen", "Ausgegeben", "Bestand", "Bon Nr.", "Zeichen der Person"],
    "einsatznotiz": ["Person (Initialen)", "Datum", "Was ich gemacht habe", "Beobachtung", "wer macht was bis wann"],
    "wege-hilfe-plan": ["Anliegen", "Erste Anlaufstelle", "Mahnungen, Mietschulden, Schulden", "Geprüft am"],
    "schadensmeldung": ["Sachschaden", "Unfall der Helferin oder des Helfers", "Was ist geschehen?",
                        "Unterschrift der Helferin oder des Helfers"],
    "datenschutzhinweise": ["Verantwortliche Stelle", "Hinweise erhalten"],
}


def missing_fields(form: Form, required: list[str]) -> list[str]:
    asked = field_words(form)
    return [needle for needle in required if needle not in asked]


@pytest.mark.parametrize("form_id", sorted(REQUIRED_FIELDS))
def test_each_new_form_has_its_fields(form_id: str) -> None:
    assert missing_fields(FORMS[form_id], REQUIRED_FIELDS[form_id]) == []


def test_the_agreement_says_how_to_end_it() -> None:
    [notice] = [s for s in FORMS["vereinbarung-nachbarschaftshilfe"].sections if s.title == "Kündigung"]
    assert "beenden" in " ".join(notice.statements)


def test_the_field_checks_can_fail() -> None:
    """Each check above reports a form that lacks what it looks for."""
    assignment = FORMS["abtretungserklaerung"]
    unsigned = assignment.model_copy(update={"sections": [s for s in assignment.sections if s.title != "Annahme"]})
    assert "keine Unterschrift der Helferin oder des Helfers unter der Annahme" in assignment_problems(unsigned)
    consent = FORMS["schweigepflichtentbindung"]
    flat = [s.model_copy(update={"fields": [f.model_copy(update={"columns": ["Wer", "Was"]}) if f.kind == "table" else f
                                            for f in s.fields]}) for s in consent.sections]
    assert "keine Spalte „an wen“" in consent_problems(consent.model_copy(update={"sections": flat}))
    registration = FORMS["anmeldung-nachbarschaftshilfe"]
    extra = FormField(label="Pflegegrad der unterstützten Person", kind="number")
    more = [registration.sections[0].model_copy(update={"fields": [*registration.sections[0].fields, extra]}),
            *registration.sections[1:]]
    assert minimisation_problems(registration.model_copy(update={"sections": more})) == ["fragt nach Pflegegrad"]
    assert missing_fields(FORMS["quittung"], ["Betrag", "Kontostand"]) == ["Kontostand"]
    assert hand_written_figures(["Rufen Sie 112.", "bis zu 131 € im Monat", "((notruf))"]) == [
        "112 in „Rufen Sie 112.“", "131 in „bis zu 131 € im Monat“"]


# --- page counts: the Notfallbogen on one page, Tätigkeitsnachweis and Anmeldung on two ----------

PAGE_LIMITS = {"notfallbogen": (1, 1), "taetigkeitsnachweis": (1, 2), "anmeldung-nachbarschaftshilfe": (1, 2),
               "rueckmeldebogen": (1, 2)}


def form_pages(path: Path) -> int:
    """Pages of the form itself: the explanation („Zu dieser Vorlage“) starts on a page of its own
    (form.css) and is not part of the sheet that is filled in."""
    pages = [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]
    return next(index for index, text in enumerate(pages) if "Zu dieser Vorlage" in text)


@pytest.fixture(scope="module")
def short_forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Only these three handouts, rendered from the real project."""
    from engine.core.editions import Edition, for_edition
    from engine.core.printer import MarkdownSetup
    from engine.handouts.build import build_handouts
    from engine.plugin.run import site_config
    from engine.portal import plan_handouts

    config, portal = site_config(REPO)
    setup = MarkdownSetup.of(list(config.markdown_extensions), dict(config.mdx_configs))
    wanted = {f"vorlage-{form_id}.pdf" for form_id in PAGE_LIMITS}
    handouts = [h for h in plan_handouts(for_edition(PROJECT, Edition.PUBLIC), setup, portal.public_url, REPO)
                if h.name in wanted]
    report = build_handouts(handouts, REPO, tmp_path_factory.mktemp("forms-cache"), workers=2)
    return {name.removeprefix("vorlage-").removesuffix(".pdf"): path for name, path in report.files.items()}


@pytest.mark.parametrize("form_id", sorted(PAGE_LIMITS))
def test_short_forms_fit_their_pages(short_forms: dict[str, Path], form_id: str) -> None:
    low, high = PAGE_LIMITS[form_id]
    assert low <= form_pages(short_forms[form_id]) <= high
