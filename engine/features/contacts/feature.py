"""The contact directory, declared: offices and organisations, and what the public may see of them."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from engine.core.formatting import german_sort_key
from engine.core.kinds import DatedField, Kind, VocabularyField
from engine.core.pages import PageContext, PagePlan
from engine.core.printer import Chapter, Handout, HandoutContext
from engine.core.project import Project
from engine.core.registry import Feature, NavSection
from engine.core.urls import html_of
from engine.core.vocabulary import Visibility
from engine.features.contacts import urls
from engine.features.contacts.directory import contact_directory
from engine.features.contacts.model import Contact
from engine.features.contacts.sources import covers_de, source_problems, stated_de

CONTACT = Kind(
    name="contact", collection="contacts", label=("Kontakt", "Kontakte"),
    globs=("contacts/*.yml", "contacts/*.yaml"), model=Contact, schema="contact.schema.json",
    unknown="unbekannter Kontakt",
    vocabularies=(VocabularyField("kind", "contact_kinds"), VocabularyField("topics.*", "topics")),
    dated=(DatedField("verified", "die Angaben der Stelle", plural=True),),
    sort_key=lambda contact: german_sort_key(contact.name))


def public_only(project: Project, edition: str) -> Project:
    """Without internal contacts, and without the fields a public contact keeps internal.

    A source tells what it covers; it is kept only for the fields the public sees, so a source
    of an internal note does not show that there is one.
    """
    contacts = tuple(
        # Copied only where a field must be blanked: copying 10,000 contacts costs a third of a second.
        _without_internal_fields(contact) if contact.internal_fields else contact
        for contact in project.all(Contact)
        if contact.visibility is Visibility.PUBLIC
    )
    return project.with_content(contact=contacts)


def _without_internal_fields(contact: Contact) -> Contact:
    hidden = set(contact.internal_fields)
    sources = [source if hidden.isdisjoint(source.covers)
               else source.model_copy(update={"covers": [field for field in source.covers if field not in hidden]})
               for source in contact.sources]
    return contact.model_copy(update={**{name: None for name in hidden},
                                      "sources": [source for source in sources if source.covers]})


def plan_pages(context: PageContext) -> PagePlan:
    render = context.render
    directory = contact_directory(context.project)
    plan: PagePlan = {
        urls.CONTACTS_PAGE: lambda: render("contacts.md.j2", urls.CONTACTS_PAGE, directory=directory),
        urls.CONTACT_TOPICS_PAGE: lambda: render("contact_topics.md.j2", urls.CONTACT_TOPICS_PAGE,
                                                 directory=directory, label="Nach Thema"),
        urls.CONTACT_PLACES_PAGE: lambda: render("contact_places.md.j2", urls.CONTACT_PLACES_PAGE,
                                                 directory=directory, label="Nach Ort"),
    }
    for part in directory.parts:
        plan[part.page] = partial(render, "contact_entries.md.j2", part.page, label=part.title, part=part,
                                  directory=directory)
    return plan


def plan_handouts(context: HandoutContext) -> list[Handout]:
    printer = context.printer
    chapter = Chapter("Kontakte", printer.fragment("contacts.html.j2", contacts=context.project.all(Contact)))
    return [printer.document(urls.CONTACTS_HANDOUT, "Kontakte", [chapter], "Angaben geprüft wie je Eintrag angegeben",
                             html_of(urls.CONTACTS_PAGE))]


FEATURE = Feature(
    name="contacts",
    kinds=(CONTACT,),
    record_checks=(source_problems,),
    edition_filter=public_only,
    pages=plan_pages,
    handouts=plan_handouts,
    nav=(NavSection("kontakte/", "Kontakte"),),
    templates=Path(__file__).parent / "templates",
    template_globals={"contacts_handout": urls.CONTACTS_HANDOUT, "source_stated": stated_de,
                      "source_covers": covers_de},
)
