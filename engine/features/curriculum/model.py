"""The curriculum's content: training modules, role profiles and the glossary."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from engine.core.fields import (
    ContentModel,
    IsoDate,
    ModuleId,
    ShortText,
    Slug,
    Source,
    Text,
    Version,
    Vocabulary,
)
from engine.core.limits import BODY_TEXT


class PlanStep(ContentModel):
    """One step of a module's teaching plan."""

    minutes: int = Field(gt=0, le=240, description="Dauer des Schritts in Minuten")
    content: Text = Field(description="Was in diesem Schritt geschieht")
    method: ShortText = Field(description="Methode, z. B. Kurzvortrag, Rollenspiel in Paaren")
    materials: list[Slug] = Field(default_factory=list,
                                  description="Material-IDs aus dem Materialverzeichnis (curriculum/materials.yml)")


class ModulePlan(ContentModel):
    """A step plan for teaching the module in a slot of `minutes` (its full length or a shortened one)."""

    minutes: int = Field(gt=0, le=1800, description="Länge des Zeitfensters, für das dieser Plan gilt")
    steps: list[PlanStep] = Field(min_length=1)
    self_study: Text | None = Field(default=None, description=(
        "Bei einer Kurzfassung: was sie auslässt; gedruckt nach „Die Teilnehmenden lesen selbst nach:“, "
        "z. B. die Übung … und den Selbstcheck"))

    @model_validator(mode="after")
    def _steps_fill_the_slot(self) -> ModulePlan:
        total = sum(step.minutes for step in self.steps)
        if total != self.minutes:
            raise PydanticCustomError(
                "plan_minutes", "die Schritte dauern zusammen {total} Minuten, der Plan ist für {minutes} "
                "Minuten; gleichen Sie die Minuten der Schritte an", {"total": total, "minutes": self.minutes})
        return self


class ModuleMeta(ContentModel):
    """The front matter of a training module (`curriculum/modules/M06-….md`)."""

    id: ModuleId = Field(description="Stabile Modul-ID, z. B. M06")
    title: ShortText = Field(description="Titel des Moduls")
    version: Version
    duration_ue: float = Field(gt=0, le=40, multiple_of=0.5,
                               description="Dauer in Unterrichtseinheiten (UE); wie lang eine UE ist, "
                                           "steht in programme.yml")
    target_roles: list[Slug] = Field(default_factory=list, description="Rollen-IDs der Zielgruppen")
    prerequisites: list[ModuleId] = Field(default_factory=list,
                                          description="Modul-IDs, die vorher besucht werden sollen")
    objectives: list[Text] = Field(min_length=1, description="Lernziele: „Sie können …“")
    key_points: list[Text] = Field(min_length=1, description="Kernaussagen")
    methods: list[ShortText] = Field(default_factory=list, description="Methoden")
    materials: list[ShortText] = Field(default_factory=list, description="Material")
    plans: list[ModulePlan] = Field(default_factory=list, description=(
        "Ablaufpläne: einer für die volle Länge des Moduls und einer je gekürzter Länge, "
        "die ein Kurs verwendet (z. B. 30, 45, 90 Minuten)"))
    keywords: list[ShortText] = Field(default_factory=list, description="Zusätzliche Suchbegriffe")
    sources: list[Source] = Field(default_factory=list, description="Quellen mit Stand")
    updated: IsoDate = Field(description="Datum der letzten inhaltlichen Prüfung")


class Module(ModuleMeta):
    """A module with its Markdown body (teaching text, exercises, trainer notes)."""

    body: str = Field(default="", max_length=BODY_TEXT)


class Compensation(ContentModel):
    """One way a role is compensated."""

    model: Annotated[Slug, Vocabulary("compensation_models")] = Field(
        description="Vergütungsmodell: eine ID aus compensation_models in programme.yml")
    description: Text = Field(description="Wie genau, mit Betrag und Stand")


class LegalNote(ContentModel):
    """A note on the legal frame of a role, with the date it reflects."""

    text: Text
    stand: IsoDate = Field(description="Stand der Angabe")
    source: ShortText | None = Field(default=None, description="Rechtsgrundlage oder Quelle")


class RoleProfile(ContentModel):
    """A role profile (`role_profiles/<id>.yml`)."""

    id: Slug
    title: ShortText
    summary: Text = Field(description="Ein bis drei Sätze, was die Rolle ausmacht")
    tasks: list[Text] = Field(min_length=1, description="Aufgaben")
    boundaries: list[Text] = Field(min_length=1, description="Was diese Rolle nicht tun darf")
    time_commitment: Text = Field(description="Zeitaufwand")
    required_modules: list[ModuleId] = Field(default_factory=list)
    optional_modules: list[ModuleId] = Field(default_factory=list)
    compensation: list[Compensation] = Field(min_length=1)
    legal_notes: list[LegalNote] = Field(default_factory=list)
    supported_by: list[Slug] = Field(default_factory=list, description="Rollen-IDs, die unterstützen")
    version: Version
    updated: IsoDate


class GlossaryTerm(ContentModel):
    """A term of the glossary."""

    id: Slug = Field(description="Anker auf der Glossarseite: glossar.md#<id>")
    term: ShortText
    definition: Text
    see_also: list[Slug] = Field(default_factory=list)
    stand: IsoDate | None = Field(default=None, description="Stand, wenn die Erklärung eine Rechtszahl enthält")
    keywords: list[ShortText] = Field(default_factory=list)


class Glossary(ContentModel):
    """The glossary (`curriculum/glossary.yml`)."""

    terms: list[GlossaryTerm] = Field(min_length=1)
    updated: IsoDate | None = Field(default=None, description=(
        "Wann die Erklärungen zuletzt inhaltlich geprüft wurden (auch ihre Rechtsangaben mit Stand)"))
