"""The engine's own stylesheets and scripts: shipped inside the package, published under one folder.

They belong to the engine, not to a programme's `docs/`: a programme that replaces all of its
hand-written pages keeps the styles, the accessibility additions, the planner and offline search.
"""

from __future__ import annotations

from pathlib import Path

from engine.core.registry import Asset

ASSETS = Path(__file__).resolve().parent.parent / "assets"
#: Where the engine's files are published inside the site; a folder of its own, so that a
#: programme's `docs/assets/` can never collide with them.
PUBLISHED = "assets/portal"


def asset(name: str) -> Asset:
    return Asset(ASSETS / name, f"{PUBLISHED}/{name}")


STYLESHEETS = (asset("stylesheets/portal.css"),)
SCRIPTS = (asset("javascripts/accessibility.js"),)
#: The iframe-worker shim Material's offline plugin needs for search under file://; without a
#: local copy among the polyfills, the plugin would add its CDN address.
POLYFILLS = (asset("javascripts/iframe-worker-shim.js"),)
PLANNER = asset("javascripts/kursplaner.js")


def all_assets() -> tuple[Asset, ...]:
    """Every file the site must publish for the engine's pages to work."""
    return (*STYLESHEETS, *SCRIPTS, *POLYFILLS, PLANNER)
