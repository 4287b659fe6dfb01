"""The navigation: hand-written pages and section slots from `mkdocs.yml`, generated pages from the features.

`mkdocs.yml`'s `nav` names hand-written pages and the slots where the features' sections go
(`Curriculum: module/`, `stadt/`). Each feature's generated pages enter through their section;
a section whose data is absent disappears, and a section the `nav` gives no slot is appended at
the end, so a new feature or a short `nav` still lists every page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from engine.core.pages import GeneratedPage
from engine.core.registry import NavSection

#: At most this many entries at one level of a section. Larger sections become nested groups,
#: so that a page (with Material's `navigation.prune`) carries only its own branch: without
#: groups, listing every page on every page makes the site grow with the square of its size.
NAV_GROUP = 25


def expand_sections(nav: list[Any] | None, pages: list[GeneratedPage],
                    sections: Iterable[NavSection] = ()) -> list[Any] | None:
    """`nav` with every slot replaced by its generated pages, and unplaced sections appended.

    Editors keep `mkdocs.yml` short, and a new module appears in the navigation by itself.
    """
    if nav is None:
        return None
    declared = tuple(sections)
    # A section the editor places by its own slot (the help paths on the neighbours' tab) is not
    # listed a second time under its parent.
    named = set(_slots_named(nav))
    contents = {section.slot: _contents(section, pages, declared, named) for section in declared}
    placed: set[str] = set()
    expanded = _expand_list(nav, contents, placed)
    for section in declared:
        if section.slot in placed or section.parent or not contents[section.slot]:
            continue
        expanded.append({section.title: contents[section.slot]} if section.title else contents[section.slot])
    return expanded


def _slots_named(entries: list[Any]) -> Iterable[str]:
    for entry in entries:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict):
            for value in entry.values():
                yield from _slots_named(value if isinstance(value, list) else [value])


def _contents(section: NavSection, pages: list[GeneratedPage], sections: tuple[NavSection, ...],
              named: frozenset[str] | set[str] = frozenset()) -> list[Any]:
    """What a slot stands for: a folder's pages (index first, in groups), a page, or child sections."""
    children = [child for child in sections if child.parent == section.slot]
    if children:
        entries: list[Any] = []
        for child in children:
            if child.slot in named:
                continue
            inner = _contents(child, pages, sections, named)
            if not inner:
                continue
            if child.target.endswith("/") and child.title:
                entries.append({child.title: inner})
            else:
                entries.extend(inner)
        return entries
    target = section.target
    if not target.endswith("/"):
        return [target] if any(page.path == target for page in pages) else []
    index = f"{target}index.md"
    inside = [page for page in pages if page.path.startswith(target) and page.path != index]
    has_index = any(page.path == index for page in pages)
    return ([index] if has_index else []) + group(inside)


def _expand_list(entries: list[Any], contents: dict[str, list[Any]], placed: set[str]) -> list[Any]:
    """Slots replaced by their contents; a slot written alone is spliced in, `Title: slot` keeps its title."""
    out: list[Any] = []
    for entry in entries:
        if isinstance(entry, str) and entry in contents:
            placed.add(entry)
            out.extend(contents[entry])
        elif isinstance(entry, dict):
            kept: dict[str, Any] = {}
            for title, value in entry.items():
                if isinstance(value, str) and value in contents:
                    placed.add(value)
                    found = contents[value]
                    if found:  # a section without pages (a programme without forms) has no entry
                        kept[title] = found[0] if not value.endswith("/") else found
                elif isinstance(value, list):
                    inner = _expand_list(value, contents, placed)
                    if inner:
                        kept[title] = inner
                else:
                    kept[title] = value
            if kept:
                out.append(kept)
        else:
            out.append(entry)
    return out


def group(pages: list[GeneratedPage]) -> list[Any]:
    """Pages in order, nested into labelled groups of at most NAV_GROUP entries per level."""
    if len(pages) <= NAV_GROUP:
        return [page.path for page in pages]
    size = NAV_GROUP ** math.ceil(math.log(len(pages), NAV_GROUP) - 1)
    chunks = [pages[start:start + size] for start in range(0, len(pages), size)]
    return [{f"{_short(chunk[0].label)} – {_short(chunk[-1].label)}": group(chunk)} for chunk in chunks]


def _short(label: str, limit: int = 24) -> str:
    """A group's bound as a reader can scan it: a long label (an answer's question) cut at a word."""
    if len(label) <= limit:
        return label
    return label[:limit].rsplit(" ", 1)[0].rstrip(",;:–-") + " …"
