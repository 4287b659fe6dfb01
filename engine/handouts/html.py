"""The handouts, collected from the features: for each its file name, title and complete HTML. Pure.

WeasyPrint turns the HTML into PDF later (`pdf.py`, `build.py`).
"""

from __future__ import annotations

from pathlib import Path

from engine.core.printer import Handout, HandoutContext, MarkdownSetup, Printer, large_print_twin
from engine.core.project import Project
from engine.core.registry import Registry

__all__ = ["Handout", "MarkdownSetup", "plan_handouts"]


def plan_handouts(registry: Registry, project: Project, setup: MarkdownSetup, public_url: str = "",
                  root: Path | None = None) -> list[Handout]:
    """Every handout of `project` (already filtered for its edition), with the large-print twins
    of those neighbours read or fill in, each right after its handout."""
    context = HandoutContext(project, Printer(registry, setup, public_url, project), root)
    handouts = [handout for feature in registry.features if feature.handouts is not None
                for handout in feature.handouts(context)]
    return [twin for handout in handouts
            for twin in ((handout, large_print_twin(handout)) if registry.large_print(handout.name) else (handout,))]
