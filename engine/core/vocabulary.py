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

#: Word parts that German compounds end with; search gets the part as an extra keyword so
#: that "Schutz" finds "Datenschutz". Lower case, longest first is not required.
COMPOUND_TAILS: tuple[str, ...] = (
    "schutz", "pflege", "betrag", "hilfe", "geld", "kasse", "grad", "leistung", "budget",
    "versicherung", "pauschale", "prävention", "gemeinschaft", "beratung", "management",
    "notruf", "mappe", "pflicht", "sorge", "begleitung", "arbeit", "erkrankung",
    "erkrankungen", "entlastung", "anerkennung", "kurs", "netzwerk", "recht",
)
