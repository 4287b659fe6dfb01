"""What the MkDocs hooks loaded for the current build, shared with the mkdocs-macros module.

MkDocs loads hooks and mkdocs-macros loads its module separately; this is their meeting point.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engine.core.editions import Edition
from engine.core.pages import GeneratedPage
from engine.core.project import Project


@dataclass(frozen=True)
class BuildState:
    """The project root, edition, checked project and generated pages of one build."""

    root: Path
    edition: Edition
    project: Project
    pages: list[GeneratedPage]


_current: list[BuildState] = []


def set_current(state: BuildState) -> None:
    _current[:] = [state]


def current() -> BuildState:
    if not _current:
        raise RuntimeError("the portal's hooks have not loaded the project; "
                           "is 'hooks: [engine/glue/mkdocs_hooks.py]' in mkdocs.yml?")
    return _current[0]
