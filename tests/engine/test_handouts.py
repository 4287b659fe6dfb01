"""Handouts: every PDF exists and reads right, is accessible, cached, and fetches nothing remote."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from builders import FIXTURES, BuildResult, pdf_text
from large_print import glyph_sizes

from engine.core.editions import Edition, for_edition
from engine.core.pdf import render_pdf
from engine.core.printer import MarkdownSetup, print_css
from engine.core.problems import HandoutError
from engine.handouts.build import build_handouts
from engine.portal import load_checked, plan_handouts

SETUP = MarkdownSetup.of(["toc", "tables", "admonition", "def_list", "attr_list", "md_in_html"],
                         {"toc": {"permalink": True}})
EXPECTED = {
    "modul-m01.pdf": (1, 3), "modul-m01-trainer.pdf": (1, 3), "modul-m02.pdf": (1, 2),
    "modul-m02-trainer.pdf": (1, 2), "rolle-helferin.pdf": (1, 2), "rolle-koordination.pdf": (1, 2),
    "kurs-grundkurs.pdf": (2, 6), "kurs-grundkurs-ablaufplan.pdf": (4, 4),  # per day an overview page, then its blocks
    "curriculum.pdf": (3, 6),
    # The blank sign-in sheet: fifteen lines on one landscape page (tests/engine/test_course_documents.py).
    "kurs-grundkurs-anwesenheitsliste.pdf": (1, 1),
    "kontakte.pdf": (1, 2), "vorlage-einsatznachweis.pdf": (1, 3),
    # The city's handouts (tests/engine/test_city.py reads them).
    "wegweiser-sturz.pdf": (1, 2), "wegweiser-streit.pdf": (1, 2), "wegweiser.pdf": (2, 4),
    "zustaendigkeiten.pdf": (1, 1), "dossier.pdf": (3, 12),
    # The answers' cards (tests/engine/test_answers.py reads them).
    "antwort-sturz.pdf": (1, 1), "antwort-geld.pdf": (1, 1), "antworten-karten.pdf": (2, 2),
    # Leichte Sprache, itself in large print (tests/engine/test_easy_read.py reads it).
    "leichte-sprache-m01.pdf": (1, 3),
    # The sheets: the wallet card to cut out and an A4 page (tests/engine/test_answers.py reads them).
    "karte-notfallkarte.pdf": (1, 1), "blatt-darf-ich.pdf": (1, 1),
    # The deliveries' invitations (tests/engine/test_deliveries.py reads them).
    "termin-grundkurs-fruehjahr-einladung.pdf": (1, 1), "termin-grundkurs-herbst-einladung.pdf": (1, 1),
    # The course's materials list and the catalogue's printables (tests/engine/test_materials.py reads them).
    "kurs-grundkurs-material.pdf": (1, 1), "material-fallkarten-m01.pdf": (1, 1), "material-ampelkarten.pdf": (1, 1),
    "material-zwiebelmodell.pdf": (1, 1), "material-nummernkarte.pdf": (1, 1),
    "material-liste-anlaufstellen.pdf": (1, 1), "material-checkliste-anerkennung.pdf": (1, 2),
}
# Large-print twins of what neighbours read or fill in (tests/engine/test_large_print.py reads them).
EXPECTED.update({name.replace(".pdf", "-grossdruck.pdf"): (low, high * 2) for name, (low, high) in EXPECTED.items()
                 if name.startswith(("modul-m01.", "modul-m02.", "antwort", "wegweiser", "vorlage-", "blatt-",
                                     "kurs-grundkurs.", "termin-"))})


@pytest.fixture(scope="module")
def handouts(tiny_site: BuildResult) -> Path:
    return tiny_site.site / "handouts"


def test_every_handout_exists_with_a_plausible_length(handouts: Path) -> None:
    calendars = ["kurs-grundkurs.ics", "termin-grundkurs-fruehjahr.ics", "termin-grundkurs-herbst.ics"]
    assert sorted(p.name for p in handouts.iterdir()) == sorted([*EXPECTED, *calendars])
    for name, (low, high) in EXPECTED.items():
        pages = len(pypdf.PdfReader(handouts / name).pages)
        assert low <= pages <= high, f"{name}: {pages} Seiten"


def test_module_handout_shows_title_objectives_version_and_stand(handouts: Path) -> None:
    text = pdf_text(handouts / "modul-m01.pdf")
    assert "M01 · Grundlagen der Nachbarschaftshilfe" in text
    assert "Sie können Ihre Rolle im Quartier erklären." in text
    assert "Version 1.2 · Stand 01.11.2026" in text
    assert "Seite 1 von 1" in text
    assert re.search(r"§ 45b SGB XI – Entlastungsbetrag – https://\S+ ?\S* \(Stand: 01\.01\.2025\)", text)
    assert "¶" not in text


def test_trainer_notes_only_in_the_trainer_version(handouts: Path) -> None:
    assert "GEHEIMER-TRAINERHINWEIS" in pdf_text(handouts / "modul-m01-trainer.pdf")
    for name in ("modul-m01.pdf", "kurs-grundkurs.pdf", "curriculum.pdf"):
        assert "GEHEIMER-TRAINERHINWEIS" not in pdf_text(handouts / name), name


def test_role_course_book_and_directory_content(handouts: Path) -> None:
    role = pdf_text(handouts / "rolle-helferin.pdf")
    assert "Grenzen: Das gehört nicht zu dieser Rolle" in role and "Keine Behandlungspflege" in role
    course = pdf_text(handouts / "kurs-grundkurs.pdf")
    # The schedule, then each module's take-home part in course order (the objectives stay on the module pages).
    assert course.index("Ablauf") < course.index("M01 · Grundlagen") < course.index("M02 · Demenz")
    assert "Sie können Ihre Rolle" not in course
    book = pypdf.PdfReader(handouts / "curriculum.pdf")
    toc = " ".join((book.pages[1].extract_text() or "").split())
    entries = r"M01 · Grundlagen der Nachbarschaftshilfe \.+ 3 M02 · Demenz <verstehen> & begleiten \.+ 4"
    assert re.search(entries, toc), toc
    directory = pdf_text(handouts / "kontakte.pdf")
    assert "Sozialamt Teststadt" in directory and "Telefon: unbekannt" in directory


def test_public_handouts_leak_nothing_internal(handouts: Path) -> None:
    text = pdf_text(handouts / "kontakte.pdf")
    assert "INTERNER-KONTAKT-TEAMRUNDE" not in text
    assert "INTERN-NOTIZ-GESPRAECHSSTAND" not in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_is_tagged_titled_german_with_embedded_fonts(handouts: Path, name: str) -> None:
    reader = pypdf.PdfReader(handouts / name)
    root = reader.trailer["/Root"]
    assert reader.metadata is not None and reader.metadata.title
    assert root["/Lang"] == "de"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert reader.outline, "Lesezeichen aus den Überschriften"
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")] + [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            assert any(d and {"/FontFile", "/FontFile2", "/FontFile3"} & set(d.get_object()) for d in descriptors)


def test_every_page_links_an_existing_handout(tiny_site: BuildResult) -> None:
    links = {(page, href) for page in tiny_site.site.rglob("*.html")
             for href in re.findall(r'href="([^"]+\.pdf)"', page.read_text(encoding="utf-8"))}
    assert len(links) >= len(EXPECTED)
    assert [href for page, href in links if not (page.parent / href).is_file()] == []


def plan(public_url: str = "") -> list:  # type: ignore[type-arg]
    return plan_handouts(for_edition(load_checked(FIXTURES / "tiny"), Edition.PUBLIC), SETUP, public_url)


def test_web_address_and_qr_code_only_with_a_public_address() -> None:
    with_url = {h.name: h.html for h in plan("https://portal.example.org")}
    assert "https://portal.example.org/module/m01.html" in with_url["modul-m01.pdf"]
    assert 'src="data:image/svg+xml' in with_url["modul-m01.pdf"]
    assert 'href="https://portal.example.org/glossar.html#nachbarschaftshilfe"' in with_url["modul-m01.pdf"]
    without = {h.name: h.html for h in plan()}
    assert "data:image/svg+xml" not in without["modul-m01.pdf"]
    assert "glossar" not in without["modul-m01.pdf"]  # no dead relative link on paper


def test_cache_renders_only_what_changed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build_handouts(plan(), FIXTURES / "tiny", cache)
    assert sorted(first.rendered) == sorted(EXPECTED)
    assert build_handouts(plan(), FIXTURES / "tiny", cache).rendered == []
    changed = [h if "M02" not in h.html else type(h)(h.name, h.title, h.html.replace(
        "Ein Modul über Demenz", "Ein geändertes Modul über Demenz"), h.base) for h in plan()]
    again = build_handouts(changed, FIXTURES / "tiny", cache)
    # The course folder prints a module's objectives, summary, exercises and self-check, not its lead.
    assert sorted(again.rendered) == ["curriculum.pdf", "modul-m02-grossdruck.pdf", "modul-m02-trainer.pdf",
                                      "modul-m02.pdf"]
    assert len(list(cache.glob("*.pdf"))) == len(EXPECTED)  # replaced PDFs are pruned


def test_editing_a_module_changes_exactly_the_handouts_that_contain_it(tmp_path: Path) -> None:
    import shutil

    project = tmp_path / "tiny"
    shutil.copytree(FIXTURES / "tiny", project)
    before = {h.name: h.key for h in plan_handouts(load_checked(project), SETUP)}
    module = project / "curriculum/modules/M02-demenz.md"
    # A summary: the course folder prints it too (not the rest of the teaching text).
    module.write_text(module.read_text(encoding="utf-8") + "\n## Das Wichtigste in Kürze\n\n- Neu.\n",
                      encoding="utf-8")
    after = {h.name: h.key for h in plan_handouts(load_checked(project), SETUP)}
    assert sorted(name for name in after if after[name] != before[name]) == [
        "curriculum.pdf", "kurs-grundkurs-grossdruck.pdf", "kurs-grundkurs.pdf", "modul-m02-grossdruck.pdf",
        "modul-m02-trainer.pdf", "modul-m02.pdf"]


def test_remote_resources_are_refused_with_a_clear_error(tmp_path: Path) -> None:
    html = '<html lang="de"><body><img src="https://example.org/bild.png" alt="x"></body></html>'
    with pytest.raises(HandoutError, match=r"https://example.org/bild.png.*nicht im Projekt"):
        render_pdf(html, tmp_path, "Test")


def test_missing_image_is_an_error_not_a_gap(tmp_path: Path) -> None:
    html = '<html lang="de"><body><img src="bilder/fehlt.png" alt="x"></body></html>'
    with pytest.raises(HandoutError, match=r"docs/bilder/fehlt.png.*fehlt"):
        render_pdf(html, tmp_path, "Test", "docs/")


def test_files_outside_the_project_are_refused(tmp_path: Path) -> None:
    html = '<html lang="de"><body><img src="file:///etc/hostname" alt="x"></body></html>'
    with pytest.raises(HandoutError, match="außerhalb des Projekts"):
        render_pdf(html, tmp_path, "Test")


def test_text_running_off_the_paper_stops_the_build_with_the_page(tmp_path: Path) -> None:
    """A large-print table's last column ran past the paper's edge („Im Ne…“) and nobody noticed."""
    cells = "".join(f"<td>{'0341-123456789' * 4}</td>" for _ in range(4))  # a number does not hyphenate
    html = (f'<html lang="de"><head><style>{print_css()}</style></head><body><h1>Liste</h1>'
            f'<table><tr><th scope="col">A</th><th scope="col">B</th><th scope="col">C</th><th scope="col">D</th></tr>'
            f"<tr>{cells}</tr></table></body></html>")
    with pytest.raises(HandoutError, match=r"„Liste“, Seite 1: „[^“]+“ ragt über den Rand des Papiers"):
        render_pdf(html, tmp_path, "Liste")
    fitting = html.replace("0341-123456789" * 4, "0341-1234")
    assert render_pdf(fitting, tmp_path, "Liste").startswith(b"%PDF")


def test_project_images_are_embedded(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    (tmp_path / "docs/bild.svg").write_text(svg, encoding="utf-8")
    pdf = render_pdf('<html lang="de"><body><p>Bild</p><img src="bild.svg" alt="x"></body></html>',
                     tmp_path, "Test", "docs/")
    assert pdf.startswith(b"%PDF")


def test_body_text_is_at_least_12_points(handouts: Path) -> None:
    sizes = glyph_sizes(handouts / "modul-m01.pdf")
    body_size, _ = sizes.most_common(1)[0]
    assert body_size >= 12
    small = sum(n for size, n in sizes.items() if size < 12)
    assert small < 0.15 * sum(sizes.values()), "only header, footer and QR caption may be smaller"


def _words(pdf: bytes) -> list[list[tuple[str, float, float, float]]]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [[(w["text"], round(w["x0"], 1), round(w["top"], 1), round(w["bottom"] - w["top"], 1))
                 for w in page.extract_words()] for page in document.pages]


def test_stylesheets_parsed_once_print_as_the_inline_styles_would() -> None:
    """render_pdf parses each <style> block once per process and applies it as a user stylesheet;
    every word of a handout with chapter styles, large print and page formats must stand where
    WeasyPrint puts it from the styles inline."""
    import weasyprint

    project = for_edition(load_checked(FIXTURES / "tiny"), Edition.PUBLIC)
    by_name = {h.name: h for h in plan_handouts(project, SETUP, root=FIXTURES / "tiny")}
    for name in ("antworten-karten.pdf", "modul-m01-grossdruck.pdf", "vorlage-einsatznachweis.pdf", "dossier.pdf",
                 "zustaendigkeiten.pdf", "material-zwiebelmodell.pdf", "karte-notfallkarte.pdf", "blatt-darf-ich.pdf"):
        handout = by_name[name]
        base = (FIXTURES / "tiny" / handout.base).resolve().as_uri() + "/"
        inline = weasyprint.HTML(string=handout.html, base_url=base).write_pdf()
        assert len(re.findall(r"<style>", handout.html)) >= 2, name
        ours = render_pdf(handout.html, FIXTURES / "tiny", handout.title, handout.base)
        assert _words(ours) == _words(inline), name
        again = render_pdf(handout.html, FIXTURES / "tiny", handout.title, handout.base)  # from the parsed sheets
        assert _words(again) == _words(inline), name


def test_a_chapter_style_repeated_in_a_document_stands_once_in_its_head() -> None:
    project = for_edition(load_checked(FIXTURES / "tiny"), Edition.PUBLIC)
    cards = next(h for h in plan_handouts(project, SETUP) if h.name == "antworten-karten.pdf")
    head, body = cards.html.split("</head>", 1)
    assert "<style>" not in body
    assert head.count("@page answer-card") == 1


def test_an_edition_borrows_the_handouts_another_edition_already_rendered(tmp_path: Path) -> None:
    handouts = [h for h in plan() if h.name.startswith("modul-m01")]
    build_handouts(handouts, FIXTURES / "tiny", tmp_path / "public")
    changed = [h if h.name != "modul-m01.pdf" else
               type(h)(h.name, h.title, h.html.replace("</body>", "<p>Intern</p></body>"), h.base) for h in handouts]
    internal = build_handouts(changed, FIXTURES / "tiny", tmp_path / "internal", lenders=(tmp_path / "public",))
    assert internal.rendered == ["modul-m01.pdf"]
    assert sorted(internal.reused) == sorted(h.name for h in handouts if h.name != "modul-m01.pdf")
    assert "Intern" in pdf_text(internal.files["modul-m01.pdf"])
    assert all("Intern" not in pdf_text(pdf) for pdf in (tmp_path / "public").glob("*.pdf"))
    assert build_handouts(handouts, FIXTURES / "tiny", tmp_path / "alone").rendered  # no lender, nothing lent
