"""Repairs to the HTML that Material for MkDocs (9.8) writes, so every page is valid HTML.

Three patterns of the theme fail the Nu HTML checker. Two sit in `base.html` outside any
block, so a template override would mean copying and pinning the whole base template; the
repairs below change only the invalid attributes and leave the theme's behaviour as it is.

A fourth fails axe (label-content-name-mismatch): the footer's previous/next links escape the
page title, which MkDocs already holds as escaped HTML, a second time, so a title with `<`, `>`
or `&` is read out as „&lt;“ where the link shows „<“.
"""

from __future__ import annotations

import html as html_text
import re

# Material writes tabindex="" on navigation section labels that should not be focusable.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
# autocomplete is not allowed on checkboxes; Material adds it so Firefox does not restore them.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
# The footer's `aria-label="{{ direction }}: {{ page.next_page.title | e }}"` on an escaped title.
_FOOTER_LABEL = re.compile(r'(<a\b[^>]*class="md-footer__link[^"]*"[^>]*? aria-label=")([^"]*)(")')


def _footer_label_escaped_once(match: re.Match[str]) -> str:
    label = html_text.unescape(match[2]).replace('"', "&quot;")
    return match[1] + label + match[3]


def repair_theme_html(html: str) -> str:
    """The page with the theme's four faulty patterns repaired, nothing else changed."""
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _FOOTER_LABEL.sub(_footer_label_escaped_once, html)
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if _TOC_LABEL in html and 'id="__toc"' not in html:
        # Section index pages get the table-of-contents title without its toggle.
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html
