"""Print the handout figures: cold and warm build, seconds per page, ratio to WeasyPrint's floor.

Run: .venv/bin/python benchmarks/handouts.py   (a benchmark, never a timed test)
The floor is WeasyPrint rendering the very same HTML alone, serially, with its defaults; our
cost is the same work through our pipeline with one worker (fetcher, PDF/UA, cache writes).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pypdf
import weasyprint

from engine.core.editions import Edition, for_edition
from engine.core.printer import MarkdownSetup
from engine.handouts.build import build_handouts
from engine.plugin.run import site_config
from engine.portal import load_checked, plan_handouts

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    config, _ = site_config(REPO)
    setup = MarkdownSetup.of(list(config.markdown_extensions), dict(config.mdx_configs))
    project = for_edition(load_checked(REPO), Edition.PUBLIC)
    started = time.perf_counter()
    handouts = plan_handouts(project, setup)
    planning = time.perf_counter() - started

    started = time.perf_counter()
    for handout in handouts:
        weasyprint.HTML(string=handout.html, base_url=(REPO / handout.base).as_uri() + "/").write_pdf()
    floor = time.perf_counter() - started

    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        serial = build_handouts(handouts, REPO, Path(folder) / "serial", workers=1).seconds
        cold = build_handouts(handouts, REPO, Path(folder) / "parallel")
        pages = sum(len(pypdf.PdfReader(path).pages) for path in cold.files.values())
        started = time.perf_counter()
        again = plan_handouts(project, setup)
        warm_report = build_handouts(again, REPO, Path(folder) / "parallel")
        warm = time.perf_counter() - started

    rows = [
        ("handouts / pages", f"{len(handouts)} / {pages}"),
        ("planning (HTML of all handouts)", f"{planning:.2f} s"),
        ("floor: WeasyPrint alone, serial", f"{floor:.1f} s = {floor / pages * 1000:.0f} ms/page"),
        ("ours, 1 worker, cold", f"{serial:.1f} s = {serial / pages * 1000:.0f} ms/page"),
        ("ratio ours / floor (per page)", f"{serial / floor:.2f}×"),
        ("ours, parallel, cold (wall)", f"{cold.seconds:.1f} s"),
        (f"the floor spread over {workers} processes (no pipeline could beat it)", f"{floor / workers:.1f} s"),
        ("ours, warm rebuild, no change (plan + cache)", f"{warm:.2f} s, {len(warm_report.rendered)} rendered"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
