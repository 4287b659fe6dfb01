"""Thin fixtures; the building lives in `builders.py`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import REPO, BuildResult, build, make_project
from playwright.sync_api import Browser


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A fresh copy of the tiny fixture project, free to break."""
    return make_project("tiny", tmp_path / "tiny")


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The tiny fixture project, built once (public edition)."""
    base = tmp_path_factory.mktemp("tiny")
    result = build(make_project("tiny", base / "project"), base / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def solo(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The second fixture programme, built strictly with its handouts."""
    base = tmp_path_factory.mktemp("solo")
    result = build(make_project("solo", base / "project"), base / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def tiny_internal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    base = tmp_path_factory.mktemp("tiny-internal")
    result = build(make_project("tiny", base / "project"), base / "site", internal=True)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real project, built once with `--strict` (public edition)."""
    result = build(REPO, tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def real_internal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build(REPO, tmp_path_factory.mktemp("real-internal") / "site", internal=True)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium, one per test module (see `browser.py`)."""
    from browser import chromium

    with chromium() as launched:
        yield launched
