"""Participant rosters (CSV from `private/`): read strictly, every bad row named, nothing guessed.

Pure: takes the file's bytes. A roster has a column `Name`, optionally `Geburtsdatum`
(TT.MM.JJJJ), and optionally one column per course day, `Tag 1`, `Tag 2`, … with `ja` or
`nein`. Without day columns every participant counts as present on every day.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from engine.core.problems import Problem

PRESENT = frozenset({"ja", "j", "x", "1", "anwesend"})
ABSENT = frozenset({"nein", "n", "0", "", "fehlt", "abwesend"})
_DAY_COLUMN = re.compile(r"tag\s*(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Participant:
    row: int
    name: str
    birth_date: date | None
    absent_days: tuple[int, ...]
    """Course day numbers (from 1) the participant missed."""


def read_roster(path: str, data: bytes, days: int) -> tuple[list[Participant], list[Problem]]:
    """The participants of a roster for a course of `days` days, or the problems of the file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [Problem(path, 1, "", f"die Datei ist nicht UTF-8-kodiert (Byte {data[error.start]:#04x}); "
                                         "speichern Sie sie als „CSV UTF-8“", code="roster.not-utf8")]
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return [], [Problem(path, 1, "", "die Datei ist leer; die erste Zeile nennt die Spalten, z. B. "
                                         "Name;Geburtsdatum;Tag 1;Tag 2", code="roster.empty")]
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [cell.strip() for cell in rows[0]]
    problems: list[Problem] = []
    columns = {cell.casefold(): index for index, cell in enumerate(header)}
    if "name" not in columns:
        problems.append(Problem(path, 1, "", f"die Spalte 'Name' fehlt; gefunden: {', '.join(header)} (Spalten "
                                             f"trennen Sie mit '{delimiter}')", code="roster.name-column-missing"))
    day_columns: dict[int, int] = {}
    for index, cell in enumerate(header):
        match = _DAY_COLUMN.fullmatch(cell)
        if match:
            number = int(match.group(1))
            if not 1 <= number <= days:
                problems.append(Problem(path, 1, "", f"unbekannter Tag '{cell}': der Kurs hat "
                                                     f"{days} Tag{'e' if days != 1 else ''}",
                                        code="roster.day-unknown"))
            day_columns[number] = index
        elif cell.casefold() not in ("name", "geburtsdatum"):
            problems.append(Problem(path, 1, "", f"unbekannte Spalte '{cell}'; erlaubt sind Name, Geburtsdatum "
                                                 "und Tag 1, Tag 2, …", code="roster.column-unknown"))
    if problems:
        return [], problems
    participants = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        participant, row_problems = _participant(path, number, row, header, columns, day_columns)
        problems.extend(row_problems)
        if participant:
            participants.append(participant)
    if not participants and not problems:
        problems.append(Problem(path, 1, "", "die Liste hat keine Teilnehmenden; je Person eine Zeile",
                                code="roster.no-participants"))
    return participants, problems


def _participant(path: str, number: int, row: list[str], header: list[str], columns: dict[str, int],
                 day_columns: dict[int, int]) -> tuple[Participant | None, list[Problem]]:
    if len(row) != len(header):
        return None, [Problem(path, number, "", f"die Zeile hat {len(row)} Felder, die Kopfzeile {len(header)}; "
                                                "steht ein Trennzeichen zu viel oder zu wenig im Namen?",
                                code="roster.row-fields")]
    name = row[columns["name"]].strip()
    problems = []
    if not name:
        problems.append(Problem(path, number, "Name", "der Name ist leer; tragen Sie ihn ein oder löschen Sie "
                                                      "die Zeile", code="roster.name-empty"))
    birth = None
    if "geburtsdatum" in columns and row[columns["geburtsdatum"]].strip():
        raw = row[columns["geburtsdatum"]].strip()
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", raw)
        try:
            birth = date(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else None
        except ValueError:
            birth = None
        if birth is None:
            problems.append(Problem(path, number, "Geburtsdatum", f"'{raw}' ist kein Datum der Form TT.MM.JJJJ, "
                                                                  "z. B. 04.05.1961", code="roster.birth-date"))
    absent = []
    for day, index in sorted(day_columns.items()):
        value = row[index].strip().casefold()
        if value in ABSENT:
            absent.append(day)
        elif value not in PRESENT:
            problems.append(Problem(path, number, f"Tag {day}", f"'{row[index].strip()}' ist weder 'ja' noch "
                                                                "'nein'", code="roster.attendance-value"))
    if problems:
        return None, problems
    return Participant(number, name, birth, tuple(absent)), []
