"""Internal contacts and fields never reach the public site, its search index or sitemap.

On the fixture programmes only: `tiny` has an internal contact and an internal field, `solo` has
neither. The same proof on our own programme: `tests/content/test_privacy_content.py`.
"""

from __future__ import annotations

from builders import FIXTURES, BuildResult, everything_published, pdf_text, visible_text
from privacy_checks import internal_values, leaked, squash


def test_fixture_has_internal_values_to_hide() -> None:
    assert internal_values(FIXTURES / "tiny") == [
        "INTERNER-KONTAKT-TEAMRUNDE", "teamrunde@example.org", "INTERN-NOTIZ-GESPRAECHSSTAND",
        "INTERN-QUELLE-GESPRAECHSNOTIZ"]


def test_public_edition_leaks_nothing_internal(tiny_site: BuildResult) -> None:
    published = everything_published(tiny_site.site)
    assert "search_index" in " ".join(p.name for p in tiny_site.site.rglob("search_index.*"))
    assert (tiny_site.site / "handouts" / "kontakte.pdf").is_file()
    assert leaked(internal_values(FIXTURES / "tiny"), published) == []


def test_internal_edition_shows_them(tiny_internal: BuildResult) -> None:
    values = internal_values(FIXTURES / "tiny")
    assert tiny_internal.site.name == "site-intern"
    assert "Interne Ausgabe" in visible_text(tiny_internal.page("kontakte/index.html"))
    directory = " ".join(visible_text(page.read_text(encoding="utf-8"))
                         for page in sorted((tiny_internal.site / "kontakte").glob("*.html")))
    assert [value for value in values if value not in directory] == []
    handout = squash(pdf_text(tiny_internal.site / "handouts" / "kontakte.pdf"))
    assert [value for value in values if squash(value) not in handout] == []


def test_a_programme_without_internal_contacts_publishes_its_directory(solo: BuildResult) -> None:
    assert internal_values(FIXTURES / "solo") == []
    assert (solo.site / "handouts" / "kontakte.pdf").is_file()
    assert "Interne Ausgabe" not in visible_text(solo.page("kontakte/index.html"))
    assert "Treffpunkt Ostviertel" in visible_text(solo.page("kontakte/treffpunkt.html"))


def test_internal_edition_never_overwrites_the_public_folder(tiny_internal: BuildResult) -> None:
    assert not (tiny_internal.site.parent / "site").exists()
