"""Reading the project's files from disk: the only I/O of loading and checking."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from engine.core.records import SourceFile


def read_sources(root: Path, globs: Iterable[str]) -> list[SourceFile]:
    """Every file matching `globs` under `root`, as bytes, with its path relative to `root`."""
    # Plain strings instead of Path objects: at 10,000 files pathlib's sorting and relative
    # paths cost a third of a second.
    names = {name for pattern in globs for name in glob.glob(pattern, root_dir=root)}
    files = []
    for name in sorted(names):
        full = os.path.join(root, name)
        if os.path.isfile(full):
            with open(full, "rb") as handle:
                files.append(SourceFile(name.replace(os.sep, "/"), handle.read()))
    return files


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
