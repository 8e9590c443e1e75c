"""Which nodes of a shapes graph are shapes, by pySHACL's rules (its _build_node_shape_cache).

pySHACL does not take every subject of a constraint parameter for a shape: a node is one when it
is typed sh:NodeShape or sh:PropertyShape, has a target, sh:property or sh:node, or is the value
of a shape-expecting parameter. Each of them is validated against its own targets.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, Graph
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.validation.engine.lists import MalformedList, read_list
from interop_lab.validation.engine.model import UnsupportedShapes

TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)
LIST_OF_SHAPES = (SH["and"], SH["or"], SH.xone)
_SHAPE_VALUED = (SH.property, SH.node, SH["not"], SH.qualifiedValueShape)


@dataclass(frozen=True, slots=True)
class FoundShapes:
    node_shapes: frozenset[Node]
    paths: dict[Node, Node]  # property shape -> its sh:path value


def find_shapes(shapes: Graph) -> FoundShapes:
    """The shapes pySHACL validates with, or UnsupportedShapes where pySHACL refuses the graph."""
    declared_nodes = set(shapes.subjects(RDF.type, SH.NodeShape))
    declared_properties = set(shapes.subjects(RDF.type, SH.PropertyShape))
    if both := declared_nodes & declared_properties:
        raise UnsupportedShapes(f"{_name(both)} is typed both sh:NodeShape and sh:PropertyShape")
    if with_path := {s for s in declared_nodes if (s, SH.path, None) in shapes}:
        raise UnsupportedShapes(f"sh:NodeShape {_name(with_path)} has an sh:path")
    paths = {s: _only_path(shapes, s, required=True) for s in declared_properties}
    node_shapes = set(declared_nodes)
    implied = _implied(shapes) - declared_nodes - declared_properties
    for node in implied:
        path = _only_path(shapes, node, required=False)
        if path is None:
            node_shapes.add(node)
        else:
            paths[node] = path
    return FoundShapes(frozenset(node_shapes), {s: p for s, p in paths.items() if p is not None})


def _implied(shapes: Graph) -> set[Node]:
    implied = {s for p in (*TARGETS, SH.property, SH.node) for s in shapes.subjects(p, None)}
    implied.update(o for p in _SHAPE_VALUED for o in shapes.objects(None, p))
    for predicate in LIST_OF_SHAPES:
        for head in shapes.objects(None, predicate):
            implied.update(shape_list(shapes, head, predicate))
    return implied


def shape_list(shapes: Graph, head: Node, predicate: Node) -> list[Node]:
    try:
        members = read_list(shapes, head)
    except MalformedList as error:
        raise UnsupportedShapes(f"the value of {_name({predicate})}: {error}") from None
    if not members:
        raise UnsupportedShapes(f"{_name({predicate})} has an empty list (pySHACL refuses it)")
    return members


def _only_path(shapes: Graph, shape: Node, *, required: bool) -> Node | None:
    paths = list(shapes.objects(shape, SH.path))
    if len(paths) > 1 or (required and not paths):
        raise UnsupportedShapes(f"shape {_name({shape})} has {len(paths)} sh:path values, not one")
    return paths[0] if paths else None


def _name(nodes: set[Node]) -> str:
    return ", ".join(sorted(str(n) for n in nodes))
