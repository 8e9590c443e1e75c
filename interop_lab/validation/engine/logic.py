"""The checks that validate value nodes against other shapes: sh:property, sh:node and the logic.

pySHACL keeps the results of an sh:property shape and, as details of the sh:node result, those of
an sh:node shape; it drops those of the shapes under sh:not, sh:and, sh:or and sh:xone, whose
conformance alone counts. sh:node also fails a value whose shape conforms but reported something
(a shape of severity sh:Warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.validation.engine.messages import data_term
from interop_lab.validation.engine.model import NodeSet, Shape

if TYPE_CHECKING:
    from interop_lab.validation.engine.run import Scope


@dataclass(frozen=True, slots=True, eq=False)
class PropertyCheck:
    """Adds the property shape's results for each value node; reports nothing of its own."""

    shape: Shape
    component: URIRef = SH.PropertyConstraintComponent

    def apply(self, scope: Scope) -> None:
        outcome = scope.evaluate(self.shape, scope.values())
        if not outcome.reports and not outcome.failing:
            return
        if scope.value_map is None:
            for focus in scope.focus.intersection(outcome.reports):
                scope.nest(focus, outcome.reports[focus])
            for focus in scope.focus.intersection(outcome.failing):
                scope.fail(focus)
            return
        for focus in scope.with_values():
            for value in scope.value_map[focus]:
                scope.nest(focus, outcome.reports.get(value, []))
                if value in outcome.failing:
                    scope.fail(focus)

    def message(self, focus: Node, value: Node | None) -> str:
        raise NotImplementedError("sh:property reports only the results of its shape")


@dataclass(frozen=True, slots=True, eq=False)
class NodeCheck:
    shape: Shape
    text: str
    component: URIRef = SH.NodeConstraintComponent

    def apply(self, scope: Scope) -> None:
        outcome = scope.evaluate(self.shape, scope.values())
        failing = outcome.failing | outcome.reports.keys()
        for focus, value in scope.pairs(failing):
            scope.report(self, focus, value)
            scope.nest(focus, outcome.reports.get(value, []))

    def message(self, focus: Node, value: Node | None) -> str:
        return self.text


@dataclass(frozen=True, slots=True, eq=False)
class LogicCheck:
    """sh:not (one shape), sh:and, sh:or, sh:xone (a list): which conformance counts fail a value.

    ``shapes`` keeps sh:xone's list as written (a shape listed twice counts twice); pySHACL takes
    the set of shapes for sh:and and sh:or, where repeating one changes nothing."""

    shapes: tuple[Shape, ...]
    component: URIRef
    before: str  # the message is before + the value node + after
    after: str

    def apply(self, scope: Scope) -> None:
        values = scope.values()
        failing_of = [scope.evaluate(shape, values).failing for shape in self.shapes]
        for focus, value in scope.pairs(self._failing(values, failing_of)):
            scope.report(self, focus, value)

    def _failing(self, values: NodeSet, failing_of: list[set[Node]]) -> NodeSet:
        if self.component == SH.NotConstraintComponent:
            return values - failing_of[0]
        if self.component == SH.AndConstraintComponent:
            return values & set().union(*failing_of)
        if self.component == SH.OrConstraintComponent:
            return values.intersection(*failing_of)
        return {v for v in values if sum(v not in failing for failing in failing_of) != 1}

    def message(self, focus: Node, value: Node | None) -> str:
        return self.before + (data_term(value) if value is not None else "") + self.after
