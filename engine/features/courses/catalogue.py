"""What a course is planned against: modules, roles and recognition rules, as plain facts.

The same facts go into the course planner page as JSON, so the browser and Python plan
against one copy of the programme's data, never a second one that could drift.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from engine.core.project import Project


@dataclass(frozen=True)
class ModuleFacts:
    id: str
    title: str
    ue: float
    prerequisites: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleFacts:
    id: str
    label: str
    minimum_ue: float
    core_modules: tuple[str, ...] = ()
    refresher_ue: float | None = None
    """Teaching units of the refresher (e.g. an Aufbaukurs); None when the rule has none."""
    refresher_years: int | None = None
    in_person: bool = False
    """The rule counts courses held in person only."""


@dataclass(frozen=True)
class RoleFacts:
    id: str
    title: str
    required_modules: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    """The facts a schedule and its checks need, by id."""

    unit_minutes: int
    modules: dict[str, ModuleFacts]
    rules: dict[str, RuleFacts]
    roles: dict[str, RoleFacts]

    @classmethod
    def of(cls, project: Project) -> Catalogue:
        programme = project.programme
        return cls(
            unit_minutes=programme.teaching_unit_minutes,
            modules={m.id: ModuleFacts(m.id, m.title, m.duration_ue, tuple(m.prerequisites))
                     for m in project.modules},
            rules={r.id: RuleFacts(r.id, r.label, r.minimum_ue or 0, tuple(r.core_modules),
                                   (r.refresher.minimum_ue or 0) if r.refresher else None,
                                   r.refresher.interval_years if r.refresher else None, r.in_person)
                   for r in programme.recognition},
            roles={r.id: RoleFacts(r.id, r.title, tuple(r.required_modules)) for r in project.roles},
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalogue:
        return cls(
            unit_minutes=int(data["unit_minutes"]),
            modules={k: ModuleFacts(**{**v, "prerequisites": tuple(v.get("prerequisites", ()))})
                     for k, v in data["modules"].items()},
            rules={k: RuleFacts(**{**v, "core_modules": tuple(v.get("core_modules", ()))})
                   for k, v in data.get("rules", {}).items()},
            roles={k: RoleFacts(**{**v, "required_modules": tuple(v.get("required_modules", ()))})
                   for k, v in data.get("roles", {}).items()},
        )

    def to_json(self) -> dict[str, Any]:
        return {"unit_minutes": self.unit_minutes,
                "modules": {k: asdict(v) for k, v in self.modules.items()},
                "rules": {k: asdict(v) for k, v in self.rules.items()},
                "roles": {k: asdict(v) for k, v in self.roles.items()}}

    def module_minutes(self, module_id: str) -> float:
        """A module's full teaching time in minutes (0 for an unknown id: references report it)."""
        module = self.modules.get(module_id)
        return module.ue * self.unit_minutes if module else 0.0

    def module_title(self, module_id: str) -> str:
        module = self.modules.get(module_id)
        return module.title if module else module_id
