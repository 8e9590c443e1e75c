"""The SHACL paths the engine follows: a predicate, its inverse, and sequences of those."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.validation.engine.lists import MalformedList, read_list


class PathUnsupported(Exception):
    """The path is one the engine does not follow (the message says which)."""


@dataclass(frozen=True, slots=True)
class Step:
    predicate: Node
    inverse: bool = False


@dataclass(frozen=True, slots=True)
class Path:
    steps: tuple[Step, ...]


def parse_path(shapes: Graph, node: Node) -> Path:
    """The value of a shape's sh:path as steps, or PathUnsupported."""
    if isinstance(node, URIRef):
        return Path((Step(node),))
    if not isinstance(node, BNode):
        raise PathUnsupported(f"sh:path {node!r} is neither an IRI nor a blank node")
    if (node, RDF.first, None) in shapes:
        return Path(tuple(_sequence_step(shapes, item) for item in _items(shapes, node)))
    return Path((_inverse_step(shapes, node),))


def _items(shapes: Graph, node: Node) -> list[Node]:
    try:
        items = read_list(shapes, node)
    except MalformedList as error:
        raise PathUnsupported(f"sequence path: {error}") from None
    if len(items) < 2:
        # pySHACL refuses a one-step sequence at the top and cuts it short below.
        raise PathUnsupported("a sequence path must list two steps or more")
    return items


def _sequence_step(shapes: Graph, item: Node) -> Step:
    if isinstance(item, URIRef):
        return Step(item)
    if isinstance(item, BNode) and (item, RDF.first, None) not in shapes:
        return _inverse_step(shapes, item)
    raise PathUnsupported("a step of a sequence path is neither an IRI nor an inverse path")


def _inverse_step(shapes: Graph, node: Node) -> Step:
    described = set(shapes.predicates(node, None))
    inverse = list(shapes.objects(node, SH.inversePath))
    if described != {SH.inversePath} or len(inverse) != 1 or not isinstance(inverse[0], URIRef):
        kinds = ", ".join(sorted(str(p).rsplit("#", 1)[-1] for p in described)) or "nothing"
        raise PathUnsupported(f"path with {kinds} (only IRIs, inverse IRIs and their sequences)")
    return Step(inverse[0], inverse=True)
