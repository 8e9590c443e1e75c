"""The RDF read from one payload, with the way back from each node to the payload's JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib.term import Node

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True, slots=True)
class Finding:
    """A defect at a JSON pointer: a dropped key, an undefined type, a duplicate key."""

    pointer: str
    subject: str
    detail: str = ""


@dataclass(slots=True)
class TracedGraph:
    """Triples and, for JSON-LD, the JSON pointer of each node and of each node's properties."""

    triples: list[Triple] = field(default_factory=list)
    node_pointers: dict[Node, str] = field(default_factory=dict)
    property_pointers: dict[tuple[Node, str], str] = field(default_factory=dict)
    dropped_keys: list[Finding] = field(default_factory=list)
    undefined_types: list[Finding] = field(default_factory=list)
    unpinned_contexts: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)

    # Reads the document again with pointers, on first use: most nodes are never located, and
    # a pointer per node and property costs more memory than the triples (blank nodes keep their
    # labels, the reading is deterministic).
    trace: Callable[[], TracedGraph] | None = None

    def pointer_of(self, node: Node, path: str | None = None) -> str | None:
        """The JSON pointer of ``node``'s value for ``path`` when it has one, else of ``node``."""
        if self.trace is not None:
            traced, self.trace = self.trace(), None
            self.node_pointers = traced.node_pointers
            self.property_pointers = traced.property_pointers
        if path is not None and (node, path) in self.property_pointers:
            return self.property_pointers[(node, path)]
        return self.node_pointers.get(node)
