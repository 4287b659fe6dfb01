"""The engine's own stylesheets and scripts: shipped inside the package, published under one folder.

They belong to the engine, not to a programme's `docs/`: a programme that replaces all of its
hand-written pages keeps the styles, the accessibility additions, the planner and offline search.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
#: Where the engine's files are published inside the site; a folder of its own, so that a
#: programme's `docs/assets/` can never collide with them.
PUBLISHED = "assets/portal"


@dataclass(frozen=True)
class Asset:
    """One file of the engine: where it lies in the package and where the site publishes it."""

    source: Path
    url: str


def asset(name: str) -> Asset:
    return Asset(ASSETS / name, f"{PUBLISHED}/{name}")


STYLESHEETS = (asset("stylesheets/portal.css"),)
SCRIPTS = (asset("javascripts/accessibility.js"),)
#: The iframe-worker shim Material's offline plugin needs for search under file://; without a
#: local copy among the polyfills, the plugin would add its CDN address.
POLYFILLS = (asset("javascripts/iframe-worker-shim.js"),)
#: The course planner's classic scripts, in the order the planner page loads them: js-yaml
#: (vendored from npm, see package.json), then the planner's parts, which share `window.QPPlanner`.
PLANNER_SCRIPTS = (
    asset("vendor/js-yaml/js-yaml.min.js"),
    asset("javascripts/planner-data.js"),
    asset("javascripts/planner-schedule.js"),
    asset("javascripts/planner-checks.js"),
    asset("javascripts/planner-yaml.js"),
    asset("javascripts/planner-ui.js"),
)
#: Published beside the vendored script: its licence travels with it.
VENDOR_LICENSES = (asset("vendor/js-yaml/LICENSE"),)


def all_assets() -> tuple[Asset, ...]:
    """Every file the site must publish for the engine's pages to work."""
    return (*STYLESHEETS, *SCRIPTS, *POLYFILLS, *PLANNER_SCRIPTS, *VENDOR_LICENSES)
