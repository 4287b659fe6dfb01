"""Print how long `./qp serve` takes from saving an edited source file until its page shows the edit.

Run: .venv/bin/python benchmarks/serve_edit.py   (a benchmark, never a timed test)

Serves a copy of the project on a free port, then edits one file per content kind (a module,
a role, a contact, a course, a form, a help path and a hand-written page), each three times,
and polls the page it becomes until the new text is there. Prints the median seconds per kind.
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 3
TIMEOUT = 60.0

#: (what, source file, text to replace, the page that shows it)
EDITS = [
    ("Modul", "curriculum/modules/M06-demenz.md", "## Was Demenz ist\n\n", "module/m06.html"),
    ("Rolle", "role_profiles/nachbarschaftshelfer.yml", "title: ", "rollen/nachbarschaftshelfer.html"),
    ("Kontakt", "contacts/telefonseelsorge.yml", 'description: "', "kontakte/beratungsstelle.html"),
    ("Kurs", "curriculum/courses/grundkurs-sachsen.yml", "summary: >-\n  ", "kurse/grundkurs-sachsen.html"),
    ("Vorlage", "curriculum/forms/notfallbogen.yml", "purpose: >-\n  ", "vorlagen/notfallbogen.html"),
    ("Wegweiser", "city/wegweiser/mietschulden.yml", "first_step: ", "stadt/wegweiser/mietschulden.html"),
    ("Seite in docs/", "docs/modell/halle.md", "\n\n", "modell/halle.html"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < TIMEOUT:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {TIMEOUT:.0f} s")


def edit(path: Path, anchor: str, marker: str) -> None:
    """Put `marker` right after the first `anchor`, so it lands in visible text."""
    text = path.read_text(encoding="utf-8")
    position = text.index(anchor) + len(anchor)
    path.write_text(text[:position] + marker + " " + text[position:], encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        ignore = shutil.ignore_patterns(".venv", "node_modules", "site", "site-intern", ".git", "handouts", "tests")
        shutil.copytree(REPO, project, ignore=ignore)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                                   "-f", str(project / "mkdocs.yml")], cwd=project, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"})
        base = f"http://127.0.0.1:{port}/"
        try:
            first = wait_for(base + "index.html", "</html>")
            print(f"first build until the server answers: {first:.1f} s")
            print("| Geändert | Seite | Sekunden bis zur neuen Seite (Median von 3) |")
            print("|---|---|---|")
            for what, source, anchor, page in EDITS:
                seconds = []
                for run in range(RUNS):
                    marker = f"Messmarke{what.split()[0]}{run}"
                    edit(project / source, anchor, marker)
                    seconds.append(wait_for(base + page, marker))
                print(f"| {what} (`{source}`) | `{page}` | {statistics.median(seconds):.1f} |")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
