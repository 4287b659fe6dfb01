"""All drawings of a project (the network map, the indicator charts), made once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from engine.core.project import Project
from engine.features.city.charts import chart_svg
from engine.features.city.network_map import network_svg, overview_svg


@dataclass(frozen=True)
class Drawings:
    """SVG text of the map and its overview ('' without a network) and of each indicator's chart, by
    indicator id. An indicator gets a chart only with a measured value: bare axes tell a reader nothing."""

    network: str = ""
    charts: dict[str, str] = field(default_factory=dict)
    overview: str = ""


def draw(project: Project, cache: Path | None = None) -> Drawings:
    """The project's drawings; Graphviz and matplotlib run only for inputs the cache lacks."""
    network = network_svg(project.network, cache) if project.network else ""
    overview = overview_svg(project.network, cache) if project.network else ""
    charts = {indicator.id: chart_svg(indicator, cache)
              for indicator in (project.indicators.indicators if project.indicators else [])
              if indicator.measured}
    return Drawings(network, charts, overview)


def city_cache(root: Path) -> Path:
    """Where a project keeps its drawings between builds."""
    return root / ".cache" / "city"


#: The city's kinds; a programme without any of their files gets no city pages or handouts.
CITY_KINDS = ("helppath", "network", "indicators", "dossier", "funding")


def has_city(project: Project) -> bool:
    """Whether the programme has any of the city's instruments."""
    return project.has(*CITY_KINDS)
