"""Participant rosters: read strictly, every bad row named, nothing guessed.

Pure: takes the file's bytes (`./qp certificates`, a CSV in `private/`) or the text a trainer
pasted (the page „Kursunterlagen drucken“, `engine/assets/javascripts/documents-rules.js`, which
follows `roster_from_text` step by step with the same `MESSAGES`; `tests/courses/documents.json`
holds the cases both must agree on).

A roster has a column `Name`, optionally `Geburtsdatum` (TT.MM.JJJJ), and optionally one column
per course day, `Tag 1`, `Tag 2`, … with `ja` or `nein`. Columns are separated by tabs (copied
from a spreadsheet), semicolons or commas, whichever the first line uses most. Without day
columns every participant counts as present on every day; with them, a blank cell is an error,
never an absence: a forgotten cross must not cost anyone a certificate, nor give one.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from engine.core.problems import Problem

PRESENT = ("ja", "j", "x", "1", "anwesend")
ABSENT = ("nein", "n", "0", "fehlt", "abwesend")
#: Separators in the order they win a tie: a spreadsheet's tab first.
DELIMITERS = ("\t", ";", ",")
DELIMITER_NAMES = {"\t": "Tabulatoren", ";": "';'", ",": "','"}
_DAY_COLUMN = re.compile(r"tag\s*(\d+)", re.IGNORECASE)
_BIRTH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")

#: The wording of every roster problem, by code; the page fills the same templates.
MESSAGES = {
    "roster.not-utf8": "die Datei ist nicht UTF-8-kodiert (Byte {byte}); speichern Sie sie als „CSV UTF-8“",
    "roster.empty": "die Liste ist leer; die erste Zeile nennt die Spalten, z. B. Name;Geburtsdatum;Tag 1;Tag 2",
    "roster.name-column-missing": "die Spalte 'Name' fehlt; gefunden: {found} (Spalten trennen Sie mit "
                                  "{delimiter})",
    "roster.day-unknown": "unbekannter Tag '{cell}': der Kurs hat {days}",
    "roster.column-unknown": "unbekannte Spalte '{cell}'; erlaubt sind Name, Geburtsdatum und Tag 1, Tag 2, …",
    "roster.no-participants": "die Liste hat keine Teilnehmenden; je Person eine Zeile",
    "roster.row-fields": "die Zeile hat {fields} Felder, die Kopfzeile {header}; steht ein Trennzeichen zu viel "
                         "oder zu wenig im Namen?",
    "roster.name-empty": "der Name ist leer; tragen Sie ihn ein oder löschen Sie die Zeile",
    "roster.birth-date": "'{raw}' ist kein Datum der Form TT.MM.JJJJ, z. B. 04.05.1961",
    "roster.attendance-value": "'{raw}' ist weder 'ja' noch 'nein'",
    "roster.attendance-blank": "das Feld ist leer; tragen Sie 'ja' (anwesend) oder 'nein' (gefehlt) ein – "
                               "ein leeres Feld zählt weder als anwesend noch als gefehlt",
    "roster.name-repeated": "'{name}' steht schon in Zeile {first}; löschen Sie die doppelte Zeile oder "
                            "unterscheiden Sie beide durch das Geburtsdatum",
}


@dataclass(frozen=True)
class Participant:
    row: int
    name: str
    birth_date: date | None
    absent_days: tuple[int, ...]
    """Course day numbers (from 1) the participant missed."""


def _problem(path: str, row: int, field: str, code: str, **values: object) -> Problem:
    return Problem(path, row, field, MESSAGES[code].format(**values), code=code)


def read_roster(path: str, data: bytes, days: int) -> tuple[list[Participant], list[Problem]]:
    """The participants of a roster file for a course of `days` days, or the problems of the file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [_problem(path, 1, "", "roster.not-utf8", byte=f"{data[error.start]:#04x}")]
    return roster_from_text(path, text, days)


def delimiter_of(first_line: str) -> str:
    """The separator the first line uses most (a tab on a tie, then ';')."""
    return max(DELIMITERS, key=first_line.count)


def roster_from_text(path: str, text: str, days: int) -> tuple[list[Participant], list[Problem]]:
    """The participants of a roster's text, or its problems, each at its row."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return [], [_problem(path, 1, "", "roster.empty")]
    delimiter = delimiter_of(lines[0])
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [cell.strip() for cell in rows[0]]
    problems: list[Problem] = []
    columns = {cell.lower(): index for index, cell in enumerate(header)}
    if "name" not in columns:
        problems.append(_problem(path, 1, "", "roster.name-column-missing", found=", ".join(header),
                                 delimiter=DELIMITER_NAMES[delimiter]))
    day_columns: dict[int, int] = {}
    for index, cell in enumerate(header):
        match = _DAY_COLUMN.fullmatch(cell)
        if match:
            number = int(match.group(1))
            if not 1 <= number <= days:
                problems.append(_problem(path, 1, "", "roster.day-unknown", cell=cell,
                                         days=f"{days} Tag{'e' if days != 1 else ''}"))
            day_columns[number] = index
        elif cell.lower() not in ("name", "geburtsdatum"):
            problems.append(_problem(path, 1, "", "roster.column-unknown", cell=cell))
    if problems:
        return [], problems
    participants = []
    first_row: dict[tuple[str, date | None], int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        participant, row_problems = _participant(path, number, row, header, columns, day_columns)
        if participant:
            key = (participant.name.lower(), participant.birth_date)
            if key in first_row:
                row_problems.append(_problem(path, number, "Name", "roster.name-repeated", name=participant.name,
                                             first=first_row[key]))
            else:
                first_row[key] = number
        problems.extend(row_problems)
        if participant and not row_problems:
            participants.append(participant)
    if not participants and not problems:
        problems.append(_problem(path, 1, "", "roster.no-participants"))
    return participants, problems


def _participant(path: str, number: int, row: list[str], header: list[str], columns: dict[str, int],
                 day_columns: dict[int, int]) -> tuple[Participant | None, list[Problem]]:
    if len(row) != len(header):
        return None, [_problem(path, number, "", "roster.row-fields", fields=len(row), header=len(header))]
    name = " ".join(row[columns["name"]].split())
    problems = []
    if not name:
        problems.append(_problem(path, number, "Name", "roster.name-empty"))
    birth = None
    if "geburtsdatum" in columns and row[columns["geburtsdatum"]].strip():
        raw = row[columns["geburtsdatum"]].strip()
        birth = _birth_date(raw)
        if birth is None:
            problems.append(_problem(path, number, "Geburtsdatum", "roster.birth-date", raw=raw))
    absent = []
    for day, index in sorted(day_columns.items()):
        raw = row[index].strip()
        value = raw.lower()
        if not value:
            problems.append(_problem(path, number, f"Tag {day}", "roster.attendance-blank"))
        elif value in ABSENT:
            absent.append(day)
        elif value not in PRESENT:
            problems.append(_problem(path, number, f"Tag {day}", "roster.attendance-value", raw=raw))
    if problems:
        return None, problems
    return Participant(number, name, birth, tuple(absent)), []


def _birth_date(raw: str) -> date | None:
    match = _BIRTH_DATE.fullmatch(raw)
    if not match:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
