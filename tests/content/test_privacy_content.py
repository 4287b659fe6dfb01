"""Our own internal contacts and fields never reach our public site, and the team edition shows them.

The engine's proof on fixture programmes is `tests/engine/test_privacy.py`; this one reads our
contacts, which mark one contact and fields of others internal.
"""

from __future__ import annotations

from builders import REPO, BuildResult, everything_published, pdf_text, visible_text
from privacy_checks import internal_values, leaked, squash

OURS = internal_values(REPO)


def test_our_contacts_mark_something_internal() -> None:
    """Without internal values the two proofs below would pass on nothing."""
    assert OURS


def test_public_edition_leaks_nothing_internal(real_site: BuildResult) -> None:
    assert (real_site.site / "handouts" / "kontakte.pdf").is_file()
    assert leaked(OURS, everything_published(real_site.site)) == []


def test_internal_edition_shows_them(real_internal: BuildResult) -> None:
    assert "Interne Ausgabe" in visible_text(real_internal.page("kontakte/index.html"))
    directory = " ".join(visible_text(page.read_text(encoding="utf-8"))
                         for page in sorted((real_internal.site / "kontakte").glob("*.html")))
    assert [value for value in OURS if value not in directory] == []
    handout = squash(pdf_text(real_internal.site / "handouts" / "kontakte.pdf"))
    assert [value for value in OURS if squash(value) not in handout] == []
