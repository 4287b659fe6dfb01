"""Safe, line-aware reading of YAML files and Markdown front matter.

Produces plain Python values plus a map from each value's path (keys and list indices) to
its line in the file, so that model errors can point an editor at the right line.
Nothing here executes tags: the safe loader is used, explicit tags outside YAML's plain
types are refused before construction, and aliases are refused (they can expand
exponentially and editors do not need them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from engine.core.problems import Problem

Path = tuple[str | int, ...]

_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)
_STR_TAG = "tag:yaml.org,2002:str"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# libyaml's C parser where PyYAML has it (about 20× faster than the pure-Python one).
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ContentLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader, with dates left as text for the model to check."""


# YAML 1.1 reads `10:30` as the number 630 (base 60): PyYAML's number patterns without that
# branch, so a clock time stays text.
_NUMBERS = {
    "tag:yaml.org,2002:int": re.compile(
        r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    "tag:yaml.org,2002:float": re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
}

# Dates stay strings so that a wrong date becomes a model error with a line, not a crash.
_ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, _NUMBERS.get(tag, rx)) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Parsed:
    """A parsed YAML document: its value, the line of each path, and any problems."""

    value: Any = None
    problems: list[Problem] = field(default_factory=list)
    node: yaml.Node | None = None
    """The composed document, kept so that lines are looked up only when a message needs one."""
    first_line: int = 1
    _lines: dict[Path, int] | None = None

    @property
    def lines(self) -> dict[Path, int]:
        """The line of every value (of its key, inside a mapping), built on first use."""
        if self._lines is None:
            self._lines = {}
            if self.node is not None:
                _record_lines(self.node, (), self.first_line, self._lines)
        return self._lines

    def line_of(self, path: Path, default: int) -> int:
        """The line of the longest prefix of `path` that has one."""
        lines = self.lines
        for end in range(len(path), -1, -1):
            if path[:end] in lines:
                return lines[path[:end]]
        return default


def _record_lines(node: yaml.Node, at: Path, first_line: int, lines: dict[Path, int]) -> None:
    """Lines as `_walk` reads the document: a key's line stands for its value; repeated keys are skipped."""
    lines.setdefault(at, first_line + node.start_mark.line)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or (*at, key_node.value) in lines:
                continue
            lines[(*at, key_node.value)] = first_line + key_node.start_mark.line
            _record_lines(value_node, (*at, key_node.value), first_line, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*at, index), first_line, lines)


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM); report the line of the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        return None, [Problem(path, line, "", f"die Datei ist nicht UTF-8-kodiert (Byte 0x{byte:02x}); "
                                               "speichern Sie sie im Editor als „UTF-8“", code="file.not-utf8")]
    return text.replace("\r\n", "\n"), []


def control_char_problems(path: str, text: str, first_line: int = 1) -> list[Problem]:
    """Report invisible control characters, which break rendering and search."""
    if not _CONTROL_CHARS.search(text):
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        match = _CONTROL_CHARS.search(line)
        if match:
            problems.append(Problem(path, number, "", f"unsichtbares Steuerzeichen "
                                    f"U+{ord(match.group()):04X} in der Zeile; löschen Sie es",
                                    code="file.control-character"))
    return problems


def parse_yaml(path: str, text: str, first_line: int = 1) -> Parsed:
    """Parse one YAML document safely; `first_line` is the file line where `text` starts."""
    parsed = Parsed(first_line=first_line)
    loader: _ContentLoader | None = None
    try:
        if "*" in text:  # only then can there be an alias; refuse it before anything is composed
            _refuse_aliases(text)
        loader = _ContentLoader(text)  # its reader already rejects some characters
        node = loader.get_single_node()
        parsed.node = node
        if node is not None:
            value = _walk(loader, node, (), path, first_line, parsed)
            if not parsed.problems:
                parsed.value = value
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        alias = isinstance(error, yaml.composer.ComposerError) and "Verweise" in str(error.problem)
        parsed.problems.append(Problem(path, line, "", _yaml_message(error, text),
                                       code="yaml.alias" if alias else "yaml.syntax"))
    except yaml.reader.ReaderError as error:
        line = first_line + text[: error.position].count("\n")
        parsed.problems.append(Problem(path, line, "", f"unerlaubtes Zeichen U+{error.character:04X}"
                                                       if isinstance(error.character, int) else
                                                       "unerlaubtes Zeichen in der Datei", code="yaml.bad-character"))
    except RecursionError:
        parsed.problems.append(Problem(path, first_line, "", "zu tief verschachtelt; "
                                                             "vereinfachen Sie die Struktur",
                                       code="yaml.too-deep"))
    except (ValueError, TypeError, OverflowError) as error:
        parsed.problems.append(Problem(path, first_line, "", f"Wert kann nicht gelesen werden: {error}",
                                       code="yaml.unreadable-value"))
    finally:
        if loader is not None:
            loader.dispose()
    return parsed


def _refuse_aliases(text: str) -> None:
    """Aliases can expand exponentially ("billion laughs") and editors do not need them."""
    for event in yaml.parse(text, Loader=_ContentLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "YAML-Verweise (*name) werden nicht unterstützt; schreiben Sie den Wert aus",
                event.start_mark)  # type: ignore[arg-type]  # libyaml's Mark has the same fields


def _walk(loader: _ContentLoader, node: yaml.Node, at: Path, path: str, first_line: int, parsed: Parsed) -> Any:
    """Build the value of `node` (lines are looked up later, only when needed: `Parsed.lines`).

    Foreign tags and duplicate keys become problems. Scalars go through PyYAML's own safe
    constructors, so typing is exactly YAML's; building the collections here saves PyYAML a
    second walk over the document.
    """
    if node.tag not in _PLAIN_TAGS:
        line = first_line + node.start_mark.line
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        parsed.problems.append(Problem(path, line, dotted(at), f"der YAML-Tag '{tag}' ist nicht erlaubt "
                                       "(er wird nie ausgeführt); entfernen Sie ihn", code="yaml.tag-refused"))
        return None
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                parsed.problems.append(Problem(path, first_line + key_node.start_mark.line,
                                               dotted(at), "ein Feldname muss einfacher Text sein",
                                               code="yaml.key-not-text"))
                continue
            key = key_node.value
            key_line = first_line + key_node.start_mark.line
            if key in seen:
                parsed.problems.append(Problem(path, key_line, dotted((*at, key)),
                                               f"Feld doppelt; es steht schon in Zeile {seen[key]}",
                                               code="yaml.duplicate-key"))
                continue
            seen[key] = key_line
            mapping[key] = _walk(loader, value_node, (*at, key), path, first_line, parsed)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_walk(loader, item, (*at, index), path, first_line, parsed) for index, item in enumerate(node.value)]
    if node.tag == _STR_TAG:  # most values are plain text
        return node.value
    return loader.yaml_constructors[node.tag](loader, node)


def dotted(at: Path) -> str:
    """`('sources', 0, 'stand')` → `sources[0].stand`."""
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


#: Parser wordings (libyaml's and PyYAML's differ) → what an editor should do, in German.
_YAML_HINTS = (
    ("mapping values are not allowed",
     "ein Doppelpunkt mit Leerzeichen steht mitten im Text; setzen Sie den Text in Anführungszeichen"),
    ("could not find expected ':'", "nach einem Feldnamen fehlt ':' (Feldname: Wert)"),
    ("found undefined alias", "YAML-Verweise (*name) werden nicht unterstützt"),
    ("cannot start any token",
     "ein Wert beginnt mit einem Zeichen, das YAML nicht erlaubt (z. B. @, ` oder %); setzen Sie ihn in "
     "Anführungszeichen"),
    ("found unexpected end of stream",
     "die Datei endet mitten in einem Wert; fehlt ein schließendes Anführungszeichen oder eine Klammer?"),
    ("did not find expected key",
     "die Einrückung passt nicht zu den Zeilen davor; rücken Sie gleichrangige Felder gleich weit ein"),
    ("did not find expected '-' indicator",
     "in einer Liste beginnt jeder Eintrag mit '- ' und gleicher Einrückung"),
    ("expected <block end>",
     "die Einrückung passt nicht zu den Zeilen davor; rücken Sie gleichrangige Felder gleich weit ein"),
    ("did not find expected node content", "nach ':' oder '- ' fehlt ein Wert"),
    ("found unknown escape character",
     "ein \\ in Anführungszeichen leitet ein Sonderzeichen ein; schreiben Sie \\\\ oder einfache Anführungszeichen"),
)
_TAB_HINT = ("in der Einrückung steht ein Tabulator; YAML erlaubt nur Leerzeichen – ersetzen Sie den "
             "Tabulator durch Leerzeichen (Ihr Editor kann „Tabs in Leerzeichen umwandeln“)")


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or "ungültiges YAML"
    if problem.startswith("YAML-"):  # already our own message
        return problem
    mark = error.problem_mark or error.context_mark
    if mark is not None and _indented_with_tab(text, mark.line):
        return f"YAML-Syntaxfehler: {_TAB_HINT}"
    for english, german in _YAML_HINTS:
        if english in problem:
            return f"YAML-Syntaxfehler: {german}"
    return ("YAML-Syntaxfehler: prüfen Sie in dieser Zeile Einrückung, Doppelpunkte und Anführungszeichen "
            f"(der Parser meldet: {problem})")


def _indented_with_tab(text: str, index: int) -> bool:
    """Whether the line (or the one before, where parsers often point) starts with a tab."""
    lines = text.split("\n")
    candidates = [lines[i] for i in (index, index - 1) if 0 <= i < len(lines)]
    return any("\t" in line[: len(line) - len(line.lstrip())] for line in candidates)


def split_front_matter(path: str, text: str) -> tuple[str, int, str, int] | Problem:
    """Split a Markdown file into (front matter, its first line, body, body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Problem(path, 1, "", "der Steckbrief fehlt: die Datei muss mit einer Zeile '---' "
                                    "beginnen, dann YAML, dann wieder '---'", code="front-matter.missing")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            return front, 2, body, index + 2
    return Problem(path, 1, "", "der Steckbrief wird nicht mit einer Zeile '---' abgeschlossen",
                   code="front-matter.unclosed")
