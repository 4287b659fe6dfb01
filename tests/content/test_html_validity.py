"""Every built page of ours passes the W3C Nu HTML checker (vnu-jar) with no error at all.

No cut-off: all pages of both editions, in one Java run (about 90 pages each take some 10 s).
The same proof on the fixture programmes: `tests/engine/test_valid_html.py`.
"""

from __future__ import annotations

from browser import vnu_errors
from builders import BuildResult


def test_every_page_is_valid_html(real_site: BuildResult, real_internal: BuildResult) -> None:
    """No errors at all: the theme's own invalid patterns are repaired (engine/site/theme_html.py)."""
    folders = {"site": real_site.site, "site-intern": real_internal.site}
    pages = [page for site in folders.values() for page in sorted(site.rglob("*.html"))]
    assert real_site.site / "module" / "m06.html" in pages and real_site.site / "404.html" in pages
    assert vnu_errors(pages, folders) == []
