"""Reading the project's content files from disk: the only I/O of loading."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from engine.core.loading import CONTENT_GLOBS, load_project
from engine.core.problems import ContentError, errors_of
from engine.core.project import Project
from engine.core.records import SourceFile


def read_sources(root: Path) -> list[SourceFile]:
    """Every file that may hold content, as bytes, with its path relative to `root`."""
    # Plain strings instead of Path objects: at 10,000 files pathlib's sorting and relative
    # paths cost a third of a second.
    names = {name for globs in CONTENT_GLOBS.values() for pattern in globs
             for name in glob.glob(pattern, root_dir=root)}
    files = []
    for name in sorted(names):
        full = os.path.join(root, name)
        if os.path.isfile(full):
            with open(full, "rb") as handle:
                files.append(SourceFile(name.replace(os.sep, "/"), handle.read()))
    return files


def load_checked(root: Path) -> Project:
    """The project under `root`; raises `ContentError` if its records have errors (not warnings)."""
    project, problems = load_project(read_sources(root))
    if errors_of(problems):
        raise ContentError(problems)
    return project


def read_docs(folder: Path) -> tuple[dict[str, str], set[str]]:
    """Hand-written pages (path relative to `folder` → Markdown) and every other file in `folder`."""
    pages: dict[str, str] = {}
    assets: set[str] = set()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file():
            continue
        relative = path.relative_to(folder).as_posix()
        if path.suffix == ".md":
            pages[relative] = path.read_text(encoding="utf-8", errors="replace")
        else:
            assets.add(relative)
    return pages, assets
