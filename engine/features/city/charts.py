"""Indicator charts, target against measured values, drawn by matplotlib as reproducible SVG.

Text stays text (`svg.fonttype: none`), ids come from a fixed hash salt and the file carries no
date, so the same data always give the same bytes. Values not measured are never drawn as
zero: a period without a value is labelled „noch nicht erhoben“.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from engine.core.formatting import number
from engine.features.city.cache import CODE_VERSION, cache_key, cached
from engine.features.city.model import Indicator
from engine.features.city.svg import accessible_svg

NOT_MEASURED = "noch nicht erhoben"


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart shows; its JSON is the cache key."""

    title: str
    unit: str
    periods: tuple[str, ...]
    values: tuple[float | None, ...]
    target_min: float | None
    target_max: float | None
    target_label: str


def chart_spec(indicator: Indicator) -> ChartSpec:
    target = indicator.target
    label = ""
    if target is not None:
        span = (f"{number(target.minimum)}–{number(target.maximum)}" if target.minimum is not None
                and target.maximum is not None and target.maximum != target.minimum
                else number(target.minimum if target.minimum is not None else target.maximum or 0))
        label = f"Ziel: {span} {indicator.unit}" + (f" ({target.by})" if target.by else "")
    return ChartSpec(indicator.title, indicator.unit, tuple(v.period for v in indicator.values),
                     tuple(v.value for v in indicator.values),
                     target.minimum if target else None, target.maximum if target else None, label)


def describe(spec: ChartSpec) -> str:
    """The chart in words, for its `<desc>` and for readers of the table beside it."""
    measured = [f"{period}: {number(value)} {spec.unit}" if value is not None else f"{period}: {NOT_MEASURED}"
                for period, value in zip(spec.periods, spec.values, strict=True)]
    parts = [spec.target_label or "Kein Zielwert festgelegt."]
    parts.append("Messwerte: " + "; ".join(measured) if measured else f"Messwerte: {NOT_MEASURED}.")
    return " ".join(part if part.endswith(".") else part + "." for part in parts)


def _plot(spec: ChartSpec) -> str:
    """matplotlib's SVG of one chart (the one place that runs matplotlib)."""
    import io

    import matplotlib

    matplotlib.use("svg")
    from matplotlib import pyplot

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "portal-charts",
                                "font.family": "DejaVu Sans", "font.size": 10}):
        figure, axes = pyplot.subplots(figsize=(6.4, 3.0))
        try:
            labels = list(spec.periods) or [NOT_MEASURED]
            heights = [value or 0 for value in spec.values] or [0]
            bars = axes.bar(range(len(labels)), heights, color="#1f6f78", width=0.6, label="gemessen")
            for bar, value in zip(bars, spec.values or (None,), strict=True):
                text = number(value) if value is not None else NOT_MEASURED
                axes.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                              ha="center", va="bottom", fontsize=9, xytext=(0, 3), textcoords="offset points")
            if spec.target_min is not None and spec.target_max is not None and spec.target_max != spec.target_min:
                axes.axhspan(spec.target_min, spec.target_max, color="#e0a030", alpha=0.3, label=spec.target_label)
            elif spec.target_min is not None or spec.target_max is not None:
                level = spec.target_min if spec.target_min is not None else spec.target_max or 0.0
                axes.axhline(level, color="#b05a00", linestyle="--", linewidth=1.5, label=spec.target_label)
            top = max([*heights, spec.target_max or 0, spec.target_min or 0, 1])
            axes.set_ylim(0, top * 1.2)
            axes.set_xticks(range(len(labels)), labels)
            axes.set_ylabel(spec.unit)
            axes.set_title(spec.title, fontsize=11)
            axes.spines[["top", "right"]].set_visible(False)
            axes.legend(loc="upper left", fontsize=8, frameon=False)
            figure.tight_layout()
            out = io.StringIO()
            figure.savefig(out, format="svg", metadata={"Date": None})
            return out.getvalue()
        finally:
            pyplot.close(figure)


def chart_svg(indicator: Indicator, cache: Path | None = None) -> str:
    """The accessible SVG chart of one indicator, from the cache when its data are unchanged."""
    spec = chart_spec(indicator)
    key = cache_key("chart", json.dumps(asdict(spec), ensure_ascii=False, sort_keys=True), CODE_VERSION)
    return cached(key, lambda: accessible_svg(_plot(spec), f"svg-diagramm-{indicator.id}",
                                              f"Diagramm: {indicator.title}", describe(spec)), cache)
