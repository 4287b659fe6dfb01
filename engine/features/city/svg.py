"""Make a drawn SVG fit for a page and a PDF: inline-safe, unique ids, readable by screen readers.

Graphviz puts node ids into `<title>` elements and matplotlib adds RDF metadata and a global
`<style>`; inside an HTML page those would be read aloud, be invalid, or restyle the page.
"""

from __future__ import annotations

import re
from html import escape

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.S)
_TITLES = re.compile(r"<title>.*?</title>", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.S)
_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.S)
_EMPTY_DEFS = re.compile(r"<defs>\s*</defs>")
_ROOT = re.compile(r"<svg\b(?P<attrs>[^>]*)>")
_ID = re.compile(r'\bid="(?P<id>[^"]+)"')
_REF = re.compile(r'(?P<pre>url\(#|href="#)(?P<id>[^)"]+)')


def accessible_svg(svg: str, prefix: str, title: str, description: str) -> str:
    """`svg` without Graphviz titles, comments and metadata; ids prefixed with `prefix`;
    `role="img"` with a German `<title>` and `<desc>` that name it for screen readers."""
    svg = _PROLOG.sub("", svg)
    svg = _TITLES.sub("", svg)
    svg = _METADATA.sub("", svg)
    svg = _STYLE.sub("", svg)
    svg = _EMPTY_DEFS.sub("", svg)
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group("id")}"', svg)
    svg = _REF.sub(lambda m: f"{m.group('pre')}{prefix}-{m.group('id')}", svg)
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("no <svg> element in the drawing")
    attrs = re.sub(r'\s(?:role|aria-labelledby|id)="[^"]*"', "", root.group("attrs"))
    head = (f'<svg{attrs} id="{prefix}" role="img" aria-labelledby="{prefix}-title {prefix}-desc">'
            f'<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(description)}</desc>')
    svg = svg[root.start():root.start()] + head + svg[root.end():]
    svg = svg[svg.index("<svg"):]
    # No blank lines: Markdown would end the raw HTML block there.
    return "\n".join(line for line in svg.splitlines() if line.strip()) + "\n"
