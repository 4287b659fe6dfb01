"""The engine's own fixed words: visibility, the trainer heading, German compound tails.

Everything a programme names (compensation models, contact kinds, topics, recognition rules)
lives in its `programme.yml` instead (see `programme.py`), so an editor can extend it.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a German label for readers."""

    @property
    def label(self) -> str:
        return LABELS[self]


class Visibility(LabelledEnum):
    """Who may see a contact: everyone, or only the team's internal edition."""

    PUBLIC = "public"
    INTERNAL = "internal"


LABELS: dict[LabelledEnum, str] = {
    Visibility.PUBLIC: "öffentlich",
    Visibility.INTERNAL: "intern",
}

#: The heading that starts the trainer-only part of a module's body.
TRAINER_HEADING = "Hinweise für Trainer:innen"
#: How an exercise's heading starts (`## Übung: Frau K. sucht ihre Handtasche`).
EXERCISE_PREFIX = "Übung:"
#: The paragraph that starts an exercise's solution; from there to the section's end is for trainers.
SOLUTION_LABEL = "Lösungshinweis"
#: Where the solutions are gathered in the trainer part.
SOLUTIONS_HEADING = "Lösungshinweise zu den Übungen"
#: The sections of a module a participant takes home in a course folder.
SUMMARY_HEADING = "Das Wichtigste in Kürze"
SELF_CHECK_HEADING = "Selbstcheck"
#: The trainer part's sub-heading (`###`) with the self-check's answers.
SELF_CHECK_ANSWERS_HEADING = "Antworten zum Selbstcheck"

#: Word parts that German compounds end with; search gets the part as an extra keyword so
#: that "Schutz" finds "Datenschutz". Lower case, longest first is not required.
COMPOUND_TAILS: tuple[str, ...] = (
    "schutz", "pflege", "betrag", "hilfe", "geld", "kasse", "grad", "leistung", "budget",
    "versicherung", "pauschale", "prävention", "gemeinschaft", "beratung", "management",
    "notruf", "mappe", "pflicht", "sorge", "begleitung", "arbeit", "erkrankung",
    "erkrankungen", "entlastung", "anerkennung", "kurs", "netzwerk", "recht",
)
