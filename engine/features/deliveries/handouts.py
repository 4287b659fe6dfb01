"""The printed invitations: one per delivery that takes place, one per course without a delivery."""

from __future__ import annotations

from engine.core.printer import Chapter, Handout, HandoutContext, stand
from engine.core.urls import html_of
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.model import Course
from engine.features.courses.urls import course_page
from engine.features.deliveries.pages import letter_for
from engine.features.deliveries.plan import deliveries_of, plan_delivery, upcoming
from engine.features.deliveries.urls import course_invitation, delivery_invitation, delivery_page


def plan_handouts(context: HandoutContext) -> list[Handout]:
    printer, project = context.printer, context.project
    catalogue = Catalogue.of(project)
    handouts = []
    for delivery in upcoming(project):
        if delivery.status == "abgesagt":
            continue
        plan = plan_delivery(project, delivery, catalogue)
        letter = letter_for(project, plan.course, delivery, plan)
        handouts.append(printer.document(
            delivery_invitation(delivery.id), letter.subject,
            [Chapter(letter.subject, printer.fragment("invitation.html.j2", letter=letter))],
            stand(delivery.version, delivery.updated), html_of(delivery_page(delivery.id))))
    for course in project.all(Course):
        if deliveries_of(project, course.id):
            continue
        letter = letter_for(project, course, None)
        handouts.append(printer.document(
            course_invitation(course.id), letter.subject,
            [Chapter(letter.subject, printer.fragment("invitation.html.j2", letter=letter))],
            stand(course.version, course.updated), html_of(course_page(course.id))))
    return handouts
