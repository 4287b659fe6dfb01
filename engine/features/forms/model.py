"""The printable form („Vorlage“, `curriculum/forms/<id>.yml`), declared once like the other content.

A form is an empty template: who fills it in, when, what happens with it afterwards, the law it
rests on, the modules that use it, and its structure (sections of fields). Where the
programme's recognition rules differ, a section names a rule (`conditions_of`) or the form names
rules (`limits_of`), and the conditions and limits are read from `programme.yml`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from engine.core.fields import ContentModel, IsoDate, ModuleId, ShortText, Slug, Source, Text, Version, Vocabulary
from engine.core.formatting import count, number, ue
from engine.core.programme import RecognitionRule

#: What a field looks like on paper and in the fillable PDF.
FieldKind = Literal["text", "multiline", "date", "time", "number", "checkbox", "choice", "signature", "table"]

#: How each kind is named for readers (site page and PDF).
KIND_LABELS: dict[str, str] = {
    "text": "Textfeld", "multiline": "mehrzeiliges Textfeld", "date": "Datum", "time": "Uhrzeit",
    "number": "Zahl", "checkbox": "Ankreuzfeld", "choice": "Auswahl zum Ankreuzen",
    "signature": "Unterschrift", "table": "Tabelle",
}

RuleId = Annotated[Slug, Vocabulary("recognition")]


def _refuse(message: str) -> PydanticCustomError:
    return PydanticCustomError("form_structure", message)


class FormField(ContentModel):
    """One field of a form: a line to write on, a box to tick, a table, a place to sign."""

    label: ShortText = Field(description="Beschriftung des Felds, z. B. 'Name der pflegebedürftigen Person'")
    kind: FieldKind = Field(default="text", description="Art des Felds: " + ", ".join(
        f"{kind} = {label}" for kind, label in KIND_LABELS.items()))
    hint: ShortText | None = Field(default=None, description="Ausfüllhilfe unter dem Feld, z. B. 'TT.MM.JJJJ'")
    width: Literal["full", "half"] = Field(default="full", description="'half': zwei Felder nebeneinander")
    lines: int | None = Field(default=None, ge=2, le=30, description="Nur multiline: Zahl der Schreiblinien")
    options: list[ShortText] = Field(default_factory=list, description="Nur choice: die Möglichkeiten zum Ankreuzen")
    columns: list[ShortText] = Field(default_factory=list, description="Nur table: die Spaltenüberschriften")
    row_labels: list[ShortText] = Field(
        default_factory=list, description="Nur table: vorgegebene Zeilen (erste Spalte), z. B. 'Hausarztpraxis'")
    rows: int | None = Field(default=None, ge=1, le=40, description="Nur table: Zahl der leeren Zeilen")

    @model_validator(mode="after")
    def _fits_its_kind(self) -> FormField:
        only = {"lines": "multiline", "options": "choice", "columns": "table", "row_labels": "table",
                "rows": "table"}
        for name, kind in only.items():
            if getattr(self, name) and self.kind != kind:
                raise _refuse(f"'{name}' gehört nur zu kind: {kind}, dieses Feld hat kind: {self.kind}; "
                              f"entfernen Sie '{name}' oder ändern Sie kind")
        if self.kind == "choice" and len(self.options) < 2:
            raise _refuse("eine Auswahl (kind: choice) braucht unter 'options' mindestens zwei Möglichkeiten")
        if self.kind == "table" and not self.columns:
            raise _refuse("eine Tabelle (kind: table) braucht 'columns' mit den Spaltenüberschriften")
        if self.kind == "table" and not (self.rows or self.row_labels):
            raise _refuse("eine Tabelle (kind: table) braucht 'rows' (Zahl der leeren Zeilen) "
                          "oder 'row_labels' (vorgegebene Zeilen)")
        if self.kind == "table" and self.row_labels and len(self.columns) < 2:
            raise _refuse("mit 'row_labels' ist die erste Spalte vorgegeben; 'columns' braucht mindestens zwei "
                          "Überschriften")
        return self


class FormSection(ContentModel):
    """A part of a form with a heading: an introduction, numbered statements, fields."""

    title: ShortText = Field(description="Überschrift des Abschnitts")
    intro: Text | None = Field(default=None, description="Ein kurzer Text vor den Feldern")
    statements: list[Text] = Field(default_factory=list,
                                   description="Nummerierte Sätze, denen man mit der Unterschrift zustimmt")
    conditions_of: RuleId | None = Field(
        default=None, description="Anerkennungsregel aus programme.yml: ihre Voraussetzungen, Grenzen und "
                                  "Nachweise erscheinen hier als Ankreuzliste")
    fields: list[FormField] = Field(default_factory=list, description="Die Felder des Abschnitts")

    @model_validator(mode="after")
    def _has_content(self) -> FormSection:
        if not (self.fields or self.statements or self.conditions_of):
            raise _refuse("ein Abschnitt braucht 'fields', 'statements' oder 'conditions_of'")
        return self


class Form(ContentModel):
    """A printable form (`curriculum/forms/<id>.yml`): an empty template, never personal data."""

    id: Slug = Field(description="Stabile ID, zugleich Dateiname, z. B. 'taetigkeitsnachweis'")
    title: ShortText = Field(description="Titel der Vorlage")
    purpose: Text = Field(description="Wozu die Vorlage dient (ein bis drei Sätze)")
    filled_by: Text = Field(description="Wer sie ausfüllt und wer unterschreibt")
    when: Text = Field(description="Wann sie ausgefüllt wird")
    afterwards: Text = Field(description="Was danach mit ihr geschieht: wer sie bekommt, wie lange sie "
                                         "aufbewahrt wird")
    official: Text | None = Field(default=None, description="Wenn eine Stelle (z. B. die Pflegekasse) eigene "
                                                            "Vordrucke hat: das sagt dieser Hinweis deutlich")
    modules: list[ModuleId] = Field(min_length=1, description="Module, die diese Vorlage verwenden")
    limits_of: list[RuleId] = Field(default_factory=list,
                                    description="Anerkennungsregeln, deren Stunden- und Personengrenzen die "
                                                "Vorlage nennt (aus programme.yml)")
    sources: list[Source] = Field(default_factory=list, description="Rechtsgrundlagen und Quellen mit Stand")
    sections: list[FormSection] = Field(min_length=1, description="Abschnitte der Vorlage")
    notes: list[Text] = Field(default_factory=list, description="Hinweise zum Ausfüllen")
    version: Version
    updated: IsoDate = Field(description="Datum der letzten inhaltlichen Prüfung")


def describe(field: FormField) -> str:
    """What a field is, in words: 'Tabelle: Datum, von, bis (12 Zeilen)'."""
    kind = KIND_LABELS[field.kind]
    if field.kind == "multiline":
        return f"{kind}, {field.lines or 3}\u00a0Zeilen"
    if field.kind == "choice":
        return f"{kind}: " + " / ".join(field.options)
    if field.kind == "table":
        rows = len(field.row_labels) + (field.rows or 0)
        return f"{kind}: {', '.join(field.columns)} ({count(rows, 'Zeile', 'Zeilen')})"
    return kind


def rule_limits(rule: RecognitionRule, unit_minutes: int) -> list[str]:
    """A rule's limits and refresher as sentences for a checklist, from `programme.yml`."""
    items = []
    limits = rule.helper_limits
    if limits and limits.hours_per_month:
        items.append(f"höchstens {number(limits.hours_per_month)}\u00a0Stunden im Monat")
    if limits and limits.persons:
        items.append(f"höchstens {count(limits.persons, 'Person', 'Personen')} zugleich")
    if rule.refresher:
        text = f"Auffrischung spätestens alle {count(rule.refresher.interval_years, 'Jahr', 'Jahre')}"
        if rule.refresher.label:
            text += f": {rule.refresher.label}"
        if rule.refresher.minimum_ue:
            text += f", mindestens {ue(rule.refresher.minimum_ue, unit_minutes)}"
        items.append(text)
    return items


def field_rows(fields: list[FormField]) -> list[list[tuple[int, FormField]]]:
    """Fields in printed rows, numbered from 1: two consecutive half-width fields share a row."""
    rows: list[list[tuple[int, FormField]]] = []
    for number_, field in enumerate(fields, start=1):
        last = rows[-1] if rows else []
        if field.width == "half" and len(last) == 1 and last[0][1].width == "half":
            last.append((number_, field))
        else:
            rows.append([(number_, field)])
    return rows
