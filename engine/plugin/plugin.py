"""The MkDocs plugin `portal`: check the content, add the generated pages, publish safely.

Everything real happens in plain modules (`checking`, `site`, `handouts`); this class only wires
them into MkDocs' events, so a move to another static-site tool stays cheap. What one build
knows lives on the plugin instance, which MkDocs keeps across the rebuilds of `mkdocs serve`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from engine.core.editions import Edition, for_edition
from engine.core.inline import fill
from engine.core.loading import content_files
from engine.core.pages import GeneratedPage
from engine.core.problems import ContentError, HandoutError, errors_of
from engine.core.project import Project
from engine.core.urls import HANDOUT_FOLDER
from engine.plugin.config import PortalConfig
from engine.plugin.serve_cache import ServeCachePlugin
from engine.portal import REGISTRY, check_project, generate_pages, plan_handouts
from engine.site.assets import POLYFILLS, SCRIPTS, STYLESHEETS, all_assets
from engine.site.nav import expand_sections
from engine.site.publish import discard, publish, staging_dir
from engine.site.search_inflections import FIELD, TermCache, inflect_index, version
from engine.site.theme_html import repair_theme_html

log = get_plugin_logger("portal")


@dataclass(frozen=True)
class BuildState:
    """The project root, edition, checked project and generated pages of one build."""

    root: Path
    edition: Edition
    project: Project
    pages: list[GeneratedPage]


class _WarningCounter(logging.Handler):
    """Counts warnings like MkDocs' strict mode does, to know whether publishing is safe."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PortalPlugin(BasePlugin[PortalConfig]):  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    """Loads and checks the programme's content and turns it into pages, handouts and navigation."""

    def __init__(self) -> None:
        self.command = "build"
        self._state: BuildState | None = None
        self._counter = _WarningCounter()
        self._site: Path | None = None
        self._staging: Path | None = None
        self._values: dict[str, str] = {}
        self._served_handouts: dict[str, Path] | None = None
        self.serve_cache: ServeCachePlugin | None = None

    @property
    def state(self) -> BuildState:
        """What this build loaded; the pages' macros (`engine.plugin.macros`) read it."""
        if self._state is None:
            raise PluginError("Das Plugin 'portal' hat die Inhalte noch nicht geladen; steht es in mkdocs.yml "
                              "unter plugins vor 'macros'?")
        return self._state

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        # One for the whole `serve`: it keeps what the rebuilds can reuse. A build keeps nothing.
        self.serve_cache = ServeCachePlugin() if command == "serve" else None
        self._served_handouts = None  # MkDocs keeps this instance for every later load in the process

    @event_priority(100)  # before mkdocs-macros, whose define_env reads the loaded project
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        edition = Edition(self.config.edition)
        try:
            checked, problems = check_project(root, Path(config.docs_dir), site_config=Path(config.config_file_path))
            if errors_of(problems):
                raise ContentError(problems)
            for warning in problems:  # info, not warning: `mkdocs build --strict` would stop on it
                log.info("%s", warning)
            project = for_edition(checked, edition)
        except ContentError as error:
            # Raised before MkDocs cleans the output folder, so the last good site stays.
            raise PluginError(f"Die Inhalte haben Fehler:\n{error}") from None
        pages = generate_pages(project, edition, root)
        self._state = BuildState(root, edition, project, pages)
        self._values = REGISTRY.inline_values(project)
        config.nav = expand_sections(config.nav, pages, REGISTRY.nav)
        # The programme's file is the one place for its name: mkdocs.yml cannot disagree with it.
        config.site_name = project.programme.name
        config.site_description = project.programme.tagline
        config.copyright = project.programme.publisher
        config.extra["qp_edition"] = edition.value
        _add_engine_assets(config)
        _add_search_terms(config, root, self.command)
        site_dir = Path(config.site_dir)
        if edition is Edition.INTERNAL and not site_dir.name.endswith("-intern"):
            # The internal edition never lands where the public site is published from.
            site_dir = site_dir.with_name(f"{site_dir.name}-intern")
        if self.command == "serve":
            config.site_dir = str(site_dir)
            if self.serve_cache is not None and "portal-serve-cache" not in config.plugins:
                config.plugins["portal-serve-cache"] = self.serve_cache
            return config
        self._site, self._staging = site_dir, staging_dir(site_dir)
        config.site_dir = str(self._staging)
        self._counter.count = 0
        logging.getLogger("mkdocs").addHandler(self._counter)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        state = self.state
        for engine_asset in (*all_assets(), *REGISTRY.assets):
            if files.get_file_from_path(engine_asset.url) is None:
                files.append(File.generated(config, engine_asset.url, abs_src_path=str(engine_asset.source)))
        for page in state.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} gibt es schon; diese Seite wird aus den Inhalten "
                                  f"erzeugt. Benennen Sie die Datei in docs/ um.")
            files.append(File.generated(config, page.path, content=page.markdown))
        for name, pdf in self._handouts(state, config).items():
            files.append(File.generated(config, f"{HANDOUT_FOLDER}/{name}", abs_src_path=str(pdf)))
        for feature in REGISTRY.features:
            for name, text in (feature.files(state.project, self.config.public_url) if feature.files else {}).items():
                files.append(File.generated(config, f"{HANDOUT_FOLDER}/{name}", content=text))
        return files

    def _handouts(self, state: BuildState, config: MkDocsConfig) -> dict[str, Path]:
        """The handout PDFs of this build: rendered where missing; under `serve` only cached ones."""
        if not self.config.handouts:
            return {}
        if self.command == "serve" and self._served_handouts is not None:
            # A rebuild under `serve` renders no handouts, so planning them all again (a second,
            # longer than the rest of the check) would only find the same files: link those.
            return {name: pdf for name, pdf in self._served_handouts.items() if pdf.is_file()}
        # Imported here: a build without handouts does not pay for them.
        from engine.core.printer import MarkdownSetup
        from engine.handouts.build import build_handouts, cached_path, handout_cache, other_caches, terminal_progress

        setup = MarkdownSetup.of(list(config.markdown_extensions), dict(config.mdx_configs))
        handouts = plan_handouts(state.project, setup, self.config.public_url, state.root)
        cache = handout_cache(state.root, state.edition)
        if self.command == "serve":  # keep the preview fast: no rendering, link what the cache has
            self._served_handouts = {h.name: cached_path(cache, h) for h in handouts if cached_path(cache, h).is_file()}
            return self._served_handouts
        try:
            report = build_handouts(handouts, state.root, cache, progress=terminal_progress,
                                    workers=self.config.workers or None,
                                    lenders=other_caches(state.root, state.edition))
        except HandoutError as error:
            raise PluginError(str(error)) from None
        log.info("Handouts: %d neu erstellt, %d aus dem Zwischenspeicher (%.1f s)",
                 len(report.rendered), len(report.reused), report.seconds)
        return report.files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs makes the theme's environment anew for every build, so Material's templates would
        # be compiled again each time (a quarter of a second, on every rebuild under `serve`);
        # compiled code is keyed by each template's checksum, so a theme update never meets old code.
        env.bytecode_cache = FileSystemBytecodeCache(pattern="__portal_theme_%s.cache")
        return env

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Watch every content folder too, not only `docs/`: an edited module refreshes its page."""
        root = Path(config.config_file_path).parent
        for folder in content_files(REGISTRY.kinds).folders:
            if (root / folder).exists():
                server.watch(str(root / folder))
        return server

    @event_priority(100)  # before mkdocs-macros: a hand-written page's `((id))` is text, not a macro
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return fill(markdown, self._values)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        for feature in REGISTRY.features:  # e.g. the planner's data and scripts, kept out of the Markdown
            transform = feature.post_page.get(page.file.src_uri)
            if transform is not None:
                output = transform(output, self.state.project)
        return repair_theme_html(output)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return repair_theme_html(output_content)  # the 404 page and other theme pages

    @event_priority(-200)  # after every other plugin, e.g. the offline plugin's search index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._staging is None or self._site is None:
            return
        logging.getLogger("mkdocs").removeHandler(self._counter)
        if config.strict and self._counter.count:
            return  # MkDocs aborts right after this; on_build_error discards the staging folder
        publish(self._staging, self._site)
        self._staging = None
        log.info("Seite veröffentlicht in %s", self._site)

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self._counter)
        if self._staging is not None:
            discard(self._staging)
            self._staging = None


class SearchTermsPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # MkDocs leaves it untyped
    """Adds the inflections of each entry's words to the search index Material's search wrote.

    A second plugin, because the portal's own `on_post_build` publishes (last of all), while this
    runs after Material's search (priority 0) and before the offline plugin inlines the index
    into `search_index.js` (-100)."""

    def __init__(self, root: Path, command: str) -> None:
        self.cache = TermCache(root / ".cache" / "search", version(), compute=command != "serve")

    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if not index.is_file():
            return
        before, after = inflect_index(index, self.cache)
        log.info("Suchindex: %d KiB, mit Wortformen %d KiB (%d Einträge neu berechnet)",
                 before // 1024, after // 1024, self.cache.misses)


def _add_search_terms(config: MkDocsConfig, root: Path, command: str) -> None:
    """Where mkdocs.yml declares the field `inflections` for Material's search, fill it."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    fields = getattr(search, "config", {}).get("fields") or {}
    if FIELD in fields and "portal-search" not in config.plugins:
        config.plugins["portal-search"] = SearchTermsPlugin(root, command)


def _add_engine_assets(config: MkDocsConfig) -> None:
    """The engine's styles and scripts, before the programme's own (which may override them).

    Runs before the offline plugin's `on_config`, which adds a CDN address for the search shim
    unless a local one is among the polyfills already."""
    config.extra_css[:0] = [a.url for a in STYLESHEETS if a.url not in config.extra_css]
    known = {str(script) for script in config.extra_javascript}
    config.extra_javascript[:0] = [ExtraScriptValue(a.url) for a in SCRIPTS if a.url not in known]
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [*(a.url for a in POLYFILLS if a.url not in polyfills), *polyfills]
