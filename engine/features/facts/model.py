"""A legal figure or rule, once: its value, unit, validity, law, „Stand“ and source."""

from __future__ import annotations

from pydantic import Field, model_validator

from engine.core.fields import ContentModel, IsoDate, ShortText, Slug, Text, WebUrl

#: A value is a number (13.90, 131) or a text (a phone number such as "116 117", a rule's wording).
FactValue = int | float | str


class FactChange(ContentModel):
    """The next value of a figure, known in advance (the minimum wage from 1 January)."""

    value: FactValue = Field(description="Der neue Wert, z. B. 14.60")
    valid_from: IsoDate = Field(description="Ab wann der neue Wert gilt (JJJJ-MM-TT)")


class Fact(ContentModel):
    """One legal figure or rule of the programme, referred to in texts as `((id))`."""

    id: Slug = Field(description="Kurzname, mit dem Texte die Angabe einsetzen: ((mindestlohn))")
    label: ShortText = Field(description="Was die Angabe ist, z. B. 'gesetzlicher Mindestlohn je Stunde'")
    value: FactValue = Field(description="Der Wert: eine Zahl (mit Punkt: 13.90) oder ein Text ('116 117')")
    unit: str = Field(default="", max_length=40, description="Einheit nach dem Wert, z. B. '€', '€ im Monat', "
                                                               "'Wochen'; leer bei Text")
    valid_from: IsoDate | None = Field(default=None, description="Seit wann der Wert gilt")
    valid_until: IsoDate | None = Field(default=None, description="Bis wann der Wert gilt, wenn das bekannt ist")
    next: FactChange | None = Field(default=None, description="Der nächste Wert mit seinem Datum, wenn bekannt")
    law: ShortText = Field(description="Rechtsgrundlage, z. B. '§ 1 MiLoG, Mindestlohnanpassungsverordnung'")
    stand: IsoDate = Field(description="Stand der Angabe: das Datum der Rechtsgrundlage oder der Quelle")
    source: WebUrl = Field(description="Öffentliche Quelle (Webadresse), in der die Angabe steht")
    note: Text | None = Field(default=None, description="Was Leser:innen dazu wissen müssen (kurz)")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Fact:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError("valid_until liegt vor valid_from")
        if self.next and self.valid_from and self.next.valid_from <= self.valid_from:
            raise ValueError("next.valid_from muss nach valid_from liegen")
        return self


class Facts(ContentModel):
    """The programme's facts file: every legal figure and rule once."""

    facts: list[Fact] = Field(min_length=1, description="Die Angaben, je eine mit ID")
    updated: IsoDate | None = Field(default=None, description="Wann die Angaben zuletzt geprüft wurden")
