"""Print recall@3 of the site's search for everyday phrasings (tests/search_phrasings.yml), with the misses.

Builds our site (or takes a built one), opens it from file:// in Debian's Chromium and types every
phrasing into Material's search as a reader would.

Run: .venv/bin/python benchmarks/search_recall.py [--site SITE_DIR]   (a benchmark, never a timed test)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PHRASINGS = REPO / "tests" / "search_phrasings.yml"
sys.path.insert(0, str(REPO / "tests"))

from browser import chromium, recall_at  # noqa: E402  # the tests' browser helpers


def built_site(folder: Path) -> Path:
    site = folder / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "engine", "build", "--site-dir", str(site)], cwd=REPO, env=env,
                   check=True, capture_output=True)
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build ours into a temporary one)")
    args = parser.parse_args()
    phrasings = yaml.safe_load(PHRASINGS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        site = args.site.resolve() if args.site else built_site(Path(folder))
        started = time.perf_counter()
        with chromium() as browser:
            recall, misses = recall_at(browser, site, phrasings)
        seconds = time.perf_counter() - started
    index = site / "search" / "search_index.json"
    print(f"phrasings: {len(phrasings)}, search index {index.stat().st_size / 1024:.0f} KiB"
          if index.exists() else f"phrasings: {len(phrasings)}")
    print(f"recall@3: {recall:.1%} ({len(phrasings) - len(misses)} of {len(phrasings)}, {seconds:.0f} s)")
    for miss in misses:
        print(f"  miss: {miss}")


if __name__ == "__main__":
    main()
