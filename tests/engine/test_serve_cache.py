"""Under `serve`, a rebuild reuses what did not change — and shows exactly what a fresh build would."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from engine.plugin.plugin import PortalPlugin
from engine.plugin.serve_cache import Reuse

SERVE_URL = "http://127.0.0.1:8000/"


class Serve:
    """What `mkdocs serve` does on every saved file: load `mkdocs.yml` again and build (MkDocs
    keeps plugin instances that have `on_startup` across the loads)."""

    def __init__(self, project: Path, site: Path, strict: bool = True) -> None:
        self.project, self.site, self.strict = project, site, strict
        self.config = self._load()
        self.config.plugins.on_startup(command="serve", dirty=False)

    def _load(self) -> MkDocsConfig:
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site), strict=self.strict)
        config.site_url = SERVE_URL
        return config

    def rebuild(self) -> Reuse:
        config = self._load()
        build(config, serve_url=SERVE_URL)
        portal = config.plugins["portal"]
        assert isinstance(portal, PortalPlugin) and portal.serve_cache is not None
        return portal.serve_cache.last

    def pages(self) -> dict[str, bytes]:
        return {p.relative_to(self.site).as_posix(): p.read_bytes() for p in self.site.rglob("*") if p.is_file()}


@pytest.fixture
def serve(tiny: Path, tmp_path: Path) -> Serve:
    return Serve(tiny, tmp_path / "served")


def test_a_rebuild_with_no_change_reuses_every_page_and_writes_the_same_site(serve: Serve) -> None:
    first = serve.rebuild()
    assert first.reused_pages == first.reused_conversions == 0  # the first build renders everything
    written = serve.pages()
    again = serve.rebuild()
    assert again.converted == again.rendered == 0
    assert again.reused_pages == first.rendered and again.reused_conversions == first.converted > 10
    assert serve.pages() == written  # every page, the search index and the assets, byte for byte


def test_an_edited_module_shows_its_edit_and_only_the_pages_it_changes_are_made_again(
        serve: Serve, caplog: pytest.LogCaptureFixture) -> None:
    first = serve.rebuild()
    module = serve.project / "curriculum/modules/M01-grundlagen.md"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "Sie helfen im Alltag. Der", "Sie helfen im Alltag. Messmarke im Modultext. Der"), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.portal"):
        again = serve.rebuild()
    told = [r.getMessage().removeprefix("portal: ") for r in caplog.records if "Vorschau:" in r.getMessage()]
    assert told == [f"Vorschau: {again.rendered}\u00a0Seite{'n' if again.rendered != 1 else ''} neu erstellt, "
                    f"{again.reused_pages}\u00a0Seiten unverändert übernommen"]
    assert "Messmarke im Modultext." in (serve.site / "module/m01.html").read_text(encoding="utf-8")
    assert 1 <= again.converted < first.converted / 2
    assert 1 <= again.rendered < first.rendered / 2
    assert again.reused_pages + again.rendered == first.rendered


def test_a_changed_title_renders_every_page_again_for_the_navigation(serve: Serve) -> None:
    first = serve.rebuild()
    module = serve.project / "curriculum/modules/M01-grundlagen.md"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "title: Grundlagen der Nachbarschaftshilfe", "title: Grundlagen der guten Nachbarschaft"), encoding="utf-8")
    again = serve.rebuild()
    assert again.reused_pages == 0 and again.rendered == first.rendered
    pages_naming_it = [name for name, html in serve.pages().items()
                       if name.endswith(".html") and "Grundlagen der guten Nachbarschaft" in html.decode()]
    assert "module/m01.html" in pages_naming_it and len(pages_naming_it) > 2


def test_the_served_site_equals_a_fresh_build_after_an_edit(serve: Serve, tmp_path: Path) -> None:
    serve.rebuild()
    page = serve.project / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNoch ein Satz für die Startseite.\n", encoding="utf-8")
    serve.rebuild()
    served = serve.pages()
    shutil.rmtree(serve.site)
    fresh = Serve(serve.project, serve.site)  # a new `serve`: nothing kept
    fresh.rebuild()
    assert fresh.pages() == served


def test_a_reused_conversion_logs_its_warnings_again(serve: Serve, caplog: pytest.LogCaptureFixture,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    convert = Page.render

    def convert_with_a_warning(page: Page, config: MkDocsConfig, files: Files) -> None:
        logging.getLogger("mkdocs.structure.pages").warning("Messwarnung zu %s", page.file.src_uri)
        convert(page, config, files)

    monkeypatch.setattr(Page, "render", convert_with_a_warning)
    serve.strict = False  # strict, the warnings would stop the build
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        serve.rebuild()
        first = sorted(r.getMessage() for r in caplog.records if "Messwarnung" in r.getMessage())
        caplog.clear()
        again = serve.rebuild()
        second = sorted(r.getMessage() for r in caplog.records if "Messwarnung" in r.getMessage())
    assert again.converted == 0 and again.reused_conversions == len(first) > 10
    assert second == first


def test_a_build_keeps_nothing_between_runs(tiny: Path, tmp_path: Path) -> None:
    config = load_config(str(tiny / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    portal = config.plugins["portal"]
    assert isinstance(portal, PortalPlugin) and portal.serve_cache is None
    assert "portal-serve-cache" not in config.plugins


def test_beyond_its_limit_the_cache_keeps_no_more_and_the_rest_is_made_again(
        serve: Serve, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("engine.plugin.serve_cache.KEPT_AT_MOST", 200_000)
    first = serve.rebuild()
    written = serve.pages()
    again = serve.rebuild()
    assert 0 < again.reused_pages < first.rendered and again.rendered == first.rendered - again.reused_pages
    assert serve.pages() == written
