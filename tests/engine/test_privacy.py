"""Internal contacts and fields never reach the public site, its search index or sitemap."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from builders import FIXTURES, REPO, BuildResult, everything_published, pdf_text, visible_text

DISTINCTIVE = 8  # shorter values (a city, a kind) may legitimately appear elsewhere


def internal_values(project: Path) -> list[str]:
    """Every value an editor marked internal: whole internal contacts and internal fields."""
    values = []
    for path in sorted((project / "contacts").glob("*.yml")):
        contact = yaml.safe_load(path.read_text(encoding="utf-8"))
        if contact.get("visibility") == "internal":
            fields = ["name", "description", "address", "website", "phone", "email", "opening_hours", "note"]
        else:
            fields = contact.get("internal_fields", [])
        values += [" ".join(str(contact[f]).split()) for f in fields
                   if contact.get(f) and len(str(contact[f])) >= DISTINCTIVE]
    return values


def squash(text: str) -> str:
    """Text without any white space or soft line-end hyphens: PDF text breaks lines anywhere."""
    return "".join(text.split()).replace("\u2010", "")


def test_fixture_has_internal_values_to_hide() -> None:
    assert internal_values(FIXTURES / "tiny") == [
        "INTERNER-KONTAKT-TEAMRUNDE", "teamrunde@example.org", "INTERN-NOTIZ-GESPRAECHSSTAND"]


@pytest.mark.parametrize("edition", ["tiny", "real"])
def test_public_edition_leaks_nothing_internal(edition: str, request: pytest.FixtureRequest) -> None:
    site: BuildResult = request.getfixturevalue(f"{edition}_site")
    project = FIXTURES / "tiny" if edition == "tiny" else REPO
    values = internal_values(project)
    assert values, "the project should exercise the privacy rule"
    published = everything_published(site.site)
    squashed = squash(published)
    assert "search_index" in " ".join(p.name for p in site.site.rglob("search_index.*"))
    assert (site.site / "handouts" / "kontakte.pdf").is_file()
    leaked = [value for value in values if value in published or squash(value) in squashed]
    assert leaked == []


@pytest.mark.parametrize("edition", ["tiny", "real"])
def test_internal_edition_shows_them(edition: str, request: pytest.FixtureRequest) -> None:
    site: BuildResult = request.getfixturevalue(f"{edition}_internal")
    project = FIXTURES / "tiny" if edition == "tiny" else REPO
    assert site.site.name == "site-intern"
    assert "Interne Ausgabe" in visible_text(site.page("kontakte/index.html"))
    directory = " ".join(visible_text(page.read_text(encoding="utf-8"))
                         for page in sorted((site.site / "kontakte").glob("*.html")))
    missing = [value for value in internal_values(project) if value not in directory]
    assert missing == []
    handout = squash(pdf_text(site.site / "handouts" / "kontakte.pdf"))
    assert [value for value in internal_values(project) if squash(value) not in handout] == []


def test_internal_edition_never_overwrites_the_public_folder(tiny_internal: BuildResult) -> None:
    assert not (tiny_internal.site.parent / "site").exists()
