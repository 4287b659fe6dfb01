"""Check `mkdocs.yml`'s `nav` before the build: every entry names a page or a slot that exists.

MkDocs notices an unknown `nav` entry only at the end of a build, in English, after the PDFs;
here it is a German problem at the line of `mkdocs.yml`, with the closest valid names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from engine.core.problems import Problem
from engine.core.registry import NavSection
from engine.site.site_config import SiteSource

_ADDRESS = re.compile(r"^([a-z][a-z0-9+.\-]*:|/)", re.IGNORECASE)


def nav_problems(site: SiteSource, handwritten: Iterable[str], generated: Iterable[str],
                 sections: Iterable[NavSection]) -> list[Problem]:
    """Unknown `nav` entries, and hand-written pages the strict build would miss in the `nav`."""
    if site.nav is None:
        return []
    pages, made = set(handwritten), set(generated)
    declared = tuple(sections)
    slots = {section.slot for section in declared}
    problems = []
    named: set[str] = set()
    for entry in site.nav:
        target = entry.target
        if _ADDRESS.match(target):
            continue
        named.add(target)
        if target in slots or target in pages or target in made:
            continue
        problems.append(Problem(site.path, entry.line, "nav", _unknown(target, pages, made, declared),
                                code="nav.page-unknown"))
    if site.omitted_pages_fail:
        first_line = site.nav[0].line if site.nav else 1
        problems += [Problem(site.path, first_line, "nav", f"die Seite 'docs/{page}' steht nicht im nav; tragen "
                                                          f"Sie sie dort ein (z. B. '- Titel: {page}') oder "
                                                          "löschen Sie die Datei",
                             code="nav.page-missing")
                     for page in sorted(pages - named)]
    return problems


def _unknown(target: str, pages: set[str], made: set[str], sections: tuple[NavSection, ...]) -> str:
    """Why `target` is unknown, and what would be right."""
    owner = next((section for section in sections if not section.parent and section.slot.endswith("/")
                  and target.startswith(section.slot)), None)
    if owner is not None:  # e.g. `stadt/wirkung.md` of a programme without impact data
        return (f"die Seite '{target}' wird aus den Inhalten erzeugt, hier aber nicht (es fehlen ihre Daten); "
                f"nennen Sie im nav statt einzelner Seiten den Platz '{owner.slot}': dort erscheinen die "
                "Seiten, die es gibt, von selbst")
    close = difflib.get_close_matches(target, sorted({*pages, *made, *(s.slot for s in sections)}), n=3, cutoff=0.6)
    guess = f"; meinten Sie {' oder '.join(repr(name) for name in close)}?" if close else ""
    return (f"die Seite '{target}' gibt es weder in docs/ noch unter den erzeugten Seiten{guess} "
            "(Seiten schreiben Sie relativ zu docs/, z. B. 'modell/index.md'; Plätze für erzeugte Bereiche "
            "enden auf '/', z. B. 'module/')")
