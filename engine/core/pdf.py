"""Print one handout's HTML to an accessible PDF with WeasyPrint, reading only project files.

Imported only where a PDF is rendered (worker processes, tests): WeasyPrint takes most of a
second to import, which `check` and `serve` should not pay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import weasyprint
from weasyprint.formatting_structure.boxes import MarginBox, TableCellBox, TextBox
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from engine.core.printer import STYLE_BLOCK
from engine.core.problems import HandoutError


class ProjectOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Reads `file:` URLs inside `root` and inline `data:` URLs; refuses everything else.

    `fail_on_errors` makes WeasyPrint stop instead of leaving a silent gap in the PDF.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.root = root.resolve()

    def fetch(self, url: str, headers: Any = None) -> Any:
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if not path.is_relative_to(self.root):
                raise HandoutError(f"„{path}“ liegt außerhalb des Projekts")
            if not path.is_file():
                raise HandoutError(f"die Datei „{path.relative_to(self.root)}“ fehlt")
        elif parsed.scheme != "data":
            raise HandoutError(f"„{url}“ liegt nicht im Projekt; Handouts verwenden nur Dateien des "
                               "Projekts (laden Sie das Bild herunter und legen Sie es unter docs/ ab)")
        return super().fetch(url, headers)


_PARSED: dict[tuple[str, str], Any] = {}


def _stylesheets(html: str, base_url: str) -> tuple[str, list[Any]]:
    """The HTML without its `<style>` blocks, and the blocks as parsed stylesheets, each parsed
    once per process: parsing the print CSS took as long as laying out a one-page handout.

    WeasyPrint applies them as user stylesheets. With no author styles left in the document the
    cascade is the same, except against attributes that count as the document's own styles: an
    inline `<svg>`'s width and height, which the print CSS therefore overrides with `!important`
    (`tests/engine/test_handouts.py` compares every word with the styles left inline)."""
    sheets = []
    for css in STYLE_BLOCK.findall(html):
        key = (css, base_url)
        if key not in _PARSED:
            _PARSED[key] = weasyprint.CSS(string=css, base_url=base_url)
        sheets.append(_PARSED[key])
    return STYLE_BLOCK.sub("", html), sheets


def _document(html: str, root: Path, base: str) -> tuple[Any, list[Any]]:
    base_url = (root.resolve() / base).as_uri() + "/"
    bare, sheets = _stylesheets(html, base_url)
    return weasyprint.HTML(string=bare, base_url=base_url, url_fetcher=ProjectOnlyFetcher(root)), sheets


#: The PDF /Scope of a header cell, from the `scope` attribute of its <th>.
SCOPES = {"col": "/Column", "colgroup": "/Column", "row": "/Row", "rowgroup": "/Row"}


def table_scopes(document: Any, pdf: Any) -> None:
    """Finisher for `write_pdf`: each TH structure element gets the /Scope of its <th>.

    WeasyPrint 70 reads `scope` only to fill the data cells' /Headers; PDF/UA checkers (and
    screen readers that ignore /Headers) want /Scope on the header cell itself. WeasyPrint keeps
    each cell's structure element on its box (`mark`) while tagging; a <th> without a `scope`
    attribute gets none, so the tests find it.
    """
    for page in document.pages:
        for box in page._page_box.descendants():
            mark = getattr(box, "mark", None)
            if isinstance(box, TableCellBox) and box.element_tag == "th" and mark is not None:
                scope = SCOPES.get(box.element.get("scope", "").lower())
                if scope:
                    mark["A"]["Scope"] = scope


#: How far (2 mm, in CSS pixels) text may reach past the text area before it counts as spilled.
SPILL_TOLERANCE_PX = 2 / 25.4 * 96


def spilled_text(document: Any) -> list[tuple[int, str]]:
    """(page number, text) of every piece of text that ends right of its page's text area, where a
    printer cuts it or it runs into the margin („Im Ne…“ in a table too wide for large print).
    The running header and footer live in the margins and are left out."""
    found = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        edge = page_box.content_box_x() + page_box.width + SPILL_TOLERANCE_PX
        found += [(number, box.text) for child in page_box.children if not isinstance(child, MarginBox)
                  for box in child.descendants()
                  if isinstance(box, TextBox) and box.text.strip() and box.position_x + box.width > edge]
    return found


def _laid_out(document: Any, sheets: list[Any], title: str) -> Any:
    try:
        laid_out = document.render(stylesheets=sheets)
    except FatalURLFetchingError as error:
        raise HandoutError(f"Handout „{title}“: {error.__cause__ or error}") from None
    if spilled := spilled_text(laid_out):
        number, text = spilled[0]
        raise HandoutError(f"Handout „{title}“, Seite {number}: „{text.strip()[:40]}“ ragt über den Rand des "
                           "Papiers hinaus (ein langes Wort oder eine Webadresse in einer zu schmalen Spalte); "
                           "kürzen Sie den Text, oder die Druckvorlage (engine/core/templates/print.css) muss die "
                           "Spalte breiter machen")
    return laid_out


def render_document(html: str, root: Path, title: str, base: str = "") -> Any:
    """The laid-out document, for callers that write parts of it (one certificate per file)."""
    document, sheets = _document(html, root, base)
    return _laid_out(document, sheets, title)


def render_pdf(html: str, root: Path, title: str, base: str = "") -> bytes:
    """Tagged PDF/UA-1 with title, language and outline; fonts embedded (subset).

    Relative paths in `html` start from `base`, a folder relative to the project `root`.
    """
    document, sheets = _document(html, root, base)
    # pdf_forms: the <input> and <textarea> of form handouts become fillable AcroForm fields.
    pdf = _laid_out(document, sheets, title).write_pdf(pdf_variant="pdf/ua-1", pdf_forms=True, finisher=table_scopes)
    assert pdf is not None
    return bytes(pdf)
