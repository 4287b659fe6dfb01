"""Builders for the tests: copy a fixture project next to the real configuration, build it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

FIXTURE_NAV = [
    {"Start": "index.md"},
    {"Was tun, wenn …?": "antworten/"},
    {"Curriculum": "module/"},
    {"Qualifikationsmatrix": "qualifikationsmatrix.md"},
    {"Kurse": "kurse/"},
    {"Vorlagen": "vorlagen/"},
    {"Rollen": "rollen/"},
    {"Kontakte": "kontakte/"},
    {"Glossar": "glossar.md"},
]
#: The city's pages, for fixtures with data in `city/`.
FIXTURE_CITY_NAV = {"Für die Stadt": ["stadt/"]}


@dataclass(frozen=True)
class BuildResult:
    """What a reader (or an editor) would see of one `mkdocs build`."""

    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def make_project(fixture: str, destination: Path) -> Path:
    """A buildable project from `tests/fixtures/<fixture>` with the real theme set-up."""
    shutil.copytree(FIXTURES / fixture, destination)
    (destination / "docs").mkdir(exist_ok=True)  # MkDocs needs the folder, even without hand-written pages
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = FIXTURE_NAV + ([FIXTURE_CITY_NAV] if (destination / "city").is_dir() else [])
    # Our tabs (one per audience) are our programme's choice of navigation, like its `nav`; a
    # fixture lists every section in one sidebar, as a programme without tabs would.
    config["theme"]["features"] = [f for f in config["theme"]["features"] if f != "navigation.tabs"]
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return destination


def build(project: Path, site: Path, *, internal: bool = False) -> BuildResult:
    """Build as an editor would (`./qp build`, strict), into `site`; `internal`: `--internal`."""
    completed = subprocess.run(
        [sys.executable, "-m", "engine", "--root", str(project), "build", "--site-dir", str(site),
         *(["--internal"] if internal else [])],
        capture_output=True, text=True, check=False, cwd=project,
    )
    edition_site = site.with_name(f"{site.name}-intern") if internal else site
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, edition_site)


def table_rows(html_text: str) -> list[list[str]]:
    """The text of every table row of a page, cell by cell, as a reader sees it."""
    from html.parser import HTMLParser

    class Rows(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[list[str]] = []
            self.cell: list[str] | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.cell = []

        def handle_endtag(self, tag: str) -> None:
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(" ".join("".join(self.cell).split()))
                self.cell = None

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.append(data)

    parser = Rows()
    parser.feed(html_text)
    return parser.rows


def visible_text(html_text: str) -> str:
    """The page's text without tags, scripts and styles, whitespace collapsed."""
    import html
    import re

    without = re.sub(r"<(script|style)\b.*?</\1>", " ", html_text, flags=re.S)
    without = re.sub(r'<a class="headerlink".*?</a>', "", without, flags=re.S)  # the hover-only ¶
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", without)).split())


def pdf_text(path: Path) -> str:
    """A PDF's text as read, with words that hyphenation split at a line end joined again."""
    import pypdf

    pages = pypdf.PdfReader(path).pages
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pages).replace("\u2010 ", "")


def everything_published(site: Path) -> str:
    """All text a public site exposes: pages, search index (decoded), sitemap, scripts, PDFs."""
    import html
    import json

    parts = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".json", ".js", ".xml", ".txt", ".pdf", ".ics") or not path.is_file():
            continue
        if path.suffix == ".pdf":
            parts.append(pdf_text(path))
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.name == "search_index.json":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        parts.append(html.unescape(text))
    return " ".join(" ".join(parts).split())
