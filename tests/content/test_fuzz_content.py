"""The engine's fuzzing (`tests/engine/test_fuzz.py`) in a small variant on our own sources,
whose shapes (long modules, many contacts, the city's data) a fixture does not have."""

from __future__ import annotations

from builders import REPO
from fuzzing import Mutation, assert_clean_problems_or_safe_pages, mutations
from hypothesis import HealthCheck, given, settings

from engine.portal import read_sources

SOURCES = read_sources(REPO)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations(SOURCES))
def test_corrupted_sources_give_clean_errors_or_safe_pages(mutation: Mutation) -> None:
    assert_clean_problems_or_safe_pages(SOURCES, mutation)
