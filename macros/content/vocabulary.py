"""Fixed vocabularies of the content model, each declared once with its German label.

The keys are what editors write in YAML; the labels are what readers see. The JSON Schemas
take their enums from these classes, so an editor's tool offers exactly these values.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a German label for readers."""

    @property
    def label(self) -> str:
        return LABELS[self]


class RecognitionCore(LabelledEnum):
    """Legal recognition cores a module or course can cover."""

    SACHSEN = "sachsen"
    SACHSEN_ANHALT = "sachsen-anhalt"


class CompensationModel(LabelledEnum):
    """How a role is paid or compensated, by level of engagement."""

    EHRENAMT = "ehrenamt"
    AUFWANDSENTSCHAEDIGUNG = "aufwandsentschaedigung"
    MINIJOB = "minijob"
    ANGESTELLT = "angestellt"
    FREIBERUFLICH = "freiberuflich"
    PFLEGEGELD = "pflegegeld"


class ContactKind(LabelledEnum):
    """What kind of organisation or office a contact is."""

    AMT = "amt"
    GREMIUM = "gremium"
    VEREIN = "verein"
    WOHNUNGSUNTERNEHMEN = "wohnungsunternehmen"
    STIFTUNG = "stiftung"
    PFLEGEKASSE = "pflegekasse"
    BERATUNGSSTELLE = "beratungsstelle"
    BEGEGNUNGSSTAETTE = "begegnungsstaette"
    PROJEKT = "projekt"
    NETZWERK = "netzwerk"
    HOCHSCHULE = "hochschule"
    BUNDESBEHOERDE = "bundesbehoerde"


class Topic(LabelledEnum):
    """Topics a contact is responsible for; the directory groups by them in this order."""

    PFLEGEBERATUNG = "pflegeberatung"
    HILFE_ZUR_PFLEGE = "hilfe-zur-pflege"
    PFLEGEKOORDINATION = "pflegekoordination"
    SENIORENARBEIT = "seniorenarbeit"
    NACHBARSCHAFTSHILFE = "nachbarschaftshilfe"
    ANERKENNUNG = "anerkennung"
    EHRENAMT = "ehrenamt"
    WOHNEN = "wohnen"
    STADTERNEUERUNG = "stadterneuerung"
    STADTPLANUNG = "stadtplanung"
    QUARTIERSARBEIT = "quartiersarbeit"
    PROJEKTTRAEGER = "projekttraeger"
    RAEUME = "raeume"
    SOZIALMANAGEMENT = "sozialmanagement"
    NETZWERK = "netzwerk"
    FORSCHUNG = "forschung"
    KRISENHILFE = "krisenhilfe"


class Visibility(LabelledEnum):
    """Who may see a contact: everyone, or only the team's internal edition."""

    PUBLIC = "public"
    INTERNAL = "internal"


LABELS: dict[LabelledEnum, str] = {
    RecognitionCore.SACHSEN: "Sachsen (Leipzig)",
    RecognitionCore.SACHSEN_ANHALT: "Sachsen-Anhalt (Halle)",
    CompensationModel.EHRENAMT: "Ehrenamt mit Auslagenersatz",
    CompensationModel.AUFWANDSENTSCHAEDIGUNG: "Aufwandsentschädigung",
    CompensationModel.MINIJOB: "Minijob",
    CompensationModel.ANGESTELLT: "Anstellung",
    CompensationModel.FREIBERUFLICH: "Freiberuflich",
    CompensationModel.PFLEGEGELD: "Pflegegeld",
    ContactKind.AMT: "Kommunales Amt",
    ContactKind.GREMIUM: "Gremium",
    ContactKind.VEREIN: "Verein",
    ContactKind.WOHNUNGSUNTERNEHMEN: "Wohnungsunternehmen",
    ContactKind.STIFTUNG: "Stiftung",
    ContactKind.PFLEGEKASSE: "Pflegekasse",
    ContactKind.BERATUNGSSTELLE: "Beratungsstelle",
    ContactKind.BEGEGNUNGSSTAETTE: "Begegnungsstätte",
    ContactKind.PROJEKT: "Projekt",
    ContactKind.NETZWERK: "Netzwerk",
    ContactKind.HOCHSCHULE: "Hochschule",
    ContactKind.BUNDESBEHOERDE: "Bundesbehörde",
    Topic.PFLEGEBERATUNG: "Pflegeberatung",
    Topic.HILFE_ZUR_PFLEGE: "Hilfe zur Pflege",
    Topic.PFLEGEKOORDINATION: "Pflegekoordination",
    Topic.SENIORENARBEIT: "Seniorenarbeit",
    Topic.NACHBARSCHAFTSHILFE: "Nachbarschaftshilfe",
    Topic.ANERKENNUNG: "Anerkennung von Helfer:innen",
    Topic.EHRENAMT: "Ehrenamt",
    Topic.WOHNEN: "Wohnen",
    Topic.STADTERNEUERUNG: "Stadterneuerung",
    Topic.STADTPLANUNG: "Stadtplanung",
    Topic.QUARTIERSARBEIT: "Quartiersarbeit",
    Topic.PROJEKTTRAEGER: "Projektträger",
    Topic.RAEUME: "Räume und Treffpunkte",
    Topic.SOZIALMANAGEMENT: "Sozialmanagement",
    Topic.NETZWERK: "Netzwerk",
    Topic.FORSCHUNG: "Forschung und Konzepte",
    Topic.KRISENHILFE: "Krisenhilfe und Seelsorge",
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
