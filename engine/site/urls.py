"""Where every generated page and handout lives in the site: the one place for these paths."""

from __future__ import annotations

CURRICULUM_PAGE = "module/index.md"
ROLES_PAGE = "rollen/index.md"
COURSES_PAGE = "kurse/index.md"
CONTACTS_PAGE = "kontakte/index.md"
CONTACT_TOPICS_PAGE = "kontakte/themen.md"
CONTACT_PLACES_PAGE = "kontakte/orte.md"
MATRIX_PAGE = "qualifikationsmatrix.md"
GLOSSARY_PAGE = "glossar.md"
#: Only when the programme has forms („Vorlagen“).
FORMS_PAGE = "vorlagen/index.md"
#: Only when the programme has recognition rules; inside the curriculum's section.
RECOGNITION_PAGE = "module/anerkennung.md"
#: The offline course planner: only when the project has modules; its scripts are engine assets
#: (`engine.site.assets.PLANNER_SCRIPTS`).
PLANNER_PAGE = "kurse/planer.md"

#: The city's instruments; only when the programme has the data (`city/`).
HELP_PATHS_PAGE = "stadt/wegweiser/index.md"
NETWORK_PAGE = "stadt/netzwerkkarte.md"
RESPONSIBILITIES_PAGE = "stadt/zustaendigkeiten.md"
IMPACT_PAGE = "stadt/wirkung.md"
DOSSIER_PAGE = "stadt/dossier.md"

#: Folders of generated pages that the navigation lists as a section, index page first.
SECTIONS = ("module/", "rollen/", "kurse/", "kontakte/", "vorlagen/", "stadt/wegweiser/")

#: Where the handout PDFs are published inside the site.
HANDOUT_FOLDER = "handouts"
CURRICULUM_HANDOUT = "curriculum.pdf"
CONTACTS_HANDOUT = "kontakte.pdf"
HELP_PATHS_HANDOUT = "wegweiser.pdf"
RESPONSIBILITIES_HANDOUT = "zustaendigkeiten.pdf"
DOSSIER_HANDOUT = "dossier.pdf"


def help_path_page(path_id: str) -> str:
    return f"stadt/wegweiser/{path_id}.md"


def help_path_handout(path_id: str) -> str:
    return f"wegweiser-{path_id}.pdf"


def module_page(module_id: str) -> str:
    return f"module/{module_id.lower()}.md"


def role_page(role_id: str) -> str:
    return f"rollen/{role_id}.md"


def course_page(course_id: str) -> str:
    return f"kurse/{course_id}.md"


def contacts_page(kind: str, part: int = 1) -> str:
    """The directory page of one kind of contact; long kinds are split into numbered parts."""
    return f"kontakte/{kind}.md" if part == 1 else f"kontakte/{kind}-{part}.md"


def html_of(page: str) -> str:
    """The built file of a docs page: `module/m06.md#ziele` → `module/m06.html#ziele`."""
    path, hash_sign, anchor = page.partition("#")
    return f"{path.removesuffix('.md')}.html{hash_sign}{anchor}"


def module_handout(module_id: str, trainer: bool = False) -> str:
    return f"modul-{module_id.lower()}{'-trainer' if trainer else ''}.pdf"


def role_handout(role_id: str) -> str:
    return f"rolle-{role_id}.pdf"


def course_handout(course_id: str) -> str:
    return f"kurs-{course_id}.pdf"


def course_run_sheet(course_id: str) -> str:
    return f"kurs-{course_id}-ablaufplan.pdf"


def course_calendar(course_id: str) -> str:
    """The calendar file of a course with dates, published in the handout folder."""
    return f"kurs-{course_id}.ics"


def form_page(form_id: str) -> str:
    return f"vorlagen/{form_id}.md"


def form_handout(form_id: str) -> str:
    return f"vorlage-{form_id}.pdf"
