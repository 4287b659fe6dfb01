"""A module's most important points in Leichte Sprache: short parts, one sentence a line, pictograms."""

from __future__ import annotations

from pydantic import Field, model_validator

from engine.core.fields import ContentModel, IsoDate, ModuleId, ShortText, Text
from engine.core.icons import Pictogram


class Part(ContentModel):
    """One part of the page: a short heading, its sentences, and a pictogram beside them."""

    heading: ShortText = Field(description="Kurze Überschrift, z. B. „Was ist Demenz?“")
    lines: list[Text] = Field(min_length=1, max_length=12, description=(
        "Die Sätze: ein Satz je Zeile, kurz, aktiv, Zahlen als Ziffern, lange Wörter mit Mediopunkt (·)"))
    pictogram: Pictogram | None = Field(default=None, description=(
        "Ein Piktogramm aus den Material Design Icons neben dem Teil, z. B. 'phone'"))
    pictogram_label: ShortText | None = Field(default=None, description=(
        "Was das Piktogramm zeigt, für Vorlesen und Screenreader"))

    @model_validator(mode="after")
    def _label_with_pictogram(self) -> Part:
        if self.pictogram and not self.pictogram_label:
            raise ValueError("zum Piktogramm fehlt pictogram_label: schreiben Sie, was es zeigt")
        if self.pictogram_label and not self.pictogram:
            raise ValueError("pictogram_label ohne pictogram: tragen Sie das Piktogramm ein oder löschen Sie die "
                             "Beschreibung")
        return self


class EasyRead(ContentModel):
    """One page in Leichte Sprache (`curriculum/leichte-sprache/<Modul-ID>.yml`) for one module."""

    module: ModuleId = Field(description="Die Modul-ID, genau wie der Dateiname, z. B. M06")
    title: ShortText = Field(description="Der Titel, z. B. „Demenz – das Wichtigste in Leichter Sprache“")
    parts: list[Part] = Field(min_length=1, max_length=12, description="Die Teile der Seite: höchstens 12")
    checked_by: ShortText | None = Field(default=None, description=(
        "Wer den Text geprüft hat: eine Rolle oder Gruppe, z. B. „Prüfgruppe der Lebenshilfe“ – nie ein "
        "persönlicher Name; leer, solange niemand geprüft hat"))
    checked_on: IsoDate | None = Field(default=None, description="Wann die Prüfgruppe den Text geprüft hat")
    updated: IsoDate = Field(description="Datum der letzten inhaltlichen Prüfung")

    @property
    def id(self) -> str:
        """A page is named after its module: the file `M06.yml` holds the page of M06."""
        return self.module

    @property
    def checked(self) -> bool:
        """Whether a review by readers with learning difficulties is recorded."""
        return self.checked_by is not None and self.checked_on is not None

    @model_validator(mode="after")
    def _review_complete(self) -> EasyRead:
        if (self.checked_by is None) != (self.checked_on is None):
            raise ValueError("checked_by und checked_on gehören zusammen: tragen Sie beide ein (wer hat geprüft, "
                             "wann) oder lassen Sie beide leer")
        return self
