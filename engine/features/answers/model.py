"""An answer for neighbours: the question as they ask it, a short answer, what to do and whom to call."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from engine.core.fields import ContentModel, IsoDate, ModuleId, ShortText, Slug, Text
from engine.core.icons import Pictogram


class Deeper(ContentModel):
    """Where a question is taught in depth: a module and, if given, the heading of its section."""

    module: ModuleId = Field(description="Modul-ID, z. B. M11")
    section: ShortText | None = Field(default=None, description="Die Überschrift des Abschnitts im Modul, "
                                                                "genau wie sie dort steht")


class Answer(ContentModel):
    """One answer (`answers/<id>.yml`): for a neighbour, in Einfache Sprache, three to six sentences."""

    id: Slug
    question: ShortText = Field(description="Die Frage, wie Nachbar:innen sie stellen: „Was tun, wenn …?“")
    also_asked: list[ShortText] = Field(default_factory=list, description=(
        "Andere Arten, dasselbe zu fragen, in Alltagswörtern (für die Suche)"))
    answer: list[Text] = Field(min_length=3, max_length=6, description="Die Antwort: 3 bis 6 kurze Sätze")
    may: list[Text] = Field(min_length=1, description="Was Sie tun dürfen")
    may_not: list[Text] = Field(default_factory=list, description="Was Sie nicht tun dürfen")
    call: list[Text] = Field(default_factory=list, description=(
        "Wen Sie anrufen, mit Nummer aus den Rechtsangaben, z. B. „Im Notfall: ((notruf-rettung))“"))
    contacts: list[Slug] = Field(default_factory=list, description="Kontakt-IDs aus contacts/")
    deeper: list[Deeper] = Field(min_length=1, description="Wo das Thema im Kurs vertieft wird")
    help_paths: list[Slug] = Field(default_factory=list, description="Wegweiser-IDs aus city/wegweiser/")
    pictogram: Pictogram = Field(description="Ein Piktogramm aus den Material Design Icons, z. B. 'phone'")
    pictogram_label: ShortText = Field(description="Was das Piktogramm zeigt, für Vorlesen und Screenreader")
    updated: IsoDate = Field(description="Datum der letzten inhaltlichen Prüfung")


SheetFormat = Literal["wallet", "a4"]


class SheetPart(ContentModel):
    """A block of a sheet: a heading and its lines (a number with its label, a rule)."""

    heading: ShortText
    lines: list[Text] = Field(min_length=1, description="Eine Zeile je Angabe, Nummern als ((id)) aus facts.yml")
    pictogram: Pictogram | None = Field(default=None, description="Ein Piktogramm aus den Material Design Icons")
    pictogram_label: ShortText | None = None


class Sheet(ContentModel):
    """A sheet for neighbours (`sheets/<id>.yml`): the emergency card for the wallet, or an A4 page
    such as „Was ich darf – was ich nicht darf“. Each is a page and a PDF."""

    id: Slug
    title: ShortText
    format: SheetFormat = Field(description="wallet: Karte im Scheckkartenformat (85 × 54 mm, gefaltet); "
                                            "a4: ein Blatt A4")
    intro: Text | None = Field(default=None, description="Ein Satz, wofür das Blatt ist")
    parts: list[SheetPart] = Field(min_length=1, max_length=8)
    with_coordination: bool = Field(default=True, description="Die Koordination eintragen (oder eine Zeile dafür)")
    updated: IsoDate
