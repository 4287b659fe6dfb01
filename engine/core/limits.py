"""Size limits of the sources, checked before anything is parsed or rendered.

Without them one pasted megabyte in a title passes the check and makes the build run for
minutes; with them it is rejected in milliseconds with a message that says what to do.
"""

from __future__ import annotations

#: Characters of a name, title, label or keyword (one line).
SHORT_TEXT = 300
#: Characters of a paragraph field: a summary, description, objective, note.
LONG_TEXT = 4000
#: Characters of a module's Markdown body.
BODY_TEXT = 150_000
#: Bytes of one source file; a glossary of about 800 terms still fits.
MAX_FILE_BYTES = 512 * 1024


def kib(size: int) -> str:
    """Bytes as German KiB text: 524288 → '512 KiB'."""
    return f"{size // 1024}\u00a0KiB"
