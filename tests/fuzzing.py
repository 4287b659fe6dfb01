"""Hostile and broken input: corruptions of a programme's sources, and what the editor must get.

Whatever the mutation, `load_project` must either accept the content or report clean
`file:line: message` problems — never raise, never hang — and text that reaches a page or a
handout is escaped. Used on a fixture programme (`tests/engine/test_fuzz.py`) and, in a small
variant, on ours (`tests/content/test_fuzz_content.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hypothesis import strategies as st

from engine.core.editions import Edition
from engine.core.printer import MarkdownSetup
from engine.core.records import SourceFile
from engine.portal import generate_pages, load_project, plan_handouts

OWN_SVG_TITLE = re.compile(r'<title id="[a-z0-9-]+-title">[^<]*</title>')
SETUP = MarkdownSetup.of(["tables", "def_list", "attr_list", "md_in_html"], {})
HOSTILE = st.sampled_from([
    "<script>alert('x')</script>", '"><img src=x onerror=alert(1)>', "{{ 7 * 7 }}", "{% raw %}",
    "\x00\x01\x02", "\u202e", "*" * 20 + "[" * 20, "&lt;script&gt;", "</title><script>x</script>",
    "a" * 200_000, "- - -", "---", "!!python/object:os.system", "*alias", "&anchor x", "\t\tTab",
])


@dataclass(frozen=True)
class Mutation:
    """What was done to which file, for hypothesis' failure report."""

    path: str
    how: str
    data: bytes


def lines_of(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def yaml_like(sources: Sequence[SourceFile]) -> list[SourceFile]:
    """The sources an editor writes by hand: YAML files and Markdown with front matter."""
    return [source for source in sources if source.path.endswith((".yml", ".md"))]


@st.composite
def mutations(draw: st.DrawFn, sources: Sequence[SourceFile]) -> Mutation:
    source = draw(st.sampled_from(yaml_like(sources)))
    lines = lines_of(source.data)
    index = draw(st.integers(0, len(lines) - 1))
    how = draw(st.sampled_from(["delete", "duplicate", "retype", "hostile", "truncate", "bytes",
                                "swap-id", "bomb", "latin1", "indent", "empty"]))
    text = draw(HOSTILE) if how == "hostile" else draw(st.text(max_size=40))
    line = lines[index]
    if how == "delete":
        lines.pop(index)
    elif how == "duplicate":
        lines.insert(index, line)
    elif how == "retype":  # keep the key, give the value another type
        key = line.split(b":", 1)[0]
        lines[index] = key + b": " + draw(st.sampled_from([b"[1, 2]", b"{a: b}", b"123", b"true", b"null",
                                                             b"2026-13-40", b"'x'"]))
    elif how == "hostile":
        key = line.split(b":", 1)[0] if b":" in line else b"title"
        lines[index] = key + b": " + text.encode("utf-8", "surrogatepass")
    elif how == "truncate":
        lines = lines[:index]
    elif how == "bytes":
        lines[index] = line + draw(st.binary(min_size=1, max_size=8))
    elif how == "swap-id":
        lines = [b"id: M01" if ln.startswith(b"id:") else ln for ln in lines]
    elif how == "bomb":
        lines.insert(index, b"a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                            b"c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]")
    elif how == "latin1":
        return Mutation(source.path, how, source.data.decode("utf-8").encode("latin-1", "replace"))
    elif how == "indent":
        lines[index] = b"   " + line
    elif how == "empty":
        lines = []
    return Mutation(source.path, how, b"\n".join(lines))


def assert_clean_problems_or_safe_pages(sources: Sequence[SourceFile], mutation: Mutation) -> None:
    """The editor gets clean `file:line` problems, or pages and handouts with the text escaped."""
    files = [SourceFile(s.path, mutation.data) if s.path == mutation.path else s for s in sources]
    line_counts = {f.path: len(lines_of(f.data)) + 1 for f in files}
    project, problems = load_project(files)
    for problem in problems:
        assert problem.path in line_counts
        assert 1 <= problem.line <= line_counts[problem.path], str(problem)
        assert problem.message and "Traceback" not in problem.message
        assert "\n" not in str(problem)
    if problems:
        return
    for page in generate_pages(project, Edition.INTERNAL):
        # The drawings' own titles (escaped text in an element of ours) are the only ones allowed.
        markdown = OWN_SVG_TITLE.sub("", page.markdown)
        assert not re.search(r"<script|<img|</title", markdown, re.I), page.path
    if mutation.how == "hostile":
        for handout in plan_handouts(project, SETUP):
            body = handout.html.split("</style>", 1)[1]
            assert not re.search(r"<script|<img src=x|</title><script", body, re.I), handout.name
