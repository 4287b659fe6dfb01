"""Print one handout's HTML to an accessible PDF with WeasyPrint, reading only project files.

Imported only where a PDF is rendered (worker processes, tests): WeasyPrint takes most of a
second to import, which `check` and `serve` should not pay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import weasyprint
from weasyprint.formatting_structure.boxes import TableCellBox
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


def render_document(html: str, root: Path, title: str, base: str = "") -> Any:
    """The laid-out document, for callers that write parts of it (one certificate per file)."""
    document, sheets = _document(html, root, base)
    try:
        return document.render(stylesheets=sheets)
    except FatalURLFetchingError as error:
        raise HandoutError(f"„{title}“: {error.__cause__ or error}") from None


def render_pdf(html: str, root: Path, title: str, base: str = "") -> bytes:
    """Tagged PDF/UA-1 with title, language and outline; fonts embedded (subset).

    Relative paths in `html` start from `base`, a folder relative to the project `root`.
    """
    document, sheets = _document(html, root, base)
    try:
        # pdf_forms: the <input> and <textarea> of form handouts become fillable AcroForm fields.
        pdf = document.write_pdf(stylesheets=sheets, pdf_variant="pdf/ua-1", pdf_forms=True, finisher=table_scopes)
    except FatalURLFetchingError as error:
        raise HandoutError(f"Handout „{title}“: {error.__cause__ or error}") from None
    assert pdf is not None
    return bytes(pdf)
