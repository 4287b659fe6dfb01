"""Every built page passes the W3C Nu HTML checker (vnu-jar) with no error at all."""

from __future__ import annotations

import json
import subprocess

from builders import REPO, BuildResult

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"



def test_every_page_is_valid_html(real_site: BuildResult) -> None:
    """No errors at all: the theme's own invalid patterns are repaired (engine/site/theme_html.py)."""
    pages = list(real_site.site.rglob("*.html"))
    assert len(pages) > 40
    completed = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                                str(real_site.site)], capture_output=True, text=True, check=False)
    messages = json.loads(completed.stderr or completed.stdout)["messages"]
    assert [f"{m['url'].rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m['message']}" for m in messages] == []
