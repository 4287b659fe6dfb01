"""The engine's own stylesheets and scripts: shipped inside the package, published under one folder.

They belong to the engine, not to a programme's `docs/`: a programme that replaces all of its
hand-written pages keeps the styles, the accessibility additions, the planner and offline search.
"""

from __future__ import annotations

from engine.core.assets import ASSETS, PUBLISHED, Asset, asset

__all__ = ["ASSETS", "POLYFILLS", "PUBLISHED", "SCRIPTS", "STYLESHEETS", "Asset", "all_assets"]

STYLESHEETS = (asset("stylesheets/portal.css"),)
SCRIPTS = (asset("javascripts/accessibility.js"), asset("javascripts/read-aloud.js"),
           asset("javascripts/copy-text.js"))
#: The iframe-worker shim Material's offline plugin needs for search under file://; without a
#: local copy among the polyfills, the plugin would add its CDN address.
POLYFILLS = (asset("javascripts/iframe-worker-shim.js"),)

def all_assets() -> tuple[Asset, ...]:
    """Every file the site must publish for the engine's pages to work."""
    return (*STYLESHEETS, *SCRIPTS, *POLYFILLS)
