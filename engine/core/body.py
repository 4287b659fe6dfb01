"""Transformations of a module's Markdown body: the trainer part and the participant view."""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.core.vocabulary import EXERCISE_PREFIX, SOLUTION_LABEL, SOLUTIONS_HEADING, TRAINER_HEADING

_UNSAFE_HTML = re.compile(
    r"<\s*/?\s*(script|style|iframe|frame|object|embed|form|input|button|textarea|link|meta|base|svg|math)\b"
    r"|\bon[a-z]+\s*=|javascript\s*:",
    re.IGNORECASE,
)
_H2 = re.compile(r"^##\s+(?P<title>.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Exercise:
    """An exercise section (`## Übung: …`): its task for participants and its solution for trainers."""

    title: str
    task: str
    solution: str


@dataclass(frozen=True)
class SplitBody:
    """A module body cut into the part for everyone and the trainer notes.

    The exercises' solutions („Lösungshinweis …“ to the end of the exercise) belong to the
    trainer part: participants get the exercises as worksheets.
    """

    participant: str
    trainer: str
    exercises: tuple[Exercise, ...] = ()

    @property
    def has_trainer_notes(self) -> bool:
        return bool(self.trainer.strip())


def _headings(lines: list[str], pattern: re.Pattern[str]) -> list[re.Match[str] | None]:
    """Each line's heading match, None for lines that are no heading (or inside a code fence)."""
    found: list[re.Match[str] | None] = []
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        found.append(None if in_fence else pattern.match(line))
    return found


def split_body(body: str) -> SplitBody:
    """Cut out the '## Hinweise für Trainer:innen' section (up to the next '##' heading) and the
    exercises' solutions; the solutions are added to the trainer part under their exercise."""
    participant: list[str] = []
    trainer: list[str] = []
    exercises: list[tuple[str, list[str], list[str]]] = []
    in_trainer = in_solution = False
    lines = body.split("\n")
    for index, (line, heading) in enumerate(zip(lines, _headings(lines, _H2), strict=True)):
        if heading:
            title = heading.group("title").strip()
            in_trainer, in_solution = title == TRAINER_HEADING, False
            if title.startswith(EXERCISE_PREFIX):
                exercises.append((title, [], []))
            elif exercises and not in_trainer:
                exercises.append(("", [], []))  # the exercise ended; later text belongs to no exercise
            if in_trainer:
                continue
        elif exercises and exercises[-1][0] and not in_trainer and line.startswith(SOLUTION_LABEL) \
                and (index == 0 or not lines[index - 1].strip()):
            in_solution = True
        if in_trainer:
            trainer.append(line)
        elif in_solution:
            exercises[-1][2].append(line)
        else:
            participant.append(line)
            if exercises and exercises[-1][0] and not heading:
                exercises[-1][1].append(line)
    found = tuple(Exercise(title, "\n".join(task).strip() + "\n", "\n".join(solution).strip() + "\n")
                  for title, task, solution in exercises if title)
    trainer_text = "\n".join(trainer).strip()
    solved = [exercise for exercise in found if exercise.solution.strip()]
    if solved:
        trainer_text += f"\n\n### {SOLUTIONS_HEADING}\n\n" + "\n".join(
            f"#### {exercise.title}\n\n{exercise.solution}" for exercise in solved)
    participant_text = re.sub(r"\n{3,}", "\n\n", "\n".join(participant).strip()) + "\n"
    return SplitBody(participant_text, trainer_text.strip() + "\n", found)


def section(markdown_text: str, title: str, level: int = 2) -> str:
    """The text under the heading `title` of `level` (without the heading), up to the next heading
    of that level or higher; empty when there is none."""
    pattern = re.compile(rf"^#{{1,{level}}}\s+(?P<title>.+?)\s*#*\s*$")
    lines = markdown_text.split("\n")
    taken: list[str] | None = None
    for line, heading in zip(lines, _headings(lines, pattern), strict=True):
        if heading:
            if taken is not None:
                break
            if heading.group("title").strip() == title and line.startswith("#" * level + " "):
                taken = []
            continue
        if taken is not None:
            taken.append(line)
    return "\n".join(taken).strip() + "\n" if taken else ""


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
