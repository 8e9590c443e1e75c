"""A shapes graph compiled into shapes and checks, or UnsupportedShapes saying why it cannot be.

Everything pySHACL would refuse (a ConstraintLoadError, a ShapeLoadError or a runtime error about
the shapes) is refused here too, before any data is read: the caller then runs pySHACL, which
reports the problem as it always did.
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.validation.engine.discovery import find_shapes
from interop_lab.validation.engine.messages import Texts, chosen_message
from interop_lab.validation.engine.model import Check, Shape, Targets, UnsupportedShapes
from interop_lab.validation.engine.parameters import ParameterReader
from interop_lab.validation.engine.paths import PathUnsupported, parse_path

# pySHACL validates at most this many shapes deep (max_validation_depth).
MAX_DEPTH = 15
_LENIENT = (SH.Warning, SH.Info)


def compile_shapes(shapes: Graph) -> list[Shape]:
    _refuse_extensions(shapes)
    found = find_shapes(shapes)
    texts = Texts(shapes)
    compiled = {
        node: _shape(shapes, node, found.paths.get(node))
        for node in found.node_shapes | found.paths.keys()
    }
    references: dict[Node, list[Node]] = {}
    for shape in compiled.values():
        reader = ParameterReader(shapes, shape, compiled, texts)
        checks: list[Check] = reader.checks()
        shape.checks.extend(checks)
        references[shape.node] = reader.references
    _refuse_recursion(references)
    return list(compiled.values())


def _refuse_extensions(shapes: Graph) -> None:
    if isinstance(shapes, Dataset):
        raise UnsupportedShapes("the shapes are a dataset, not one graph")
    if (None, SH.target, None) in shapes:
        raise UnsupportedShapes("sh:target (SHACL-AF custom or SPARQL-based targets)")
    kinds = {SH.ConstraintComponent, *shapes.subjects(RDFS.subClassOf, SH.ConstraintComponent)}
    for kind in kinds:
        for component in shapes.subjects(RDF.type, kind):
            if not str(component).startswith(str(SH)):
                raise UnsupportedShapes(f"custom constraint component {component}")


def _shape(shapes: Graph, node: Node, path_node: Node | None) -> Shape:
    if not isinstance(node, URIRef | BNode):
        raise UnsupportedShapes(f"the shape {node!r} is a literal")
    path = None
    if path_node is not None:
        try:
            path = parse_path(shapes, path_node)
        except PathUnsupported as error:
            raise UnsupportedShapes(f"shape {node}: {error}") from None
    severity = _at_most_one(shapes, node, SH.severity)
    return Shape(
        node=node,
        path=path,
        result_path=str(path_node) if isinstance(path_node, URIRef) else None,
        deactivated=_deactivated(shapes, node),
        lenient=severity in _LENIENT,
        message=chosen_message(shapes.objects(node, SH.message)),
        targets=_targets(shapes, node),
    )


def _deactivated(shapes: Graph, node: Node) -> bool:
    value = _at_most_one(shapes, node, SH.deactivated)
    if value is None:
        return False
    if not isinstance(value, Literal):
        raise UnsupportedShapes(f"shape {node}: sh:deactivated is not a literal")
    # pySHACL's own reading: bool() of the literal's Python value.
    return bool(value.value)


def _at_most_one(shapes: Graph, node: Node, predicate: URIRef) -> Node | None:
    values = set(shapes.objects(node, predicate))
    if len(values) > 1:
        # pySHACL refuses two sh:deactivated and takes either of two sh:severity values.
        raise UnsupportedShapes(f"shape {node} has {len(values)} values for {predicate}")
    return next(iter(values), None)


def _targets(shapes: Graph, node: Node) -> Targets:
    classes = tuple(shapes.objects(node, SH.targetClass))
    # pySHACL adds owl:Class rdfs:subClassOf rdfs:Class to the shapes graph, and a shape that
    # is a class (directly, by that rule) targets its own instances.
    kinds_of_class = {RDFS.Class, OWL.Class, *shapes.subjects(RDFS.subClassOf, RDFS.Class)}
    if any(kind in kinds_of_class for kind in shapes.objects(node, RDF.type)):
        classes = (*classes, node)
    return Targets(
        nodes=tuple(shapes.objects(node, SH.targetNode)),
        classes=classes,
        subjects_of=tuple(shapes.objects(node, SH.targetSubjectsOf)),
        objects_of=tuple(shapes.objects(node, SH.targetObjectsOf)),
    )


def _refuse_recursion(references: dict[Node, list[Node]]) -> None:
    """pySHACL cuts recursive shapes short with a warning; the engine does not reproduce that."""
    depth: dict[Node, int] = {}
    visiting: set[Node] = set()

    def deepest(node: Node) -> int:
        if node in depth:
            return depth[node]
        if node in visiting:
            raise UnsupportedShapes(f"shape {node} refers back to itself (recursive shapes)")
        visiting.add(node)
        depth[node] = 1 + max((deepest(n) for n in references.get(node, [])), default=0)
        visiting.discard(node)
        return depth[node]

    for node in references:
        if deepest(node) >= MAX_DEPTH:
            raise UnsupportedShapes(f"shapes nest {depth[node]} deep from {node}")
