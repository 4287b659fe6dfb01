"""The public and the internal edition: what each may show of the contacts."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from engine.core.project import Project
from engine.core.vocabulary import Visibility


class Edition(StrEnum):
    """Which edition is built: the public site, or the team's internal one."""

    PUBLIC = "public"
    INTERNAL = "internal"


def for_edition(project: Project, edition: Edition) -> Project:
    """The project as `edition` may show it: the public one without anything internal."""
    if edition is Edition.INTERNAL:
        return project
    contacts = tuple(
        # Copied only where a field must be blanked: copying 10,000 contacts costs a third of a second.
        contact.model_copy(update={name: None for name in contact.internal_fields}) if contact.internal_fields
        else contact
        for contact in project.contacts
        if contact.visibility is Visibility.PUBLIC
    )
    return replace(project, contacts=contacts)
