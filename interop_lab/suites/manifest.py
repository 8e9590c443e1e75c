"""A suite's manifest (``suite.yaml``): who it tests for, its levels, roles and pinned artefacts."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from interop_lab.artefacts.pins import ROLES, Pin
from interop_lab.model.errors import SuiteError

MANIFEST_NAME = "suite.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StandardSpec(_Strict):
    iri: str
    version: str
    title: str


class LevelSpec(_Strict):
    id: str
    title: str


class RolesSpec(_Strict):
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    follow: tuple[str, ...] = ()  # roles whose TREE relations are crawled


class ShapesSpec(_Strict):
    required_level: str
    recommended_level: str


class IncludeSpec(_Strict):
    """Another suite whose test modules this suite imports, with its levels mapped onto ours."""

    suite: str
    levels: dict[str, str] = Field(default_factory=dict)


class StandardDefectSpec(_Strict):
    """A test that fails because of a defect in the standard itself, documented by the suite."""

    test: str  # the local test id, as in the test IRI after the suite version
    reason: str  # in Dutch: what is wrong with the standard, for the scorecard


class ArtefactSpec(_Strict):
    role: str
    url: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    repairs: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @field_validator("role")
    @classmethod
    def _known_role(cls, role: str) -> str:
        if role not in ROLES:
            raise ValueError(f"unknown artefact role {role!r}; known: {', '.join(ROLES)}")
        return role

    def pin(self) -> Pin:
        return Pin(self.url, self.sha256, self.role, self.repairs, self.aliases)


class SuiteManifest(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str
    title: str
    standard: StandardSpec
    levels: tuple[LevelSpec, ...] = Field(min_length=1)
    roles: RolesSpec
    media_types: tuple[str, ...] = ("application/ld+json",)
    shapes: ShapesSpec | None = None
    artefacts: tuple[ArtefactSpec, ...] = ()
    standard_defects: tuple[StandardDefectSpec, ...] = ()
    includes: tuple[IncludeSpec, ...] = ()

    def standard_defect(self, local_id: str) -> StandardDefectSpec | None:
        return next((d for d in self.standard_defects if d.test == local_id), None)

    def level_in_this_suite(self, origin_suite: str, level: str) -> str:
        """The level here of a test imported from ``origin_suite`` at ``level`` there."""
        include = next((i for i in self.includes if i.suite == origin_suite), None)
        return include.levels.get(level, level) if include else level


def read_manifest(folder: Path) -> SuiteManifest:
    path = folder / MANIFEST_NAME
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return SuiteManifest.model_validate(data)
    except (OSError, yaml.YAMLError) as error:
        raise SuiteError(f"{path}: cannot read the suite manifest: {error}") from None
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc'])}: {_short(issue['msg'])}"
            for issue in error.errors()
        )
        raise SuiteError(f"{path}: invalid suite manifest: {problems}") from None


def _short(message: str) -> str:
    return re.sub(r"\s+", " ", message).strip()
