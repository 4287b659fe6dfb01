"""The city's instruments, declared: help paths, the network map, impact indicators, the dossier, costs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from engine.core.kinds import UPDATED, DatedField, IdRule, Kind, Reference, VocabularyField
from engine.core.registry import Feature, NavSection
from engine.features.city import handouts, pages, urls
from engine.features.city.model import Dossier, Funding, HelpPath, Indicators, Network
from engine.features.city.references import city_references
from engine.features.city.responsibilities import area_problems


def _measurement(model: Any, at: tuple[str | int, ...]) -> str:
    indicator = model.indicators[int(at[1])]
    return f"der Messwert „{indicator.title}“ ({indicator.values[int(at[3])].period})"


HELP_PATH = Kind(
    name="helppath", collection="help_paths", label=("Wegweiser", "Wegweiser"),
    globs=("city/wegweiser/*.yml", "city/wegweiser/*.yaml"), model=HelpPath, schema="help_path.schema.json",
    unknown="unbekannter Wegweiser",
    references=(Reference("contacts", "contact"), Reference("who_helps.*.contacts.*", "contact"),
                Reference("see_also.*.path", "helppath"), Reference("modules", "module")),
    vocabularies=(VocabularyField("topics.*", "topics"),), dated=(UPDATED,), counted=False,
    page=urls.help_path_page, handout=urls.help_path_handout)

NETWORK = Kind(
    name="network", collection="network", label=("Netzwerkkarte", "Netzwerkkarten"), globs=("city/netzwerk.yml",),
    model=Network, id_rule=IdRule.SINGLE, schema="network.schema.json", dated=(UPDATED,), counted=False)

INDICATORS = Kind(
    name="indicators", collection="indicators", label=("Wirkungsindikatoren", "Wirkungsindikatoren"),
    globs=("city/wirkung.yml",), model=Indicators, id_rule=IdRule.SINGLE, schema="indicators.schema.json",
    dated=(UPDATED, DatedField("indicators.*.values.*.date", "der Messwert", newest_only=True,
                               what_of=_measurement)), counted=False)

DOSSIER = Kind(
    name="dossier", collection="dossier", label=("Dossier", "Dossiers"), globs=("city/dossier.yml",),
    model=Dossier, id_rule=IdRule.SINGLE, schema="dossier.schema.json",
    dated=(DatedField("stand", "der Stand des Dossiers"),), counted=False)

FUNDING = Kind(
    name="funding", collection="funding", label=("Kosten und Finanzierung", "Kosten und Finanzierung"),
    globs=("city/finanzierung.yml",), model=Funding, id_rule=IdRule.SINGLE, schema="funding.schema.json",
    dated=(UPDATED,), counted=False)

CITY_SLOT = "stadt/"

FEATURE = Feature(
    name="city",
    kinds=(HELP_PATH, NETWORK, INDICATORS, DOSSIER, FUNDING),
    record_checks=(city_references,),
    project_checks=(area_problems,),
    pages=pages.plan_pages,
    handouts=handouts.plan_handouts,
    large_print=urls.is_help_path_card,
    nav=(NavSection(CITY_SLOT, "Für die Stadt"),
         NavSection("stadt/wegweiser/", "Wegweiser", parent=CITY_SLOT),
         NavSection(urls.NETWORK_PAGE, "", parent=CITY_SLOT),
         NavSection(urls.RESPONSIBILITIES_PAGE, "", parent=CITY_SLOT),
         NavSection(urls.IMPACT_PAGE, "", parent=CITY_SLOT),
         NavSection(urls.DOSSIER_PAGE, "", parent=CITY_SLOT)),
    templates=Path(__file__).parent / "templates",
)
