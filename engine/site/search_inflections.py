"""Search terms for everyday German: the base forms and common inflections of a page's words.

A reader types „gestürzt“, „hingefallen“ or „isst nicht“; the page says „Sturz“, „hinfallen“,
„Essen“. At build time every entry of the search index (a page or one of its sections) gets an
extra field with the forms of the lemmas on it, from simplemma's German dictionary (it ships in
the wheel; nothing is downloaded). The field is indexed by Material's search but never shown:
not in the page, not in a result's snippet.

Pure functions on the index's documents; the dictionary is loaded only when an entry's terms are
not in the cache (`.cache/search/`), so a warm build does not load it at all.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

FIELD = "inflections"
# Bumped when the rules below change: the cache of older rules is not used.
RULES = "3"
MIN_LENGTH = 4
# At most this many terms per index entry (a page or a section): keeps the index bounded.
CAP = 150
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
# Function words: they carry no meaning of their own, their forms would only add noise.
_STOP_WORDS = """
aber alle allem allen aller alles als also andere anderen anderer anderes auch auf aus bei beim
bin bis bist dann darf dass dein deine dem den denn der des dich die dies diese diesem diesen
dieser dieses dir doch dort durch eine einem einen einer eines einige etwas euch euer eure für
gegen habe haben hat hatte hier hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer immer ist
jede jedem jeden jeder jedes jetzt kann kein keine keinem keinen keiner können könnte mache
machen macht man mehr mein meine meinem meinen meiner mich mir mit muss müssen nach nicht nichts
noch nun nur oder ohne sehr sein seine seinem seinen seiner sich sie sind soll sollen sollte
sondern sonst über unser unsere unter viel vom von vor wann war waren warum was weil welche
welchem welchen welcher welches wenn wer werden wie wieder will wir wird wo wurde würde zum zur
zwar zwischen
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Separable prefixes: „hinfallen“ → „hingefallen“, „abholen“ → „abgeholt“.
PREFIXES = ("zurück", "hinein", "heraus", "herein", "hinaus", "weiter", "nach", "fest", "hin", "her", "weg",
            "auf", "aus", "ein", "mit", "vor", "los", "ab", "an", "bei", "zu", "um")
UMLAUTS = str.maketrans("aou", "äöü")
# How words are typed without umlauts: „gestuerzt“, „Pflegeberatung fuer Angehoerige“, „heiss“.
SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def version() -> str:
    """The dictionary's version and the rules': the cache key besides the text."""
    import simplemma  # imported here: a warm build needs only its version

    return f"simplemma-{simplemma.__version__}-rules-{RULES}"


@dataclass
class Dictionary:
    """simplemma's German dictionary both ways: form → lemma and lemma → forms."""

    forms: Mapping[str, str]

    @classmethod
    def load(cls) -> Dictionary:
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

        return cls(DefaultDictionaryFactory().get_dictionary("de"))

    @cached_property
    def inverse(self) -> dict[str, list[str]]:
        """Lemma → forms, for every lemma (`prepare` builds it for the lemmas of some texts only)."""
        return self._inverted(None)

    def prepare(self, texts: Iterable[str]) -> None:
        """Invert the dictionary only for the lemmas of `texts`: a fraction of the memory and time."""
        needed = {c for text in texts for w in words(text) for lemma in self.lemmas(w) for c in self.candidates(lemma)}
        self.__dict__["inverse"] = self._inverted(needed)

    def _inverted(self, needed: set[str] | None) -> dict[str, list[str]]:
        inverse: dict[str, list[str]] = {}
        for form, lemma in self.forms.items():
            if needed is None or lemma in needed:
                inverse.setdefault(lemma, []).append(form)
        return inverse

    def candidates(self, lemma: str) -> list[str]:
        """The lemma and the verb a noun names („Sturz“ → „stürzen“), where the dictionary knows it."""
        if lemma[:1].isupper():
            low = lemma.lower()
            for verb in (f"{low}en", f"{low}n", f"{low.translate(UMLAUTS)}en"):
                if verb != low and self.forms.get(verb) == verb:
                    return [lemma, verb]
        return [lemma]

    def lemmas(self, word: str) -> list[str]:
        """The lemmas of the word as written and in lower case: „Essen“ is the noun and a form of „essen“."""
        found = (self.forms.get(candidate) for candidate in (word, word.lower(), word.capitalize()))
        return list(dict.fromkeys(lemma for lemma in found if lemma is not None))

    def related(self, lemma: str) -> list[str]:
        """The lemma, the verb a noun names („Sturz“ → „stürzen“), and the forms of both."""
        forms: list[str] = []
        for each in self.candidates(lemma):
            forms.append(each)
            forms.extend(form for form in self.inverse.get(each, ()) if not _rare(form, each))
            forms.extend(self._participles(each))
        return forms

    def _participles(self, verb: str) -> list[str]:
        """The past participle of a separable verb, where the dictionary knows it as a word."""
        for prefix in PREFIXES:
            base = verb.removeprefix(prefix)
            if base != verb and len(base) > 3 and base.endswith("en"):
                candidates = (f"{prefix}ge{base}", f"{prefix}ge{base[:-2]}t")
                return [c for c in candidates if c in self.forms]
        return []


def _rare(form: str, lemma: str) -> bool:
    """A verb form nobody types: the subjunctive „stürzest“, „stürzet“ (but „arbeitet“ stays)."""
    if not lemma.endswith("en") or lemma[:1].isupper():
        return False
    stem = lemma[:-2]
    return (form.endswith("est") and form != lemma) or (form == f"{stem}et" and not stem.endswith(("t", "d")))


def words(text: str) -> list[str]:
    """The entry's words that carry meaning, in order of their first appearance."""
    seen = dict.fromkeys(w for w in WORD.findall(text) if len(w) >= MIN_LENGTH and w.lower() not in STOP_WORDS)
    return list(seen)


def terms(text: str, dictionary: Dictionary, cap: int = CAP) -> list[str]:
    """The forms of the lemmas of `text` that `text` does not contain already, lower case, at most `cap`."""
    present = {w.lower() for w in WORD.findall(text)}
    found: dict[str, None] = {}
    # Amounts are written „131 €“ and asked for as „131 Euro“.
    candidates = [["Euro"]] if "€" in text else []
    for word in words(text):
        candidates.append([word] + [form for lemma in dictionary.lemmas(word) for form in dictionary.related(lemma)])
    for forms in candidates:
        for form in forms:
            # „heiß“ is often typed „heiss“, „gestürzt“ „gestuerzt“ (no umlaut on the keyboard, or the Swiss spelling).
            lower = form.lower()
            for low in dict.fromkeys((lower, lower.replace("ß", "ss"), lower.translate(SPELLED_OUT))):
                if len(low) >= MIN_LENGTH and low not in present and low not in STOP_WORDS and WORD.fullmatch(low):
                    found[low] = None
                    if len(found) >= cap:
                        return list(found)
    return list(found)


def key(text: str, version: str) -> str:
    return hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()[:24]


def entry_text(doc: Mapping[str, Any]) -> str:
    text = re.sub(r"<[^>]+>", " ", str(doc.get("text", "")))
    return f"{doc.get('title', '')}\n{text}"


def add_inflections(docs: Sequence[dict[str, Any]], terms_of: Callable[[list[str]], list[list[str]]]) -> None:
    """Give every document of the search index its `inflections` (space-separated, never shown)."""
    texts = [entry_text(doc) for doc in docs]
    for doc, found in zip(docs, terms_of(texts), strict=True):
        if found:
            doc[FIELD] = " ".join(found)


@dataclass
class TermCache:
    """Terms per entry text on disk, so a warm build needs no dictionary."""

    folder: Path
    version: str
    loaded: Callable[[], Dictionary] = Dictionary.load
    # False under `mkdocs serve`: an edited entry goes without forms until the next build, rather
    # than every save waiting for the dictionary.
    compute: bool = True
    misses: int = 0

    @property
    def path(self) -> Path:
        return self.folder / "inflections.json"

    def terms_of(self, texts: Iterable[str]) -> list[list[str]]:
        texts = list(texts)
        old = self._read()
        keys = [key(text, self.version) for text in texts]
        missing = [i for i, k in enumerate(keys) if k not in old]
        self.misses = len(missing)
        new: dict[str, list[str]] = {}
        if missing and not self.compute:
            return [old.get(k, []) for k in keys]
        if missing:
            dictionary = self.loaded()
            dictionary.prepare(texts[i] for i in missing)
            for i in missing:
                new[keys[i]] = terms(texts[i], dictionary)
        result = [new[k] if k in new else old[k] for k in keys]
        kept = dict(zip(keys, result, strict=True))
        if missing or set(kept) != set(old):
            self._write(kept)
        return result

    def _read(self) -> dict[str, list[str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != self.version:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _write(self, entries: dict[str, list[str]]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": self.version, "entries": entries}, ensure_ascii=False),
                       encoding="utf-8")
        tmp.replace(self.path)


def inflect_index(index_file: Path, cache: TermCache) -> tuple[int, int]:
    """Add the inflections to Material's `search_index.json` in place; its sizes before and after."""
    raw = index_file.read_text(encoding="utf-8")
    index = json.loads(raw)
    add_inflections(index["docs"], cache.terms_of)
    out = json.dumps(index, separators=(",", ":"))  # as Material writes it
    index_file.write_text(out, encoding="utf-8")
    return len(raw.encode()), len(out.encode())
