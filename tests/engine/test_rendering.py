"""Pure rendering functions: escaping, trainer notes, search terms, navigation, editions."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from engine.core import formatting
from engine.core.body import collapsible, split_body
from engine.core.editions import Edition, for_edition
from engine.core.formatting import count, hours, minutes, number, plain_text, ue
from engine.core.pages import GeneratedPage
from engine.core.search_terms import search_terms
from engine.features.contacts.model import Contact
from engine.features.curriculum.model import Glossary, GlossaryTerm, Module
from engine.portal import REGISTRY, generate_pages, project_of
from engine.site.nav import expand_sections


def make_module(**changes: object) -> Module:
    values: dict[str, object] = dict(id="M01", title="Titel", version="1.0", duration_ue=1.5,
                                     objectives=["Ziel"], key_points=["Punkt"], updated=date(2026, 11, 1))
    return Module.model_validate({**values, **changes})


def contact(**changes: object) -> Contact:
    values: dict[str, object] = dict(id="amt", name="Amt", kind="amt", topics=["wohnen"], city="Teststadt")
    return Contact.model_validate({**values, **changes})


def test_german_numbers_round_half_up_everywhere() -> None:
    assert (number(1.5), number(2.0), number(29.25), number(0.25)) == ("1,5", "2", "29,3", "0,3")
    # round() would give 112 for 2.5 × 45 = 112.5 (half to even) but 68 for 67.5.
    assert [minutes(value, 45) for value in (0.5, 1.5, 2.5, 3.5)] == [23, 68, 113, 158]
    assert ue(1.5, 45) == "1,5\u00a0UE (68\u00a0Min.)"
    assert ue(2.5, 45) == "2,5\u00a0UE (113\u00a0Min.)"
    assert ue(1.5, 60) == "1,5\u00a0UE (90\u00a0Min.)"
    assert hours(31.5, 45) == "23,6\u00a0Stunden"


def test_german_number_agreement() -> None:
    assert [count(n, "Kurs", "Kurse") for n in (0, 1, 2)] == ["0\u00a0Kurse", "1\u00a0Kurs", "2\u00a0Kurse"]


def test_plain_text_escapes_markdown_and_keeps_markup() -> None:
    assert plain_text("Senior*innen [neu] | {{ x }}") == "Senior\\*innen \\[neu\\] \\| \\{\\{ x \\}\\}"
    assert plain_text("1. Platz") == "1\\. Platz"
    assert plain_text("zwei\n  Zeilen") == "zwei Zeilen"
    assert plain_text(", ") == ", "


def test_split_body_cuts_the_trainer_section_only() -> None:
    body = ("Einleitung\n\n## Übung\nTun\n\n## Hinweise für Trainer:innen\nGeheim\n```\n## kein Kopf\n```\n"
            "\n## Das Wichtigste in Kürze\n- Merken\n")
    split = split_body(body)
    assert split.participant == "Einleitung\n\n## Übung\nTun\n\n## Das Wichtigste in Kürze\n- Merken\n"
    assert split.trainer == "Geheim\n```\n## kein Kopf\n```\n"
    assert not split_body("Nur Text\n").has_trainer_notes


def test_collapsible_indents_everything() -> None:
    assert collapsible("Für Trainer", "a\n\n- b\n") == '??? info "Für Trainer"\n\n    a\n\n    - b\n'


def test_search_terms_add_compound_tails() -> None:
    assert search_terms(["Datenschutz und Schweigepflicht"], ["Entlastungsbetrag"]) == [
        "Entlastungsbetrag", "Schutz", "Pflicht", "Betrag"]


def test_script_in_yaml_fields_is_escaped_in_every_page() -> None:
    evil = "<script>alert(1)</script>"
    project = project_of(
        modules=(make_module(title=evil, objectives=[evil], keywords=[evil]),),
        contacts=(contact(name=evil, note=evil, description=evil),),
        glossary=(GlossaryTerm(id="x", term=evil, definition=evil),),
    )
    for page in generate_pages(project, Edition.INTERNAL):
        assert "<script>" not in page.markdown, page.path


def test_public_edition_drops_internal_contacts_and_fields() -> None:
    project = project_of(contacts=(
        contact(id="a", phone="0341 1", internal_fields=["phone"]),
        contact(id="b", visibility="internal"),
    ))
    public = for_edition(project, Edition.PUBLIC)
    assert [(c.id, c.phone) for c in public.contacts] == [("a", None)]
    assert for_edition(project, Edition.INTERNAL) == project


def test_navigation_sections_expand_to_their_pages() -> None:
    pages = [GeneratedPage("module/m02.md", ""), GeneratedPage("module/index.md", ""),
             GeneratedPage("module/m01.md", ""), GeneratedPage("glossar.md", "")]
    nav = [{"Start": "index.md"}, {"Curriculum": "module/"}, {"Mehr": [{"Glossar": "glossar.md"}]}]
    assert expand_sections(nav, pages, REGISTRY.nav) == [
        {"Start": "index.md"}, {"Curriculum": ["module/index.md", "module/m02.md", "module/m01.md"]},
        {"Mehr": [{"Glossar": "glossar.md"}]}]


def test_generated_sections_place_themselves() -> None:
    """A section without a slot is appended; one without pages disappears, also from its slot."""
    pages = [GeneratedPage("module/index.md", ""), GeneratedPage("kontakte/index.md", ""),
             GeneratedPage("stadt/netzwerkkarte.md", "")]
    nav = [{"Start": "index.md"}, {"Vorlagen": "vorlagen/"}, {"Stadt": ["stadt/index.md", "stadt/"]},
           "stadt/wirkung.md"]
    assert expand_sections(nav, pages, REGISTRY.nav) == [
        {"Start": "index.md"}, {"Stadt": ["stadt/index.md", "stadt/netzwerkkarte.md"]},
        {"Curriculum": ["module/index.md"]}, {"Kontakte": ["kontakte/index.md"]}]


def test_glossary_model_requires_terms() -> None:
    assert Glossary(terms=[GlossaryTerm(id="a", term="A", definition="B")]).terms[0].id == "a"


def test_german_sort_order() -> None:
    from engine.core.formatting import german_sort_key

    words = ["Zwiebelmodell", "Übungsleiterpauschale", "Unfallversicherung", "Angebote"]
    assert sorted(words, key=german_sort_key) == [
        "Angebote", "Übungsleiterpauschale", "Unfallversicherung", "Zwiebelmodell"]


def test_large_sections_become_nested_groups_of_at_most_25() -> None:
    from engine.site.nav import group

    pages = [GeneratedPage(f"module/m{n:04d}.md", "", f"M{n:04d}") for n in range(1, 1001)]
    tree = group(pages)
    assert len(tree) == 2
    assert list(tree[0]) == ["M0001 – M0625"]

    def leaves(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [leaf for value in node.values() for leaf in leaves(value)]
        assert isinstance(node, list) and len(node) <= 25
        return [leaf for item in node for leaf in leaves(item)]

    assert leaves(tree) == [page.path for page in pages]
    assert group(pages[:25]) == [page.path for page in pages[:25]]


def test_large_matrix_is_listed_per_role_instead_of_a_grid() -> None:
    from engine.features.curriculum.model import RoleProfile

    modules = tuple(make_module(id=f"M{n:03d}") for n in range(1, 61))
    roles = tuple(RoleProfile.model_validate(dict(
        id=f"rolle-{n}", title=f"Rolle {n}", summary="s", tasks=["t"], boundaries=["b"], time_commitment="z",
        required_modules=["M001"], optional_modules=["M002"], compensation=[{"model": "ehrenamt", "description": "d"}],
        version="1.0", updated=date(2026, 1, 1))) for n in range(1, 41))
    [matrix] = [p for p in generate_pages(project_of(modules=modules, roles=roles), Edition.PUBLIC)
                if p.path == "qualifikationsmatrix.md"]
    assert "|---|" not in matrix.markdown
    assert matrix.markdown.count("\n## Rolle ") == 40
    assert "Pflicht (1,5&nbsp;UE): [M001 · Titel](module/m001.md)" in matrix.markdown


def test_a_long_kind_of_contact_is_split_into_pages_of_at_most_100_entries() -> None:
    from engine.core.programme import Programme, Term
    from engine.features.contacts.directory import contact_directory

    programme = Programme(name="P", short_name="P", region="R", publisher="V",
                          contact_kinds=[Term(id="amt", label="Amt"), Term(id="verein", label="Verein")],
                          topics=[Term(id="wohnen", label="Wohnen")])
    contacts = (*(contact(id=f"amt-{n:03d}") for n in range(250)), contact(id="v", kind="verein"))
    directory = contact_directory(project_of(programme=programme, contacts=contacts))
    assert [(part.page, part.title, len(part.contacts)) for part in directory.parts] == [
        ("kontakte/amt.md", "Amt (1/3)", 100), ("kontakte/amt-2.md", "Amt (2/3)", 100),
        ("kontakte/amt-3.md", "Amt (3/3)", 50), ("kontakte/verein.md", "Verein", 1)]
    assert directory.entry_page["amt-150"] == "kontakte/amt-2.md"


@given(st.text(alphabet=st.sampled_from(list("ab1. \n\t*_[]{}#|`\\·ä")), max_size=12))
def test_the_fast_path_of_plain_text_escapes_exactly_like_the_full_one(text: str) -> None:
    full = formatting._LIST_START.sub(r"\1\\.\2", formatting._MARKDOWN_SPECIAL.sub(
        r"\\\1", formatting._WHITESPACE.sub(" ", text)))
    assert formatting.plain_text(text) == full


def test_navigation_groups_of_long_labels_are_named_by_their_first_words() -> None:
    from engine.site.nav import group

    pages = [GeneratedPage(f"antworten/a{index:02}.md", "", label=f"Frage {index:02}: was tun, wenn etwas passiert?")
             for index in range(30)]
    labels = [next(iter(entry)) for entry in group(pages)]
    assert labels == ["Frage 00: was tun, wenn … – Frage 24: was tun, wenn …",
                      "Frage 25: was tun, wenn … – Frage 29: was tun, wenn …"]
