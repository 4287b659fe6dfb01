"""Print the build figures of the real project: check time, cold and warm build, page sizes.

Run: .venv/bin/python benchmarks/build_times.py   (a benchmark, never a timed test)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(args: list[str]) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    site = Path(tempfile.mkdtemp()) / "site"
    for cache in REPO.joinpath("engine").rglob("__pycache__"):
        shutil.rmtree(cache)
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    cold = timed(build)
    warm = min(timed(build) for _ in range(3))
    check = min(timed([sys.executable, "-m", "engine", "check"]) for _ in range(3))
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    rows = [
        ("python -m engine check (process, best of 3)", f"{check:.2f} s"),
        ("mkdocs build --strict, cold (no .pyc)", f"{cold:.2f} s"),
        ("mkdocs build --strict, warm (best of 3)", f"{warm:.2f} s"),
        ("HTML pages", str(len(pages))),
        (f"largest HTML page ({pages[-1].relative_to(site)})", f"{pages[-1].stat().st_size / 1024:.0f} KiB"),
        ("search index (search_index.json)", f"{index.stat().st_size / 1024:.0f} KiB"),
        ("whole site", f"{sum(p.stat().st_size for p in site.rglob('*') if p.is_file()) / 1024 / 1024:.1f} MiB"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    shutil.rmtree(site.parent)


if __name__ == "__main__":
    main()
