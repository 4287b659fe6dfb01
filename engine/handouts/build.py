"""Make the planned handouts: cached by the hash of their HTML, rendered in parallel processes.

WeasyPrint is single-threaded, so each handout goes to its own worker process. A handout
whose HTML is unchanged is taken from the cache, so a rebuild renders only what changed.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from engine.core.printer import Handout


@dataclass
class HandoutReport:
    """What a run did: which handouts were rendered, which came from the cache, and where."""

    files: dict[str, Path] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    seconds: float = 0.0


def handout_cache(root: Path, edition: str) -> Path:
    """The cache folder of one edition (each prunes only its own PDFs)."""
    return root / ".cache" / "handouts" / edition


def other_caches(root: Path, edition: str) -> tuple[Path, ...]:
    """The caches of the other editions, which lend what they already rendered."""
    folder = root / ".cache" / "handouts"
    return tuple(sorted(path for path in folder.iterdir() if path.is_dir() and path.name != edition)) \
        if folder.is_dir() else ()


def cached_path(cache: Path, handout: Handout) -> Path:
    return cache / f"{handout.key}-{handout.name}"


def _render_one(handout: Handout, root: Path, target: Path) -> str:
    from engine.core.pdf import render_pdf  # in the worker only: see engine/core/pdf.py

    _put(target, render_pdf(handout.html, root, handout.title, handout.base))
    return handout.name


def _put(target: Path, pdf: bytes) -> None:
    partial = target.with_suffix(".partial")
    partial.write_bytes(pdf)
    partial.rename(target)  # a cut-off run never leaves a half-written PDF in the cache


def build_handouts(handouts: list[Handout], root: Path, cache: Path,
                   progress: Callable[[int, int, str], None] | None = None,
                   workers: int | None = None, lenders: tuple[Path, ...] = ()) -> HandoutReport:
    """Render what the cache lacks (in parallel), and return where every PDF is.

    `lenders` are other caches (another edition's) whose very same PDFs are copied, not rendered."""
    started = time.perf_counter()
    cache.mkdir(parents=True, exist_ok=True)
    report = HandoutReport()
    missing = []
    for handout in handouts:
        target = cached_path(cache, handout)
        report.files[handout.name] = target
        if target.is_file() or _borrowed(target, lenders):
            report.reused.append(handout.name)
        else:
            missing.append((handout, target))
    if missing:
        count = workers or min(len(missing), os.cpu_count() or 1)
        # Longest first (by the length of the HTML, which follows the pages): the last one to
        # finish is then a short one, and the workers end at about the same time.
        missing.sort(key=lambda job: len(job[0].html), reverse=True)
        with ProcessPoolExecutor(max_workers=count) as pool:
            futures = [pool.submit(_render_one, handout, root, target) for handout, target in missing]
            for done, future in enumerate(as_completed(futures), start=1):
                name = future.result()
                report.rendered.append(name)
                if progress:
                    progress(done, len(missing), name)
    _prune(cache, set(report.files.values()))
    report.seconds = time.perf_counter() - started
    return report


def _borrowed(target: Path, lenders: tuple[Path, ...]) -> bool:
    """Whether a lender had the very same handout (same name, same HTML) and lent it: the
    internal edition shares all but a few PDFs with the public one."""
    for lender in lenders:
        lent = lender / target.name
        if lent.is_file():
            _put(target, lent.read_bytes())
            return True
    return False


def _prune(cache: Path, keep: set[Path]) -> None:
    """Drop cached PDFs no handout refers to any more, so the cache does not grow forever."""
    for path in cache.glob("*.pdf"):
        if path not in keep:
            path.unlink()


def terminal_progress(done: int, total: int, name: str) -> None:
    """A one-line progress display on a terminal; silent when output goes to a file."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[KHandouts {done}/{total}: {name}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def copy_handouts(report: HandoutReport, destination: Path) -> None:
    """Put the PDFs under their public names into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name, path in report.files.items():
        shutil.copyfile(path, destination / name)
