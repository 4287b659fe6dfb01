"""The topics a trainer expects that the modules lacked (issue 17, „Missing topics“): each has its
section in the module that teaches it, with the rule a neighbour acts on."""

from __future__ import annotations

import pytest
from builders import REPO

from engine.core.body import split_body
from engine.portal import load_checked

MODULES = {module.id: module for module in load_checked(REPO).modules}

TOPICS = [
    # module, heading, what the section must say (after the facts are filled in)
    ("M14", "## Betrug an älteren Menschen", ["Enkel", "Verhinderungspflege", "110", "116 116"]),
    ("M08", "## Wenn Sie einen Menschen leblos finden", ["Rufen Sie sofort 112", "Verändern Sie danach nichts"]),
    ("M04", "## Begleitung zum Arzt", ["Schweigepflichtentbindung", "entscheiden nichts für"]),
    ("M04", "## Geschenke, Geld und Erbe", ["Regel im Projekt", "Testament"]),
    ("M05", "## Hilfe mit Handy und Smartphone", ["Geheimzahl", "tippt selbst"]),
    ("M05", "### Wenn Angehörige unzufrieden sind", ["über den Kopf der Person hinweg", "Koordination"]),
    ("M07", "## Hitze", ["Wassertabletten", "rufen Sie sofort 112"]),
    ("M02", "## Wie viele Stunden bezahlt der Entlastungsbetrag?", ["131", "geteilt durch den Stundensatz",
                                                                  "knapp 9"]),
]


@pytest.mark.parametrize(("module_id", "heading", "phrases"), TOPICS, ids=[f"{m}:{h}" for m, h, _ in TOPICS])
def test_each_missing_topic_has_its_section(module_id: str, heading: str, phrases: list[str]) -> None:
    participant = split_body(MODULES[module_id].body).participant
    assert f"\n{heading}\n" in f"\n{participant}", heading
    level = heading.split()[0]
    section = participant.split(f"{heading}\n", 1)[1].split(f"\n{level} ", 1)[0]
    flat = " ".join(section.split()).replace("\u00a0", " ")
    for phrase in phrases:
        assert phrase in flat, (heading, phrase)
