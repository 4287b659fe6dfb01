"""The MkDocs plugin `portal`: its settings in `mkdocs.yml` are what the build and `./qp` obey."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from builders import build, pdf_text
from mkdocs.config import load_config

from engine.plugin.plugin import PortalPlugin


def set_portal(project: Path, **settings: object) -> None:
    """Write `settings` into the `portal` entry of the project's `mkdocs.yml`."""
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["plugins"] = [{"portal": {**(next(iter(p.values())) or {}), **settings}}
                         if isinstance(p, dict) and "portal" in p else p for p in config["plugins"]]
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


class _Server:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_every_content_folder_of_the_declared_kinds(tiny: Path) -> None:
    config = load_config(str(tiny / "mkdocs.yml"))
    plugin = config.plugins["portal"]
    assert isinstance(plugin, PortalPlugin)
    server = _Server()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert sorted(Path(path).relative_to(tiny).as_posix() for path in server.watched) == [
        "answers", "city", "contacts", "curriculum", "facts.yml", "programme.yml", "role_profiles", "sheets"]


def test_handouts_off_builds_the_site_without_pdfs(tiny: Path, tmp_path: Path) -> None:
    set_portal(tiny, handouts=False)
    result = build(tiny, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert (tmp_path / "site/module/m01.html").is_file()
    assert not list((tmp_path / "site").rglob("*.pdf"))


def test_the_handouts_command_reads_the_public_address_from_the_plugin(tiny: Path, tmp_path: Path) -> None:
    set_portal(tiny, public_url="https://portal.example.org")
    completed = subprocess.run([sys.executable, "-m", "engine", "--root", str(tiny), "handouts", "--out",
                                str(tmp_path / "out")], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    # the address wraps after its slash on paper
    assert "https://portal.example.org/ module/m01.html" in pdf_text(tmp_path / "out/modul-m01.pdf")


def test_an_unknown_edition_is_refused_by_mkdocs(tiny: Path, tmp_path: Path) -> None:
    set_portal(tiny, edition="intern")
    result = build(tiny, tmp_path / "site")
    assert result.returncode == 1
    assert "edition" in result.output and "'public', 'internal'" in result.output
    assert "Traceback" not in result.output


def test_a_rebuild_under_serve_links_the_cached_handouts_without_planning_them_again(
        tiny: Path, tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    from engine.core.printer import MarkdownSetup
    from engine.handouts.build import build_handouts, handout_cache
    from engine.portal import load_checked, plan_handouts

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    config = load_config(str(tiny / "mkdocs.yml"))
    setup = MarkdownSetup.of(list(config.markdown_extensions), dict(config.mdx_configs))
    module = next(h for h in plan_handouts(load_checked(tiny), setup) if h.name == "modul-m01.pdf")
    build_handouts([module], tiny, handout_cache(tiny, "public"))
    plugin = config.plugins["portal"]
    assert isinstance(plugin, PortalPlugin)
    plugin.on_startup(command="serve", dirty=False)
    config = plugin.on_config(config)
    first = plugin._handouts(plugin.state, config)
    assert list(first) == ["modul-m01.pdf"]
    planned: list[object] = []
    monkeypatch.setattr("engine.plugin.plugin.plan_handouts", lambda *args: planned.append(args) or [])
    assert plugin._handouts(plugin.state, config) == first
    assert planned == []
