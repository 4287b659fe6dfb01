"""Check the links editors write, before any build, and point at the source line.

MkDocs finds a broken link or anchor only while building, in English, at the generated page.
Here every link of a module body and of a hand-written page is resolved against the pages the
site will have and the anchors their headings will get, and a miss becomes a German problem
at the line of the source file, with the closest valid targets.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterator

from markdown.extensions.toc import slugify

from engine.core.pages import GeneratedPage, LinkSource, PagePlan
from engine.core.problems import Problem
from engine.core.project import Project
from engine.core.registry import Registry
from engine.core.urls import HANDOUT_FOLDER

_LINK = re.compile(r"(?<![!\\])\[(?P<text>[^\]\n]*)\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{\s*[^}]*#(?P<id>[\w\-:.]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"<[a-z][^>]*\sid=\"(?P<id>[^\"]+)\"", re.IGNORECASE)
_INLINE = re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)|<[^>]+>|[*_`]")
_FENCE = re.compile(r"^\s*(```|~~~)")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)


Source = LinkSource


def check_links(registry: Registry, public: Project, plan: PagePlan, docs: dict[str, str],
                assets: set[str]) -> list[Problem]:
    """Broken links of a checked project, judged against its public edition and that edition's `plan`.

    The public edition has the fewest pages and anchors: a link that works there works in
    the internal one too, and a link to something internal is caught before it is published.
    """
    sources = [source for feature in registry.features if feature.link_sources is not None
               for source in feature.link_sources(public)]
    return link_problems(sources, plan, docs, assets)


def link_problems(sources: list[LinkSource], plan: dict[str, Callable[[], GeneratedPage]],
                  docs: dict[str, str], assets: set[str]) -> list[Problem]:
    """Every broken link or anchor in module bodies and hand-written pages.

    `sources` is the Markdown editors wrote inside records (module bodies), `plan` maps generated
    pages to their renderers, `docs` hand-written pages (docs-relative path → Markdown) and
    `assets` every other file under `docs/`.
    """
    shadowing = [Problem(f"docs/{path}", 1, "", f"die Seite '{path}' wird aus den Inhalten erzeugt; benennen Sie "
                                                "die Datei in docs/ um oder löschen Sie sie",
                         code="page.shadows-generated")
                 for path in sorted(docs) if path in plan]
    if shadowing:  # links would be judged against the wrong page
        return shadowing
    anchors = _Anchors(plan, docs)
    problems: list[Problem] = []
    for source in [*sources, *(LinkSource(f"docs/{path}", path, text) for path, text in sorted(docs.items()))]:
        for line, target in _links(source):
            problem = _check(source, line, target, anchors, assets)
            if problem is not None:
                problems.append(problem)
    return problems


def _links(source: Source) -> Iterator[tuple[int, str]]:
    """(file line, target) of every link and image outside code, skipping external addresses."""
    in_fence = False
    for index, line in enumerate(source.text.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or ("](" not in line):
            continue
        code_free = re.sub(r"`[^`]*`", "", line)
        for pattern in (_LINK, _IMAGE):
            for match in pattern.finditer(code_free):
                target = match.group("target")
                if not _EXTERNAL.match(target) and "{{" not in target:
                    yield source.first_line + index, target


def _check(source: Source, line: int, target: str, anchors: _Anchors, assets: set[str]) -> Problem | None:
    path, _, anchor = target.partition("#")
    here = posixpath.dirname(source.page)
    if not path:
        resolved = source.page
    else:
        resolved = posixpath.normpath(posixpath.join(here, path))
        if path.endswith("/"):
            resolved += "/index.md"
    if resolved in assets or _is_handout(resolved):
        return None
    if not anchors.exists(resolved):
        candidates = [posixpath.relpath(page, here or ".") for page in anchors.pages()]
        close = difflib.get_close_matches(path, candidates, n=3, cutoff=0.5)
        guess = f"meinten Sie {_quoted(close)}? " if close else ""
        return Problem(source.file, line, "", f"der Link '{target}' führt ins Leere: die Seite '{resolved}' gibt es "
                                              f"nicht; {guess}Links schreiben Sie relativ zu dieser Seite "
                                              f"('{source.page}'), z. B. '../glossar.md#begriff'",
                       code="link.page-unknown")
    if anchor and anchor not in anchors.of(resolved):
        close = difflib.get_close_matches(anchor, sorted(anchors.of(resolved)), n=3, cutoff=0.5)
        guess = f"meinten Sie {_quoted(['#' + c for c in close])}? " if close else ""
        return Problem(source.file, line, "", f"der Link '{target}' zeigt auf den Anker '#{anchor}', den es auf "
                                              f"'{resolved}' nicht gibt; {guess}ein Anker ist die Überschrift in "
                                              "Kleinbuchstaben, Leerzeichen als '-', ohne Umlaute (ä → a)",
                       code="link.anchor-unknown")
    return None


def _is_handout(resolved: str) -> bool:
    """Handouts are made during the build, after this check; MkDocs' own check sees them."""
    return resolved.startswith(f"{HANDOUT_FOLDER}/") and resolved.endswith(".pdf")


def _quoted(items: list[str]) -> str:
    return " oder ".join(f"'{item}'" for item in items)


class _Anchors:
    """The pages of the site and, when asked, the anchors of one page (rendered on demand)."""

    def __init__(self, plan: dict[str, Callable[[], GeneratedPage]], docs: dict[str, str]) -> None:
        self._plan = plan
        self._docs = docs
        self._known: dict[str, set[str]] = {}

    def pages(self) -> list[str]:
        return sorted({*self._plan, *self._docs})

    def exists(self, page: str) -> bool:
        return page in self._plan or page in self._docs

    def of(self, page: str) -> set[str]:
        if page not in self._known:
            text = self._docs[page] if page in self._docs else self._plan[page]().markdown
            self._known[page] = heading_anchors(text)
        return self._known[page]


def heading_anchors(markdown_text: str) -> set[str]:
    """The ids Python-Markdown's `toc` (as configured for the site) gives this page's headings.

    An explicit `{ #id }` wins; otherwise the heading text is slugified, and repeated slugs
    get `_1`, `_2`, … as the toc extension does. HTML elements with an `id` count too.
    """
    found: set[str] = set()
    in_fence = False
    for line in markdown_text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        found.update(match.group("id") for match in _HTML_ID.finditer(line))
        heading = _HEADING.match(line)
        if not heading:
            continue
        text = heading.group("text")
        explicit = _ATTR_ID.search(text)
        if explicit:
            found.add(explicit.group("id"))
            continue
        slug = slugify(_INLINE.sub(lambda m: m.group("text") or "", text), "-")
        unique, number = slug, 0
        while unique in found:
            number += 1
            unique = f"{slug}_{number}"
        found.add(unique)
    return found
