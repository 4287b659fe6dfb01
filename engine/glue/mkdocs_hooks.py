"""The thin MkDocs layer: load and check the content, add the generated pages, publish safely.

Everything real happens in plain modules (`sources`, `pages`, `nav`, `publish`); this file
only wires them into MkDocs' events, so a move to another static-site tool stays cheap.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from engine.core.editions import Edition, for_edition
from engine.core.problems import ContentError, HandoutError, errors_of
from engine.core.urls import HANDOUT_FOLDER
from engine.glue import state as glue_state
from engine.portal import REGISTRY, check_project, generate_pages, plan_handouts
from engine.site.assets import POLYFILLS, SCRIPTS, STYLESHEETS, all_assets
from engine.site.nav import expand_sections
from engine.site.publish import discard, publish, staging_dir
from engine.site.theme_html import repair_theme_html

log = get_plugin_logger("portal")


class _WarningCounter(logging.Handler):
    """Counts warnings like MkDocs' strict mode does, to know whether publishing is safe."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_command = "build"
_counter = _WarningCounter()
_targets: dict[str, Path] = {}


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(100)  # before mkdocs-macros, whose define_env reads the loaded project
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        edition = Edition(os.environ.get("QP_EDITION", Edition.PUBLIC))
    except ValueError:
        raise PluginError(f"QP_EDITION muss 'public' oder 'internal' sein, nicht "
                          f"{os.environ['QP_EDITION']!r}") from None
    try:
        checked, problems = check_project(root, Path(config.docs_dir))
        if errors_of(problems):
            raise ContentError(problems)
        for warning in problems:  # info, not warning: `mkdocs build --strict` would stop on it
            log.info("%s", warning)
        project = for_edition(checked, edition)
    except ContentError as error:
        # Raised before MkDocs cleans the output folder, so the last good site stays.
        raise PluginError(f"Die Inhalte haben Fehler:\n{error}") from None
    pages = generate_pages(project, edition, root)
    glue_state.set_current(glue_state.BuildState(root, edition, project, pages))
    config.nav = expand_sections(config.nav, pages, REGISTRY.nav)
    # The programme's file is the one place for its name: mkdocs.yml cannot disagree with it.
    config.site_name = project.programme.name
    config.site_description = project.programme.tagline
    config.copyright = project.programme.publisher
    config.extra["qp_edition"] = edition.value
    _add_engine_assets(config)
    site_dir = Path(config.site_dir)
    if edition is Edition.INTERNAL and not site_dir.name.endswith("-intern"):
        # The internal edition never lands where the public site is published from.
        site_dir = site_dir.with_name(f"{site_dir.name}-intern")
    if _command != "serve":
        _targets["site"] = site_dir
        _targets["staging"] = staging_dir(site_dir)
        config.site_dir = str(_targets["staging"])
        _counter.count = 0
        logging.getLogger("mkdocs").addHandler(_counter)
    else:
        config.site_dir = str(site_dir)
    return config


def _add_engine_assets(config: MkDocsConfig) -> None:
    """The engine's styles and scripts, before the programme's own (which may override them).

    Runs before the offline plugin's `on_config`, which adds a CDN address for the search shim
    unless a local one is among the polyfills already."""
    config.extra_css[:0] = [a.url for a in STYLESHEETS if a.url not in config.extra_css]
    known = {str(script) for script in config.extra_javascript}
    config.extra_javascript[:0] = [ExtraScriptValue(a.url) for a in SCRIPTS if a.url not in known]
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [*(a.url for a in POLYFILLS if a.url not in polyfills), *polyfills]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = glue_state.current()
    for engine_asset in (*all_assets(), *REGISTRY.assets):
        if files.get_file_from_path(engine_asset.url) is None:
            files.append(File.generated(config, engine_asset.url, abs_src_path=str(engine_asset.source)))
    for page in state.pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} gibt es schon; diese Seite wird aus den Inhalten "
                              f"erzeugt. Benennen Sie die Datei in docs/ um.")
        files.append(File.generated(config, page.path, content=page.markdown))
    for name, pdf in _handouts(state, config).items():
        files.append(File.generated(config, f"{HANDOUT_FOLDER}/{name}", abs_src_path=str(pdf)))
    for feature in REGISTRY.features:
        for name, text in (feature.files(state.project) if feature.files else {}).items():
            files.append(File.generated(config, f"{HANDOUT_FOLDER}/{name}", content=text))
    return files


def _handouts(state: glue_state.BuildState, config: MkDocsConfig) -> dict[str, Path]:
    """The handout PDFs of this build: rendered where missing; under `serve` only cached ones."""
    if os.environ.get("QP_HANDOUTS") == "off":  # benchmarks of the site alone
        return {}
    # Imported here: a build without handouts does not pay for them.
    from engine.core.printer import MarkdownSetup
    from engine.handouts.build import build_handouts, cached_path, handout_cache, terminal_progress

    setup = MarkdownSetup.of(list(config.markdown_extensions), dict(config.mdx_configs))
    handouts = plan_handouts(state.project, setup, str(config.extra.get("public_url") or ""), state.root)
    cache = handout_cache(state.root, state.edition)
    if _command == "serve":  # keep the preview fast: no rendering, link what the cache has
        return {h.name: cached_path(cache, h) for h in handouts if cached_path(cache, h).is_file()}
    try:
        report = build_handouts(handouts, state.root, cache, progress=terminal_progress)
    except HandoutError as error:
        raise PluginError(str(error)) from None
    log.info("Handouts: %d neu erstellt, %d aus dem Zwischenspeicher (%.1f s)",
             len(report.rendered), len(report.reused), report.seconds)
    return report.files


def on_post_page(output: str, page: Page, **_: Any) -> str:
    for feature in REGISTRY.features:  # e.g. the planner's data and scripts, kept out of the Markdown
        transform = feature.post_page.get(page.file.src_uri)
        if transform is not None:
            output = transform(output, glue_state.current().project)
    return repair_theme_html(output)


def on_post_template(output_content: str, **_: Any) -> str:  # the 404 page and other theme pages
    return repair_theme_html(output_content)


@event_priority(-200)  # after every other plugin, e.g. the offline plugin's search index
def on_post_build(config: MkDocsConfig) -> None:
    if "staging" not in _targets:
        return
    logging.getLogger("mkdocs").removeHandler(_counter)
    if config.strict and _counter.count:
        return  # MkDocs aborts right after this; on_build_error discards the staging folder
    publish(_targets.pop("staging"), _targets["site"])
    log.info("Seite veröffentlicht in %s", _targets["site"])


def on_build_error(error: Exception, **_: Any) -> None:
    logging.getLogger("mkdocs").removeHandler(_counter)
    if "staging" in _targets:
        discard(_targets.pop("staging"))
