"""The RDF read from one payload, with the way back from each node to the payload's JSON."""

from __future__ import annotations

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
    """Triples and, for JSON-LD, the JSON pointer of each node and the JSON key of each property."""

    triples: list[Triple] = field(default_factory=list)
    node_pointers: dict[Node, str] = field(default_factory=dict)
    property_keys: dict[tuple[Node, str], str] = field(default_factory=dict)
    dropped_keys: list[Finding] = field(default_factory=list)
    undefined_types: list[Finding] = field(default_factory=list)
    unpinned_contexts: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)

    def pointer_of(self, node: Node, path: str | None = None) -> str | None:
        """The JSON pointer of ``node``, extended with the key of ``path`` when it is present."""
        pointer = self.node_pointers.get(node)
        if pointer is None:
            return None
        key = self.property_keys.get((node, path)) if path else None
        if key is None:
            return pointer
        return f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}"
