"""The legal facts, declared: one file of figures and rules that every text shows by id."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from engine.core.kinds import DatedField, IdRule, Kind
from engine.core.pages import PageContext, PagePlan
from engine.core.registry import Feature, NavSection
from engine.features.facts.model import Fact, Facts
from engine.features.facts.values import inline_values, shown

FACTS_PAGE = "zahlen.md"


def _label(model: Any, at: tuple[str | int, ...]) -> str:
    return f"'{model.id}' ({model.label})"


FACT = Kind(
    name="fact", collection="facts", label=("Rechtsangabe", "Rechtsangaben"), globs=("facts.yml",),
    model=Fact, container=Facts, items="facts", id_rule=IdRule.ITEMS, schema="facts.schema.json",
    unknown="unbekannte Rechtsangabe",
    dated=(DatedField("stand", "der Stand der Rechtsangabe", may_be_future=True),
           DatedField("valid_until", "die Geltung", ends=True, required=False, what_of=lambda model, at: (
               f"{_label(model, at)} gilt nur bis zum {{date}}; tragen Sie unter value den Wert ein, der jetzt "
               "gilt, mit valid_from und der Quelle (siehe CONTENT.md, „Die jährliche Änderung“)")),
           DatedField("next.valid_from", "der neue Wert", ends=True, required=False, what_of=lambda model, at: (
               f"der neue Wert von {_label(model, at)} gilt seit dem {{date}}; prüfen Sie ihn, tragen Sie ihn "
               "unter value ein (valid_from: das Datum) und löschen Sie next oder tragen Sie dort die nächste "
               "Stufe ein (siehe CONTENT.md, „Die jährliche Änderung“)"))),
    sort_key=lambda fact: 0,  # the file's order: editors group the figures (money, limits, numbers)
    page=lambda fact_id: f"{FACTS_PAGE}#{fact_id}")


def plan_pages(context: PageContext) -> PagePlan:
    """One page listing every figure with its law, „Stand“ and source: what the texts refer to."""
    facts = context.project.all(Fact)
    if not facts:
        return {}
    return {FACTS_PAGE: lambda: context.render("facts.md.j2", FACTS_PAGE, facts=facts, shown=shown,
                                               today=date.today())}


FEATURE = Feature(
    name="facts",
    kinds=(FACT,),
    inline_values=inline_values,
    pages=plan_pages,
    nav=(NavSection(FACTS_PAGE, "Zahlen und Fristen"),),
    templates=Path(__file__).parent / "templates",
)
