"""The site's generated pages, collected from the features: pure, no MkDocs involved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engine.core.editions import Edition
from engine.core.pages import GeneratedPage, PageContext, PagePlan, renderer
from engine.core.project import Project
from engine.core.registry import Registry

__all__ = ["GeneratedPage", "generate_pages", "plan_pages"]


def plan_pages(registry: Registry, project: Project, edition: Edition, root: Path | None = None) -> PagePlan:
    """Each generated page's path and a function that renders it, feature by feature.

    Rendering is deferred so that the link check can learn which pages exist without rendering
    them, and renders only the pages whose anchors a link names.
    """
    context = PageContext(project, edition, renderer(registry, edition, project), root)
    plan: dict[str, Callable[[], GeneratedPage]] = {}
    for feature in registry.features:
        if feature.pages is not None:
            plan.update(feature.pages(context))
    return plan


def generate_pages(registry: Registry, project: Project, edition: Edition,
                   root: Path | None = None) -> list[GeneratedPage]:
    """All generated pages of the site for `project` (already filtered for `edition`)."""
    return [make() for make in plan_pages(registry, project, edition, root).values()]
