"""Reading YAML safely, with lines: syntax, tags, aliases, encodings, duplicate keys."""

from __future__ import annotations

from pathlib import Path

from engine.core.yamlsource import control_char_problems, decode, parse_yaml, split_front_matter


def messages(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in parse_yaml("f.yml", text).problems]


def test_values_and_lines_are_mapped() -> None:
    parsed = parse_yaml("f.yml", "id: x\nlist:\n  - a\n  - b\nnested:\n  key: 1\n", first_line=3)
    assert parsed.value == {"id": "x", "list": ["a", "b"], "nested": {"key": 1}}
    assert parsed.lines[("list", 1)] == 6
    assert parsed.lines[("nested", "key")] == 8
    assert parsed.line_of(("nested", "key", "deeper"), 1) == 8


def test_dates_stay_text_for_the_model_to_check() -> None:
    assert parse_yaml("f.yml", "updated: 2026-13-45\n").value == {"updated": "2026-13-45"}


def test_syntax_error_names_its_line() -> None:
    [(line, message)] = messages("id: a\nname: Wert: mit Doppelpunkt\n")
    assert line == 2
    assert "Anführungszeichen" in message


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"id: x\nname: !!python/object/apply:os.system ['touch {marker}']\n"
    [(line, message)] = messages(text)
    assert (line, "!!python/object/apply:os.system" in message) == (2, True)
    assert not marker.exists()


def test_aliases_are_refused_before_they_can_expand() -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    [(line, message)] = messages(bomb)
    assert line == 2
    assert "Verweise" in message


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    assert messages("id: a\ntitle: x\nid: b\n") == [(3, "Feld doppelt; es steht schon in Zeile 1")]


def test_non_utf8_names_the_line_of_the_bad_byte() -> None:
    text, problems = decode("f.yml", b"id: a\n\nname: Beh\xf6rde\n")
    assert text is None
    assert [(p.line, "UTF-8" in p.message) for p in problems] == [(3, True)]


def test_byte_order_mark_and_windows_line_ends_are_accepted() -> None:
    text, problems = decode("f.yml", "\ufeffid: a\r\nname: b\r\n".encode())
    assert (text, problems) == ("id: a\nname: b\n", [])


def test_control_characters_are_reported() -> None:
    [problem] = control_char_problems("f.md", "gut\nschlecht\x02\n", first_line=5)
    assert (problem.line, "U+0002" in problem.message) == (6, True)


def test_front_matter_split_keeps_line_numbers() -> None:
    assert split_front_matter("m.md", "---\nid: M01\n---\nText\n") == ("id: M01", 2, "Text\n", 4)
    missing = split_front_matter("m.md", "# Titel\n")
    assert not isinstance(missing, tuple)
    assert "Steckbrief fehlt" in missing.message


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    [(line, message)] = messages("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert line == 1
    assert message


def test_nul_byte_is_a_problem_not_a_crash() -> None:
    [(line, message)] = messages("id: a\n# Kommentar \x00\nname: b\n")
    assert (line, "U+0000" in message) == (2, True)
