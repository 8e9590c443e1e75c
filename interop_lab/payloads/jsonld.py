"""JSON-LD to RDF with an offline context loader, remembering where every node came from.

pyld does the JSON-LD 1.1 processing. Two hooks make the result traceable: expansion records, for
each expanded node object, the original JSON object it came from and which JSON key produced each
property; and unnamed node objects get a blank-node label before node-map generation, so every
blank node in the output can be traced back to a JSON pointer. Keys that the active context does
not define (JSON-LD drops them without a word) are collected as findings, and so are remote
contexts that are not pinned: those are never fetched.
"""

from __future__ import annotations

import uuid
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from pyld.context_resolver import ContextResolver
from pyld.identifier_issuer import IdentifierIssuer
from pyld.jsonld import JsonLdError, JsonLdProcessor, _is_absolute_iri, _is_keyword
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from interop_lab.payloads.json_text import escape_pointer_token, object_pointers
from interop_lab.payloads.jsonld_direct import Unsupported, read_direct, remote_document
from interop_lab.payloads.traced import Finding, TracedGraph

ContextSource = Callable[[str], Any | None]
"""Returns the parsed JSON document pinned for a context URL, or None when it is not pinned."""

_EMPTY_CONTEXT: dict[str, Any] = {"@context": {}}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _Tracer(JsonLdProcessor):
    """A JSON-LD processor that records the origin of every expanded node object."""

    def __init__(self) -> None:
        super().__init__()
        self.origins: dict[int, dict[str, Any]] = {}
        # expanded node -> property IRI -> (the JSON object holding the key, the key)
        self.keys: dict[int, dict[str, tuple[dict[str, Any], str]]] = {}
        self.dropped: list[tuple[dict[str, Any], str]] = []
        self.undefined_types: list[tuple[dict[str, Any], str]] = []
        # Expanded objects that pyld discards must stay alive, or their id() could be reused.
        self._alive: list[dict[str, Any]] = []

    def _expand_object(
        self,
        active_ctx: Any,
        active_property: Any,
        expanded_active_property: Any,
        element: dict[str, Any],
        expanded_parent: dict[str, Any],
        options: Any,
        inside_list: bool = False,
        type_key: Any = None,
        type_scoped_ctx: Any = None,
    ) -> Any:
        self._alive.append(expanded_parent)
        self.origins.setdefault(id(expanded_parent), element)
        self._note_keys(active_ctx, element, self.keys.setdefault(id(expanded_parent), {}))
        if type_key is not None and type_key in element:
            self._note_types(type_scoped_ctx or active_ctx, element, element[type_key])
        return super()._expand_object(
            active_ctx,
            active_property,
            expanded_active_property,
            element,
            expanded_parent,
            options,
            inside_list,
            type_key,
            type_scoped_ctx,
        )

    def _note_keys(
        self, ctx: Any, element: dict[str, Any], keys: dict[str, tuple[dict[str, Any], str]]
    ) -> None:
        for key in element:
            if key == "@context":
                continue
            iri = self._expand_iri(ctx, key, vocab=True)
            if iri is None or not (_is_absolute_iri(iri) or _is_keyword(iri)):
                self.dropped.append((element, key))
            else:
                # An @nest object adds its keys to the node that holds it, from its own place.
                keys.setdefault(iri, (element, key))

    def _note_types(self, ctx: Any, element: dict[str, Any], types: Any) -> None:
        for value in types if isinstance(types, list) else [types]:
            if not isinstance(value, str):
                continue
            iri = self._expand_iri(ctx, value, vocab=True)
            if iri is None or not (_is_absolute_iri(iri) or iri.startswith("_:")):
                self.undefined_types.append((element, value))


def to_rdf(
    data: Any,
    *,
    base: str,
    contexts: ContextSource,
    again: Callable[[], Any] | None = None,
) -> TracedGraph:
    """Convert a parsed JSON-LD document; raises ``JsonLdError`` when it is not valid JSON-LD.

    ``again`` gives the parsed document once more: pointers are then made when first asked for
    (`TracedGraph.trace`) instead of now."""
    with warnings.catch_warnings():
        # pyld and rdflib warn about vendor data (terms starting with "@", invalid language
        # tags, ill-typed literals); under a -W error configuration (a vendor's CI running the
        # suites as plain pytest) that would be an exception. What matters is reported as
        # findings (dropped keys) or by the checks, so the warnings are dropped here.
        warnings.simplefilter("ignore")
        try:
            reading = read_direct(data, base=base, contexts=contexts, pointers=again is None)
        except (Unsupported, RecursionError, *_PYLD_SLIPS):
            pass  # pyld's full processing reads it, and says what is wrong in its own words
        else:
            _bound(reading.values_per_property)
            if again is not None:
                reading.result.trace = _retrace(again, base, contexts, reading.prefix)
            return reading.result
        try:
            return traced_to_rdf(data, base=base, contexts=contexts)
        except _PYLD_SLIPS as error:
            # pyld trips over some documents instead of raising JsonLdError: a context that
            # resets "@vocab" or "@language" to null while none is set raises KeyError. The
            # vendor gets a finding naming it, never a crashed run.
            raise ReaderFault(
                f"pyld kon het document niet verwerken ({type(error).__name__}: {error})",
                "jsonld.SyntaxError",
            ) from error


_PYLD_SLIPS = (KeyError, TypeError, AttributeError, IndexError, ValueError)


class ReaderFault(JsonLdError):
    """pyld itself failed on the document (a KeyError on a context that resets "@vocab" to null,
    which JSON-LD allows): the lab cannot tell whether the document is valid."""


def _retrace(
    again: Callable[[], Any], base: str, contexts: ContextSource, labels: str
) -> Callable[[], TracedGraph]:
    def trace() -> TracedGraph:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return read_direct(again(), base=base, contexts=contexts, labels=labels).result

    return trace


def traced_to_rdf(data: Any, *, base: str, contexts: ContextSource) -> TracedGraph:
    result = TracedGraph()
    tracer = _Tracer()
    loader = _loader(contexts, result)
    options = {
        "base": base,
        "documentLoader": loader,
        "processingMode": "json-ld-1.1",
        # _graph_to_rdf reads it unguarded (pyld's own to_rdf sets it): a property named by a
        # blank node ({"_:b0": 1}) would otherwise raise KeyError instead of being skipped.
        "produceGeneralizedRdf": False,
        # pyld's default resolver caches processed contexts for the whole process; a context
        # used directly by one document and through @import by another then reads as invalid.
        "contextResolver": ContextResolver({}, loader),
    }
    root = _shared(data)
    expanded = tracer.expand(root, options)
    _bound_values(expanded)
    pointers = object_pointers(root)
    _label_unnamed_nodes(expanded, tracer)
    issuer = IdentifierIssuer("_:b")
    node_map: dict[str, Any] = {"@default": {}}
    tracer._create_node_map(expanded, node_map, "@default", issuer)
    doc_prefix = f"j{uuid.uuid4().hex[:10]}"
    for raw in _dataset_triples(tracer, node_map, issuer, options):
        result.triples.append(
            (
                _term(raw["subject"], doc_prefix),
                URIRef(raw["predicate"]["value"]),
                _term(raw["object"], doc_prefix),
            )
        )
    _map_nodes(expanded, tracer, pointers, issuer, doc_prefix, result)
    _collect_findings(tracer, pointers, result)
    return result


class TooCostly(Exception):
    """A document within the byte limit that would take too long to process (Dutch message)."""


# pyld adds each value of a node's property after comparing it with every value already there:
# n values cost n*n/2 comparisons (one page of 10,000 tree:member values: 45 s). About 2,000
# values of one property (or their equal cost spread over several) are allowed.
MAX_VALUE_COMPARISONS = 2_000_000


def _bound_values(expanded: Any) -> None:
    counts: Counter[tuple[Any, str]] = Counter()
    for node in _node_objects(expanded):
        identifier = node.get("@id")
        owner = identifier if isinstance(identifier, str) else id(node)
        for key, values in node.items():
            if not key.startswith("@") and isinstance(values, list):
                counts[(owner, key)] += len(values)
    _bound(counts)


def _bound(counts: Counter[tuple[Any, str]]) -> None:
    if sum(n * (n - 1) // 2 for n in counts.values()) > MAX_VALUE_COMPARISONS:
        (_, key), most = counts.most_common(1)[0]
        raise TooCostly(
            f"te veel waarden voor één eigenschap van één knoop: {most} voor <{key}> "
            "(limiet: ongeveer 2000)"
        )


def _dataset_triples(
    tracer: _Tracer, node_map: dict[str, Any], issuer: IdentifierIssuer, options: Any
) -> Iterator[dict[str, Any]]:
    """The triples of every graph of the document, as one graph.

    A document's named graphs are part of what it says: a list that aliases ``@graph`` next to
    its own properties (the Basisregisters lists: ``adressen`` beside ``volgende``) puts its
    items in a graph named by the list node. Graphs with a relative name are skipped, as pyld's
    own ``to_rdf`` does.
    """
    for name, graph in sorted(node_map.items()):
        if name == "@default" or _is_absolute_iri(name):
            yield from tracer._graph_to_rdf(graph, issuer, options)


class _SharedDict(dict[str, Any]):
    # pyld deep-copies its input; sharing it keeps id() of each JSON object valid for tracing.
    def __deepcopy__(self, memo: dict[int, Any]) -> _SharedDict:
        return self


class _SharedList(list[Any]):
    def __deepcopy__(self, memo: dict[int, Any]) -> _SharedList:
        return self


def _shared(data: Any) -> Any:
    if isinstance(data, dict):
        return _SharedDict(data)
    if isinstance(data, list):
        return _SharedList(data)
    return data


def _loader(contexts: ContextSource, result: TracedGraph) -> Callable[[str, Any], dict[str, Any]]:
    def load(url: str, _options: Any = None) -> dict[str, Any]:
        document = contexts(url)
        if document is None:
            result.unpinned_contexts.append(url)
            document = _EMPTY_CONTEXT
        else:
            result.contexts.append(url)
        return remote_document(url, document)

    return load


def _node_objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every node object of an expanded JSON-LD document."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict) and "@value" not in item:
            if "@list" in item:
                stack.append(item["@list"])
                continue
            yield item
            for key, child in item.items():
                if key == "@reverse":
                    stack.extend(child.values())
                elif key not in ("@id", "@type", "@index", "@language", "@direction"):
                    stack.append(child)


def _label_unnamed_nodes(expanded: Any, tracer: _Tracer) -> None:
    # A label that cannot occur in the document, so pyld's relabelling maps ours one-to-one.
    prefix = f"_:t{uuid.uuid4().hex[:12]}n"
    for number, node in enumerate(_node_objects(expanded)):
        if "@id" not in node and "@graph" not in node and id(node) in tracer.origins:
            node["@id"] = f"{prefix}{number}"


def _term(raw: dict[str, Any], doc_prefix: str) -> Node:
    value = raw["value"]
    if raw["type"] == "IRI":
        return URIRef(value)
    if raw["type"] == "blank node":
        return BNode(f"{doc_prefix}{value[2:]}")
    language = raw.get("language")
    if language:
        return Literal(value, lang=language)
    if raw["datatype"] == _XSD_STRING:
        # A simple literal, as Turtle and N-Quads parsers give it: rdflib holds "x" and
        # "x"^^xsd:string apart, so sh:in / sh:hasValue with strings would never match.
        return Literal(value)
    return Literal(value, datatype=URIRef(raw["datatype"]))


def _map_nodes(
    expanded: Any,
    tracer: _Tracer,
    pointers: dict[int, str],
    issuer: IdentifierIssuer,
    doc_prefix: str,
    result: TracedGraph,
) -> None:
    sizes: dict[Node, int] = {}
    # In the order pyld expanded them (depth first, keys sorted), as the direct reader does.
    for node in _in_order(tracer._alive):
        origin = tracer.origins.get(id(node))
        term = _node_term(node, issuer, doc_prefix)
        if origin is None or term is None:
            continue
        # A node may be referenced in many places; the fullest description is the one to point at.
        if len(origin) > sizes.get(term, -1):
            sizes[term] = len(origin)
            result.node_pointers[term] = pointers.get(id(origin), "")
        for iri, (holder, key) in tracer.keys.get(id(node), {}).items():
            pointer = f"{pointers.get(id(holder), '')}/{escape_pointer_token(key)}"
            result.property_pointers.setdefault((term, iri), pointer)


def _in_order(expanded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({id(node): node for node in reversed(expanded)}.values())[::-1]


def _node_term(node: dict[str, Any], issuer: IdentifierIssuer, doc_prefix: str) -> Node | None:
    identifier = node.get("@id")
    if not isinstance(identifier, str):
        return None
    if identifier.startswith("_:"):
        issued = issuer.existing.get(identifier)
        return BNode(f"{doc_prefix}{issued[2:]}") if issued else None
    return URIRef(identifier)


def _collect_findings(tracer: _Tracer, pointers: dict[int, str], result: TracedGraph) -> None:
    for element, key in tracer.dropped:
        pointer = f"{pointers.get(id(element), '')}/{escape_pointer_token(key)}"
        result.dropped_keys.append(Finding(pointer=pointer, subject=key))
    for element, value in tracer.undefined_types:
        result.undefined_types.append(Finding(pointer=pointers.get(id(element), ""), subject=value))


__all__ = ["ContextSource", "JsonLdError", "ReaderFault", "TooCostly", "to_rdf"]
