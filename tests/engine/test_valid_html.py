"""Every page the engine builds for a fixture programme is valid HTML (W3C Nu checker, 0 errors).

All pages of `tiny` (both editions) and `solo` go through one Java run of vnu-jar, together with
a deliberately broken page that must be reported: a checker that read nothing could not pass.
"""

from __future__ import annotations

from pathlib import Path

from browser import vnu_errors
from builders import BuildResult

CANARY = ('<!DOCTYPE html>\n<html lang="de"><head><title>Kanarienvogel</title></head>\n'
          "<body><p><div></span></body></html>\n")
#: Pages every fixture build has (a floor against an empty build, not a cut-off).
ALWAYS = {"index.html", "404.html", "module/index.html", "module/m01.html", "rollen/index.html",
          "kurse/index.html", "kurse/planer.html", "kontakte/index.html", "qualifikationsmatrix.html", "glossar.html"}


def every_page(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert {str(page.relative_to(site)) for page in pages} >= ALWAYS
    return pages


def test_every_fixture_page_is_valid_html(tiny_site: BuildResult, tiny_internal: BuildResult, solo: BuildResult,
                                          tmp_path: Path) -> None:
    folders = {"tiny": tiny_site.site, "tiny-intern": tiny_internal.site, "solo": solo.site, "canary": tmp_path}
    pages = [page for name, site in folders.items() if name != "canary" for page in every_page(site)]
    assert tiny_site.site / "vorlagen" / "einsatznachweis.html" in pages  # a form
    assert tiny_site.site / "stadt" / "wegweiser" / "sturz.html" in pages  # the city's pages
    (tmp_path / "broken.html").write_text(CANARY, encoding="utf-8")
    errors = vnu_errors([*pages, tmp_path / "broken.html"], folders)
    assert any(error.startswith("canary/broken.html:3: ") for error in errors), errors
    assert [error for error in errors if not error.startswith("canary/")] == []
