"""Deliveries, declared: dated runs of a course, each a page, a calendar file and an invitation."""

from __future__ import annotations

from pathlib import Path

from engine.core.kinds import UPDATED, DatedField, Kind, Reference
from engine.core.registry import Feature, NavSection
from engine.features.deliveries import handouts, pages, urls
from engine.features.deliveries.calendar import calendars
from engine.features.deliveries.checks import delivery_problems
from engine.features.deliveries.invitation import TO_BE_ANNOUNCED, day_line, format_of, registration, where
from engine.features.deliveries.model import Delivery

DELIVERY = Kind(
    name="delivery", collection="deliveries", label=("Kurstermin", "Kurstermine"),
    globs=("curriculum/deliveries/*.yml", "curriculum/deliveries/*.yaml"), model=Delivery,
    schema="delivery.schema.json", unknown="unbekannter Kurstermin",
    references=(Reference("course", "course", single=True),
                Reference("feedback_form", "form", single=True, while_present=True),
                Reference("registration", "contact", single=True)),
    dated=(UPDATED, DatedField("dates.*.date", "der Kurstag am {date} ist vorbei; nehmen Sie den Termin von der Seite "
                      "(Datei löschen) oder tragen Sie das neue Datum ein", ends=True),),
    sort_key=lambda delivery: (delivery.first_date, delivery.id), page=urls.delivery_page)


FEATURE = Feature(
    name="deliveries",
    kinds=(DELIVERY,),
    project_checks=(delivery_problems,),
    pages=pages.plan_pages,
    handouts=handouts.plan_handouts,
    files=calendars,
    # Neighbours get the invitation: it has a large-print twin like their other handouts.
    large_print=lambda name: name.endswith("-einladung.pdf"),
    nav=(NavSection(urls.DELIVERIES_SLOT, "Nächste Kurse"),),
    templates=Path(__file__).parent / "templates",
    template_globals={
        "delivery_page": urls.delivery_page, "delivery_invitation": urls.delivery_invitation,
        "course_invitation": urls.course_invitation, "course_deliveries": pages.course_deliveries,
        "course_letter": pages.course_letter, "copy_box": pages.copy_box,
        "calendar_file_link": pages.calendar_file_link, "day_line": day_line, "where": where,
        "format_of": format_of, "registration": registration, "to_be_announced": TO_BE_ANNOUNCED,
    },
)
