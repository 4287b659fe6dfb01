"""Print the course planner's recompute time for a 3-day course of 40 blocks in headless Chromium.

Run: .venv/bin/python benchmarks/planner.py [--runs 300]   (a benchmark, never a timed test)
Builds the site without handouts into a temporary folder, opens the planner from file:// and
times, with performance.now() inside the page, what runs on every edit: the schedule, the
checks and the redrawn schedule tables and findings (`QPPlanner.recompute`), and the pure
engine alone (`QPPlanner.summary`). The goal is one frame: under 16 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from itertools import cycle
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import chromium, offline_page  # noqa: E402

from engine.core.editions import Edition, for_edition  # noqa: E402
from engine.features.courses.catalogue import Catalogue  # noqa: E402
from engine.portal import load_checked  # noqa: E402

GOAL_MS = 16.0
BLOCKS = 40
DAYS = 3


def course_of_40_blocks(catalogue: Catalogue) -> dict[str, Any]:
    """Three days of modules (split into 45-minute parts), breaks, lunch and activities."""
    modules = cycle(sorted(catalogue.modules))
    days: list[dict[str, Any]] = [{"start": "09:00", "latest_end": "18:00", "blocks": []} for _ in range(DAYS)]
    for index in range(BLOCKS):
        day = days[index * DAYS // BLOCKS]["blocks"]
        position = len(day)
        if position == 0:
            day.append({"activity": "Begrüßung", "minutes": 15})
        elif position % 4 == 0:
            day.append({"lunch": 45} if position == 8 else {"break": 15})
        else:
            day.append({"module": next(modules), "minutes": 45})
    return {"id": "benchmark", "title": "Benchmark", "summary": "40 Blöcke an 3 Tagen",
            "audience": sorted(catalogue.roles)[:1], "recognition": next(iter(catalogue.rules), None),
            "break_rule": {"after_minutes": 90, "break_minutes": 15}, "max_day_minutes": 540,
            "days": days, "version": "1.0"}


TIMING = """([runs, course]) => {
    QPPlanner.load(course)
    const data = JSON.parse(document.getElementById('qp-planner-data').textContent)
    const time = (work) => {
        for (let i = 0; i < 20; i++) work()  // warm-up: let the JIT settle
        const times = []
        for (let i = 0; i < runs; i++) {
            const started = performance.now()
            work()
            times.push(performance.now() - started)
        }
        return times
    }
    const current = QPPlanner.course()
    return {
        blocks: current.days.reduce((n, day) => n + day.blocks.length, 0),
        findings: QPPlanner.summary(data.catalogue, current).findings.length,
        recompute: time(() => QPPlanner.recompute()),
        engine: time(() => QPPlanner.summary(data.catalogue, current)),
    }
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    runs = parser.parse_args().runs
    catalogue = Catalogue.of(for_edition(load_checked(REPO), Edition.PUBLIC))
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run([sys.executable, "-m", "engine", "build", "--no-handouts", "--site-dir", str(site)],
                       cwd=REPO, check=True)
        with chromium() as browser, offline_page(browser, site) as (page, _):
            page.goto((site / "kurse" / "planer.html").as_uri())
            page.wait_for_load_state("load")
            result = page.evaluate(TIMING, [runs, course_of_40_blocks(catalogue)])
    rows = [("course", f"{DAYS} days, {result['blocks']} blocks, {result['findings']} findings"),
            ("runs", str(runs))]
    for name, label in (("recompute", "recompute + redraw (every edit)"), ("engine", "engine alone (summary)")):
        times = result[name]
        rows.append((f"{label}, median / max", f"{statistics.median(times):.2f} ms / {max(times):.2f} ms"))
    median = statistics.median(result["recompute"])
    rows.append(("goal: one frame", f"{GOAL_MS:.0f} ms – {'met' if median < GOAL_MS else 'MISSED'}"))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
