"""Print one handout's HTML to an accessible PDF with WeasyPrint, reading only project files.

Imported only where a PDF is rendered (worker processes, tests): WeasyPrint takes most of a
second to import, which `check` and `serve` should not pay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import weasyprint
from weasyprint.urls import FatalURLFetchingError, URLFetcher

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


def render_document(html: str, root: Path, title: str, base: str = "") -> Any:
    """The laid-out document, for callers that write parts of it (one certificate per file)."""
    document = weasyprint.HTML(string=html, base_url=(root.resolve() / base).as_uri() + "/",
                               url_fetcher=ProjectOnlyFetcher(root))
    try:
        return document.render()
    except FatalURLFetchingError as error:
        raise HandoutError(f"„{title}“: {error.__cause__ or error}") from None


def render_pdf(html: str, root: Path, title: str, base: str = "") -> bytes:
    """Tagged PDF/UA-1 with title, language and outline; fonts embedded (subset).

    Relative paths in `html` start from `base`, a folder relative to the project `root`.
    """
    document = weasyprint.HTML(string=html, base_url=(root.resolve() / base).as_uri() + "/",
                               url_fetcher=ProjectOnlyFetcher(root))
    try:
        # pdf_forms: the <input> and <textarea> of form handouts become fillable AcroForm fields.
        pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_forms=True)
    except FatalURLFetchingError as error:
        raise HandoutError(f"Handout „{title}“: {error.__cause__ or error}") from None
    assert pdf is not None
    return bytes(pdf)
