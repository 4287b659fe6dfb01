"""Drawings cached by the hash of their input: an unchanged build runs neither Graphviz nor matplotlib.

Like the handouts' cache: files under `.cache/city/` named by the hash, plus a memo for the
process, so the site and the handouts of one build draw each picture once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

_memo: dict[str, str] = {}
#: Part of every key: a change to the drawing code (any file of this package) draws again.
CODE_VERSION = hashlib.sha256(b"".join(path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py"))
                                       )).hexdigest()[:12]


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\n\0".join(parts).encode()).hexdigest()[:32]


def cached(key: str, draw: Callable[[], str], folder: Path | None) -> str:
    """The drawing stored under `key`, made by `draw` only when neither memo nor folder has it."""
    if key in _memo:
        return _memo[key]
    path = folder / f"{key}.svg" if folder is not None else None
    if path is not None and path.is_file():
        text = path.read_text(encoding="utf-8")
    else:
        text = draw()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(".partial")
            partial.write_text(text, encoding="utf-8")
            partial.replace(path)
    _memo[key] = text
    return text


def forget() -> None:
    """Empty the process memo (tests and benchmarks measure the folder cache alone)."""
    _memo.clear()

