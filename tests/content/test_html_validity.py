"""Every built page passes the W3C Nu HTML checker (vnu-jar), except messages explained here."""

from __future__ import annotations

import json
import subprocess

from builders import REPO, BuildResult

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Messages that come from Material for MkDocs' own templates (9.8.1), not from our content.
# Each is harmless for readers; we leave Material's templates unmodified instead of copying them.
ALLOWED = {
    "Bad value “” for attribute “tabindex” on element “label”":
        "Material's navigation section labels carry an empty tabindex; browsers ignore it.",
    "Attribute “autocomplete” is only allowed when the input type is":
        "Material sets autocomplete=off on its drawer/search checkboxes so Firefox does not restore "
        "their state on back navigation; browsers ignore it elsewhere.",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control":
        "Material's table-of-contents title label points at a visually hidden toggle checkbox.",
}


def test_every_page_is_valid_html(real_site: BuildResult) -> None:
    pages = list(real_site.site.rglob("*.html"))
    assert len(pages) > 40
    completed = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                                str(real_site.site)], capture_output=True, text=True, check=False)
    messages = json.loads(completed.stderr or completed.stdout)["messages"]
    unexplained = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
                   for m in messages if not any(m["message"].startswith(prefix) for prefix in ALLOWED)]
    assert unexplained == []
    # The allowances only ever match Material's own elements, never a generated page's content.
    theme_markers = ("md-nav", "md-toggle", "md-search", "__toc")
    assert [m for m in messages if not any(marker in m.get("extract", "") for marker in theme_markers)] == []
