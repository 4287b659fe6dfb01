"""Running MkDocs from `./qp`: its own config loader, the portal plugin's settings, its log.

`./qp build --internal` sets the plugin's `edition` on the loaded config instead of an
environment variable; `./qp handouts` reads the same config, so the two cannot disagree.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, MkDocsException

from engine.core.editions import Edition
from engine.plugin.config import PortalConfig
from engine.plugin.plugin import PortalPlugin


def site_config(root: Path, **overrides: str | None) -> tuple[MkDocsConfig, PortalConfig]:
    """`mkdocs.yml` read by MkDocs' own loader (with `overrides` such as `site_dir`), and the plugin's settings."""
    config = load_config(str(root / "mkdocs.yml"), **overrides)
    portal = config.plugins.get("portal")
    if not isinstance(portal, PortalPlugin):
        raise ConfigurationError("mkdocs.yml: das Plugin 'portal' fehlt unter plugins (vor 'macros')")
    return config, portal.config


def run_mkdocs(root: Path, command: str, *, internal: bool = False, site_dir: Path | None = None,
               handouts: bool = True) -> int:
    """Run MkDocs on the project, in this process; the portal plugin checks the content first.

    `build` is strict, into `site_dir` if given; `internal` and `handouts` set the plugin's
    `edition` and `handouts` for this run (`handouts=False` also for `serve`, not needed there).
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2, not for editors
    _log_like_mkdocs()
    try:
        if command == "serve":
            serve(str(root / "mkdocs.yml"), livereload=True)
            return 0
        config, portal = site_config(root, site_dir=str(site_dir) if site_dir else None)
        config.strict = True
        portal.edition = Edition.INTERNAL.value if internal else Edition.PUBLIC.value
        portal.handouts = portal.handouts and handouts
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:  # already logged by MkDocs (a PluginError) or a short reason
        message = error.format_message()
        if message and not message.startswith("Aborted with"):
            print(message, file=sys.stderr)
        return 1
    return 0


_COLOURS = {"ERROR": "\033[31m", "CRITICAL": "\033[31m", "WARNING": "\033[33m"}


class _LevelFormatter(logging.Formatter):
    """`WARNING -  message`, like MkDocs' own output, but never wrapped: an editor can search a
    log for `file:line`, and a long message stays one line in CI logs."""

    def __init__(self, colour: bool) -> None:
        super().__init__()
        self.colour = colour

    def format(self, record: logging.LogRecord) -> str:
        prefix = f"{record.levelname:<8}-  "
        if self.colour and record.levelname in _COLOURS:
            prefix = f"{_COLOURS[record.levelname]}{prefix}\033[0m"
        return prefix + super().format(record)


def _log_like_mkdocs() -> None:
    """MkDocs' log on the terminal as `mkdocs build` shows it (what its command line sets up)."""
    logger = logging.getLogger("mkdocs")
    if any(handler.name == "MkDocsStreamHandler" for handler in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(_LevelFormatter(colour=handler.stream.isatty()))
    handler.name = "MkDocsStreamHandler"
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
