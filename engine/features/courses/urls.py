"""Where the courses' pages, handouts, calendars and the planner live in the site."""

from __future__ import annotations

from engine.core.assets import asset

COURSES_PAGE = "kurse/index.md"
#: The offline course planner: only when the project has modules; its scripts are assets.
PLANNER_PAGE = "kurse/planer.md"
#: The planner's classic scripts, in the order its page loads them: js-yaml (vendored from npm,
#: see package.json), then the planner's parts, which share `window.QPPlanner`.
PLANNER_SCRIPTS = (
    asset("vendor/js-yaml/js-yaml.min.js"),
    asset("javascripts/planner-data.js"),
    asset("javascripts/planner-schedule.js"),
    asset("javascripts/planner-checks.js"),
    asset("javascripts/planner-yaml.js"),
    asset("javascripts/planner-ui.js"),
)
#: „Kursunterlagen drucken“: sign-in sheets and certificates in the browser, from a pasted roster.
DOCUMENTS_PAGE = "kurse/unterlagen.md"
#: Its scripts after js-yaml and the planner's data, schedule, checks and course files (shared,
#: not copied): the rules (roster, certificates, sign-in sheet) and the page.
DOCUMENTS_SCRIPTS = (
    *PLANNER_SCRIPTS[:5],
    asset("javascripts/documents-rules.js"),
    asset("javascripts/documents-ui.js"),
)
#: The certificates' and sign-in sheets' own styles: in the PDFs and on the page alike.
DOCUMENTS_CSS = asset("stylesheets/course-documents.css")
#: The page's own screen and print rules (one document per sheet, the rest of the page hidden).
DOCUMENTS_PAGE_CSS = asset("stylesheets/documents-page.css")
#: Published beside the vendored script: its licence travels with it.
VENDOR_LICENSES = (asset("vendor/js-yaml/LICENSE"),)


def course_page(course_id: str) -> str:
    return f"kurse/{course_id}.md"


def course_handout(course_id: str) -> str:
    return f"kurs-{course_id}.pdf"


def course_run_sheet(course_id: str) -> str:
    return f"kurs-{course_id}-ablaufplan.pdf"


def course_sign_in(course_id: str) -> str:
    """The blank sign-in sheet (Teilnehmer- und Anwesenheitsliste) of a course."""
    return f"kurs-{course_id}-anwesenheitsliste.pdf"


def course_calendar(course_id: str) -> str:
    """The calendar file of a course with dates, published in the handout folder."""
    return f"kurs-{course_id}.ics"
