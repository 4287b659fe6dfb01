"""The documentation names only files that exist.

Every path a doc names in backticks or as a link target must be found: a path with a `/` from
the repository's root (a link from the doc's own folder), a bare file name (`feature.py`) as the
name of some file in the repository. Not checked: fenced code blocks, web addresses, anchors,
absolute paths (`/usr/bin/chromium`, a PDF's `/Lang`), and code spans with a space
(`./qp build --internal`, a YAML line). Accepted without a file:

- placeholders: `<id>` and `*` are read as a glob, which must match at least one file
  (`curriculum/forms/<id>.yml`);
- build outputs and git-ignored folders (`BUILT`);
- the site's own paths: pages under a navigation slot the engine declares (`module/m06.md`,
  `stadt/wegweiser/<id>.html`), hand-written pages relative to `docs/` as `mkdocs.yml` names
  them, and the engine's published files under `assets/portal/`;
- in `CHANGELOG.md` only, the paths an entry records as removed or moved (`REMOVED`).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest
from builders import REPO

from engine.core.assets import PUBLISHED
from engine.portal import REGISTRY

DOCS = ("README.md", "CONTENT.md", "ARCHITECTURE.md", "CHANGELOG.md", "benchmarks/README.md")
#: Build outputs and git-ignored folders: named in the docs, never in the repository.
BUILT = ("site/", "site-intern/", "handouts/", "private/", ".cache/", ".venv/", "node_modules/")
#: What a changelog entry names because it was removed or moved: history, not a file to find.
REMOVED = {"CHANGELOG.md": {"macros/", "docs/assets/"}}
#: Folders never searched for a bare file name: anywhere, and at the top (build outputs).
SKIPPED = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache",
           ".hypothesis"}
SKIPPED_AT_TOP = {folder.rstrip("/") for folder in BUILT}
PATH_ENDINGS = (".py", ".yml", ".yaml", ".md", ".j2", ".css", ".js", ".json", ".toml", ".txt", ".csv", ".lock")

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_TOKEN = re.compile(r"^[\w.\-/<>*]+$")


def named_paths(text: str) -> list[tuple[int, str, bool]]:
    """(line, path, is a link) for every path-like code span and link target outside fenced blocks."""
    text = _FENCE.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for span in _CODE.findall(line):
            if _TOKEN.match(span) and not span.startswith("/") and ("/" in span or span.endswith(PATH_ENDINGS)):
                found.append((number, span.removeprefix("./"), False))
        for target in _LINK.findall(_CODE.sub("", line)):
            if re.match(r"^[a-z][a-z0-9+.\-]*:", target) or target.startswith("#"):
                continue
            found.append((number, target.split("#")[0], True))
    return [(number, path, link) for number, path, link in found if path]


@cache
def repository_names() -> frozenset[str]:
    """The name of every file and folder in the repository (outside build outputs)."""
    names: set[str] = set()
    for folder_path, folders, files in os.walk(REPO):
        top = Path(folder_path) == REPO
        folders[:] = [folder for folder in folders
                      if folder not in SKIPPED and not (top and folder in SKIPPED_AT_TOP)]
        names.update(folders)
        names.update(files)
    return frozenset(names)


def _glob(base: Path, pattern: str) -> bool:
    pattern = re.sub(r"<[^>]*>", "*", pattern).rstrip("/")
    return any(base.glob(pattern)) if pattern else base.is_dir()


def _site_path(path: str) -> bool:
    """A page of the built site: under a slot the engine declares, hand-written, or the engine's files."""
    if path.startswith(f"{PUBLISHED}/"):
        return True
    page = re.sub(r"\.html$", ".md", path)
    if not (page.endswith((".md", "/")) or "." not in page.rsplit("/", 1)[-1]):
        return False
    slots = {section.slot for section in REGISTRY.nav}
    if page in slots or any(slot.endswith("/") and page.startswith(slot) for slot in slots):
        return True
    return _glob(REPO / "docs", page)


def exists(path: str, doc: str, link: bool) -> bool:
    if path in REMOVED.get(doc, ()):
        return True
    if path.startswith(BUILT) and not path.endswith((".py", ".j2")):  # no build output is Python
        return True
    if link:
        return _glob((REPO / doc).parent, path)
    if "/" not in path:
        pattern = re.sub(r"<[^>]*>", "*", path.rstrip("/"))
        if "*" in pattern:
            return any(re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), name) for name in repository_names())
        return pattern in repository_names() or _site_path(path)
    return _glob(REPO, path) or _site_path(path)


def wrong_paths(doc: str, text: str) -> list[str]:
    return [f"{doc}:{number}: {path}" for number, path, link in named_paths(text) if not exists(path, doc, link)]


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_a_doc_names_exists(doc: str) -> None:
    assert wrong_paths(doc, (REPO / doc).read_text(encoding="utf-8")) == []


def test_a_wrong_path_is_found() -> None:
    text = ("The glue was in `engine/glue/mkdocs_hooks.py`, the writer in `engine/handouts/pdf.py`,\n"
            "the planner in `kursplaner.js`; see [the guide](docs/nowhere.md).\n"
            "```\nengine/inside/a/fence.py\n```\n"
            "Right: `engine/core/pdf.py`, `feature.py`, `curriculum/forms/<id>.yml`, `site/index.html`,\n"
            "`module/m06.md`, `modell/index.md`, `./qp build --internal`, [a site](https://example.org/x.py).\n")
    assert wrong_paths("README.md", text) == [
        "README.md:1: engine/glue/mkdocs_hooks.py", "README.md:1: engine/handouts/pdf.py",
        "README.md:2: kursplaner.js", "README.md:2: docs/nowhere.md"]
