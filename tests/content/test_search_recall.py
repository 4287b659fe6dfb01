"""Our site's search for the everyday phrasings of `tests/search_phrasings.yml`, in the browser
from file://: recall@3 (one of the answering pages among the first three). The benchmark
`benchmarks/search_recall.py` prints the same figure; the goal is 95 %, the test asks for 90 %
so that it stays stable."""

from __future__ import annotations

import yaml
from browser import recall_at
from builders import REPO, BuildResult
from playwright.sync_api import Browser

PHRASINGS = yaml.safe_load((REPO / "tests/search_phrasings.yml").read_text(encoding="utf-8"))


def test_phrasings_cover_the_answers_and_exist() -> None:
    assert len(PHRASINGS) >= 40
    assert all(p["query"].strip() and p["pages"] for p in PHRASINGS)


def test_everyday_phrasings_find_their_page(browser: Browser, real_site: BuildResult) -> None:
    missing = sorted({page for p in PHRASINGS for page in p["pages"] if not (real_site.site / page).is_file()})
    assert missing == []
    recall, misses = recall_at(browser, real_site.site, PHRASINGS)
    assert recall >= 0.9, f"recall@3 {recall:.0%}; verfehlt:\n" + "\n".join(misses)
