"""One validation: each shape evaluated once per node, whatever refers to it.

pySHACL validates a shape against a node again each time a target, an sh:property or an sh:node
leads there, and every such visit adds its results to the report. The engine evaluates each
(shape, node) pair once, keeps the node's results (its nested ones included) and conformance, and
copies the results into every visit, so the counts of results match pySHACL's.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from rdflib import URIRef
from rdflib.term import Node

from interop_lab.validation.engine.index import EMPTY, DataIndex, ValueMap, Values
from interop_lab.validation.engine.model import Check, Entry, NodeSet, Shape
from interop_lab.validation.shacl import ShaclResult


class ValueCheck(Check, Protocol):
    """A check of each value node on its own: its failing values depend on nothing else."""

    @property
    def key(self) -> Hashable: ...

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        """The values in ``groups`` that fail the check (a value may be in several groups)."""


@dataclass(slots=True)
class Outcome:
    """What evaluating one shape found so far, for every node it was evaluated against."""

    done: set[Node] = field(default_factory=set)
    reports: dict[Node, list[Entry]] = field(default_factory=dict)  # nested results included
    failing: set[Node] = field(default_factory=set)  # nodes that do not conform (pySHACL)


class Run:
    def __init__(self, index: DataIndex) -> None:
        self.index = index
        self._outcomes: dict[Node, Outcome] = {}
        self._failing_values: dict[tuple[Hashable, Hashable], NodeSet] = {}

    def evaluate(self, shape: Shape, nodes: NodeSet) -> Outcome:
        """The shape's outcome, evaluated for those of ``nodes`` not evaluated before."""
        outcome = self._outcomes.get(shape.node)
        if outcome is None:
            outcome = self._outcomes[shape.node] = Outcome()
        todo = nodes - outcome.done if outcome.done else nodes
        if todo:
            outcome.done |= todo
            if not shape.deactivated:
                scope = Scope(self, shape, todo, outcome)
                for check in shape.checks:
                    check.apply(scope)
        return outcome

    def failing_values(self, check: ValueCheck, shape: Shape) -> NodeSet:
        """The failing values of a property shape's path, checked once for all the graph's
        values: shapes of other classes often check the same predicate the same way."""
        assert shape.path is not None
        key = (check.key, shape.path.steps)
        found = self._failing_values.get(key)
        if found is None:
            # The groups, not their union: a union would hash every literal again in Python.
            found = check.failing(self.index, self.index.path_map(shape.path).values())
            self._failing_values[key] = found
        return found


class Scope:
    """One shape evaluated for some focus nodes: what its checks read and where they report."""

    def __init__(self, run: Run, shape: Shape, focus: NodeSet, outcome: Outcome) -> None:
        self.run = run
        self.index = run.index
        self.shape = shape
        self.focus = focus
        self.value_map: ValueMap | None = (
            run.index.path_map(shape.path) if shape.path is not None else None
        )
        self._outcome = outcome
        self._with_values: NodeSet | None = None
        self._values: NodeSet | None = None

    def with_values(self) -> NodeSet:
        """The focus nodes that have at least one value node."""
        if self.value_map is None:
            return self.focus
        if self._with_values is None:
            self._with_values = self.focus.intersection(self.value_map)
        return self._with_values

    def values_of(self, focus: Node) -> Values:
        if self.value_map is None:
            return frozenset((focus,))
        return self.value_map.get(focus, EMPTY)

    def values(self) -> NodeSet:
        """Every value node of the focus nodes."""
        if self.value_map is None or self.shape.path is None:
            return self.focus
        if self._values is None:
            with_values = self.with_values()
            if len(with_values) == len(self.value_map):
                self._values = self.index.path_values(self.shape.path)
            else:
                self._values = set().union(*(self.value_map[f] for f in with_values))
        return self._values

    def failing_values(self, check: ValueCheck) -> NodeSet:
        if self.value_map is None:
            return check.failing(self.index, (self.focus,))
        return self.run.failing_values(check, self.shape)

    def pairs(self, values: NodeSet) -> Iterator[tuple[Node, Node]]:
        """(focus, value) for every value node among ``values``."""
        if not values:
            return
        if self.value_map is None:
            for focus in self.focus.intersection(values):
                yield focus, focus
            return
        value_map = self.value_map
        for focus in self.with_values():
            own = value_map[focus]
            if not values.isdisjoint(own):
                for value in own:
                    if value in values:
                        yield focus, value

    def report(
        self, check: Check, focus: Node, value: Node | None = None, path: Node | None = None
    ) -> None:
        """A result with the shape's severity: the focus node no longer conforms, unless the
        shape is lenient. ``path`` replaces the shape's (sh:closed names the predicate)."""
        if path is None:
            shown = self.shape.result_path
        else:
            shown = str(path) if isinstance(path, URIRef) else None
        result = ShaclResult(
            focus=focus,
            path=shown,
            value=value,
            message=self.shape.message or check.message(focus, value),
        )
        self._outcome.reports.setdefault(focus, []).append(
            ((self.shape.node, check.component), result)
        )
        if not self.shape.lenient:
            self._outcome.failing.add(focus)

    def nest(self, focus: Node, entries: list[Entry]) -> None:
        """Results of another shape that pySHACL reports under this one."""
        if entries:
            self._outcome.reports.setdefault(focus, []).extend(entries)

    def fail(self, focus: Node) -> None:
        if not self.shape.lenient:
            self._outcome.failing.add(focus)

    def evaluate(self, shape: Shape, nodes: NodeSet) -> Outcome:
        return self.run.evaluate(shape, nodes)
