"""The deliveries' pages: „Nächste Kurse“, each delivery with its texts, and the list on each course page."""

from __future__ import annotations

from functools import partial
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from engine.core.formatting import date_long
from engine.core.pages import GeneratedPage, PageContext, PagePlan, Renderer
from engine.core.project import Project
from engine.features.contacts.model import Contact
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.model import Course
from engine.features.courses.pages import calendar_button
from engine.features.courses.schedule import schedule
from engine.features.deliveries.invitation import Letter, invitation, reminder, reminder_day
from engine.features.deliveries.model import Delivery
from engine.features.deliveries.plan import DeliveryPlan, deliveries_of, plan_delivery, upcoming
from engine.features.deliveries.urls import DELIVERIES_PAGE, delivery_calendar, delivery_page


def plan_pages(context: PageContext) -> PagePlan:
    project, render = context.project, context.render
    if not project.all(Course):
        return {}
    catalogue = Catalogue.of(project)
    plans = [plan_delivery(project, delivery, catalogue) for delivery in upcoming(project)]
    plan: PagePlan = {DELIVERIES_PAGE: partial(render, "deliveries.md.j2", DELIVERIES_PAGE,
                                               label="Nächste Kurse", plans=plans)}
    for entry in plans:
        plan[delivery_page(entry.delivery.id)] = partial(_delivery, render, project, entry)
    return plan


def _delivery(render: Renderer, project: Project, plan: DeliveryPlan) -> GeneratedPage:
    delivery = plan.delivery
    contact = registration_contact(project, delivery)
    sender = sender_of(project, delivery)
    days = list(plan.days)
    title = title_of(plan)
    return render("delivery.md.j2", delivery_page(delivery.id), label=title, page_title=title, plan=plan,
                  delivery=delivery, course=plan.course, contact=contact,
                  invitation=letter_for(project, plan.course, delivery, plan),
                  reminder=reminder(plan.course, delivery, days, contact, sender),
                  reminder_day=reminder_day(delivery))


def title_of(plan: DeliveryPlan) -> str:
    """„Grundkurs … am 6. März 2027“: a delivery's page title and its entry in the navigation."""
    return f"{plan.course.title} ab {date_long(plan.delivery.dates[0].date)}"


def registration_contact(project: Project, delivery: Delivery | None) -> Contact | None:
    """The office to register with, if this edition shows it (an internal office is left out)."""
    if delivery is None or delivery.registration is None:
        return None
    contacts: dict[str, Contact] = project.by_id(Contact)
    return contacts.get(delivery.registration)


def sender_of(project: Project, delivery: Delivery | None) -> str:
    return delivery.provider if delivery and delivery.provider else project.programme.name


def letter_for(project: Project, course: Course, delivery: Delivery | None,
               plan: DeliveryPlan | None = None) -> Letter:
    """The invitation to `delivery`, or to `course` while it has no delivery."""
    timetable = plan.schedule if plan else schedule(course, Catalogue.of(project))
    days: list[Any] = list(plan.days) if plan else [(day.date, day) for day in timetable.days]
    modules = [project.module_by_id[m].title for m in course.modules if m in project.module_by_id]
    return invitation(course, modules, delivery, days, registration_contact(project, delivery),
                      sender_of(project, delivery))


@pass_context
def course_deliveries(context: Context, course: Course) -> list[DeliveryPlan]:
    """A course's deliveries, for its page."""
    project: Project = context["project"]
    catalogue = Catalogue.of(project)
    return [plan_delivery(project, delivery, catalogue) for delivery in deliveries_of(project, course.id)]


@pass_context
def course_letter(context: Context, course: Course) -> Letter:
    """The invitation to a course without a delivery: every date and place „wird noch bekannt gegeben“."""
    return letter_for(context["project"], course, None)


def copy_box(letter: Letter, box_id: str, label: str, button: str) -> Markup:
    """A letter in a read-only text field; the engine's `copy-text.js` adds the button `button` to copy it."""
    text = letter.text()
    rows = min(max(text.count("\n") + 4, 8), 40)
    return Markup(
        '<div class="qp-copy" data-copy-label="{button}">\n<label for="{id}">{label}</label>\n'
        '<textarea id="{id}" class="qp-copy-text" readonly rows="{rows}" spellcheck="false">{text}</textarea>\n'
        '</div>').format(id=box_id, label=label, rows=rows, text=escape(text), button=button)


@pass_context
def calendar_file_link(context: Context, delivery_id: str) -> Markup:
    """A download button for a delivery's calendar file."""
    return calendar_button(delivery_calendar(delivery_id), context["page_path"])
