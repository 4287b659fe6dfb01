"""Our courses deliverable from the portal (issue 19, items 3 and 4): a short participants'
folder without solutions, the materials the plans promise, and the printables."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from builders import REPO, pdf_text

from engine.core.editions import Edition, for_edition
from engine.core.pdf import render_pdf
from engine.core.printer import Handout, MarkdownSetup
from engine.features.curriculum.materials import Material
from engine.features.curriculum.model import Module
from engine.plugin.run import site_config
from engine.portal import load_checked, plan_handouts

PROJECT = load_checked(REPO)


@pytest.fixture(scope="module")
def handouts() -> dict[str, Handout]:
    """Every handout of our public edition, planned (HTML) as the build plans it."""
    config, portal = site_config(REPO)
    setup = MarkdownSetup.of(list(config.markdown_extensions), dict(config.mdx_configs))
    return {h.name: h for h in plan_handouts(for_edition(PROJECT, Edition.PUBLIC), setup, portal.public_url, REPO)}


def test_the_grundkurs_folder_has_at_most_30_pages_and_no_solution(handouts: dict[str, Handout],
                                                                  tmp_path: Path) -> None:
    folder = handouts["kurs-grundkurs-sachsen.pdf"]
    path = tmp_path / folder.name
    path.write_bytes(render_pdf(folder.html, REPO, folder.title, folder.base))
    assert len(pypdf.PdfReader(path).pages) <= 30
    text = pdf_text(path)
    assert "Lösungshinweis" not in text
    assert "Übung: Ampel bei Frau K." in text and "Antworten zum Selbstcheck" in text


def test_no_participants_edition_prints_a_solution_and_every_trainer_edition_does(
        handouts: dict[str, Handout]) -> None:
    for module in PROJECT.all(Module):
        number = module.id.lower()
        assert "Lösungshinweis" not in handouts[f"modul-{number}.pdf"].html, module.id
        assert "Lösungshinweis" in handouts[f"modul-{number}-trainer.pdf"].html, module.id
    folders = [name for name in handouts if name.startswith("kurs-") and not name.endswith("-ablaufplan.pdf")]
    assert len(folders) >= 8  # four courses: folder and materials list
    assert [name for name in [*folders, "curriculum.pdf"] if "Lösungshinweis" in handouts[name].html] == []


def test_every_module_has_case_cards_and_every_printable_a_handout(handouts: dict[str, Handout]) -> None:
    materials = PROJECT.by_id(Material)
    for module in PROJECT.all(Module):
        cards = materials[f"fallkarten-{module.id.lower()}"]
        assert cards.printable is not None and cards.printable.exercises_of == module.id
    printed = [material for material in materials.values() if material.printable]
    assert len(printed) >= 28
    assert all(f"material-{material.id}.pdf" in handouts for material in printed)
    assert "Die Person selbst" in handouts["material-zwiebelmodell.pdf"].html
