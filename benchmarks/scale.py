"""Benchmarks at scale: synthetic content sets, our build against plain MkDocs + Material.

Run: .venv/bin/python benchmarks/scale.py [SIZES…]   (default 100 1000 5000; a script, never a test)

For each size it generates a project (40 % modules, 20 % roles, 40 % contacts), then measures
`python -m engine check`, our site build (handouts off, they are measured in handouts.py) with its
peak memory, the output size and the largest page; and the same pages as hand-written Markdown
built by plain MkDocs + Material with the same navigation (the baseline). Finally it times the
check of 10,000 records in-process.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from engine.core.editions import Edition
from engine.portal import REGISTRY, check_project, generate_pages, load_checked
from engine.site.assets import ASSETS, POLYFILLS, PUBLISHED, SCRIPTS, STYLESHEETS
from engine.site.nav import expand_sections

REPO = Path(__file__).resolve().parent.parent
WORDS = [
    "Nachbarschaft", "Pflege", "Hilfe", "Alltag", "Besuch", "Gespräch", "Einkauf",
    "Quartier", "Sicherheit", "Vertrauen", "Entlastung", "Betreuung", "Angehörige", "Team",
    "Koordination", "Notfall", "Trinken", "Bewegung", "Würde", "Zeit",
]
TOPICS = ["pflegeberatung", "seniorenarbeit", "nachbarschaftshilfe", "wohnen", "quartiersarbeit", "netzwerk"]


def sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate(root: Path, items: int, seed: int = 1) -> None:
    """A valid synthetic project with `items` records."""
    rng = random.Random(seed)
    modules, roles, contacts = max(2, items * 4 // 10), max(1, items * 2 // 10), max(1, items * 4 // 10)
    for folder in ("curriculum/modules", "curriculum/courses", "role_profiles", "contacts", "docs"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    ids = [f"M{n:04d}" for n in range(1, modules + 1)]
    for number, module_id in enumerate(ids):
        pre = [ids[number - 1]] if number else []
        body = "\n\n".join([sentence(rng, 25), "## Worum es geht", sentence(rng, 60), sentence(rng, 60),
                            "## Übung: Ein Besuch", sentence(rng, 40), "## Das Wichtigste in Kürze",
                            "- " + sentence(rng) + "\n- " + sentence(rng), "## Hinweise für Trainer:innen",
                            sentence(rng, 30)])
        front = {"id": module_id, "title": f"Modul {module_id} {rng.choice(WORDS)}", "version": "1.0",
                 "duration_ue": rng.choice([1, 1.5, 2]), "prerequisites": pre, "objectives": [sentence(rng)],
                 "key_points": [sentence(rng)], "keywords": [rng.choice(WORDS)], "updated": "2026-11-01"}
        text = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n{body}\n"
        (root / f"curriculum/modules/{module_id}-synthetisch.md").write_text(text, encoding="utf-8")
    role_ids = [f"rolle-{n:04d}" for n in range(1, roles + 1)]
    for role_id in role_ids:
        picked = rng.sample(ids, min(len(ids), 10))
        role = {"id": role_id, "title": f"Rolle {role_id[-4:]}", "summary": sentence(rng), "tasks": [sentence(rng)],
                "boundaries": [sentence(rng)], "time_commitment": "Einige Stunden.", "required_modules": picked[:6],
                "optional_modules": picked[6:], "supported_by": [], "version": "1.0", "updated": "2026-11-01",
                "compensation": [{"model": "ehrenamt", "description": sentence(rng)}]}
        (root / f"role_profiles/{role_id}.yml").write_text(yaml.safe_dump(role, allow_unicode=True), encoding="utf-8")
    for number in range(1, contacts + 1):
        contact = {"id": f"kontakt-{number:04d}", "name": f"Stelle {number:04d}", "kind": "verein",
                   "topics": rng.sample(TOPICS, 2), "city": rng.choice(["Nordstadt", "Südstadt"]),
                   "description": sentence(rng), "verified": "2026-11-01"}
        (root / f"contacts/kontakt-{number:04d}.yml").write_text(yaml.safe_dump(contact, allow_unicode=True),
                                                                 encoding="utf-8")
    course = {"id": "kurs", "title": "Kurs", "summary": sentence(rng), "audience": role_ids[:1],
              "days": [{"start": "09:00", "blocks": [{"module": module_id} for module_id in ids[:8]]}],
              "version": "1.0", "updated": "2026-11-01"}
    (root / "curriculum/courses/kurs.yml").write_text(yaml.safe_dump(course, allow_unicode=True), encoding="utf-8")
    (root / "docs/index.md").write_text("# Start\n\nSynthetische Inhalte.\n", encoding="utf-8")
    programme = {"name": "Synthetisches Programm", "short_name": "Synthese", "region": "Beispielstadt",
                 "publisher": "Beispielverein e.V.",
                 "compensation_models": [{"id": "ehrenamt", "label": "Ehrenamt"}],
                 "contact_kinds": [{"id": "verein", "label": "Verein"}],
                 "topics": [{"id": topic, "label": topic.capitalize()} for topic in TOPICS],
                 "recognition": [{"id": "regel", "label": "Regel", "minimum_ue": 4, "core_modules": ids[:2],
                                  "legal_basis": {"title": "Verordnung", "stand": "2026-01-01"}}]}
    (root / "programme.yml").write_text(yaml.safe_dump(programme, allow_unicode=True), encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    # The site alone: the plugin renders no handouts (the handouts have a benchmark of their own).
    config["plugins"] = [{"portal": {"handouts": False}} if plugin == "portal" or (isinstance(plugin, dict)
                         and "portal" in plugin) else plugin for plugin in config["plugins"]]
    config["nav"] = [{"Start": "index.md"}, {"Curriculum": "module/"}, {"Matrix": "qualifikationsmatrix.md"},
                     {"Kurse": "kurse/"}, {"Rollen": "rollen/"}, {"Kontakte": "kontakte/"}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def write_baseline(project: Path, baseline: Path) -> None:
    """The same pages as plain Markdown files, with plain MkDocs + Material (no hooks, no macros)."""
    pages = generate_pages(load_checked(project), Edition.PUBLIC)
    shutil.copytree(project / "docs", baseline / "docs")
    shutil.copytree(ASSETS, baseline / "docs" / PUBLISHED)  # the same styles and scripts, as plain files
    for page in pages:
        target = baseline / "docs" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and ("macros" in p or "portal" in p))]
    config["nav"] = expand_sections(config["nav"], pages, REGISTRY.nav)
    config["extra_css"] = [a.url for a in STYLESHEETS]
    config["extra_javascript"] = [a.url for a in SCRIPTS]
    config.setdefault("extra", {})["polyfills"] = [a.url for a in POLYFILLS]
    (baseline / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def measured(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak memory (KiB) of a command, via GNU time."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(["/usr/bin/time", "-f", "%e %M", *args], env=env, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(completed.stdout[-2000:] + completed.stderr[-2000:])
    seconds, peak = completed.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(peak)


def site_figures(site: Path) -> tuple[int, float, float]:
    pages = list(site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return len(pages), size / 2**20, max(p.stat().st_size for p in pages) / 1024


def main(sizes: list[int]) -> None:
    rows = []
    firsts: list[tuple[int, float, float]] = []
    for items in sizes:
        with tempfile.TemporaryDirectory() as folder:
            project, baseline = Path(folder) / "project", Path(folder) / "baseline"
            generate(project, items)
            check, _ = measured([sys.executable, "-m", "engine", "--root", str(project), "check"])
            write_baseline(project, baseline)
            ours_runs, plain_runs = [], []
            # The first build of a project finds the search index's word forms (the dictionary
            # loaded, every entry lemmatised) and caches them; every later build reads the cache.
            # Measured apart, so that the rows compare the builds an editor repeats.
            first, first_peak = measured([sys.executable, "-m", "mkdocs", "build", "--strict",
                                          "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")])
            firsts.append((items, first, first_peak / 1024))
            # Alternate the two builds and take medians: this machine's speed drifts.
            for _ in range(3 if items <= 1000 else 1):
                ours_runs.append(measured([sys.executable, "-m", "mkdocs", "build", "--strict",
                                           "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]))
                plain_runs.append(measured([sys.executable, "-m", "mkdocs", "build", "-q",
                                            "-f", str(baseline / "mkdocs.yml"), "-d", str(baseline / "site")]))
            ours, ours_peak = statistics.median(r[0] for r in ours_runs), max(r[1] for r in ours_runs)
            plain, plain_peak = statistics.median(r[0] for r in plain_runs), max(r[1] for r in plain_runs)
            pages, size, largest = site_figures(project / "site")
            _, plain_size, plain_largest = site_figures(baseline / "site")
            rows.append((items, pages, check, ours, ours_peak / 1024, plain, plain_peak / 1024, ours / plain,
                         size, plain_size, largest, plain_largest))
    header = ("items", "pages", "check s", "ours s", "ours MiB", "plain s", "plain MiB", "ratio",
              "site MiB", "plain site MiB", "largest KiB", "plain largest KiB")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row) + " |")

    for items, seconds, peak in firsts:
        print(f"first build of {items} items (word forms found and cached): {seconds:.2f} s, {peak:.0f} MiB peak")

    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), 10_000)
        started = time.perf_counter()
        _, problems = check_project(Path(folder))
        loading = time.perf_counter() - started
        # This machine's timing drifts by ±30 %: five runs, best and median.
        runs = sorted(measured([sys.executable, "-m", "engine", "--root", folder, "check"])[0] for _ in range(5))
        check = runs[0]
        median = statistics.median(runs)
    print(f"\ncheck of 10,000 records: {loading:.2f} s in-process, reading included ({len(problems)} problems), "
          f"{check:.2f} s as `python -m engine check` (best of 5, median {median:.2f} s; with reading files "
          "and start-up)")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000])
