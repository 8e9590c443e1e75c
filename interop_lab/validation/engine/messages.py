"""Result messages worded as pySHACL words them (pyshacl/constraints/core/*.py).

Shapes-graph terms are written by pySHACL's own ``stringify_node``. Data terms are too, except
blank nodes: pySHACL writes out their triples, the engine has no graph to read them from and
writes ``_:id``. Messages are not part of what must equal pySHACL's results.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyshacl.rdfutil import stringify_node
from rdflib import BNode, Graph, Literal
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

# The prefixes a fresh rdflib Graph binds: the data graph the lab hands pySHACL is one.
_DATA = Graph()


class Texts:
    """Writes terms of one shapes graph with a copy of its prefixes: pySHACL binds ``sh`` into
    the namespace manager it writes with, and the lab's graph should stay as it is."""

    def __init__(self, shapes: Graph) -> None:
        self._shapes = shapes
        self._prefixes = NamespaceManager(Graph(bind_namespaces="core"))
        for prefix, namespace in shapes.namespaces():
            self._prefixes.bind(prefix, namespace, override=True, replace=True)

    def shape_term(self, node: Node) -> str:
        return str(stringify_node(self._shapes, node, ns_manager=self._prefixes))

    def shape_terms(self, nodes: Iterable[Node], separator: str) -> str:
        return separator.join(self.shape_term(node) for node in nodes)


def data_term(node: Node) -> str:
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(stringify_node(_DATA, node, ns_manager=_DATA.namespace_manager))


def chosen_message(messages: Iterable[Node]) -> str | None:
    """One of the shape's sh:message values: pySHACL reports them all and ``validate`` keeps
    whichever the report graph yields first, so pick one that does not depend on hashing, as
    the constraint list picks its message: Dutch, else untagged, else the first in text order."""
    ranked = sorted(messages, key=lambda m: (_rank(m), str(m)))
    return str(ranked[0]) if ranked else None


def _rank(message: Node) -> int:
    language = message.language if isinstance(message, Literal) else None
    return 0 if language == "nl" else 1 if language is None else 2
