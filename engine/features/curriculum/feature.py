"""The curriculum, declared: modules, role profiles and glossary terms, and what they offer."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from engine.core.formatting import german_sort_key
from engine.core.kinds import BY_TITLE, SOURCES, UPDATED, DatedField, IdRule, Kind, Reference, VocabularyField
from engine.core.registry import Feature, NavSection
from engine.features.curriculum import checks, figures, handouts, pages, plans, printables, urls
from engine.features.curriculum.materials import Material, MaterialCatalogue
from engine.features.curriculum.model import Glossary, GlossaryTerm, Module, ModuleMeta, RoleProfile

MODULE = Kind(
    name="module", collection="modules", label=("Modul", "Module"), globs=("curriculum/modules/*.md",),
    model=Module, schema_model=ModuleMeta, schema="module.schema.json", front_matter=True,
    id_rule=IdRule.PREFIX, unknown="unbekanntes Modul",
    references=(Reference("prerequisites", "module"), Reference("target_roles", "role"),
                Reference("plans.*.steps.*.materials.*", "material", repeat_allowed=True)),
    acyclic="prerequisites", dated=(UPDATED, SOURCES), page=urls.module_page,
    handout=urls.module_handout)

ROLE = Kind(
    name="role", collection="roles", label=("Rolle", "Rollen"), globs=("role_profiles/*.yml", "role_profiles/*.yaml"),
    model=RoleProfile, schema="role_profile.schema.json", unknown="unbekannte Rolle",
    references=(Reference("required_modules", "module"), Reference("optional_modules", "module"),
                Reference("supported_by", "role")),
    vocabularies=(VocabularyField("compensation.*.model", "compensation_models"),),
    dated=(UPDATED, DatedField("legal_notes.*.stand", "der Stand der Rechtsangabe", may_be_future=True)),
    sort_key=BY_TITLE, page=urls.role_page, handout=urls.role_handout)

TERM = Kind(
    name="term", collection="glossary", label=("Glossarbegriff", "Glossarbegriffe"),
    globs=("curriculum/glossary.yml",), model=GlossaryTerm, container=Glossary, items="terms",
    id_rule=IdRule.ITEMS, schema="glossary.schema.json", unknown="unbekannter Glossarbegriff",
    references=(Reference("see_also", "term"),),
    dated=(DatedField("stand", "der Stand der Erklärung", may_be_future=True, required=False),),
    sort_key=lambda term: german_sort_key(term.term),
    page=lambda term_id: f"{urls.GLOSSARY_PAGE}#{term_id}")

MATERIAL = Kind(
    name="material", collection="materials", label=("Material", "Materialien"),
    globs=("curriculum/materials.yml",), model=Material, container=MaterialCatalogue, items="materials",
    id_rule=IdRule.ITEMS, schema="materials.schema.json",
    unknown="unbekanntes Material (nicht im Materialverzeichnis curriculum/materials.yml, das jedes Material mit "
            "Name und Stückzahl nennt; ergänzen Sie es dort oder wählen Sie eine bekannte ID)",
    references=(Reference("form", "form", single=True, while_present=True),
                Reference("printable.exercises_of", "module", single=True),
                Reference("printable.shown_in.*.module", "module")),
    sort_key=lambda material: german_sort_key(material.name),
    page=lambda material_id: f"{urls.MATERIALS_PAGE}#{material_id}", handout=urls.material_handout)

FEATURE = Feature(
    name="curriculum",
    kinds=(MODULE, ROLE, TERM, MATERIAL),
    record_checks=(checks.role_overlap, checks.rule_modules),
    project_checks=(plans.plan_problems, checks.drawing_sections),
    derived={
        "total_ue": figures.total_ue, "total_hours": figures.total_hours,
        "rules_of": lambda project: partial(figures.rules_of, project),
        "core_ue": lambda project: partial(figures.core_ue, project),
        "role_ue": lambda project: partial(figures.role_ue, project),
        "requirement": lambda project: figures.requirement,
    },
    pages=pages.plan_pages,
    handouts=lambda context: [*handouts.plan_handouts(context), *printables.plan_handouts(context)],
    link_sources=pages.module_bodies,
    large_print=urls.is_participant_module_handout,
    nav=(NavSection("module/", "Curriculum"), NavSection(urls.MATRIX_PAGE, "Qualifikationsmatrix"),
         NavSection("rollen/", "Rollen"), NavSection(urls.GLOSSARY_PAGE, "Glossar")),
    templates=Path(__file__).parent / "templates",
    template_globals={
        "module_page": urls.module_page, "role_page": urls.role_page, "module_handout": urls.module_handout,
        "role_handout": urls.role_handout, "curriculum_handout": urls.CURRICULUM_HANDOUT,
        "recognition_page": urls.RECOGNITION_PAGE, "materials_page": urls.MATERIALS_PAGE,
        "material_handout": urls.material_handout, "material_names": printables.material_names,
    },
)
