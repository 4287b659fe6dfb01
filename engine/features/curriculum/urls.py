"""Where the curriculum's pages and handouts live in the site."""

from __future__ import annotations

CURRICULUM_PAGE = "module/index.md"
ROLES_PAGE = "rollen/index.md"
MATRIX_PAGE = "qualifikationsmatrix.md"
GLOSSARY_PAGE = "glossar.md"
#: Only when the programme has recognition rules; inside the curriculum's section.
RECOGNITION_PAGE = "module/anerkennung.md"
CURRICULUM_HANDOUT = "curriculum.pdf"


def module_page(module_id: str) -> str:
    return f"module/{module_id.lower()}.md"


def role_page(role_id: str) -> str:
    return f"rollen/{role_id}.md"


def module_handout(module_id: str, trainer: bool = False) -> str:
    return f"modul-{module_id.lower()}{'-trainer' if trainer else ''}.pdf"


def is_participant_module_handout(name: str) -> bool:
    """A module's handout for participants (not the trainer's version): neighbours read it."""
    return name.startswith("modul-") and name.endswith(".pdf") and not name.endswith("-trainer.pdf")


def role_handout(role_id: str) -> str:
    return f"rolle-{role_id}.pdf"


#: The catalogue of materials, on the trainers' side beside the courses.
MATERIALS_PAGE = "kurse/material.md"


def material_handout(material_id: str) -> str:
    """A printable material's PDF (case cards, Ampel cards, a drawing, a checklist)."""
    return f"material-{material_id}.pdf"
