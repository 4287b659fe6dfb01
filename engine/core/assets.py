"""The engine's static files (styles, scripts): shipped inside the package, published under one folder."""

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
    """The file `engine/assets/<name>`, published as `assets/portal/<name>`."""
    return Asset(ASSETS / name, f"{PUBLISHED}/{name}")
