"""The public and the internal edition: what each may show.

The features say what is internal (a contact marked `visibility: internal`, a field listed in
`internal_fields`); their edition filters remove it before any page, index or handout is made.
"""

from __future__ import annotations

from enum import StrEnum

from engine.core.project import Project


class Edition(StrEnum):
    """Which edition is built: the public site, or the team's internal one."""

    PUBLIC = "public"
    INTERNAL = "internal"


def for_edition(project: Project, edition: Edition) -> Project:
    """The project as `edition` may show it: the public one without anything internal."""
    if edition is Edition.INTERNAL:
        return project
    for keep_public in project.shape.edition_filters:
        project = keep_public(project, edition.value)
    return project
