"""The compiled shapes: what a shape targets, where its values are, and its checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeAlias

from rdflib import URIRef
from rdflib.term import Node

from interop_lab.model.errors import HarnessError
from interop_lab.validation.engine.paths import Path
from interop_lab.validation.shacl import ConstraintKey, ShaclResult

if TYPE_CHECKING:
    from interop_lab.validation.engine.run import Scope

Entry: TypeAlias = tuple[ConstraintKey, ShaclResult]
NodeSet: TypeAlias = set[Node] | frozenset[Node]


class UnsupportedShapes(HarnessError):
    """The shapes graph uses something the engine does not reproduce; validate with pySHACL.

    Raised by ``validate_fast`` only when the caller skipped ``supported``: a lab bug."""


class Check(Protocol):
    """One constraint component of one shape (one value of a parameter that may repeat)."""

    @property
    def component(self) -> URIRef: ...

    def apply(self, scope: Scope) -> None:
        """Report the results of this check for the scope's focus nodes."""

    def message(self, focus: Node, value: Node | None) -> str:
        """pySHACL's generic message, used when the shape has no sh:message."""


@dataclass(frozen=True, slots=True)
class Targets:
    nodes: tuple[Node, ...] = ()
    classes: tuple[Node, ...] = ()  # sh:targetClass, and the shape itself when it is a class
    subjects_of: tuple[Node, ...] = ()
    objects_of: tuple[Node, ...] = ()


@dataclass(eq=False, slots=True)
class Shape:
    """A node or property shape; ``checks`` is filled once every shape it refers to exists."""

    node: Node
    path: Path | None  # None for a node shape: its value node is the focus node
    result_path: str | None  # what ``validate`` reports as the path: the sh:path IRI, if one
    deactivated: bool
    lenient: bool  # sh:Warning or sh:Info: pySHACL (allow_warnings) counts it as conforming
    message: str | None
    targets: Targets
    checks: list[Check] = field(default_factory=list)
