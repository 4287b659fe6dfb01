"""The benchmark scripts still import: they are run by hand, so nothing else would notice an engine
name they use going away."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from builders import REPO

SCRIPTS = sorted((REPO / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.stem for script in SCRIPTS])
def test_the_script_imports(script: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"benchmark_{script.stem}", script)
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))  # runs nothing: each has a main guard


def test_every_script_has_a_main_guard() -> None:
    assert [s.name for s in SCRIPTS if 'if __name__ == "__main__":' not in s.read_text(encoding="utf-8")] == []
