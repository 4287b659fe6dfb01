"""Transformations of a module's Markdown body: the trainer part and the participant view."""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.core.vocabulary import TRAINER_HEADING

_UNSAFE_HTML = re.compile(
    r"<\s*/?\s*(script|style|iframe|frame|object|embed|form|input|button|textarea|link|meta|base|svg|math)\b"
    r"|\bon[a-z]+\s*=|javascript\s*:",
    re.IGNORECASE,
)
_H2 = re.compile(r"^##\s+(?P<title>.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class SplitBody:
    """A module body cut into the part for everyone and the trainer notes."""

    participant: str
    trainer: str

    @property
    def has_trainer_notes(self) -> bool:
        return bool(self.trainer.strip())


def split_body(body: str) -> SplitBody:
    """Cut out the '## Hinweise für Trainer:innen' section (up to the next '##' heading)."""
    participant: list[str] = []
    trainer: list[str] = []
    in_trainer = in_fence = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _H2.match(line)
        if heading:
            in_trainer = heading.group("title").strip() == TRAINER_HEADING
            if in_trainer:
                continue
        (trainer if in_trainer else participant).append(line)
    return SplitBody("\n".join(participant).strip() + "\n", "\n".join(trainer).strip() + "\n")


def split_lead(markdown_text: str) -> tuple[str, str]:
    """(first paragraph, the rest) when the text opens with a paragraph, else ('', text).

    Pages put the lead before their fact list, so search previews and readers see what a
    module is for, not its metadata.
    """
    stripped = markdown_text.lstrip("\n")
    first, _, rest = stripped.partition("\n\n")
    opening = first.lstrip()[:1]
    if not first.strip() or opening in ("#", "-", "*", "|", ">", "!", "<", "`", "~", "?", "+", ":") or \
            first.lstrip()[:2].rstrip(".").isdigit():
        return "", markdown_text
    return first.strip() + "\n", rest


def collapsible(title: str, markdown: str, kind: str = "info") -> str:
    """Wrap Markdown in a closed Material admonition ('??? kind "title"') by indenting it."""
    indented = "\n".join(f"    {line}" if line.strip() else "" for line in markdown.strip().split("\n"))
    return f'??? {kind} "{title}"\n\n{indented}\n'


def unsafe_html(body: str) -> list[tuple[int, str]]:
    """(line index, what) for HTML in a Markdown body that could run code or load things.

    Bodies are Markdown written by editors; Markdown passes raw HTML through, so anything
    active is refused instead of published.
    """
    # Every pattern needs '<', '=' or 'javascript': most bodies have none and skip the search.
    if ("<" not in body and "=" not in body and "script" not in body.lower()) or not _UNSAFE_HTML.search(body):
        return []
    found = []
    for index, line in enumerate(body.split("\n")):
        match = _UNSAFE_HTML.search(line)
        if match:
            found.append((index, match.group(0).strip()))
    return found
