"""Print what the city's drawings (network map, indicator charts) cost a build, cold and cached.

Run: .venv/bin/python benchmarks/city_drawings.py   (a benchmark, never a timed test)

Builds a copy of the project (handouts off, median of three) three ways: with the drawing cache
emptied before each build (Graphviz and matplotlib run), with the cache filled (neither runs),
and without the map and the charts (no `city/netzwerk.yml` and `city/wirkung.yml`). Also times
drawing alone in-process.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from engine.features.city import cache as drawing_cache  # noqa: E402
from engine.features.city.drawings import draw  # noqa: E402
from engine.portal import load_checked  # noqa: E402

RUNS = 3


def copy_project(destination: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", "node_modules", ".cache", "site", "site-intern", ".git", "handouts")
    shutil.copytree(REPO, destination, ignore=ignore)
    return destination


def without_drawings(project: Path) -> None:
    """The same project without the network and the indicators: their pages and links go by themselves."""
    (project / "city" / "netzwerk.yml").unlink()
    (project / "city" / "wirkung.yml").unlink()


def build(project: Path, site: Path, empty_cache: bool) -> float:
    if empty_cache:
        shutil.rmtree(project / ".cache" / "city", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "engine", "--root", str(project), "build", "--no-handouts",
                    "--site-dir", str(site)], cwd=project, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    base = Path(tempfile.mkdtemp())
    with_city = copy_project(base / "with")
    plain = copy_project(base / "without")
    without_drawings(plain)
    build(with_city, base / "site", empty_cache=True)  # warm the interpreter's .pyc files once
    cold = statistics.median(build(with_city, base / "site", empty_cache=True) for _ in range(RUNS))
    cached = statistics.median(build(with_city, base / "site", empty_cache=False) for _ in range(RUNS))
    none = statistics.median(build(plain, base / "site-plain", empty_cache=False) for _ in range(RUNS))
    project = load_checked(REPO)
    folder = base / "cache"
    drawing_cache.forget()
    started = time.perf_counter()
    drawings = draw(project, folder)
    draw_cold = time.perf_counter() - started
    drawing_cache.forget()
    started = time.perf_counter()
    draw(project, folder)
    draw_cached = time.perf_counter() - started
    rows = [
        (f"build with map and {len(drawings.charts)} charts, cache empty (median of {RUNS})", f"{cold:.2f} s"),
        (f"build with map and charts, cache filled (median of {RUNS})", f"{cached:.2f} s"),
        (f"build without map and charts (median of {RUNS})", f"{none:.2f} s"),
        ("drawing alone in-process, cold (Graphviz + matplotlib)", f"{draw_cold:.2f} s"),
        ("drawing alone in-process, from the cache folder", f"{draw_cached * 1000:.1f} ms"),
        ("network map SVG / all charts SVG", f"{len(drawings.network) / 1024:.0f} KiB / "
                                             f"{sum(len(c) for c in drawings.charts.values()) / 1024:.0f} KiB"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    shutil.rmtree(base)


if __name__ == "__main__":
    main()
