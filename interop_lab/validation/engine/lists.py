"""RDF lists of a shapes graph, read strictly: a list pySHACL might read another way is refused."""

from __future__ import annotations

from rdflib import RDF, Graph
from rdflib.term import Node


class MalformedList(Exception):
    """The node does not start a well-formed RDF list (one rdf:first and rdf:rest per cell)."""


def read_list(shapes: Graph, head: Node) -> list[Node]:
    items: list[Node] = []
    seen: set[Node] = set()
    cell = head
    while cell != RDF.nil:
        firsts = list(shapes.objects(cell, RDF.first))
        rests = list(shapes.objects(cell, RDF.rest))
        if len(firsts) != 1 or len(rests) != 1 or cell in seen:
            raise MalformedList(f"{cell!r} does not start a well-formed RDF list")
        seen.add(cell)
        items.append(firsts[0])
        cell = rests[0]
    return items
