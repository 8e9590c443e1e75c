"""The SHACL findings of the lab and of plain pySHACL, as sets that can be compared.

Shared by ``benchmarks/run.py`` and ``tests/benchmarks/test_identical_to_pyshacl.py``.

A finding is compared as ``Violation(focus, path, component, shape)``: every result pySHACL
reports (whatever its severity, as the lab keeps them all), with

- ``focus``: the focus node's stable key (below);
- ``path``: ``sh:resultPath`` when it is an IRI, else None (the lab keeps no other paths);
- ``component``: ``sh:sourceConstraintComponent``;
- ``shape``: ``sh:sourceShape``'s stable key, computed in the shapes graph (OSLO's property
  shapes are blank nodes, and each process parses the shapes anew).

**Stable keys.** An IRI or a literal is its N3 form. A blank node's label differs between two
readings of the same document (and between processes), so a blank node is keyed by what the
document says about it, computed from the graph of the one document it was read from:

    <nearest IRI ancestor> <predicate> ... <predicate> [its own description]

- the *anchor chain*: from the blank node up through the triples that point at it to the
  nearest IRI (a feed member, a node shape), with the predicates on the way (when a blank node
  is the object of several triples, the least one by predicate and then by the parent's key);
- its *own description*: its outgoing triples, sorted, with blank-node objects described the
  same way recursively (RDF lists as their items in order).

In a tree-shaped document (JSON-LD's embedded objects, Turtle's ``[...]``) this tells apart any
two blank nodes that differ in place or content; two that agree in both are interchangeable for
the comparison anyway. The page URL and JSON pointer would also do on the lab's side, but plain
rdflib reading gives no pointers, hence this key, the same on both sides.

**Plain reading.** ``read_page`` is what a straightforward client does: ``rdflib`` parses the
JSON-LD with the pinned context documents put inline in place of their URLs (nothing is ever
fetched), then two RDF 1.1 equivalences rdflib does not apply are applied: ``"x"^^xsd:string``
is the simple literal ``"x"`` and language tags are lower case (BCP 47 tags are
case-insensitive; pyld, and so the lab, lower-cases them). Without them pySHACL's ``sh:in`` and
``sh:languageIn`` would compare differently spelled equal terms as different.
"""

from __future__ import annotations

import json
import warnings
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD
from rdflib.term import Node

if TYPE_CHECKING:
    from interop_lab.runner.claim import ClaimRun

Triple = tuple[Node, Node, Node]
ContextSource = Callable[[str], Any]

__all__ = [
    "NodeKeys",
    "Violation",
    "feed_links",
    "lab_violations",
    "read_page",
    "report_violations",
    "walk_feed",
]


class Violation(NamedTuple):
    focus: str
    path: str | None
    component: str
    shape: str


# --- plain reading -----------------------------------------------------------------------------


def read_page(body: bytes | str | Mapping[str, Any], url: str, contexts: ContextSource) -> Graph:
    """One JSON-LD page read by rdflib alone, its context URLs replaced by the pinned documents."""
    document = json.loads(body) if isinstance(body, bytes | str) else dict(body)
    inline = _inline_contexts(document, contexts)
    with warnings.catch_warnings():
        # rdflib's JSON-LD parser builds a ConjunctiveGraph, deprecated in rdflib 7; the tests
        # turn warnings into errors.
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = Graph().parse(data=json.dumps(inline), format="json-ld", base=url)
    normal = Graph()
    for subject, predicate, value in graph:
        normal.add((subject, predicate, _normal(value)))
    return normal


def _inline_contexts(value: Any, contexts: ContextSource) -> Any:
    """The document with every ``@context`` URL replaced by the pinned context it names."""
    if isinstance(value, list):
        return [_inline_contexts(item, contexts) for item in value]
    if not isinstance(value, Mapping):
        return value
    result = {}
    for key, item in value.items():
        if key == "@context":
            result[key] = _pinned(item, contexts)
        else:
            result[key] = _inline_contexts(item, contexts)
    return result


def _pinned(context: Any, contexts: ContextSource) -> Any:
    if isinstance(context, list):
        return [_pinned(item, contexts) for item in context]
    if isinstance(context, str):
        document = contexts(context)
        if not isinstance(document, Mapping) or "@context" not in document:
            raise ValueError(f"context {context} is not pinned: the plain reading never fetches")
        return document["@context"]
    return context


def _normal(term: Node) -> Node:
    if isinstance(term, Literal):
        if term.datatype == XSD.string:
            return Literal(str(term))
        if term.language and term.language != term.language.lower():
            return Literal(str(term), lang=term.language.lower())
    return term


def feed_links(page: Mapping[str, Any]) -> list[str]:
    """The pages a feed page's TREE relations point at (``view.relation[].node``)."""
    view = page.get("view")
    links = []
    for relation in _as_list(view.get("relation") if isinstance(view, Mapping) else None):
        node = relation.get("node") if isinstance(relation, Mapping) else None
        if isinstance(node, Mapping):
            node = node.get("@id")
        if isinstance(node, str):
            links.append(node)
    return links


def walk_feed(client: httpx.Client, start_url: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(URL, parsed JSON) of every page of a feed, breadth-first over ``feed_links``, fetched
    one after another; a page's own ``view`` IRI counts as fetched (page 0 is also the stream's
    URL)."""
    queue, seen = deque([start_url]), {start_url}
    while queue:
        url = queue.popleft()
        response = client.get(url)
        response.raise_for_status()
        document = response.json()
        view = document.get("view")
        if isinstance(view, Mapping) and isinstance(view.get("@id"), str):
            seen.add(view["@id"])
        for link in feed_links(document):
            if link not in seen:
                seen.add(link)
                queue.append(link)
        yield url, document


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# --- stable keys -------------------------------------------------------------------------------


class NodeKeys:
    """Stable keys of the nodes of one graph (one document, or the shapes), see the module."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self._out: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        self._in: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        for subject, predicate, value in triples:
            if isinstance(subject, BNode):
                self._out[subject].append((predicate, value))
            if isinstance(value, BNode):
                self._in[value].append((subject, predicate))
        self._described: dict[Node, str] = {}

    def key(self, node: Node) -> str:
        if not isinstance(node, BNode):
            return node.n3()
        chain: list[str] = []
        current: Node = node
        seen: set[Node] = {node}
        while isinstance(current, BNode):
            parents = self._in.get(current, [])
            if not parents:
                chain.append("_:root")
                break
            parent, predicate = min(parents, key=lambda p: (str(p[1]), self._brief(p[0])))
            chain.append(predicate.n3())
            if parent in seen:
                chain.append("_:cycle")
                break
            seen.add(parent)
            current = parent
        else:
            chain.append(current.n3())
        return " ".join(reversed(chain)) + " " + self.describe(node)

    def _brief(self, node: Node) -> str:
        return self.describe(node) if isinstance(node, BNode) else node.n3()

    def describe(self, node: Node, _open: frozenset[Node] = frozenset()) -> str:
        """A blank node's outgoing triples, sorted, blank objects described in place."""
        if not isinstance(node, BNode):
            return node.n3()
        if node in self._described:
            return self._described[node]
        if node in _open:
            return "_:cycle"
        inside = _open | {node}
        items = self._list_items(node)
        if items is not None:
            text = "(" + " ".join(self.describe(item, inside) for item in items) + ")"
        else:
            pairs = sorted(
                f"{predicate.n3()} {self.describe(value, inside)}"
                for predicate, value in self._out.get(node, [])
            )
            text = "[" + "; ".join(pairs) + "]"
        self._described[node] = text
        return text

    def _list_items(self, node: Node) -> list[Node] | None:
        """The items of the well-formed RDF list starting at ``node``; None if it is none."""
        items: list[Node] = []
        seen: set[Node] = set()
        current: Node = node
        while current != RDF.nil:
            if not isinstance(current, BNode) or current in seen:
                return None
            seen.add(current)
            edges = self._out.get(current, [])
            first = [value for predicate, value in edges if predicate == RDF.first]
            rest = [value for predicate, value in edges if predicate == RDF.rest]
            if len(edges) != 2 or len(first) != 1 or len(rest) != 1:
                return None
            items.append(first[0])
            current = rest[0]
        return items


def _path(value: Node | str | None) -> str | None:
    if isinstance(value, URIRef):
        return str(value)
    return value if isinstance(value, str) else None


def report_violations(report: Graph, data: NodeKeys, shapes: NodeKeys) -> set[Violation]:
    """Every result of a pySHACL report, keyed stably (``data``: keys of the validated data)."""
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        component = report.value(result, SH.sourceConstraintComponent)
        shape = report.value(result, SH.sourceShape)
        found.add(
            Violation(
                focus=data.key(focus) if focus is not None else "?",
                path=_path(report.value(result, SH.resultPath)),
                component=str(component),
                shape=shapes.key(shape) if shape is not None else "?",
            )
        )
    return found


def lab_violations(run: ClaimRun) -> dict[Violation, frozenset[str]]:
    """The lab's findings for one claim, keyed stably, each with the pages its focus node is
    described on (the subject of a triple there).

    A result the lab could not attribute to a constraint (``Validation.unmatched``) keeps no
    shape: it is keyed with component and shape ``?unmatched``, so it never equals pySHACL's.
    """
    validation = run.validation
    if validation is None:
        return {}
    results = [
        (shape, str(component), result)
        for (shape, component), found in validation.results.items()
        for result in found
    ]
    needed = {result.focus for _, _, result in results}
    needed.update(result.focus for result in validation.unmatched)
    pages: dict[Node, set[str]] = defaultdict(set)
    documents: dict[Node, NodeKeys] = {}
    for page in (page for crawl in run.crawls.values() for page in crawl.pages):
        if page.payload is None or page.payload.error is not None:
            continue
        triples = page.payload.graph.triples
        here = {s for s, _, _ in triples if s in needed}
        for node in here:
            pages[node].add(page.url)
        blank = [node for node in here if isinstance(node, BNode)]
        if blank:
            keys = NodeKeys(triples)
            documents.update(dict.fromkeys(blank, keys))
    shapes = NodeKeys(run.artefacts.shapes or Graph())

    def focus_key(node: Node) -> str:
        keys = documents.get(node)
        return keys.key(node) if keys is not None else NodeKeys(()).key(node)

    found: dict[Violation, frozenset[str]] = {}
    for shape, component, result in results:
        violation = Violation(focus_key(result.focus), result.path, component, shapes.key(shape))
        found[violation] = found.get(violation, frozenset()) | frozenset(pages[result.focus])
    for result in validation.unmatched:
        violation = Violation(focus_key(result.focus), result.path, "?unmatched", "?unmatched")
        found[violation] = frozenset(pages[result.focus])
    return found
