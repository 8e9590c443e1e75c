"""The checks of SHACL Core on a focus node's values together, each as pySHACL 0.40 decides it:
sh:minCount, sh:maxCount, sh:uniqueLang, sh:hasValue and sh:closed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.validation.engine.messages import data_term
from interop_lab.validation.engine.model import NodeSet

if TYPE_CHECKING:
    from interop_lab.validation.engine.run import Scope

_IGNORED_BY_CLOSED = (RDF.type, RDFS.Resource)


@dataclass(frozen=True, slots=True, eq=False)
class CountCheck:
    """sh:minCount (``most`` False) or sh:maxCount: one result per focus node, without value."""

    limit: int
    most: bool
    path_text: str
    component: URIRef

    def apply(self, scope: Scope) -> None:
        for focus in self._failing(scope):
            scope.report(self, focus)

    def _failing(self, scope: Scope) -> NodeSet:
        assert scope.value_map is not None
        assert scope.shape.path is not None
        value_map = scope.value_map
        if self.most:
            if self.limit == 0:
                return scope.with_values()
            several = scope.focus.intersection(scope.index.with_several_values(scope.shape.path))
            return {f for f in several if len(value_map[f]) > self.limit}
        if self.limit == 0:
            return set()
        missing = scope.focus.difference(value_map)
        if self.limit > 1:
            missing |= {f for f in scope.with_values() if len(value_map[f]) < self.limit}
        return missing

    def message(self, focus: Node, value: Node | None) -> str:
        words = "More than" if self.most else "Less than"
        return f"{words} {self.limit} values on {data_term(focus)}->{self.path_text}"


@dataclass(frozen=True, slots=True, eq=False)
class UniqueLangCheck:
    """One result, without value, per language tag (case-insensitive) two values share."""

    component: URIRef = SH.UniqueLangConstraintComponent

    def apply(self, scope: Scope) -> None:
        assert scope.value_map is not None
        assert scope.shape.path is not None
        several = scope.focus.intersection(scope.index.with_several_values(scope.shape.path))
        for focus in several:
            seen: set[str] = set()
            duplicated: set[str] = set()
            for value in scope.value_map[focus]:
                if isinstance(value, Literal) and value.language:
                    tag = str(value.language).lower()
                    (duplicated if tag in seen else seen).add(tag)
            for _ in duplicated:
                scope.report(self, focus)

    def message(self, focus: Node, value: Node | None) -> str:
        return "More than one String shares the same Language"


@dataclass(frozen=True, slots=True, eq=False)
class HasValueCheck:
    required: Node
    required_text: str  # pySHACL writes the list of every sh:hasValue of the shape
    path_text: str | None
    component: URIRef = SH.HasValueConstraintComponent

    def apply(self, scope: Scope) -> None:
        for focus in scope.focus:
            if self.required not in scope.values_of(focus):
                scope.report(self, focus)

    def message(self, focus: Node, value: Node | None) -> str:
        if self.path_text is not None:
            return (
                f"Node {data_term(focus)}->{self.path_text} does not contain a value in the set: "
                f"{self.required_text}"
            )
        return f"Node {data_term(focus)} value is not a in the set of values: {self.required_text}"


@dataclass(frozen=True, slots=True, eq=False)
class ClosedCheck:
    """A result per triple of a value node whose predicate no sh:property path (nor
    sh:ignoredProperties) names; its path is the predicate, its value the object."""

    allowed: frozenset[Node]
    component: URIRef = SH.ClosedConstraintComponent

    def apply(self, scope: Scope) -> None:
        values = scope.values()
        focus_of = _focus_by_value(scope)
        for predicate, subjects in scope.index.by_predicate.items():
            if predicate in self.allowed:
                continue
            present = (
                [v for v in values if v in subjects]
                if len(values) < len(subjects)
                else [s for s in subjects if s in values]
            )
            for value in present:
                for obj in subjects[value]:
                    if (predicate, obj) == _IGNORED_BY_CLOSED:
                        continue
                    for focus in focus_of(value):
                        scope.report(self, focus, obj, path=predicate)

    def message(self, focus: Node, value: Node | None) -> str:
        shown = data_term(value) if value is not None else ""
        return f"Node {data_term(focus)} is closed. It cannot have value: {shown}"


def _focus_by_value(scope: Scope) -> Callable[[Node], Sequence[Node]]:
    if scope.value_map is None:
        return lambda value: (value,)
    by_value: dict[Node, list[Node]] = {}
    for focus in scope.with_values():
        for value in scope.value_map[focus]:
            by_value.setdefault(value, []).append(focus)
    return lambda value: by_value.get(value, [])
