"""A suite's manifest (``suite.yaml``): who it tests for, its levels, roles and pinned artefacts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from interop_lab.artefacts.pins import ROLES, Pin
from interop_lab.model.errors import SuiteError
from interop_lab.model.outcomes import Usage

if TYPE_CHECKING:  # rdflib stays out of `interop-lab suites`
    from interop_lab.shapes import ShapeConstraint

MANIFEST_NAME = "suite.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StandardSpec(_Strict):
    iri: str
    version: str
    title: str
    # The title of the standard's entry in the OSLO standards register (standards.json), by which
    # the catalogue links the suite's scorecards to what the register says about the standard.
    # (``register`` in the YAML: BaseModel's metaclass has a ``register`` of its own.)
    register_title: str | None = Field(None, alias="register")


class LevelSpec(_Strict):
    id: str
    title: str


class CollectionLinksSpec(_Strict):
    """How a paged collection links on, by expanded property IRIs (a crawl follows these instead
    of TREE relations): ``next`` to its next page, ``items`` to an item's own document."""

    next: tuple[str, ...] = Field(min_length=1)
    items: tuple[str, ...] = ()


class RolesSpec(_Strict):
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    follow: tuple[str, ...] = ()  # roles whose links are crawled: TREE, or `links` when given
    links: dict[str, CollectionLinksSpec] = Field(default_factory=dict)  # role -> its links


class ProbeSpec(_Strict):
    """One extra request the tests need (another Accept, an unknown id, an item's @id), made
    once when the claim is prepared, after the crawl; tests read it and never fetch.

    ``target``: ``start`` the role's first URL; ``item`` the first ``limit`` item documents;
    ``item-id`` the @id of the first ``limit`` items; ``unknown-item`` the first item's URL with
    its last path segment replaced by ``unknown_id``.
    """

    name: str
    role: str
    target: Literal["start", "item", "item-id", "unknown-item"]
    accept: str | None = None
    limit: int = Field(default=1, ge=1, le=20)
    unknown_id: str = "999999999"


class ShapesSpec(_Strict):
    """The level of each test generated from the shapes.

    By default a constraint's severity decides: sh:Violation is ``required_level``, sh:Warning and
    sh:Info ``recommended_level``. With ``level_annotation`` (a predicate IRI) the annotation's
    value on the constraint (see ``ShapeConstraint.annotations``) is looked up in
    ``levels_by_annotation``; a constraint without the annotation, or with a value the map does
    not name, falls back to the severity rule, so no rule of the shapes is ever left out.
    """

    required_level: str
    recommended_level: str
    level_annotation: str | None = None
    levels_by_annotation: dict[str, str] = Field(default_factory=dict)

    def level_of(self, constraint: ShapeConstraint) -> str:
        value = constraint.annotation(self.level_annotation) if self.level_annotation else None
        if value is not None and value in self.levels_by_annotation:
            return self.levels_by_annotation[value]
        required = constraint.usage is Usage.VERPLICHT
        return self.required_level if required else self.recommended_level

    def level_ids(self) -> set[str]:
        """Every level this section can give a test (each must be a level of the suite)."""
        return {self.required_level, self.recommended_level, *self.levels_by_annotation.values()}


class ServeSpec(_Strict):
    """A suite that tests a vendor's client: the lab plays ``api`` (an API of
    ``interop_lab.serve``) on loopback or any address given, records what the client sends and
    the suite's tests judge that session (``interop-lab serve``), instead of a crawl."""

    api: str


class IncludeSpec(_Strict):
    """Another suite whose test modules this suite imports, with its levels mapped onto ours."""

    suite: str
    levels: dict[str, str] = Field(default_factory=dict)


class RequirementSpec(_Strict):
    """A requirement of the standard the suite names; without a test it is listed as untested."""

    iri: str
    title: str  # in Dutch, for the scorecard
    level: str
    usage: str = "Verplicht"


class StandardDefectSpec(_Strict):
    """A test that fails because of a defect in the standard itself, documented by the suite."""

    test: str  # the local test id, as in the test IRI after the suite version
    reason: str  # in Dutch: what is wrong with the standard, for the scorecard


class ArtefactSpec(_Strict):
    role: str
    url: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    # A repair's name, or a one-key mapping from its name to its parameters:
    # ``- drop-invalid-context-terms: {terms: [...]}`` (see artefacts/repairs.py).
    repairs: tuple[str | dict[str, dict[str, tuple[str, ...]]], ...] = ()
    aliases: tuple[str, ...] = ()
    # Shapes only: the endpoint roles whose data they validate; empty means every role.
    applies_to: tuple[str, ...] = ()

    @field_validator("role")
    @classmethod
    def _known_role(cls, role: str) -> str:
        if role not in ROLES:
            raise ValueError(f"unknown artefact role {role!r}; known: {', '.join(ROLES)}")
        return role

    @field_validator("repairs")
    @classmethod
    def _one_repair_per_entry(
        cls, repairs: tuple[str | dict[str, dict[str, tuple[str, ...]]], ...]
    ) -> tuple[str | dict[str, dict[str, tuple[str, ...]]], ...]:
        for entry in repairs:
            if isinstance(entry, dict) and len(entry) != 1:
                raise ValueError(
                    "a repair with parameters is one mapping {name: {parameter: [values]}}, "
                    f"not {sorted(entry)}"
                )
        return repairs

    def pin(self) -> Pin:
        names = tuple(
            entry if isinstance(entry, str) else next(iter(entry)) for entry in self.repairs
        )
        arguments = {
            name: parameters
            for entry in self.repairs
            if isinstance(entry, dict)
            for name, parameters in entry.items()
        }
        return Pin(self.url, self.sha256, self.role, names, self.aliases, arguments)


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
    requirements: tuple[RequirementSpec, ...] = ()
    probes: tuple[ProbeSpec, ...] = ()
    serve: ServeSpec | None = None  # set: the suite tests a client, see ServeSpec

    @property
    def tests_a_client(self) -> bool:
        return self.serve is not None

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
