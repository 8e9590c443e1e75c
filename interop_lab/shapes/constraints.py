"""Every constraint of a shapes graph, with a stable id, its rule in words, and its usage.

pySHACL reports ``sh:sourceShape`` and ``sh:sourceConstraintComponent`` for each result; together
they identify exactly one constraint listed here, so each result lands on one scorecard line.

Each constraint also carries the annotations of its shape: the values of every predicate outside
SHACL (e.g. Lokaal Beslist's ``lblodBesluit:maturiteitsniveau``) stated on the property shape, and,
for predicates the property shape does not state, those of its node shape. A suite manifest can
turn one of them into the test's level.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, Namespace
from rdflib.term import Node

from interop_lab.model.outcomes import Usage
from interop_lab.model.prefixes import short

_SH = Namespace(str(SH))  # open, for component IRIs rdflib's closed SH does not list

# Constraint parameter -> constraint component (SHACL 1.0 section 4), in the order of the spec.
COMPONENTS: dict[URIRef, URIRef] = {
    SH["class"]: SH.ClassConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent,
    SH.maxLength: SH.MaxLengthConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent,
    SH.uniqueLang: SH.UniqueLangConstraintComponent,
    SH.equals: SH.EqualsConstraintComponent,
    SH.disjoint: SH.DisjointConstraintComponent,
    SH.lessThan: SH.LessThanConstraintComponent,
    SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent,
    SH["not"]: SH.NotConstraintComponent,
    SH["and"]: SH.AndConstraintComponent,
    SH["or"]: SH.OrConstraintComponent,
    SH.xone: SH.XoneConstraintComponent,
    SH.node: SH.NodeConstraintComponent,
    SH.property: SH.PropertyConstraintComponent,
    SH.qualifiedMinCount: _SH.QualifiedMinCountConstraintComponent,
    SH.qualifiedMaxCount: _SH.QualifiedMaxCountConstraintComponent,
    SH.closed: SH.ClosedConstraintComponent,
    SH.hasValue: SH.HasValueConstraintComponent,
    SH["in"]: SH.InConstraintComponent,
    SH.sparql: _SH.SPARQLConstraintComponent,
}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@dataclass(frozen=True, slots=True)
class ShapeConstraint:
    """One constraint component of one shape: the unit a scorecard line reports on."""

    local_id: str
    node_shape: Node
    shape: Node
    component: URIRef
    parameter: str
    path: str | None
    path_label: str
    shape_label: str
    name: str | None
    severity: URIRef
    requirement: str
    targets: tuple[tuple[URIRef, Node], ...]
    annotations: tuple[tuple[str, str], ...] = ()  # (predicate IRI, value), sorted
    description: str | None = None  # the shape's sh:description (Dutch when it has several)
    message: str | None = None  # the shape's sh:message (Dutch when it has several)

    def annotation(self, predicate: str) -> str | None:
        """The value of annotation ``predicate`` (the first in order when there are several)."""
        return next((value for key, value in self.annotations if key == predicate), None)

    @property
    def usage(self) -> Usage:
        return Usage.VERPLICHT if self.severity == SH.Violation else Usage.AANBEVOLEN

    @property
    def component_name(self) -> str:
        return str(self.component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")


def constraints_of(shapes: Graph) -> list[ShapeConstraint]:
    """All constraints, node shapes in IRI order, property shapes in path order."""
    found = [c for node_shape in _node_shapes(shapes) for c in _of_node_shape(shapes, node_shape)]
    return _unique_ids(found)


def _node_shapes(shapes: Graph) -> list[Node]:
    candidates = set(shapes.subjects(RDF.type, SH.NodeShape))
    for target in _TARGETS:
        candidates.update(shapes.subjects(target, None))
    candidates -= set(shapes.objects(None, SH.property))
    return sorted(candidates, key=lambda node: (isinstance(node, BNode), str(node)))


def _of_node_shape(shapes: Graph, node_shape: Node) -> Iterator[ShapeConstraint]:
    targets = tuple(
        (predicate, value)
        for predicate in _TARGETS
        for value in shapes.objects(node_shape, predicate)
    )
    yield from _constraints(shapes, node_shape, node_shape, targets, skip={SH.property})
    property_shapes = sorted(
        shapes.objects(node_shape, SH.property),
        key=lambda ps: (_path_text(shapes, ps), _signature(shapes, ps)),
    )
    for property_shape in property_shapes:
        yield from _constraints(shapes, node_shape, property_shape, targets, skip=set())


def _signature(shapes: Graph, shape: Node) -> list[tuple[str, str]]:
    # Breaks ties between property shapes with one path by what they say, not by the order
    # the triples were parsed in, so the "-2" of a duplicate id always lands on the same shape.
    return sorted(
        (str(predicate), str(value))
        for predicate, value in shapes.predicate_objects(shape)
        if not isinstance(value, BNode)
    )


def _constraints(
    shapes: Graph,
    node_shape: Node,
    shape: Node,
    targets: tuple[tuple[URIRef, Node], ...],
    skip: set[URIRef],
) -> Iterator[ShapeConstraint]:
    path_node = shapes.value(shape, SH.path)
    path = str(path_node) if isinstance(path_node, URIRef) else None
    path_label = _path_label(shapes, path_node) if path_node is not None else ""
    severity = shapes.value(shape, SH.severity)
    annotations = _annotations(shapes, shape, node_shape)
    for parameter, component in COMPONENTS.items():
        if parameter in skip or (parameter == SH.closed and not _is_true(shapes, shape)):
            continue
        value = shapes.value(shape, parameter)
        if value is None:
            continue
        shape_label = _label(shapes, node_shape)
        yield ShapeConstraint(
            local_id=_local_id(shape_label, path_label, component),
            node_shape=node_shape,
            shape=shape,
            component=component,
            parameter=_parameter_text(shapes, value),
            path=path,
            path_label=path_label,
            shape_label=shape_label,
            name=_text(shapes.value(shape, SH.name)),
            severity=severity if isinstance(severity, URIRef) else SH.Violation,
            requirement=str(shape if isinstance(shape, URIRef) else node_shape),
            targets=targets,
            annotations=annotations,
            description=_dutch_text(shapes, shape, SH.description),
            message=_dutch_text(shapes, shape, SH.message),
        )


def _annotations(shapes: Graph, shape: Node, node_shape: Node) -> tuple[tuple[str, str], ...]:
    """Non-SHACL literal and IRI values of the shape, completed by those of its node shape."""
    own = _annotations_of(shapes, shape)
    stated = {predicate for predicate, _ in own}
    inherited = {
        (predicate, value)
        for predicate, value in _annotations_of(shapes, node_shape)
        if predicate not in stated
    }
    return tuple(sorted(own | inherited))


def _annotations_of(shapes: Graph, shape: Node) -> set[tuple[str, str]]:
    return {
        (str(predicate), str(value))
        for predicate, value in shapes.predicate_objects(shape)
        if not str(predicate).startswith(str(SH)) and predicate != RDF.type
        if not isinstance(value, BNode)
    }


def _is_true(shapes: Graph, shape: Node) -> bool:
    return str(shapes.value(shape, SH.closed)).lower() == "true"


def _label(shapes: Graph, node: Node | None) -> str:
    if isinstance(node, URIRef):
        return short(str(node))
    return _path_text(shapes, node) if node is not None else ""


def _path_text(shapes: Graph, node: Node) -> str:
    path = shapes.value(node, SH.path)
    if path is None:
        return str(node) if isinstance(node, URIRef) else ""
    return _path_label(shapes, path)


def _path_label(shapes: Graph, path: Node) -> str:
    """A SHACL path (the value of sh:path, not the shape holding it) in words."""
    if isinstance(path, URIRef):
        return _label(shapes, path)
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_path_label(shapes, inverse)}"
    if (path, RDF.first, None) in shapes:
        return "/".join(_path_label(shapes, step) for step in Collection(shapes, path))
    return "(complex path)"


def _parameter_text(shapes: Graph, value: Node) -> str:
    if (value, RDF.first, None) in shapes:
        return ", ".join(
            _label(shapes, item) if isinstance(item, URIRef) else str(item)
            for item in Collection(shapes, value)
        )
    if isinstance(value, URIRef):
        return _label(shapes, value)
    return str(value) if not isinstance(value, BNode) else "(shape)"


def _text(value: Node | None) -> str | None:
    return str(value) if value is not None else None


def _dutch_text(shapes: Graph, shape: Node, predicate: URIRef) -> str | None:
    """The value in Dutch, else without a language, else any (sorted: the same one each time)."""
    values = sorted(shapes.objects(shape, predicate), key=str)
    ranked = sorted(values, key=lambda v: {"nl": 0, None: 1}.get(getattr(v, "language", None), 2))
    if not ranked:
        return None
    return str(ranked[0]).strip() or None


def _local_id(shape_label: str, path_label: str, component: URIRef) -> str:
    name = str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    parts = [shape_label.split(":")[-1].split("/")[-1].split("#")[-1]]
    if path_label:
        parts.append(path_label.replace(":", "-").replace("/", "_"))
    parts.append(name[0].lower() + name[1:])
    return "shacl/" + "/".join(parts)


def _unique_ids(constraints: list[ShapeConstraint]) -> list[ShapeConstraint]:
    # Two property shapes of one node shape may share a path and a component (e.g. two
    # sh:datatype rules on schema:email); a counter keeps their ids apart and stable.
    seen: Counter[str] = Counter()
    unique = []
    for constraint in constraints:
        seen[constraint.local_id] += 1
        if seen[constraint.local_id] > 1:
            constraint = _with_id(constraint, f"{constraint.local_id}-{seen[constraint.local_id]}")
        unique.append(constraint)
    return unique


def _with_id(constraint: ShapeConstraint, local_id: str) -> ShapeConstraint:
    return replace(constraint, local_id=local_id)
