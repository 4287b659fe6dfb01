"""Page addresses every feature shares: the handout folder, built file names, relative links."""

from __future__ import annotations

import posixpath
from functools import lru_cache

#: Where the handout PDFs (and other published files, e.g. calendars) lie inside the site.
HANDOUT_FOLDER = "handouts"


#: What a handout's large-print twin adds to its file name: `modul-m06.pdf` → `modul-m06-grossdruck.pdf`.
LARGE_PRINT_SUFFIX = "-grossdruck"


def large_print_name(name: str) -> str:
    stem, dot, extension = name.rpartition(".")
    return f"{stem}{LARGE_PRINT_SUFFIX}{dot}{extension}"


def html_of(page: str) -> str:
    """The built file of a docs page: `module/m06.md#ziele` → `module/m06.html#ziele`."""
    path, hash_sign, anchor = page.partition("#")
    return f"{path.removesuffix('.md')}.html{hash_sign}{anchor}"


@lru_cache(maxsize=65536)
def relative(target: str, folder: str) -> str:
    """`posixpath.relpath`, remembered: pages link the same targets from few folders."""
    return posixpath.relpath(target, folder)


def from_page(target: str, page: str) -> str:
    """`target` (docs-relative) as a link from the docs page `page`."""
    return relative(target, posixpath.dirname(page) or ".")
