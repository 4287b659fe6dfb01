"""Extra search terms, so that a part of a German compound finds the whole word."""

from __future__ import annotations

import re
from collections.abc import Iterable

from engine.core.vocabulary import COMPOUND_TAILS

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def search_terms(texts: Iterable[str], keywords: Iterable[str] = ()) -> list[str]:
    """Editor keywords plus the tails of compounds in `texts` and `keywords`, e.g. 'Schutz'.

    Material's search already matches prefixes ('Entlastung' finds 'Entlastungsbetrag'),
    so only word endings need help.
    """
    terms: dict[str, None] = dict.fromkeys(keywords)
    words = [word for text in (*texts, *keywords) for word in _WORD.findall(text)]
    for word in words:
        lower = word.casefold()
        for tail in COMPOUND_TAILS:
            if lower.endswith(tail) and len(lower) >= len(tail) + 3:
                terms.setdefault(tail.capitalize(), None)
    return list(terms)
