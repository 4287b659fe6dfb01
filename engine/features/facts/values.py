"""A fact as readers see it: German numbers, the unit, and a known change beside the current value."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from engine.core.formatting import date_long, number
from engine.core.project import Project
from engine.features.facts.model import Fact, FactValue


def shown_value(value: FactValue, unit: str) -> str:
    """13.9, '€' → '13,90 €'; 131, '€' → '131 €'; 8, 'Wochen' → '8 Wochen'; '116 117' stays.

    Figure and unit are joined by a no-break space."""
    if isinstance(value, str):
        text = value
    elif unit.startswith("€") and value != int(value):
        text = f"{value:.2f}".replace(".", ",")  # money shows its cents: 13,90 €, not 13,9 €
    else:
        text = number(value, decimals=2)
    if isinstance(value, int | float) and abs(value) >= 1000:
        whole, _, cents = text.partition(",")
        text = f"{int(whole):,}".replace(",", ".") + (f",{cents}" if cents else "")
    # A no-break space: „131 €“ never breaks between the figure and its unit.
    return f"{text}\u00a0{unit}" if unit else text


def shown(fact: Fact, today: date) -> str:
    """The value valid `today`, and the next one while it lies ahead: „13,90 € (ab 1. Januar 2027: 14,60 €)“."""
    current = shown_value(fact.value, fact.unit)
    if fact.next is None:
        return current
    upcoming = shown_value(fact.next.value, fact.unit)
    if today >= fact.next.valid_from:
        return upcoming
    return f"{current} (ab {date_long(fact.next.valid_from)}: {upcoming})"


def inline_values(project: Project, today: date | None = None) -> Mapping[str, str]:
    """Each fact's text by id, for `((id))` in any text; and the figures of the programme's
    recognition rules, which `programme.yml` already holds (`((<rule>-stunden-im-monat))`)."""
    day = today or date.today()
    return {**rule_values(project), **{fact.id: shown(fact, day) for fact in project.all(Fact)}}


def rule_values(project: Project) -> dict[str, str]:
    """`<rule>-mindest-ue`, `-stunden-im-monat`, `-personen`, `-auffrischung-jahre`, `-auffrischung-ue`."""
    values: dict[str, str] = {}
    for rule in project.programme.recognition:
        if rule.minimum_ue is not None:
            values[f"{rule.id}-mindest-ue"] = f"{number(rule.minimum_ue)} UE"
        limits = rule.helper_limits
        if limits is not None and limits.hours_per_month is not None:
            values[f"{rule.id}-stunden-im-monat"] = f"{number(limits.hours_per_month)} Stunden"
        if limits is not None and limits.persons is not None:
            values[f"{rule.id}-personen"] = f"{limits.persons} {'Person' if limits.persons == 1 else 'Personen'}"
        if rule.refresher is not None:
            years = rule.refresher.interval_years
            values[f"{rule.id}-auffrischung-jahre"] = f"{years} {'Jahr' if years == 1 else 'Jahre'}"
            if rule.refresher.minimum_ue is not None:
                values[f"{rule.id}-auffrischung-ue"] = f"{number(rule.refresher.minimum_ue)} UE"
    return values


#: A fact whose value is a phone number: digits in groups, nothing else („112“, „116 117“).
_PHONE_NUMBER = re.compile(r"\d+(?: \d+)*")


def phone_numbers(project: Project) -> list[str]:
    """The facts that are numbers to dial, as they are written in texts."""
    return [fact.value for fact in project.all(Fact)
            if isinstance(fact.value, str) and not fact.unit and _PHONE_NUMBER.fullmatch(fact.value)]
