"""Clock times of a course: when each block starts and ends, teaching kept apart from breaks.

Pure. The in-browser course planner (`engine/assets/javascripts/planner-schedule.js`) computes the same, step by
step in the same order; `tests/courses/cases.json` holds the cases both must agree on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from engine.features.courses.catalogue import Catalogue
from engine.features.courses.model import Block, Course

#: The kinds of block, and what the schedule calls the ones without a title of their own.
BLOCK_LABELS = {"break": "Pause", "lunch": "Mittagspause"}


@dataclass(frozen=True)
class Slot:
    """One block of a day with its clock times (minutes since midnight, may be fractional)."""

    day: int
    index: int
    kind: str
    """`module`, `activity`, `break` or `lunch`."""
    start: float
    end: float
    title: str
    module: str | None = None
    part: int = 1
    parts: int = 1

    @property
    def minutes(self) -> float:
        return self.end - self.start

    @property
    def teaching(self) -> bool:
        return self.kind == "module"

    @property
    def pause(self) -> bool:
        return self.kind in ("break", "lunch")


@dataclass(frozen=True)
class DayPlan:
    """A course day with its slots in order."""

    index: int
    date: date | None
    start: float
    latest_end: float | None
    slots: tuple[Slot, ...]

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def end(self) -> float:
        return self.slots[-1].end if self.slots else self.start

    @property
    def length(self) -> float:
        return self.end - self.start

    @property
    def teaching_minutes(self) -> float:
        return sum(slot.minutes for slot in self.slots if slot.teaching)

    @property
    def pause_minutes(self) -> float:
        return sum(slot.minutes for slot in self.slots if slot.pause)

    @property
    def other_minutes(self) -> float:
        """Welcome, questions, feedback: time in the room that is neither teaching nor a break."""
        return sum(slot.minutes for slot in self.slots if slot.kind == "activity")


@dataclass(frozen=True)
class Schedule:
    """A course's days with clock times, and how many minutes each module is taught."""

    days: tuple[DayPlan, ...]
    unit_minutes: int
    taught: dict[str, float] = field(default_factory=dict)
    """Teaching minutes per module id, over all its parts."""

    @property
    def teaching_minutes(self) -> float:
        return sum(day.teaching_minutes for day in self.days)

    @property
    def pause_minutes(self) -> float:
        return sum(day.pause_minutes for day in self.days)

    @property
    def ue(self) -> float:
        """Teaching units: teaching minutes only, never breaks or other activities."""
        return self.teaching_minutes / self.unit_minutes


def parse_clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def module_block_minutes(course: Course, catalogue: Catalogue) -> dict[tuple[int, int], float]:
    """Teaching minutes of each module block, keyed by (day, block).

    A block with `minutes` teaches that long; one without teaches what the module's other
    parts leave of its full length (all of it when it is not split). Nothing is clipped here:
    whether the parts add up is for the checks to say.
    """
    given: dict[str, float] = {}
    for day in course.days:
        for block in day.blocks:
            if block.module and block.minutes is not None:
                given[block.module] = given.get(block.module, 0) + block.minutes
    minutes: dict[tuple[int, int], float] = {}
    for day_index, day in enumerate(course.days):
        for index, block in enumerate(day.blocks):
            if block.module:
                full = catalogue.module_minutes(block.module)
                rest = max(full - given.get(block.module, 0), 0.0)
                minutes[(day_index, index)] = float(block.minutes) if block.minutes is not None else rest
    return minutes


def schedule(course: Course, catalogue: Catalogue) -> Schedule:
    """Clock times for every block of `course`: each day starts at its own time."""
    minutes = module_block_minutes(course, catalogue)
    parts: dict[str, int] = {}
    for day in course.days:
        for block in day.blocks:
            if block.module:
                parts[block.module] = parts.get(block.module, 0) + 1
    seen: dict[str, int] = {}
    taught: dict[str, float] = {}
    days = []
    for day_index, day in enumerate(course.days):
        now = float(parse_clock(day.start))
        slots = []
        for index, block in enumerate(day.blocks):
            length = minutes.get((day_index, index)) if block.module else _length(block)
            assert length is not None
            if block.module:
                seen[block.module] = seen.get(block.module, 0) + 1
                taught[block.module] = taught.get(block.module, 0) + length
                slots.append(Slot(day_index, index, "module", now, now + length,
                                  catalogue.module_title(block.module), block.module,
                                  seen[block.module], parts[block.module]))
            else:
                kind = "activity" if block.activity else ("break" if block.break_minutes else "lunch")
                slots.append(Slot(day_index, index, kind, now, now + length, block.activity or BLOCK_LABELS[kind]))
            now += length
        days.append(DayPlan(day_index, day.date, float(parse_clock(day.start)),
                            float(parse_clock(day.latest_end)) if day.latest_end else None, tuple(slots)))
    return Schedule(tuple(days), catalogue.unit_minutes, taught)


def _length(block: Block) -> float:
    return float(block.minutes or block.break_minutes or block.lunch or 0)
