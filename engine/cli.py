"""Command line: `python -m engine check | schema | build [--internal] | serve | handouts`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from engine.core.editions import Edition, for_edition
from engine.core.formatting import count
from engine.core.problems import HandoutError, Problem, errors_of, format_report, verdict
from engine.core.programme import PROGRAMME_FILE
from engine.portal import REGISTRY, check_project, editor_settings, load_project, read_sources, render_schemas

ROOT = Path(__file__).resolve().parent.parent
#: Participant rosters and certificates: git-ignored, read by nothing but `certificates`.
PRIVATE_FOLDER = "private"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m engine",
                                     description="Wissensbasis und Schulungsportal: prüfen, bauen, Handouts")
    parser.add_argument("--root", type=Path, default=ROOT, help="Projektordner (Standard: dieses Repository)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="alle Inhalte prüfen, ohne zu bauen")
    check_parser.add_argument("--strict-dates", action="store_true",
                              help="veraltete Angaben (älter als stale_after_days) als Fehler melden")
    commands.add_parser("schema", help="JSON-Schemas nach schemas/ schreiben")
    build = commands.add_parser("build", help="Seite bauen (streng; bei Fehlern bleibt die alte Seite)")
    build.add_argument("--internal", action="store_true", help="interne Ausgabe nach site-intern/ bauen")
    build.add_argument("--site-dir", type=Path, default=None, help="Zielordner (Standard: site_dir aus mkdocs.yml)")
    build.add_argument("--no-handouts", action="store_true", help="ohne PDF-Handouts bauen (schneller)")
    commands.add_parser("serve", help="Vorschau mit automatischem Neuladen (ohne neue Handouts)")
    handouts = commands.add_parser("handouts", help="nur die PDF-Handouts erstellen")
    handouts.add_argument("--internal", action="store_true", help="Handouts der internen Ausgabe")
    handouts.add_argument("--out", type=Path, default=Path("handouts"), help="Zielordner (Standard: handouts/)")
    certificates = commands.add_parser("certificates", help="Teilnahmebescheinigungen aus einer Liste in private/")
    certificates.add_argument("course", type=Path, help="Kursdatei mit Datum je Tag, z. B. private/kurs-2027-03.yml")
    certificates.add_argument("roster", type=Path, help="Teilnehmerliste (CSV) in private/")
    certificates.add_argument("--out", type=Path, default=None,
                              help="Zielordner in private/ (Standard: private/bescheinigungen/<Kurs-ID>)")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    if args.command == "check":
        return check(root, strict_dates=args.strict_dates)
    if args.command == "schema":
        return write_schemas(root)
    if args.command == "build":
        return mkdocs(root, "build", internal=args.internal, site_dir=args.site_dir, handouts=not args.no_handouts)
    if args.command == "certificates":
        return make_certificates(root, args.course, args.roster, args.out)
    if args.command == "handouts":
        return make_handouts(root, Edition.INTERNAL if args.internal else Edition.PUBLIC, args.out)
    return mkdocs(root, "serve")


def check(root: Path, strict_dates: bool = False) -> int:
    """Print every content problem as `path:line: field: message`; 1 if there are errors.

    Warnings are printed too but do not fail the check; `strict_dates` makes stale data errors.
    """
    started = time.perf_counter()
    project, problems = check_project(root, strict_dates=strict_dates)
    if problems:
        print(format_report(problems), file=sys.stderr)
    if errors_of(problems):
        return 1
    figures = REGISTRY.summary(project)
    print(f"{project.programme.name}: {verdict(problems)} – {', '.join(figures)} "
          f"({time.perf_counter() - started:.2f} s).")
    return 0


def make_handouts(root: Path, edition: Edition, out: Path) -> int:
    """Render the handouts without building the site, with a progress display on a terminal."""
    # Imported here so that `check` starts fast.
    from engine.core.printer import MarkdownSetup
    from engine.handouts.build import build_handouts, copy_handouts, handout_cache, other_caches, terminal_progress
    from engine.portal import plan_handouts

    project, problems = load_project(read_sources(root))
    if errors_of(problems):
        print(format_report(problems), file=sys.stderr)
        return 1
    from engine.plugin.run import site_config

    config, portal = site_config(root)
    setup = MarkdownSetup.of(list(config.markdown_extensions), dict(config.mdx_configs))
    edition_project = for_edition(project, edition)
    handouts = plan_handouts(edition_project, setup, portal.public_url, root)
    try:
        report = build_handouts(handouts, root, handout_cache(root, edition), progress=terminal_progress,
                                workers=portal.workers or None, lenders=other_caches(root, edition))
    except HandoutError as error:
        print(error, file=sys.stderr)
        return 1
    copy_handouts(report, root / out)
    print(f"{len(handouts)} Handouts in {out}/: {len(report.rendered)} neu erstellt, "
          f"{len(report.reused)} aus dem Zwischenspeicher ({report.seconds:.1f} s).")
    return 0


def make_certificates(root: Path, course_path: Path, roster_path: Path, out: Path | None) -> int:
    """Certificates for everyone on the roster who attended all teaching; the others listed."""
    from engine.core.printer import print_environment
    from engine.features.courses.catalogue import Catalogue
    from engine.features.courses.certificates import certificate_gaps, sort_out, write_certificates
    from engine.features.courses.course_file import load_course_file
    from engine.features.courses.roster import read_roster
    from engine.features.courses.schedule import schedule

    private = root / PRIVATE_FOLDER
    course_file, roster_file = (root / course_path).resolve(), (root / roster_path).resolve()
    target = (root / out).resolve() if out else None
    for what, path in (("Die Teilnehmerliste", roster_file), ("Der Zielordner", target)):
        if path is not None and not path.is_relative_to(private.resolve()):
            print(f"{what} gehört nach {PRIVATE_FOLDER}/ (nicht im Git, nie auf der Webseite): {path}",
                  file=sys.stderr)
            return 1
    for path in (course_file, roster_file):
        if not path.is_file():
            print(f"{_shown(root, path)}: die Datei gibt es nicht", file=sys.stderr)
            return 1
    project, problems = load_project(read_sources(root))
    if errors_of(problems):
        print(format_report(problems), file=sys.stderr)
        return 1
    course, problems = load_course_file(project, _shown(root, course_file), course_file.read_bytes())
    if course is not None:
        problems += [Problem(_shown(root, course_file), 1, gap.field, gap.message, code=gap.code)
                     for gap in certificate_gaps(course)]
    if course is None or errors_of(problems):
        print(format_report(problems), file=sys.stderr)
        return 1
    participants, roster_problems = read_roster(_shown(root, roster_file), roster_file.read_bytes(), len(course.days))
    if roster_problems:
        print(format_report(roster_problems), file=sys.stderr)
        return 1
    catalogue = Catalogue.of(project)
    issued, refused = sort_out(course, schedule(course, catalogue), participants)
    destination = target or private / "bescheinigungen" / course.id
    files = write_certificates(course, catalogue, issued, project.programme, root, destination,
                               print_environment(REGISTRY)) if issued else []
    print(f"{count(len(issued), 'Bescheinigung', 'Bescheinigungen')} in {_shown(root, destination)}/"
          + (f" (zum Drucken: {files[-1].name})" if files else ""))
    for refusal in refused:
        print(f"Keine Bescheinigung für {refusal.participant.name} (Zeile {refusal.participant.row}): "
              f"{refusal.reason}")
    return 0


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def write_schemas(root: Path) -> int:
    """Write the JSON Schemas (content model + the programme's vocabularies) into `schemas/`."""
    project, problems = load_project(read_sources(root))
    own = [problem for problem in problems if problem.path == PROGRAMME_FILE]
    if own:  # the schemas take their enums from the programme; other files' errors do not matter
        print(format_report(own), file=sys.stderr)
        return 1
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    for name, text in render_schemas(project.programme).items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"schemas/{name}")
    settings = root / ".vscode" / "settings.json"
    if settings.is_file():  # the editors' mapping of folders to schemas, derived like the schemas
        values = json.loads(settings.read_text(encoding="utf-8"))
        values["yaml.schemas"] = editor_settings()
        settings.write_text(json.dumps(values, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(".vscode/settings.json")
    return 0


def mkdocs(root: Path, command: str, *, internal: bool = False, site_dir: Path | None = None,
           handouts: bool = True) -> int:
    """Run MkDocs on the project; the portal plugin checks the content first."""
    from engine.plugin.run import run_mkdocs  # imported here so that `check` starts fast

    return run_mkdocs(root, command, internal=internal, site_dir=site_dir.resolve() if site_dir else None,
                      handouts=handouts)
