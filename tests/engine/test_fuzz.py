"""Hostile and broken input: corrupt every source of a fixture programme and check what the editor gets.

`tiny` has every kind of source (programme, modules, roles, a course, contacts, glossary, a form,
the city's data); the corruptions and the rules they must obey are in `tests/fuzzing.py`.
"""

from __future__ import annotations

from builders import FIXTURES
from fuzzing import Mutation, assert_clean_problems_or_safe_pages, mutations
from hypothesis import HealthCheck, given, settings

from engine.core.records import SourceFile
from engine.portal import load_project, read_sources

SOURCES = read_sources(FIXTURES / "tiny")
KINDS = ("programme.yml", "curriculum/modules/", "role_profiles/", "curriculum/courses/", "contacts/",
         "curriculum/glossary.yml", "curriculum/forms/", "city/")


def test_the_fixture_has_every_kind_of_source() -> None:
    assert [kind for kind in KINDS if not any(s.path.startswith(kind) for s in SOURCES)] == []


# No deadline: a 200,000-character value legitimately takes a second; hangs are caught by CI's limit.
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations(SOURCES))
def test_corrupted_sources_give_clean_errors_or_safe_pages(mutation: Mutation) -> None:
    assert_clean_problems_or_safe_pages(SOURCES, mutation)


def test_exponential_aliases_are_refused_fast() -> None:
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n".encode() for i in range(9))
    _, problems = load_project([SourceFile("contacts/bombe.yml", bomb)])
    assert [(p.path, p.line) for p in problems if p.path != "programme.yml"] == [("contacts/bombe.yml", 2)]
