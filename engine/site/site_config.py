"""`mkdocs.yml` as the check reads it: the `nav` with the line of each entry, and a few settings.

MkDocs' own loader (used by the build and the command line) knows no lines; the check needs them
to point an editor at the entry to fix. The file is only composed, never constructed, so tags
such as `!ENV` or `!!python/name:` are neither run nor refused.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from engine.core.problems import Problem

SITE_CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class NavEntry:
    """One page, slot or address named in the `nav`, and where."""

    line: int
    target: str


@dataclass(frozen=True)
class SiteSource:
    """What the check needs of `mkdocs.yml`."""

    path: str
    nav: tuple[NavEntry, ...] | None
    """None without a `nav`: MkDocs then lists every page by itself."""
    omitted_pages_fail: bool
    """Whether MkDocs' strict build fails on a hand-written page missing from the `nav`."""
    extra: tuple[str, ...] = ()
    """The names under `extra:`, which mkdocs-macros offers to pages as variables."""
    outdated: tuple[Problem, ...] = ()
    """Settings of an earlier engine, with what to write instead (see CHANGELOG.md)."""


def read_site_source(path: str, text: str) -> SiteSource | Problem:
    """The `nav` entries and settings of `mkdocs.yml`, or the problem that keeps it from being read."""
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return Problem(path, mark.line + 1 if mark else 1, "", f"YAML-Syntaxfehler: {getattr(error, 'problem', error)}",
                       code="site.yaml-syntax")
    top = _mapping(document)
    nav_node = top.get("nav")
    nav = tuple(_nav_entries(nav_node)) if nav_node is not None else None
    return SiteSource(path, nav, _omitted_pages_fail(top.get("validation")),
                      tuple(_mapping(top.get("extra"))), tuple(_outdated(path, top)))


def _outdated(path: str, top: dict[str, yaml.Node]) -> list[Problem]:
    """A `mkdocs.yml` written for the engine before its plugin: each line to change, and how."""
    problems = []
    hooks = top.get("hooks")
    for node in hooks.value if isinstance(hooks, yaml.SequenceNode) else []:
        if isinstance(node, yaml.ScalarNode) and ("mkdocs_hooks" in node.value or node.value.startswith("macros/")):
            problems.append(Problem(path, node.start_mark.line + 1, "hooks",
                                    f"'{node.value}' gibt es nicht mehr: die Engine ist jetzt das Plugin 'portal'; "
                                    "löschen Sie diesen Eintrag und schreiben Sie unter plugins als ersten "
                                    "Eintrag '- portal'", code="site.outdated-hooks"))
    public_url = _mapping(top.get("extra")).get("public_url")
    if isinstance(public_url, yaml.ScalarNode) and public_url.value:
        problems.append(Problem(path, public_url.start_mark.line + 1, "extra.public_url",
                                "die öffentliche Adresse ist jetzt eine Einstellung des Plugins: schreiben Sie sie "
                                f"unter plugins als '- portal: {{public_url: \"{public_url.value}\"}}' und löschen "
                                "Sie sie unter extra", code="site.outdated-public-url"))
    return problems


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _nav_entries(node: yaml.Node) -> list[NavEntry]:
    """Every scalar target of the `nav`, in order: `- page.md`, `- Titel: page.md`, nested lists."""
    if isinstance(node, yaml.ScalarNode):
        return [NavEntry(node.start_mark.line + 1, str(node.value))] if node.value else []
    if isinstance(node, yaml.SequenceNode):
        return [entry for item in node.value for entry in _nav_entries(item)]
    if isinstance(node, yaml.MappingNode):
        return [entry for _, value in node.value for entry in _nav_entries(value)]
    return []


def _omitted_pages_fail(validation: yaml.Node | None) -> bool:
    """MkDocs' `validation.omitted_files` (also written as `validation.nav.omitted_files`) is `warn`."""
    settings = _mapping(validation)
    level = settings.get("omitted_files") or _mapping(settings.get("nav")).get("omitted_files")
    return isinstance(level, yaml.ScalarNode) and level.value == "warn"
