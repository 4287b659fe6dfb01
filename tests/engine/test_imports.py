"""The engine's imports, file by file: no circle (not even through an import inside a function), and
the layers the architecture promises — the core imports nothing of the rest, the site and handout
layers import no feature, and only the entry points import `engine.portal`."""

from __future__ import annotations

import ast
from pathlib import Path

from builders import REPO

ENGINE = REPO / "engine"

#: Who may import whom, by the first part below `engine.` (a module of its own counts as itself).
ALLOWED = {
    "core": {"core"},
    "features": {"core", "features"},
    "site": {"core", "site"},
    "handouts": {"core", "site", "handouts"},
    "checking": {"core", "site"},
    "portal": {"core", "features", "site", "handouts", "checking"},
    "plugin": {"core", "site", "handouts", "portal", "plugin"},
    "cli": {"core", "handouts", "portal", "plugin", "features"},
    "__main__": {"cli"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def engine_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(ENGINE.rglob("*.py"))}


def imports_of(path: Path, name: str, modules: set[str]) -> set[str]:
    """Every engine module `path` imports, at any depth (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        found.update(target for target in targets if target in modules and target != name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = engine_modules()
    names = set(modules)
    return {name: imports_of(path, name, names) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_circle_between_files() -> None:
    assert circles(import_graph()) == []


def test_the_circle_finder_finds_a_circle_through_a_function_import(tmp_path: Path) -> None:
    """Two files that import each other, one of them inside a function, as city_html once did."""
    first = tmp_path / "first.py"
    first.write_text("from engine.second import helper\n", encoding="utf-8")
    second = tmp_path / "second.py"
    second.write_text("def helper():\n    from engine.first import thing\n    return thing\n", encoding="utf-8")
    names = {"engine.first", "engine.second"}
    graph = {"engine.first": imports_of(first, "engine.first", names),
             "engine.second": imports_of(second, "engine.second", names)}
    assert circles(graph) == [["engine.first", "engine.second"]]


def test_imports_keep_to_the_layers() -> None:
    wrong = []
    for name, targets in sorted(import_graph().items()):
        layer = name.split(".")[1] if "." in name else "engine"
        if layer not in ALLOWED:
            continue
        for target in sorted(targets):
            target_layer = target.split(".")[1] if "." in target else "engine"
            if target_layer not in ALLOWED[layer]:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_every_engine_package_is_in_a_layer() -> None:
    """A new top-level package must be placed in ALLOWED, or the layer test would not see it."""
    tops = {name.split(".")[1] for name in engine_modules() if "." in name}
    assert tops <= set(ALLOWED)
