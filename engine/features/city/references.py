"""References of the city's instruments that a plain id list cannot express.

Actors name contacts, relations name actors of the same network, the dossier's asks name
contacts, cost items name funding sources of the same file, and the dossier's cost part needs
the costs' file. Help paths' contacts, modules and cross-links are declared with their kind; only a
cross-link named twice is found here.
"""

from __future__ import annotations

from engine.core.problems import Problem
from engine.core.records import Record
from engine.core.references import unknown_id_message
from engine.features.city.model import Dossier, Funding, HelpPath, Network


def city_references(records: list[Record], ids: dict[str, set[str]]) -> list[Problem]:
    """Dangling references inside the network and the dossier, with file and line."""
    problems: list[Problem] = []
    contacts = ids.get("contact", set())
    for record in records:
        if isinstance(record.model, HelpPath):
            problems += _see_also_twice(record, record.model)
        elif isinstance(record.model, Network):
            problems += _network(record, record.model, contacts)
        elif isinstance(record.model, Dossier):
            has_costs = bool(ids.get("funding"))  # an invalid costs file has problems of its own
            for s_index, section in enumerate(record.model.sections):
                for a_index, ask in enumerate(section.asks):
                    if ask.contact not in contacts:
                        at = ("sections", s_index, "asks", a_index, "contact")
                        problems.append(_problem(record, at, unknown_id_message(
                            "unbekannter Kontakt", ask.contact, contacts)))
                if section.part == "kosten" and not has_costs:
                    problems.append(_problem(record, ("sections", s_index, "part"),
                                             "der Teil 'kosten' braucht die Datei city/finanzierung.yml; legen Sie "
                                             "sie an (siehe CONTENT.md) oder entfernen Sie 'part'",
                                             "dossier.costs-missing"))
        elif isinstance(record.model, Funding):
            problems += _funding(record, record.model)
    return problems


def _funding(record: Record, funding: Funding) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    entries = [("costs", index, item.id) for index, item in enumerate(funding.costs)]
    entries += [("funding", index, source.id) for index, source in enumerate(funding.funding)]
    for collection, index, item_id in entries:
        if item_id in seen:
            problems.append(_problem(record, (collection, index, "id"),
                                     f"die ID '{item_id}' ist schon vergeben in Zeile {seen[item_id]}; wählen "
                                     "Sie eine neue", "funding.id-duplicate"))
        else:
            seen[item_id] = record.line_of(collection, index, "id")
    sources = {source.id for source in funding.funding}
    for index, item in enumerate(funding.costs):
        for f_index, source_id in enumerate(item.funded_by):
            if source_id not in sources:
                problems.append(_problem(record, ("costs", index, "funded_by", f_index), unknown_id_message(
                    "unbekannte Geldquelle", source_id, sources) + "; Geldquellen stehen unter 'funding' in "
                    "derselben Datei"))
    return problems


def _see_also_twice(record: Record, path: HelpPath) -> list[Problem]:
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for index, link in enumerate(path.see_also):
        if link.path in first:
            line = record.line_of("see_also", first[link.path], "path")
            problems.append(_problem(record, ("see_also", index, "path"),
                                     f"'{link.path}' steht schon in Zeile {line}; jeder Weg zählt nur einmal – "
                                     "entfernen Sie die Wiederholung", "reference.repeated"))
        else:
            first[link.path] = index
    return problems


def _network(record: Record, network: Network, contacts: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    actors: dict[str, int] = {}
    for index, actor in enumerate(network.actors):
        if actor.id in actors:
            problems.append(_problem(record, ("actors", index, "id"),
                                     f"die Akteur-ID '{actor.id}' ist schon vergeben in Zeile "
                                     f"{record.line_of('actors', actors[actor.id], 'id')}; wählen Sie eine neue",
                                     "network.actor-duplicate"))
        else:
            actors[actor.id] = index
        if actor.contact is not None and actor.contact not in contacts:
            problems.append(_problem(record, ("actors", index, "contact"),
                                     unknown_id_message("unbekannter Kontakt", actor.contact, contacts)))
    for index, relation in enumerate(network.relations):
        for end in ("source", "target"):
            value = getattr(relation, end)
            if value not in actors:
                problems.append(_problem(record, ("relations", index, end), unknown_id_message(
                    "unbekannter Akteur", value, actors) + "; Akteure stehen unter 'actors' in derselben Datei"))
        if relation.source == relation.target:
            problems.append(_problem(record, ("relations", index, "target"),
                                     f"'{relation.target}' verweist auf sich selbst; entfernen Sie die Beziehung",
                                     "reference.self"))
    return problems


def _problem(record: Record, at: tuple[str | int, ...], message: str, code: str = "reference.unknown") -> Problem:
    return Problem(record.path, record.line_of(*at), record.field_name(*at), message, code=code)
