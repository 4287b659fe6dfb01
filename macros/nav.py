"""Expand navigation entries that name a folder of generated pages into the pages themselves."""

from __future__ import annotations

from typing import Any

from macros.pages import SECTIONS, GeneratedPage


def expand_sections(nav: list[Any] | None, pages: list[GeneratedPage]) -> list[Any] | None:
    """Replace `Title: module/` in `nav` by `Title: [module/index.md, module/m01.md, …]`.

    Editors keep `mkdocs.yml` short, and a new module appears in the navigation by itself.
    """
    if nav is None:
        return None
    members: dict[str, list[str]] = {folder: [] for folder in SECTIONS}
    for page in pages:
        folder = page.path.rsplit("/", 1)[0] + "/" if "/" in page.path else ""
        if folder in members:
            members[folder].append(page.path)
    for folder, paths in members.items():
        index = f"{folder}index.md"
        paths.sort(key=lambda path: (path != index,))  # index first, generation order otherwise
    return [_expand(entry, members) for entry in nav]


def _expand(entry: Any, members: dict[str, list[str]]) -> Any:
    if isinstance(entry, str):
        return members.get(entry, entry)
    if isinstance(entry, dict):
        return {title: _expand(value, members) for title, value in entry.items()}
    if isinstance(entry, list):
        return [_expand(item, members) for item in entry]
    return entry
