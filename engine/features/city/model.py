"""The content model of the city's instruments: help paths, the network, indicators, the dossier, costs.

Declared once like `model.py` (pydantic, unknown keys forbidden); the JSON Schemas, validation
and rendering use these classes. Contact data stays functional: actors and help paths name
contacts of the directory by id, never people.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from engine.core.fields import ContentModel, IsoDate, ModuleId, ShortText, Slug, Text, Vocabulary, WebUrl
from engine.core.icons import Pictogram

#: What a neighbour meets, in order of urgency: how a help path is sorted and marked.
Urgency = Literal["notfall", "dringend", "alltag"]
URGENCY_LABELS: dict[str, str] = {"notfall": "Notfall", "dringend": "dringend", "alltag": "Alltag"}


class Deadline(ContentModel):
    """A period the law sets on a step: what starts it, what to do at once, how long, which law."""

    when: ShortText = Field(description="Was die Frist auslöst, z. B. 'Sobald eine Kündigung oder "
                                         "Räumungsklage da ist'")
    act: Text = Field(description="Was sofort zu tun ist, z. B. 'Noch am selben Tag die Koordination anrufen'")
    period: Text | None = Field(default=None, description="Wie lang die Frist ist, mit der Zahl aus facts.yml: "
                                                          "'Die Schonfrist beträgt ((schonfrist-raeumungsklage)) …'")
    law: ShortText = Field(description="Rechtsgrundlage, z. B. '§ 569 Abs. 3 Nr. 2 BGB'")


class HelpStep(ContentModel):
    """One step of „Wer hilft“: who does what, the offices of the directory it needs, a legal deadline."""

    text: Text = Field(description="Wer hilft und wie, in einem oder zwei Sätzen")
    short: ShortText | None = Field(default=None, description="Kurzfassung für die Karte (A5), wenn der Text "
                                                               "dort zu lang ist")
    office: ShortText | None = Field(default=None, description="Welche Stelle der Schritt braucht, in Worten "
                                                               "(z. B. 'Schuldnerberatung'); ohne Kontakt gilt sie "
                                                               "als „im Verzeichnis noch nicht erfasst“")
    contacts: list[Slug] = Field(default_factory=list, description="Kontakt-IDs aus contacts/ für diesen Schritt")
    deadline: Deadline | None = Field(default=None, description="Eine gesetzliche Frist, die dieser Schritt wahrt")


def _step_of_text(value: object) -> object:
    """A step written as plain text is a step with only its text (the short form of the file)."""
    return {"text": value} if isinstance(value, str) else value


Step = Annotated[HelpStep, BeforeValidator(_step_of_text, json_schema_input_type=Text | HelpStep)]


class SeeAlso(ContentModel):
    """A cross-link to another help path, with the reason a reader should look there too."""

    path: Slug = Field(description="ID eines anderen Wegweisers aus city/wegweiser/")
    reason: Text = Field(description="Warum dieser Weg auch passt, z. B. 'Wer keine Post mehr öffnet, kann "
                                     "an einer Demenz erkrankt sein.'")


class HelpPath(ContentModel):
    """A help path (`city/wegweiser/<id>.yml`): from a problem to the right helper by a short way."""

    id: Slug
    title: ShortText = Field(description="Das Problem in wenigen Worten, z. B. 'Mietschulden'")
    urgency: Urgency = Field(default="alltag", description="notfall, dringend oder alltag")
    situation: Text = Field(description="Woran Nachbar:innen oder Koordinator:innen das Problem erkennen")
    first_step: Text = Field(description="Der erste Schritt, in einem oder zwei Sätzen")
    emergency: Text | None = Field(
        default=None, description="Wann es ein Notfall ist und welche Nummer dann gilt (112, 110, TelefonSeelsorge)")
    who_helps: list[Step] = Field(min_length=1, description="Wer hilft, in der Reihenfolge des Wegs: je Schritt "
                                                            "ein Text oder text mit short, office, contacts, deadline")
    contacts: list[Slug] = Field(default_factory=list, description="Weitere Kontakt-IDs aus contacts/ für den "
                                                                   "ganzen Weg (die der Schritte zählen mit)")
    see_also: list[SeeAlso] = Field(default_factory=list, description="Verwandte Wegweiser mit Grund")
    neighbours_may: list[Text] = Field(min_length=1, description="Was Nachbar:innen tun dürfen")
    neighbours_may_not: list[Text] = Field(min_length=1, description="Was Nachbar:innen nicht tun dürfen")
    modules: list[ModuleId] = Field(min_length=1, description="Module, die diesen Weg lehren")
    topics: list[Annotated[Slug, Vocabulary("topics")]] = Field(
        default_factory=list, description="Themen aus topics in programme.yml (für die Zuständigkeiten)")
    pictogram: Pictogram | None = Field(default=None, description="Ein Piktogramm aus den Material Design Icons, "
                                                                  "z. B. 'human-cane'")
    pictogram_label: ShortText | None = Field(default=None, description="Was das Piktogramm zeigt")
    updated: IsoDate = Field(description="Datum der letzten inhaltlichen Prüfung")

    @property
    def all_contacts(self) -> list[str]:
        """The path's offices: those of its steps in their order, then its own, each once."""
        named = [contact for step in self.who_helps for contact in step.contacts] + self.contacts
        return list(dict.fromkeys(named))

    @property
    def deadlines(self) -> list[tuple[int, Deadline]]:
        """(step number from 1, deadline) of every step that keeps a legal deadline."""
        return [(number, step.deadline) for number, step in enumerate(self.who_helps, start=1) if step.deadline]


ActorGroup = Literal["bewohner", "nachbarschaft", "koordination", "pflege", "wohnen", "verwaltung",
                     "verein", "kasse", "medizin", "politik"]
ACTOR_GROUP_LABELS: dict[str, str] = {
    "bewohner": "Bewohner:innen", "nachbarschaft": "Nachbarschaft", "koordination": "Koordination",
    "pflege": "Pflege", "wohnen": "Wohnen", "verwaltung": "Verwaltung", "verein": "Vereine und Träger",
    "kasse": "Kranken- und Pflegekassen", "medizin": "Medizin", "politik": "Politik und Gremien",
}

RelationKind = Literal["vermittelt", "finanziert", "schult", "beraet", "begleitet", "koordiniert", "kooperiert"]
RELATION_LABELS: dict[str, str] = {
    "vermittelt": "vermittelt an", "finanziert": "finanziert", "schult": "schult", "beraet": "berät",
    "begleitet": "begleitet", "koordiniert": "koordiniert", "kooperiert": "arbeitet zusammen mit",
}


class Actor(ContentModel):
    """Someone a caring community needs: a group of people, an office or an organisation."""

    id: Slug = Field(description="Kurze ID, auf die Beziehungen verweisen")
    name: ShortText = Field(description="Name auf der Karte")
    group: ActorGroup = Field(description="Gruppe (Farbe auf der Karte)")
    contact: Slug | None = Field(default=None, description="Kontakt-ID aus contacts/, wenn es eine Stelle ist")
    role: Text | None = Field(default=None, description="Was dieser Akteur im Netzwerk tut")


class Relation(ContentModel):
    """Who refers to, funds, trains, advises or accompanies whom."""

    source: Slug = Field(description="Akteur-ID, von dem die Beziehung ausgeht")
    kind: RelationKind = Field(description="Art der Beziehung")
    target: Slug = Field(description="Akteur-ID, auf den die Beziehung zielt")
    note: Text | None = Field(default=None, description="Erläuterung, z. B. 'vorgeschlagen'")
    proposed: bool = Field(default=False, description="true, wenn die Beziehung erst vorgeschlagen ist")


class Network(ContentModel):
    """The network map (`city/netzwerk.yml`): actors and their relations."""

    title: ShortText
    description: Text = Field(description="Was die Karte zeigt, für Leser:innen und Screenreader")
    actors: list[Actor] = Field(min_length=1)
    relations: list[Relation] = Field(default_factory=list)
    updated: IsoDate


class Measurement(ContentModel):
    """One measured value of an indicator, with the date it was taken and where it comes from."""

    period: ShortText = Field(description="Zeitraum, z. B. '2027, 1. Quartal'")
    date: IsoDate = Field(description="Stichtag der Messung")
    value: float | None = Field(default=None, ge=0, description="Gemessener Wert; leer = noch nicht erhoben")
    source: ShortText | None = Field(default=None, description="Woher die Zahl stammt")


class Target(ContentModel):
    """What an indicator should reach: a value or a range, by when, according to whom."""

    minimum: float | None = Field(default=None, ge=0, description="Zielwert oder untere Grenze")
    maximum: float | None = Field(default=None, ge=0, description="obere Grenze eines Zielbereichs")
    by: ShortText | None = Field(default=None, description="Bis wann, z. B. 'in 3 Jahren'")
    source: ShortText = Field(description="Woher der Zielwert stammt")

    @model_validator(mode="after")
    def _range(self) -> Target:
        if self.minimum is None and self.maximum is None:
            raise ValueError("ein Ziel braucht minimum oder maximum")
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            raise ValueError(f"maximum ({self.maximum:g}) ist kleiner als minimum ({self.minimum:g})")
        return self


class Indicator(ContentModel):
    """An impact indicator with definition, unit, source, target and values over time."""

    id: Slug
    title: ShortText
    definition: Text
    unit: ShortText = Field(description="Einheit, z. B. 'Personen'")
    source: Text = Field(description="Wie und von wem der Wert erhoben wird")
    proposal: bool = Field(default=False, description="true für einen vorgeschlagenen Indikator")
    target: Target | None = None
    values: list[Measurement] = Field(default_factory=list, description="Messwerte, ältester zuerst")
    measured_by: ShortText | None = Field(default=None, description="Wer misst: eine Organisation oder Rolle, "
                                                                    "keine Person; leer = noch offen")
    frequency: ShortText | None = Field(default=None, description="Wie oft gemessen wird, z. B. 'vierteljährlich'")
    first_survey: ShortText | None = Field(default=None, description="Wann zum ersten Mal gemessen wird, z. B. "
                                                                     "'1. Quartal 2027'; leer = noch offen")
    baseline: Text | None = Field(default=None, description="Ausgangswert, an dem das Ziel gemessen wird, mit "
                                                            "Herkunft; leer = noch offen")
    report_to: ShortText | None = Field(default=None, description="Wer den Bericht erhält, z. B. 'Sozialamt, "
                                                                  "Seniorenbeirat'")
    privacy: Text | None = Field(default=None, description="Datenschutz, wo Personen betroffen sind: was "
                                                           "erhoben wird und was nie")

    @property
    def measured(self) -> bool:
        """At least one value has been measured: only then is there a chart."""
        return any(value.value is not None for value in self.values)


class Indicators(ContentModel):
    """The impact indicators (`city/wirkung.yml`)."""

    intro: Text
    indicators: list[Indicator] = Field(min_length=1)
    updated: IsoDate


DossierPart = Literal["kurzfassung", "beschluss", "kosten", "zeitplan", "risiken", "netzwerkkarte",
                      "zustaendigkeiten", "wirkung"]
#: The parts drawn from the dossier's own data: a section with one of them needs that field.
PART_FIELDS: dict[str, str] = {"kurzfassung": "glance", "beschluss": "resolution", "zeitplan": "timeline",
                               "risiken": "risks"}


class Ask(ContentModel):
    """What the model asks of one office or organisation."""

    contact: Slug = Field(description="Kontakt-ID aus contacts/")
    ask: Text = Field(description="Worum das Modell diese Stelle bittet")
    proposal: bool = Field(default=True, description="true, wenn es ein Vorschlag des Portals ist")


class DossierSection(ContentModel):
    """One section of the dossier: paragraphs of its own, or a part drawn from the data."""

    title: ShortText
    paragraphs: list[Text] = Field(default_factory=list)
    items: list[Text] = Field(default_factory=list, description="Aufzählung unter den Absätzen")
    numbered: bool = Field(default=False, description="true: die Aufzählung ist nummeriert")
    part: DossierPart | None = Field(default=None, description="Teil aus den Daten: kurzfassung, beschluss, "
                                                                "kosten, zeitplan, risiken, netzwerkkarte, "
                                                                "zustaendigkeiten oder wirkung")
    asks: list[Ask] = Field(default_factory=list, description="Was das Modell von welcher Stelle erbittet")


class Glance(ContentModel):
    """The dossier's first page for the committee: what is decided, what it should bring, by when.

    What is asked of whom comes from the sections' asks, what it costs from `city/finanzierung.yml`.
    """

    decision: Text = Field(description="Worüber der Ausschuss entscheiden soll, in zwei oder drei Sätzen")
    benefits: list[Text] = Field(min_length=1, description="Was das Vorhaben bringen soll – als Ziel "
                                                           "formuliert ('soll … sichern'), nicht als Tatsache")
    by_when: Text = Field(description="Bis wann was geschehen soll")


class Resolution(ContentModel):
    """The draft resolution: the decision text in numbered points and its reasoning."""

    preamble: ShortText = Field(description="Wer beschließt, z. B. 'Die Ratsversammlung beschließt:'")
    points: list[Text] = Field(min_length=1, description="Die Beschlusspunkte, nummeriert gedruckt")
    reasoning: list[Text] = Field(min_length=1, description="Die Begründung, je Absatz ein Eintrag")
    draft: bool = Field(default=True, description="true, solange es ein Entwurf des Portals ist")


class Milestone(ContentModel):
    """One step of the timeline from now on."""

    when: ShortText = Field(description="Wann, z. B. '1. Quartal 2027' oder 'ab 2028'")
    step: Text = Field(description="Was geschehen soll")
    who: ShortText | None = Field(default=None, description="Wer es tut (Stelle oder Rolle); leer = noch offen")


class Risk(ContentModel):
    """A risk of the project or a question of governance, with what keeps it small."""

    topic: ShortText = Field(description="Worum es geht, z. B. 'Anstellung der Fachkräfte'")
    risk: Text = Field(description="Was schiefgehen kann oder was zu regeln ist")
    mitigation: Text = Field(description="Was das Risiko klein hält")
    owner: ShortText | None = Field(default=None, description="Wer dafür sorgt (Stelle oder Rolle); leer = noch "
                                                              "offen")


class DossierSource(ContentModel):
    """A source of the dossier: its title, its public address where there is one, and its Stand."""

    title: Text = Field(description="Titel der Quelle, mit Herausgeber")
    url: WebUrl | None = Field(default=None, description="Öffentliche Webadresse; leer, wenn keine bekannt ist")
    stand: IsoDate | None = Field(default=None, description="Stand der Quelle; leer = unbekannt")


class Dossier(ContentModel):
    """The dossier for the city (`city/dossier.yml`): one page and one PDF for a council committee."""

    title: ShortText
    summary: Text
    glance: Glance | None = Field(default=None, description="Die erste Seite für den Ausschuss (Teil kurzfassung)")
    resolution: Resolution | None = Field(default=None, description="Der Beschlussvorschlag (Teil beschluss)")
    timeline: list[Milestone] = Field(default_factory=list, description="Der Zeitplan ab jetzt (Teil zeitplan)")
    risks: list[Risk] = Field(default_factory=list, description="Risiken und Steuerung (Teil risiken)")
    sections: list[DossierSection] = Field(min_length=1)
    references: list[DossierSource] = Field(default_factory=list, description="Quellen des Dossiers")
    areas: list[ShortText] = Field(default_factory=list, description=(
        "Für welche Orte das Dossier spricht, geschrieben wie das Feld 'city' der Kontakte (z. B. die Stadt, "
        "ihr Land mit '(landesweit)', 'bundesweit'): die Zuständigkeiten im Dossier nennen nur Stellen dieser Orte "
        "(und Stellen ohne bekannten Ort). Leer: alle Stellen des Verzeichnisses"))
    stand: IsoDate = Field(description="Stand des Dossiers")

    @model_validator(mode="after")
    def _parts_have_data(self) -> Dossier:
        for section in self.sections:
            name = PART_FIELDS.get(section.part or "")
            if name and not getattr(self, name):
                raise ValueError(f"der Abschnitt „{section.title}“ zeigt den Teil '{section.part}', aber '{name}' "
                                 f"fehlt; tragen Sie '{name}' ein oder entfernen Sie 'part'")
        return self


CostPeriod = Literal["jahr", "einmalig"]
PERIOD_LABELS: dict[str, str] = {"jahr": "im Jahr", "einmalig": "einmalig"}


class CostItem(ContentModel):
    """One cost item: its amount where known, what it is computed from, and where the figure comes from."""

    id: Slug
    title: ShortText = Field(description="Was es kostet, z. B. 'Koordination in zwei Quartieren'")
    amount: float | None = Field(default=None, ge=0, description="Betrag in Euro; leer = offen")
    period: CostPeriod = Field(description="jahr (im Jahr) oder einmalig")
    basis: Text = Field(description="Woraus sich der Betrag ergibt oder ergeben wird")
    source: ShortText | None = Field(default=None, description="Woher der Betrag stammt (Quelle)")
    url: WebUrl | None = Field(default=None, description="Öffentliche Webadresse der Quelle")
    assumption: bool = Field(default=False, description="true: der Betrag ist eine Annahme, keine belegte Zahl")
    funded_by: list[Slug] = Field(default_factory=list, description="IDs der Geldquellen unter 'funding'")

    @model_validator(mode="after")
    def _figure_is_sourced_or_assumed(self) -> CostItem:
        if self.amount is not None and not self.source and not self.assumption:
            raise ValueError(f"der Betrag von „{self.title}“ braucht eine Quelle (source) oder 'assumption: true'; "
                             "ist er unbekannt, lassen Sie amount leer")
        if self.amount is None and self.assumption:
            raise ValueError(f"„{self.title}“ ist als Annahme markiert, hat aber keinen Betrag; tragen Sie amount "
                             "ein oder entfernen Sie 'assumption'")
        return self


FundingStatus = Literal["offen", "zu-pruefen", "beantragt", "bewilligt", "anspruch"]
STATUS_LABELS: dict[str, str] = {"offen": "offen", "zu-pruefen": "zu prüfen", "beantragt": "beantragt",
                                 "bewilligt": "bewilligt", "anspruch": "Anspruch der Person"}


class FundingSource(ContentModel):
    """Where money could come from: who gives it, on which legal basis, under which conditions."""

    id: Slug
    title: ShortText = Field(description="Name der Förderung oder Leistung")
    provider: ShortText = Field(description="Wer zahlt oder bewilligt")
    legal_basis: Text = Field(description="Rechtsgrundlage, z. B. '§ 45c SGB XI, SächsPflUVO Teil 4'")
    conditions: list[Text] = Field(min_length=1, description="Bedingungen, je eine Zeile")
    co_funding: Text | None = Field(default=None, description="Eigen- oder Kofinanzierungsanteil; leer = "
                                                              "noch offen")
    covers: Text | None = Field(default=None, description="Wofür das Geld eingesetzt werden kann")
    amount: float | None = Field(default=None, ge=0, description="Betrag in Euro, wenn bewilligt oder "
                                                                 "belegt; leer = offen")
    period: CostPeriod = Field(default="jahr", description="jahr oder einmalig")
    status: FundingStatus = Field(default="offen", description="offen, zu-pruefen, beantragt, bewilligt "
                                                                "oder anspruch (eine Leistung für die Person)")
    source: ShortText | None = Field(default=None, description="Öffentliche Quelle der Angaben")
    url: WebUrl | None = Field(default=None, description="Webadresse der Quelle")
    stand: IsoDate | None = Field(default=None, description="Stand der Quelle")

    @model_validator(mode="after")
    def _amount_is_sourced(self) -> FundingSource:
        if self.amount is not None and not self.source:
            raise ValueError(f"der Betrag von „{self.title}“ braucht eine Quelle (source); ist er unbekannt, lassen "
                             "Sie amount leer")
        return self


class Funding(ContentModel):
    """Costs and funding of the pilot (`city/finanzierung.yml`): every figure sourced, assumed or open."""

    intro: Text = Field(description="Was die Aufstellung zeigt und was nicht")
    costs: list[CostItem] = Field(min_length=1, description="Die Kostenposten")
    funding: list[FundingSource] = Field(default_factory=list, description="Mögliche Geldquellen")
    updated: IsoDate = Field(description="Datum der letzten inhaltlichen Prüfung")
