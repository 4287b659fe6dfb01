"""Where the city's pages and handouts live in the site."""

from __future__ import annotations

HELP_PATHS_PAGE = "stadt/wegweiser/index.md"
NETWORK_PAGE = "stadt/netzwerkkarte.md"
RESPONSIBILITIES_PAGE = "stadt/zustaendigkeiten.md"
IMPACT_PAGE = "stadt/wirkung.md"
DOSSIER_PAGE = "stadt/dossier.md"
HELP_PATHS_HANDOUT = "wegweiser.pdf"
RESPONSIBILITIES_HANDOUT = "zustaendigkeiten.pdf"
DOSSIER_HANDOUT = "dossier.pdf"


def help_path_page(path_id: str) -> str:
    return f"stadt/wegweiser/{path_id}.md"


def help_path_handout(path_id: str) -> str:
    return f"wegweiser-{path_id}.pdf"


def is_help_path_card(name: str) -> bool:
    """A help path's card, or all of them: neighbours read them."""
    return name == HELP_PATHS_HANDOUT or (name.startswith("wegweiser-") and name.endswith(".pdf"))
