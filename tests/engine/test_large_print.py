"""Every handout neighbours read or fill in has a large-print twin: all type at least 16 pt, linked
beside the normal PDF as „Großdruck“."""

from __future__ import annotations

from pathlib import Path

import pypdf
from builders import BuildResult
from large_print import glyphs_below

from engine.portal import REGISTRY

#: The tiny fixture's handouts neighbours read or fill in: modules, answers, help-path cards, forms,
#: the course folder.
NEIGHBOUR_HANDOUTS = {"modul-m01.pdf", "modul-m02.pdf", "antwort-sturz.pdf", "antwort-geld.pdf",
                      "antworten-karten.pdf", "wegweiser-sturz.pdf", "wegweiser-streit.pdf", "wegweiser.pdf",
                      "vorlage-einsatznachweis.pdf", "blatt-darf-ich.pdf", "kurs-grundkurs.pdf",
                      "termin-grundkurs-fruehjahr-einladung.pdf", "termin-grundkurs-herbst-einladung.pdf"}


def twins(site: Path) -> list[Path]:
    return sorted((site / "handouts").glob("*-grossdruck.pdf"))


def test_the_neighbours_handouts_and_only_they_have_a_twin(tiny_site: BuildResult) -> None:
    assert {path.name.replace("-grossdruck", "") for path in twins(tiny_site.site)} == NEIGHBOUR_HANDOUTS
    assert not (tiny_site.site / "handouts/modul-m01-trainer-grossdruck.pdf").exists()
    assert all(REGISTRY.large_print(name) for name in NEIGHBOUR_HANDOUTS)


def test_no_glyph_of_a_twin_is_smaller_than_16_points(tiny_site: BuildResult) -> None:
    small = {path.name: glyphs_below(path)[:3] for path in twins(tiny_site.site) if glyphs_below(path)}
    assert small == {}


def test_the_normal_edition_would_fail_the_same_test(tiny_site: BuildResult) -> None:
    assert glyphs_below(tiny_site.site / "handouts/modul-m01.pdf")


def test_a_twin_is_titled_as_large_print(tiny_site: BuildResult) -> None:
    reader = pypdf.PdfReader(tiny_site.site / "handouts/modul-m01-grossdruck.pdf")
    assert reader.metadata is not None and reader.metadata.title.endswith("(Großdruck)")


def test_pages_link_the_twin_beside_the_pdf(tiny_site: BuildResult) -> None:
    for page, twin in (("module/m01.html", "modul-m01-grossdruck.pdf"),
                       ("antworten/sturz.html", "antwort-sturz-grossdruck.pdf"),
                       ("stadt/wegweiser/sturz.html", "wegweiser-sturz-grossdruck.pdf"),
                       ("vorlagen/einsatznachweis.html", "vorlage-einsatznachweis-grossdruck.pdf")):
        html = tiny_site.page(page)
        assert f'handouts/{twin}" download>Großdruck (PDF)</a>' in html, page
