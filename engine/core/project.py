"""The validated project: all content records, with lookups and derived figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from engine.core.programme import FALLBACK, Programme, RecognitionRule
from engine.core.records import Record
from engine.features.city.model import Dossier, HelpPath, Indicators, Network
from engine.features.contacts.model import Contact
from engine.features.courses.model import Course
from engine.features.curriculum.model import GlossaryTerm, Module, RoleProfile
from engine.features.forms.model import Form


@dataclass(frozen=True)
class Project:
    """Everything the site and the handouts are rendered from, sorted for stable output."""

    programme: Programme = FALLBACK
    modules: tuple[Module, ...] = ()
    roles: tuple[RoleProfile, ...] = ()
    courses: tuple[Course, ...] = ()
    contacts: tuple[Contact, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    forms: tuple[Form, ...] = ()
    records: dict[str, Record] = field(default_factory=dict, compare=False, repr=False)
    """Each record with its source file and parsed lines, keyed by `kind:id` (e.g. `module:M06`),
    so later checks name file and line (and, for a module, the line where its body starts)."""
    help_paths: tuple[HelpPath, ...] = ()
    network: Network | None = None
    indicators: Indicators | None = None
    dossier: Dossier | None = None
    """The city's instruments (`city/`); a programme without them gets no city pages."""

    @cached_property
    def module_by_id(self) -> dict[str, Module]:
        return {module.id: module for module in self.modules}

    @cached_property
    def role_by_id(self) -> dict[str, RoleProfile]:
        return {role.id: role for role in self.roles}

    @cached_property
    def course_by_id(self) -> dict[str, Course]:
        return {course.id: course for course in self.courses}

    @cached_property
    def contact_by_id(self) -> dict[str, Contact]:
        return {contact.id: contact for contact in self.contacts}

    @cached_property
    def term_by_id(self) -> dict[str, GlossaryTerm]:
        return {term.id: term for term in self.glossary}

    @cached_property
    def form_by_id(self) -> dict[str, Form]:
        return {form.id: form for form in self.forms}

    def forms_of(self, module: Module) -> list[Form]:
        """The forms that name `module` among the modules using them."""
        return [form for form in self.forms if module.id in form.modules]

    @property
    def has_city(self) -> bool:
        """Whether the programme has any of the city's instruments."""
        return bool(self.help_paths or self.network or self.indicators or self.dossier)

    @property
    def total_ue(self) -> float:
        return sum(module.duration_ue for module in self.modules)

    @property
    def total_hours(self) -> float:
        return self.total_ue * self.programme.teaching_unit_minutes / 60

    def rules_of(self, module: Module) -> list[RecognitionRule]:
        """The recognition rules whose core contains `module`."""
        return [rule for rule in self.programme.recognition if module.id in rule.core_modules]

    def core_ue(self, rule: RecognitionRule) -> float:
        """Teaching units of a rule's core modules, as this curriculum teaches them."""
        return sum(self.module_by_id[m].duration_ue for m in rule.core_modules if m in self.module_by_id)

    def role_ue(self, role: RoleProfile) -> float:
        """Teaching units of a role's required modules."""
        return sum(self.module_by_id[module_id].duration_ue for module_id in role.required_modules)

    def requirement(self, role: RoleProfile, module: Module) -> str | None:
        """'required', 'optional' or None: one cell of the qualification matrix."""
        if module.id in role.required_modules:
            return "required"
        if module.id in role.optional_modules:
            return "optional"
        return None
