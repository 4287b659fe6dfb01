"""Publish a finished build atomically: the output folder only ever holds a complete site."""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """Where a build writes before it is known to be complete."""
    return site_dir.with_name(f".{site_dir.name}.partial")


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the finished `staging` folder in for `site_dir`, then drop the old output."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    """Drop a build that failed; the previous output stays as it was."""
    shutil.rmtree(staging, ignore_errors=True)
