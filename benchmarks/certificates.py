"""Print how long certificates take for a course of 30 participants (the real Grundkurs).

Run: .venv/bin/python benchmarks/certificates.py   (a benchmark, never a timed test)
The roster is generated in a temporary copy of `private/`; no name of it is kept anywhere.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf

REPO = Path(__file__).resolve().parent.parent
PARTICIPANTS = 30


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(REPO, project, ignore=shutil.ignore_patterns(
            ".venv", "node_modules", ".cache", "site", "site-intern", "private", ".git", "handouts"))
        private = project / "private"
        private.mkdir()
        course = (REPO / "curriculum/courses/grundkurs-sachsen.yml").read_text(encoding="utf-8")
        course = course.replace('  - start: "09:00"', "  - date: 2027-03-06\n    start: \"09:00\"", 1)
        course = course.replace('  - start: "09:00"', "  - date: 2027-03-13\n    start: \"09:00\"", 1)
        (private / "kurs.yml").write_text(course, encoding="utf-8")
        rows = [f"Teilnehmende Nr. {n};{n % 28 + 1:02d}.0{n % 9 + 1}.19{50 + n};ja;ja" for n in range(1, 31)]
        (private / "liste.csv").write_text("Name;Geburtsdatum;Tag 1;Tag 2\n" + "\n".join(rows) + "\n",
                                           encoding="utf-8")
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "engine", "--root", str(project), "certificates",
                            "private/kurs.yml", "private/liste.csv"], check=True, capture_output=True)
            runs.append(time.perf_counter() - started)
        out = private / "bescheinigungen" / "grundkurs-sachsen"
        pdfs = sorted(out.glob("*.pdf"))
        pages = len(pypdf.PdfReader(out / "alle.pdf").pages)
        size = sum(p.stat().st_size for p in pdfs) / 1024
    print(f"Bescheinigungen für {PARTICIPANTS} Teilnehmende (Grundkurs, 2 Tage), ganzer Prozess:")
    print(f"  Median {statistics.median(runs):.2f} s, beste {min(runs):.2f} s, schlechteste {max(runs):.2f} s")
    print(f"  {len(pdfs)} PDF-Dateien ({PARTICIPANTS} einzeln + alle.pdf mit {pages} Seiten), {size:.0f} KiB")


if __name__ == "__main__":
    main()
