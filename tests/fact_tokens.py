"""The emergency and advice numbers of `facts.yml`, filled into a text that writes them as `((id))`.

The plain-reading content tests (no engine imports) compare sentences such as „… rufen Sie 112“;
the content writes the number as `((notruf))`. This fills in the facts whose value is a text
(a phone number shows exactly as written); amounts, whose German formatting the engine does, stay
tokens.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\(\((?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\)\)")
TEXT_VALUES = {fact["id"]: fact["value"]
               for fact in yaml.safe_load((REPO / "facts.yml").read_text(encoding="utf-8"))["facts"]
               if isinstance(fact["value"], str) and not fact.get("unit")}


def fill_numbers(text: str) -> str:
    """`text` with `((notruf))` → „112“ and the like; other tokens stay."""
    return TOKEN.sub(lambda m: TEXT_VALUES.get(m["id"], m.group()), text) if "((" in text else text
