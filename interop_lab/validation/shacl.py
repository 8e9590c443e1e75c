"""One SHACL validation per claim: every member in one graph, results keyed by constraint."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyshacl
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.shapes import ShapeConstraint

ConstraintKey = tuple[Node, URIRef]


@dataclass(frozen=True, slots=True)
class ShaclResult:
    focus: Node
    path: str | None
    value: Node | None
    message: str


@dataclass(slots=True)
class Validation:
    """What the validation reported, grouped by the (shape, component) that produced each."""

    results: dict[ConstraintKey, list[ShaclResult]] = field(default_factory=dict)
    focus_counts: dict[Node, int | None] = field(default_factory=dict)
    unmatched: list[ShaclResult] = field(default_factory=list)
    engines: list[str] = field(default_factory=list)  # what validated, named on the scorecard

    def merge(self, other: Validation) -> None:
        """Add the results of another shape set's validation (its shapes are other nodes)."""
        self.engines.extend(e for e in other.engines if e not in self.engines)
        self.results.update(other.results)
        self.focus_counts.update(other.focus_counts)
        self.unmatched.extend(other.unmatched)

    def results_for(self, constraint: ShapeConstraint) -> list[ShaclResult]:
        return self.results.get((constraint.shape, constraint.component), [])

    def focus_count(self, constraint: ShapeConstraint) -> int | None:
        return self.focus_counts.get(constraint.node_shape)


PYSHACL = f"pySHACL {pyshacl.__version__}"


def validate(data: Graph, shapes: Graph, constraints: list[ShapeConstraint]) -> Validation:
    """Run pySHACL once (no inference, as OSLO publishes the shapes) and group its results."""
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True, allow_infos=True
    )
    found = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(node, SH.sourceShape)
        component = report.value(node, SH.sourceConstraintComponent)
        key = (shape, component) if shape is not None and isinstance(component, URIRef) else None
        found.append((key, _result(report, node)))
    return grouped(found, constraints, data, PYSHACL)


def grouped(
    found: Iterable[tuple[ConstraintKey | None, ShaclResult]],
    constraints: list[ShapeConstraint],
    data: Graph,
    engine: str,
) -> Validation:
    """Results grouped by the constraint that produced them (the others: ``unmatched``), and
    the focus nodes of each node shape counted in ``data``."""
    validation = Validation(engines=[engine])
    known = {(c.shape, c.component) for c in constraints}
    by_key: dict[ConstraintKey, list[ShaclResult]] = defaultdict(list)
    for key, result in found:
        if key is not None and key in known:
            by_key[key].append(result)
        else:
            validation.unmatched.append(result)
    validation.results = dict(by_key)
    for node_shape in {c.node_shape for c in constraints}:
        validation.focus_counts[node_shape] = _focus_count(data, constraints, node_shape)
    return validation


def _result(report: Graph, node: Node) -> ShaclResult:
    path = report.value(node, SH.resultPath)
    focus = report.value(node, SH.focusNode)
    return ShaclResult(
        # "is None", not "or": a focus node can be a falsy literal (0, "", false).
        focus=node if focus is None else focus,
        path=str(path) if isinstance(path, URIRef) else None,
        value=report.value(node, SH.value),
        message=str(report.value(node, SH.resultMessage) or ""),
    )


def _focus_count(data: Graph, constraints: list[ShapeConstraint], node_shape: Node) -> int | None:
    """How many focus nodes the node shape's targets select; None when it has no targets."""
    targets = next(c.targets for c in constraints if c.node_shape == node_shape)
    if not targets:
        return None
    focus: set[Node] = set()
    for predicate, value in targets:
        focus.update(_targeted(data, predicate, value))
    return len(focus)


def _targeted(data: Graph, predicate: URIRef, value: Node) -> set[Node]:
    if predicate == SH.targetClass:
        classes = set(data.transitive_subjects(RDFS.subClassOf, value)) | {value}
        return {s for cls in classes for s in data.subjects(RDF.type, cls)}
    if predicate == SH.targetNode:
        return {value} if (value, None, None) in data or (None, None, value) in data else set()
    if predicate == SH.targetSubjectsOf:
        return set(data.subjects(value, None))
    return set(data.objects(None, value))
