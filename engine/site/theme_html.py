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
_AUTOCOMPLETE_OFF = ' autocomplete="off"'
# How Material 9 writes it (partials/nav-item.html): `id="{{ path }}_label" tabindex="{{ tabindex }}">`.
_LABEL_EMPTY_TABINDEX = '_label" tabindex="">'
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
# The footer's `aria-label="{{ direction }}: {{ page.next_page.title | e }}"` on an escaped title.
_FOOTER_LABEL = re.compile(r'(<a\b[^>]*class="md-footer__link[^"]*"[^>]*? aria-label=")([^"]*)(")')


def _footer_label_escaped_once(match: re.Match[str]) -> str:
    label = html_text.unescape(match[2]).replace('"', "&quot;")
    return match[1] + label + match[3]


def _without_checkbox_autocomplete(html: str) -> str:
    """`autocomplete="off"` dropped from checkboxes, kept on text fields (the search box)."""
    parts, start = [], 0
    position = html.find(_AUTOCOMPLETE_OFF)
    while position >= 0:
        tag = html[html.rfind("<", 0, position):position]
        if tag.startswith("<input") and 'type="checkbox"' in tag:
            parts.append(html[start:position])
            start = position + len(_AUTOCOMPLETE_OFF)
        position = html.find(_AUTOCOMPLETE_OFF, position + 1)
    return "".join(parts) + html[start:] if parts else html


def repair_theme_html(html: str) -> str:
    """The page with the theme's four faulty patterns repaired, nothing else changed.

    A page carries hundreds of navigation labels: the common spelling of the first pattern is
    replaced as plain text (a regular expression over every label cost more than the rest of the
    engine's work on the page), and the footer's links are looked for in the footer only."""
    html = html.replace(_LABEL_EMPTY_TABINDEX, '_label">')
    if ' tabindex=""' in html:  # another spelling
        html = _EMPTY_TABINDEX.sub(r"\1", html)
    footer = max(html.rfind("<footer"), 0)
    html = html[:footer] + _FOOTER_LABEL.sub(_footer_label_escaped_once, html[footer:])
    html = _without_checkbox_autocomplete(html)
    if _TOC_LABEL in html and 'id="__toc"' not in html:
        # Section index pages get the table-of-contents title without its toggle.
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html
