"""The programme: who runs it, where, in which words, and by which recognition rules.

The engine names no programme, city or state. Everything it would otherwise hard-code is
read from one validated file, `programme.yml`; what a programme leaves out falls back to the
engine defaults declared here.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated

from pydantic import Field, model_validator

from engine.core.fields import ContentModel, IsoDate, ModuleId, ShortText, Slug, Text, WebUrl
from engine.core.kinds import DatedField, IdRule, Kind, Reference

#: The programme's own file, at the top of the project.
PROGRAMME_FILE = "programme.yml"
#: Engine default for how old a dated fact (a check, a „Stand“, a measurement) may get.
DEFAULT_STALE_AFTER_DAYS = 365


class Term(ContentModel):
    """One entry of a vocabulary: the id editors write, the label readers see."""

    id: Slug = Field(description="Was in den Inhaltsdateien steht, z. B. 'pflegeberatung'")
    label: ShortText = Field(description="Was Leser:innen sehen, z. B. 'Pflegeberatung'")


class LegalBasis(ContentModel):
    """The legal text a rule rests on, with the date the statement reflects."""

    title: ShortText = Field(description="Name der Rechtsgrundlage, z. B. 'Verordnung … vom …, § 10'")
    url: WebUrl | None = Field(default=None, description="Webadresse des Rechtstexts, wenn bekannt")
    stand: IsoDate = Field(description="Stand: auf welches Datum sich die Angaben beziehen")


class HelperLimits(ContentModel):
    """What a recognised helper may do at most."""

    hours_per_month: float | None = Field(default=None, gt=0, le=744,
                                          description="Höchstens so viele Stunden im Monat")
    persons: int | None = Field(default=None, ge=1, le=100,
                                description="Höchstens so viele unterstützte Personen zugleich")


class Refresher(ContentModel):
    """The course a helper must repeat to stay recognised."""

    interval_years: int = Field(ge=1, le=20, description="Spätestens alle so viele Jahre")
    minimum_ue: float | None = Field(default=None, gt=0, le=200, multiple_of=0.5,
                                     description="Mindestumfang der Auffrischung in UE")
    label: ShortText | None = Field(default=None, description="Name, z. B. 'Aufbaukurs (2 × 90 Minuten)'")


class RecognitionRule(ContentModel):
    """One way a helper gets recognised, e.g. a state's ordinance."""

    id: Slug = Field(description="Kurze ID, auf die Kurse verweisen (recognition: …)")
    label: ShortText = Field(description="Name für Leser:innen")
    legal_basis: LegalBasis
    minimum_ue: float | None = Field(default=None, gt=0, le=500, multiple_of=0.5,
                                     description="Mindestumfang des Kurses in UE")
    in_person: bool = Field(default=False, description="Nur in Präsenz anerkannt")
    core_modules: list[ModuleId] = Field(default_factory=list,
                                         description="Module, die ein anerkannter Kurs enthalten muss")
    core_topics: list[ShortText] = Field(default_factory=list,
                                         description="Themen, die die Regel verlangt (in Worten)")
    conditions: list[Text] = Field(default_factory=list, description="Voraussetzungen für Helfer:innen")
    helper_limits: HelperLimits | None = None
    refresher: Refresher | None = None
    evidence: list[Text] = Field(default_factory=list, description="Nachweise, die verlangt werden")
    notes: list[Text] = Field(default_factory=list, description="Was noch offen oder zu prüfen ist")


class Wording(ContentModel):
    """Texts of the site and the handouts that name or describe the programme."""

    tagline: Text | None = Field(default=None, description="Ein Satz, worum es geht (Startseite, Metadaten)")
    curriculum: Text = Field(
        default="Das Curriculum besteht aus standardisierten Modulen für die Nachbarschaftshilfe.",
        description="Einleitung der Curriculum-Seite und des Curriculum-Buchs")
    contacts: Text = Field(
        default="Dieses Verzeichnis nennt Ämter, Organisationen und Einrichtungen. Es enthält nur Angaben "
                "zu Stellen, nicht zu Personen. Was wir nicht sicher wissen, steht als „unbekannt“ da.",
        description="Einleitung des Kontaktverzeichnisses")
    roles: Text = Field(
        default="Nachbar:innen, Angehörige und Fachleute arbeiten zusammen. Jede Rolle hat klare Aufgaben "
                "und Grenzen.",
        description="Einleitung der Rollen-Übersicht")


def _terms(labels: dict[str, str]) -> tuple[Term, ...]:
    return tuple(Term(id=entry_id, label=label) for entry_id, label in labels.items())


DEFAULT_COMPENSATION = _terms({
    "ehrenamt": "Ehrenamt mit Auslagenersatz", "aufwandsentschaedigung": "Aufwandsentschädigung",
    "minijob": "Minijob", "angestellt": "Anstellung", "freiberuflich": "Freiberuflich"})
DEFAULT_CONTACT_KINDS = _terms({
    "amt": "Kommunales Amt", "verein": "Verein", "beratungsstelle": "Beratungsstelle",
    "wohnungsunternehmen": "Wohnungsunternehmen", "pflegekasse": "Pflegekasse"})
DEFAULT_TOPICS = _terms({
    "pflegeberatung": "Pflegeberatung", "nachbarschaftshilfe": "Nachbarschaftshilfe", "ehrenamt": "Ehrenamt",
    "wohnen": "Wohnen", "krisenhilfe": "Krisenhilfe"})

#: The vocabularies of a programme: the field of `programme.yml` → what readers call it.
VOCABULARIES = {
    "compensation_models": "Vergütungsmodell",
    "contact_kinds": "Art der Stelle",
    "topics": "Thema",
    "recognition": "Anerkennungsregel",
}


class Programme(ContentModel):
    """`programme.yml`: the identity, wording, vocabularies and recognition rules of a programme."""

    name: ShortText = Field(description="Name des Programms, z. B. im Seitentitel")
    short_name: ShortText = Field(description="Kurzname für Kopfzeilen und Buchtitel")
    region: ShortText = Field(description="Wo das Programm läuft, z. B. Städte oder Quartiere")
    publisher: ShortText = Field(description="Herausgeber: Träger und Partner (für Impressum und PDF-Metadaten)")
    website: WebUrl | None = Field(default=None, description="Webseite des Programms, wenn es eine gibt")
    coordination: Slug | None = Field(default=None, description=(
        "Die Koordination, an die sich Nachbar:innen wenden: eine Kontakt-ID aus contacts/. Leer: Antworten "
        "und Karten zeigen eine Zeile zum Eintragen"))
    course_group_size: int = Field(default=12, ge=2, le=60, description=(
        "Gruppengröße, für die die Materialliste eines Kurses die Stückzahlen rechnet"))
    teaching_unit_minutes: int = Field(default=45, ge=15, le=120,
                                       description="Länge einer Unterrichtseinheit (UE) in Minuten")
    wording: Wording = Field(default_factory=Wording)
    compensation_models: Annotated[list[Term], Field(min_length=1)] = Field(
        default_factory=lambda: list(DEFAULT_COMPENSATION), description="Vergütungsmodelle der Rollen")
    contact_kinds: Annotated[list[Term], Field(min_length=1)] = Field(
        default_factory=lambda: list(DEFAULT_CONTACT_KINDS), description="Arten von Stellen im Verzeichnis")
    topics: Annotated[list[Term], Field(min_length=1)] = Field(
        default_factory=lambda: list(DEFAULT_TOPICS),
        description="Themen der Kontakte; das Verzeichnis ordnet nach ihnen in dieser Reihenfolge")
    recognition: list[RecognitionRule] = Field(
        default_factory=list, description="Anerkennungsregeln; leer, wenn das Programm keine kennt")
    stale_after_days: int = Field(
        default=DEFAULT_STALE_AFTER_DAYS, ge=1, le=3650,
        description="Nach so vielen Tagen meldet `check` eine Angabe mit Datum (geprüft, Stand, Messwert) "
                    "als veraltet")

    @model_validator(mode="after")
    def _unique_ids(self) -> Programme:
        for name in VOCABULARIES:
            seen: set[str] = set()
            for entry in getattr(self, name):
                if entry.id in seen:
                    raise ValueError(f"die ID '{entry.id}' steht zweimal in {name}; jede ID nur einmal")
                seen.add(entry.id)
        return self

    def ids(self, vocabulary: str) -> list[str]:
        """The ids of one vocabulary (see `VOCABULARIES`), in the programme's order."""
        return [entry.id for entry in getattr(self, vocabulary)]

    @cached_property
    def _labels(self) -> dict[str, dict[str, str]]:
        return {name: {entry.id: entry.label for entry in getattr(self, name)} for name in VOCABULARIES}

    def label(self, vocabulary: str, entry_id: str) -> str:
        """What readers see for `entry_id`; the id itself if the vocabulary lacks it."""
        return self._labels[vocabulary].get(entry_id, entry_id)

    @cached_property
    def rule_by_id(self) -> dict[str, RecognitionRule]:
        return {rule.id: rule for rule in self.recognition}

    @property
    def tagline(self) -> str:
        return self.wording.tagline or self.name


#: Stands in for a programme whose file is missing or broken; nothing is built with it,
#: since its problems stop the build, but checks of the other files can still run.
FALLBACK = Programme(name="Programm", short_name="Programm", region="unbekannt", publisher="unbekannt")


#: The programme is a kind like every other: one file, validated, dated, with its schema.
PROGRAMME_KIND = Kind(
    name="programme", collection="programme", label=("Programm", "Programme"), globs=(PROGRAMME_FILE,),
    model=Programme, id_rule=IdRule.SINGLE, schema="programme.schema.json", counted=False,
    references=(Reference("coordination", "contact", single=True),),
    dated=(DatedField("recognition.*.legal_basis.stand", "der Stand der Rechtsgrundlage", may_be_future=True),))
