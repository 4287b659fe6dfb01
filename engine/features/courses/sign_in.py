"""The sign-in sheet (Teilnehmer- und Anwesenheitsliste): a row per participant, a signature per day.

It is the evidence of attendance and the source of the roster for certificates. Each course
gets a blank one as a PDF (A4 landscape); the page „Kursunterlagen drucken“ prints it with the
names a trainer typed or pasted, from the same layout (`templates/_sign_in.html.j2`) and the same
texts (`documents-rules.js` follows `sign_in_view`; `tests/courses/documents.json`).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from engine.core.formatting import date_de, date_weekday
from engine.core.printer import Chapter, Handout, HandoutContext, stand
from engine.core.templating import clock
from engine.core.urls import html_of
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.model import Course
from engine.features.courses.schedule import Schedule, schedule
from engine.features.courses.urls import DOCUMENTS_CSS, course_page, course_sign_in

#: Lines on the blank sheet: a usual group with room for late registrations.
BLANK_ROWS = 15
TITLE = "Teilnehmer- und Anwesenheitsliste"


def sign_in_view(course: Course, timetable: Schedule, names: list[str] | None = None,
                 blank_rows: int = BLANK_ROWS) -> dict[str, Any]:
    """The sheet's texts: the course's facts, a column per day, a row per name (or blank rows)."""
    dates = [f"{date_weekday(day.date)}, {clock(day.start)}–{clock(day.end)} Uhr"
             for day in timetable.days if day.date]
    return {
        "title": course.title,
        "provider": (course.provider or "").strip(),
        "place": (course.place or "").strip(),
        "trainers": ", ".join(trainer.strip() for trainer in course.trainers if trainer.strip()),
        "dates": "; ".join(dates) if len(dates) == len(course.days) else "",
        "days": [{"label": f"Tag {day.number}", "date": date_de(day.date) if day.date else ""}
                 for day in timetable.days],
        "rows": [{"number": str(index), "name": name}
                 for index, name in enumerate(names if names is not None else [""] * blank_rows, start=1)],
    }


def sign_in_handouts(context: HandoutContext) -> list[Handout]:
    """Each course's blank sign-in sheet."""
    return [_blank(context, course) for course in context.project.all(Course)]


def _blank(context: HandoutContext, course: Course) -> Handout:
    printer = context.printer
    view = sign_in_view(course, schedule(course, Catalogue.of(context.project)))
    fragment = printer.fragment("sign_in.html.j2", view=view,
                                documents_css=Markup(DOCUMENTS_CSS.source.read_text(encoding="utf-8")))
    return printer.document(course_sign_in(course.id), f"{TITLE}: {course.title}", [Chapter(TITLE, fragment)],
                            stand(course.version, course.updated), html_of(course_page(course.id)),
                            page_class="landscape")
