"""Expand navigation entries that name a folder of generated pages into the pages themselves."""

from __future__ import annotations

import math
from typing import Any

from engine.site.pages import GeneratedPage
from engine.site.urls import SECTIONS

#: At most this many entries at one level of a section. Larger sections become nested groups,
#: so that a page (with Material's `navigation.prune`) carries only its own branch: without
#: groups, listing every page on every page makes the site grow with the square of its size.
NAV_GROUP = 25


def expand_sections(nav: list[Any] | None, pages: list[GeneratedPage]) -> list[Any] | None:
    """Replace `Title: module/` in `nav` by `Title: [module/index.md, module/m01.md, …]`.

    Editors keep `mkdocs.yml` short, and a new module appears in the navigation by itself.
    """
    if nav is None:
        return None
    members: dict[str, list[Any]] = {}
    for folder in SECTIONS:
        index = f"{folder}index.md"
        inside = [page for page in pages if page.path.startswith(folder) and page.path != index]
        has_index = any(page.path == index for page in pages)
        members[folder] = ([index] if has_index else []) + group(inside)
    empty = {folder for folder, pages_in in members.items() if not pages_in}
    # A section without pages (a programme without forms) has no entry, not an empty one.
    return [_expand(entry, members) for entry in nav
            if not (isinstance(entry, dict) and all(isinstance(value, str) and value in empty
                                                    for value in entry.values()))]


def group(pages: list[GeneratedPage]) -> list[Any]:
    """Pages in order, nested into labelled groups of at most NAV_GROUP entries per level."""
    if len(pages) <= NAV_GROUP:
        return [page.path for page in pages]
    size = NAV_GROUP ** math.ceil(math.log(len(pages), NAV_GROUP) - 1)
    chunks = [pages[start:start + size] for start in range(0, len(pages), size)]
    return [{f"{chunk[0].label} – {chunk[-1].label}": group(chunk)} for chunk in chunks]


def _expand(entry: Any, members: dict[str, list[Any]]) -> Any:
    if isinstance(entry, str):
        return members.get(entry, entry)
    if isinstance(entry, dict):
        return {title: _expand(value, members) for title, value in entry.items()}
    if isinstance(entry, list):
        return [_expand(item, members) for item in entry]
    return entry
