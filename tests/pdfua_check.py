"""The machine-checkable PDF/UA-1 rules for the handout tests: the `pdfua` package plus our own.

`pdfua` (pikepdf, no JVM) decides 16 of the 106 machine-checkable PDF/UA-1 rules: structure tree,
MarkInfo, untagged page content, /Lang, title and DisplayDocTitle, figure /Alt, table headers,
annotation and link descriptions, empty headings, the PDF/UA identifier. This module adds what it
leaves out and what the handouts promise besides: /Scope on every TH (pdfua accepts a table if
one header cell of it is associated), dc:title in the XMP metadata, embedded fonts. It is a
triage gate, not a conformance claim; veraPDF is the reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pdfua import validate
from pdfua.document import StructElement
from pdfua.rules import ALL_RULES, RuleRegistry
from pdfua.rules.structure import EmptyHeadingRule

SCOPES = {"/Row", "/Column", "/Both"}
#: Own checks, named like pdfua's rule ids so a report reads as one list.
OWN_RULES = {
    "QP-TH-SCOPE": "every TH carries /A /Scope (Row, Column or Both)",
    "QP-XMP-TITLE": "the XMP metadata has dc:title",
    "QP-FONTS": "every font is embedded",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" or "warning"
    message: str
    page: int | None = None

    def __str__(self) -> str:
        where = f" (Seite {self.page})" if self.page else ""
        return f"{self.rule} {self.severity}{where}: {self.message}"


class _EmptyHeadingRule(EmptyHeadingRule):
    """pdfua 0.1.3's rule asks a pikepdf 10 Array for `.is_integer`, which raises: the rule is
    skipped on every tagged PDF. Same decision, with isinstance checks that pikepdf 10 answers."""

    @staticmethod
    def _has_text(element: StructElement) -> bool:
        return _EmptyHeadingRule._marks_content(element.obj)

    @staticmethod
    def _marks_content(node: object) -> bool:
        if not isinstance(node, pikepdf.Dictionary):
            return False
        kid = node.get("/K")
        items = list(kid) if isinstance(kid, pikepdf.Array) else [kid]
        for item in items:
            if isinstance(item, int) and not isinstance(item, bool):
                return True
            if isinstance(item, pikepdf.Dictionary) and (
                    item.get("/Type") == pikepdf.Name("/MCR") or _EmptyHeadingRule._marks_content(item)):
                return True
        return False


REGISTRY = RuleRegistry([_EmptyHeadingRule() if isinstance(rule, EmptyHeadingRule) else rule
                         for rule in ALL_RULES])


def check(path: Path) -> list[Finding]:
    """Every finding of `path`: pdfua's (a rule it could not run is an error) and our own."""
    report = validate(str(path), registry=REGISTRY)
    findings = [Finding(f.rule_id, "error" if f.severity.name == "ERROR" else f.severity.name.lower(),
                        f.message, f.location.page) for f in report.findings]
    findings += [Finding(o.rule_id, "error", f"nicht geprüft: {o.skipped_reason}") for o in report.skipped]
    with pikepdf.open(path) as pdf:
        findings += _scopes(pdf)
        findings += _xmp_title(pdf)
        findings += _fonts(pdf)
    return findings


def errors(path: Path) -> list[Finding]:
    return [finding for finding in check(path) if finding.severity == "error"]


def header_cells(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    """Every TH element of the structure tree, in document order."""
    stack = [pdf.Root.StructTreeRoot]
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if node.objgen != (0, 0):
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if node.get("/S") == pikepdf.Name("/TH"):
            yield node
        kids = node.get("/K")
        for kid in reversed(list(kids) if isinstance(kids, pikepdf.Array) else [kids]):  # in document order
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                stack.append(kid)


def scope_of(cell: pikepdf.Object) -> str | None:
    """The /Scope of a TH from its attribute dictionaries (/A is one or an array)."""
    attributes = cell.get("/A")
    for attribute in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
        if isinstance(attribute, pikepdf.Dictionary) and "/Scope" in attribute:
            return str(attribute.Scope)
    return None


def _scopes(pdf: pikepdf.Pdf) -> Iterator[Finding]:
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
    for cell in header_cells(pdf):
        scope = scope_of(cell)
        if scope not in SCOPES:
            page = pages.get(cell.Pg.objgen) if "/Pg" in cell else None
            yield Finding("QP-TH-SCOPE", "error", f"TH ohne gültiges /Scope ({scope})", page)


def _xmp_title(pdf: pikepdf.Pdf) -> Iterator[Finding]:
    if "/Metadata" not in pdf.Root:
        yield Finding("QP-XMP-TITLE", "error", "keine XMP-Metadaten")
        return
    with pdf.open_metadata() as meta:
        title = meta.get("dc:title")
    if not title or not str(title).strip():
        yield Finding("QP-XMP-TITLE", "error", "dc:title fehlt in den XMP-Metadaten")


def _fonts(pdf: pikepdf.Pdf) -> Iterator[Finding]:
    """Fonts of the pages, of their form XObjects and of annotation appearances."""
    seen: set[tuple[int, int]] = set()

    def resources(holder: pikepdf.Object, page: int) -> Iterator[tuple[pikepdf.Object, int]]:
        if not isinstance(holder, pikepdf.Dictionary | pikepdf.Stream) or "/Resources" not in holder:
            return
        res = holder.Resources
        for font in (res.get("/Font") or {}).values():
            yield font, page
        for xobject in (res.get("/XObject") or {}).values():
            if xobject.objgen not in seen:
                seen.add(xobject.objgen)
                yield from resources(xobject, page)

    def appearances(page_obj: pikepdf.Dictionary) -> Iterator[pikepdf.Object]:
        for annotation in page_obj.get("/Annots") or []:
            for state in (annotation.get("/AP") or {}).values():
                if isinstance(state, pikepdf.Stream):
                    yield state
                elif isinstance(state, pikepdf.Dictionary):
                    yield from state.values()

    checked: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages, start=1):
        holders = [page.obj, *appearances(page.obj)]
        for holder in holders:
            for font, where in resources(holder, number):
                if font.objgen in checked:
                    continue
                checked.add(font.objgen)
                if str(font.get("/Subtype")) == "/Type3":
                    continue  # glyphs are content streams in the PDF itself
                descriptors = [font.get("/FontDescriptor")] + [
                    d.get("/FontDescriptor") for d in font.get("/DescendantFonts") or []]
                if not any(isinstance(d, pikepdf.Dictionary)
                           and {"/FontFile", "/FontFile2", "/FontFile3"} & set(d.keys()) for d in descriptors):
                    yield Finding("QP-FONTS", "error", f"Schrift {font.get('/BaseFont')} nicht eingebettet", where)


def main(paths: list[str]) -> int:
    """`python tests/pdfua_check.py handouts/*.pdf`: every finding, and 1 if there is one."""
    found = 0
    for name in paths:
        for finding in check(Path(name)):
            print(f"{name}: {finding}")
            found += 1
    print(f"{len(paths)} PDFs, {found} findings")
    return 1 if found else 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
