"""JSON-LD to RDF in one walk, for the documents that need none of JSON-LD's rarer features.

pyld expands a document, builds a node map and serialises it; on OSLO feeds, whose contexts give
every class a type-scoped context, it also processes a scoped context again for every node it
meets (2-3 ms per feed member). This reader walks the JSON once, in pyld's own order (keys
sorted, depth first), and lets pyld do every piece of context processing, remembered per active
context: a scoped context is processed once per process instead of once per node.

It reads a document only when that walk gives exactly what the traced pyld path gives (see
``tests/payloads/test_jsonld_direct.py``): pinned remote contexts only, no embedded contexts below
the top, containers ``@set`` and ``@language`` only, no ``@graph``/``@reverse``/``@nest``/
``@list``/``@included``/``@index``/``@json``/``@direction``, and nothing dropped or left relative.
Anything else raises `Unsupported` and the caller hands the document to pyld, which also
produces the findings (dropped keys, undefined types, unpinned contexts).
"""

from __future__ import annotations

import copy
import re
import uuid
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pyld.context_resolver import ContextResolver
from pyld.identifier_issuer import IdentifierIssuer
from pyld.jsonld import JsonLdError, JsonLdProcessor
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from interop_lab.payloads.json_text import escape_pointer_token
from interop_lab.payloads.traced import TracedGraph

ContextSource = Callable[[str], Any | None]

_RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_ABSOLUTE_IRI = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$")  # pyld's _is_absolute_iri
_LANGUAGE_TAG = re.compile(r"^[a-zA-Z]+(?:-[a-zA-Z0-9]+)*$")  # what rdflib accepts
_VALUE_KEYS = frozenset({"@value", "@type", "@language"})
_CONTAINERS = frozenset({"@set", "@language"})
_MEMO_LIMIT = 100_000
_INITIAL_CONTEXT = JsonLdProcessor()._get_initial_context({"processingMode": "json-ld-1.1"})


class Unsupported(Exception):
    """The document needs pyld's full processing."""


@dataclass(frozen=True, slots=True)
class _Term:
    """What an active context says about one key, as the walk needs it."""

    scoped: Any  # the property-scoped context (unprocessed), or None
    language_map: bool
    coercion: Any  # @type of the term definition
    language: Any  # @language that applies to its strings
    reverse: bool
    problem: str | None  # a feature this reader leaves to pyld


class _Contexts:
    """pyld's context processing for one set of pinned contexts, each result remembered.

    Processed contexts are kept alive here, so their ``id()`` is a sound key for the next step.
    """

    def __init__(self, source: ContextSource) -> None:
        self._source = source
        self._processor = JsonLdProcessor()
        self._loaded: list[str] = []
        self.options: dict[str, Any] = {
            "base": "",
            "documentLoader": self._load,
            "processingMode": "json-ld-1.1",
            "isFrame": False,
        }
        self._processed: dict[tuple[Any, ...], tuple[Any, tuple[str, ...]]] = {}
        self._iris: dict[tuple[int, str], Any] = {}
        self._terms: dict[tuple[int, str], _Term] = {}
        self._keys: dict[tuple[int, str], tuple[str, bool, str | None]] = {}
        self._nested: dict[tuple[Any, ...], tuple[Any, Any, tuple[str, ...]]] = {}
        self._iri_memo: dict[tuple[int, str, str, bool], tuple[Any]] = {}
        # Memo keys hold id()s: what they name stays alive here.
        self._keep: list[Any] = []

    def _load(self, url: str, _options: Any = None) -> dict[str, Any]:
        document = self._source(url)
        if document is None:
            raise Unsupported(f"context {url} is not pinned")
        self._loaded.append(url)
        return remote_document(url, document)

    def _fresh_resolver(self) -> None:
        # A resolver remembers what it loaded: a fresh one shows every context a step uses.
        self._loaded = []
        self.options["contextResolver"] = ContextResolver({}, self._load)

    def process(
        self, ctx: Any, local: Any, *, propagate: bool = True, override: bool = False
    ) -> tuple[Any, tuple[str, ...]]:
        """The active context after ``local``, and the context URLs that loaded."""
        key = (id(ctx), _context_key(local), propagate, override)
        hit = self._processed.get(key)
        if hit is None:
            self._fresh_resolver()
            processed = self._processor._process_context(
                ctx, local, self.options, override_protected=override, propagate=propagate
            )
            hit = (processed, tuple(self._loaded))
            self._processed[key] = hit
            self._keep.append((ctx, local))
        return hit

    def key(self, ctx: Any, key: str) -> tuple[str, bool]:
        """A node object's key: its expansion, and whether that is a keyword (one of @id,
        @type, @value, @language); raises `Unsupported` for any other keyword or a dropped key."""
        memo = (id(ctx), key)
        found = self._keys.get(memo)
        if found is None:
            found = self._keys[memo] = _classify(key, self.vocab_iri(ctx, key))
        expanded, keyword, problem = found
        if problem is not None:
            raise Unsupported(problem)
        return expanded, keyword

    def vocab_iri(self, ctx: Any, key: str) -> Any:
        """pyld's ``_expand_iri(ctx, key, vocab=True)``, remembered."""
        memo = (id(ctx), key)
        if memo not in self._iris:
            self._iris[memo] = self._processor._expand_iri(ctx, key, vocab=True)
        return self._iris[memo]

    def term(self, ctx: Any, key: str) -> _Term:
        """pyld's ``get_context_value`` answers for ``key``, remembered."""
        memo = (id(ctx), key)
        found = self._terms.get(memo)
        if found is None:
            found = self._terms[memo] = _term(ctx, key)
        return found

    def nested(self, ctx: Any, element: dict[str, Any]) -> tuple[Any, Any, tuple[str, ...]]:
        """pyld's ``_prepare_nested_context`` for a node without its own ``@context``: the
        context after the type-scoped contexts of its types, and the type-scoped context."""
        type_values = tuple(
            (key, tuple(_as_list(value)))
            for key, value in element.items()
            if self.vocab_iri(ctx, key) == "@type"
        )
        if not all(isinstance(t, str) for _, types in type_values for t in types):
            raise Unsupported("@type is not a string")
        memo = (id(ctx), type_values)
        hit = self._nested.get(memo)
        if hit is None:
            self._fresh_resolver()
            active, _, scoped = self._processor._prepare_nested_context(
                ctx, {key: list(types) for key, types in type_values}, self.options
            )
            hit = (active, scoped, tuple(self._loaded))
            self._nested[memo] = hit
            self._keep.append(ctx)
        return hit

    def iri(self, ctx: Any, value: str, base: str, *, vocab: bool = False) -> Any:
        """pyld's ``_expand_iri`` of a value against the document ``base``."""
        colon = value.find(":")
        if colon > 0 and value[colon + 1 : colon + 3] == "//" and not vocab:
            return value  # absolute already: pyld returns it unchanged
        memo = (id(ctx), value, base, vocab)
        found = self._iri_memo.get(memo)
        if found is None:
            if len(self._iri_memo) > _MEMO_LIMIT:
                self._iri_memo.clear()  # vendor strings: keep the memo bounded
            found = self._iri_memo[memo] = (
                self._processor._expand_iri(ctx, value, vocab=vocab, base=base),
            )
        return found[0]

    def literal_object(self, item: dict[str, Any]) -> dict[str, Any]:
        """pyld's RDF object for a value object that is not a plain string."""
        result: dict[str, Any] = self._processor._object_to_rdf(
            item, IdentifierIssuer("_:b"), [], self.options
        )
        return result


# One memo per context source (the suite's artefacts), for as long as that source lives.
_CONTEXTS: dict[int, tuple[weakref.ref[Any], _Contexts]] = {}


def remote_document(url: str, document: Any) -> dict[str, Any]:
    """A pinned context as pyld's document loader returns it."""
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        # pyld changes loaded contexts in place (@import merges the importing context into the
        # imported one): a copy keeps one payload's terms out of the pinned artefact.
        "document": copy.deepcopy(document),
    }


def _contexts_for(source: ContextSource) -> _Contexts:
    owner = getattr(source, "__self__", source)
    known = _CONTEXTS.get(id(owner))
    if known is not None and known[0]() is owner:
        return known[1]
    memo = _Contexts(source)
    try:
        reference = weakref.ref(owner)
    except TypeError:  # not weakly referenceable: no reuse across documents
        return memo
    _CONTEXTS[id(owner)] = (reference, memo)
    weakref.finalize(owner, _CONTEXTS.pop, id(owner), None)
    return memo


def _classify(key: str, expanded: Any) -> tuple[str, bool, str | None]:
    if not isinstance(expanded, str):
        return "", False, f"key {key!r} is dropped"
    if expanded.startswith("@"):
        if expanded in ("@id", *_VALUE_KEYS):
            return expanded, True, None
        return expanded, True, f"keyword {expanded}"
    if not _ABSOLUTE_IRI.match(expanded):
        return expanded, False, f"key {key!r} is dropped"
    return expanded, False, None


def _term(ctx: Any, key: str) -> _Term:
    def value(kind: str) -> Any:
        return JsonLdProcessor.get_context_value(ctx, key, kind)

    container = set(_as_list(value("@container") or []))
    mapping = ctx["mappings"].get(key)
    problem = None
    if not container <= _CONTAINERS:
        problem = f"container {sorted(container)}"
    elif value("@type") == "@json":
        problem = "@json"
    elif value("@direction") is not None:
        problem = "@direction"
    return _Term(
        scoped=value("@context"),
        language_map="@language" in container,
        coercion=value("@type"),
        language=value("@language"),
        reverse=bool(mapping and mapping.get("reverse")),
        problem=problem,
    )


def _context_key(local: Any) -> Any:
    if isinstance(local, str):
        return local
    if isinstance(local, list) and all(isinstance(item, str) for item in local):
        return tuple(local)
    return id(local)  # a scoped context: an object of a pinned context, kept alive


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


@dataclass(slots=True)
class DirectReading:
    contexts: _Contexts
    base: str
    prefix: str
    pointers: bool = True
    result: TracedGraph = field(default_factory=TracedGraph)
    seen: set[tuple[Node, Node, Node]] = field(default_factory=set)
    labels: dict[str, BNode] = field(default_factory=dict)
    sizes: dict[Node, int] = field(default_factory=dict)
    values_per_property: Counter[tuple[Node, str]] = field(default_factory=Counter)
    # Terms and pointer tokens repeat within a page: made once each.
    iris: dict[str, URIRef] = field(default_factory=dict)
    literals: dict[tuple[str, str | None, str | None], Literal] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    fresh: int = 0

    def emit(self, subject: Node, predicate: Node, value: Node) -> None:
        triple = (subject, predicate, value)
        if triple not in self.seen:
            self.seen.add(triple)
            self.result.triples.append(triple)

    def loaded(self, urls: tuple[str, ...]) -> None:
        for url in urls:
            if url not in self.result.contexts:
                self.result.contexts.append(url)

    def blank(self, label: str | None = None) -> BNode:
        if label is not None:
            if label not in self.labels:
                self.labels[label] = self.blank()
            return self.labels[label]
        self.fresh += 1
        return BNode(f"{self.prefix}{self.fresh}")

    def absolute(self, iri: Any) -> URIRef | BNode:
        if not isinstance(iri, str) or not _ABSOLUTE_IRI.match(iri):
            raise Unsupported(f"not an absolute IRI: {iri!r}")
        return self.blank(iri) if iri.startswith("_:") else self.uri(iri)

    def uri(self, iri: str) -> URIRef:
        found = self.iris.get(iri)
        if found is None:
            found = self.iris[iri] = URIRef(iri)
        return found

    def token(self, key: str) -> str:
        found = self.tokens.get(key)
        if found is None:
            found = self.tokens[key] = escape_pointer_token(key)
        return found

    def text(self, value: str, language: str | None = None, datatype: str | None = None) -> Literal:
        """A string literal: language-tagged, typed, or simple (for xsd:string, as the traced
        path and Turtle parsers give it)."""
        key = (value, language, datatype)
        found = self.literals.get(key)
        if found is None:
            if language is not None:
                found = Literal(value, lang=language)
            elif datatype is None or datatype == _XSD_STRING:
                found = Literal(value)
            else:
                found = Literal(value, datatype=self.uri(datatype))
            self.literals[key] = found
        return found

    # -- elements -----------------------------------------------------------------------------

    def element(self, ctx: Any, prop: str | None, element: Any, pointer: str) -> list[Node]:
        """The RDF objects ``element`` stands for as the value of ``prop`` (pyld's _expand)."""
        if isinstance(element, list):
            return [
                node
                for index, item in enumerate(element)
                for node in self.element(ctx, prop, item, f"{pointer}/{index}")
            ]
        if element is None:
            return []
        if not isinstance(element, dict):
            if prop is None:
                return []  # a free-floating scalar
            return [self.scalar(ctx, prop, element)]
        return [self.mapping(ctx, prop, element, pointer)]

    def mapping(self, ctx: Any, prop: str | None, element: dict[str, Any], pointer: str) -> Node:
        contexts = self.contexts
        if "@context" in element and prop is not None:
            raise Unsupported("an embedded context below the top")
        property_scoped = None if prop is None else contexts.term(ctx, prop).scoped
        # pyld passes no type-scoped context down to a property's values: the active one is it.
        scoped = ctx if ctx.get("previousContext") else None
        revert = True
        if scoped is not None and len(element) <= 2 and "@context" not in element:
            for key in sorted(element):
                expanded = contexts.vocab_iri(scoped, key)
                if expanded == "@value":
                    revert = False
                    ctx = scoped
                    break
                if expanded == "@id" and len(element) == 1:
                    revert = False
                    break
        if revert:
            ctx = ctx.get("previousContext", ctx)
        if property_scoped is not None:
            ctx, loaded = contexts.process(ctx, property_scoped, override=True)
            self.loaded(loaded)
        if "@context" in element:
            ctx, loaded = contexts.process(ctx, element["@context"])
            self.loaded(loaded)
        ctx, type_scoped, loaded = contexts.nested(ctx, element)
        self.loaded(loaded)
        return self.node(ctx, element, pointer, type_scoped, top=prop is None)

    def node(
        self, ctx: Any, element: dict[str, Any], pointer: str, type_scoped: Any, *, top: bool
    ) -> Node:
        """pyld's _expand_object for one node or value object, then its triples."""
        contexts = self.contexts
        keys: dict[str, tuple[str, Any]] = {}  # JSON key -> (its expansion, value), as written
        expanded_keys: dict[str, str] = {}
        for key, value in element.items():
            if key == "@context":
                continue
            expanded, keyword = contexts.key(ctx, key)
            if keyword:
                if expanded in expanded_keys:
                    raise Unsupported(f"keyword {expanded} twice")
                expanded_keys[expanded] = key
            keys[key] = (expanded, value)
        if "@value" in expanded_keys:
            return self.value_object(type_scoped, {e: element[k] for e, k in expanded_keys.items()})
        if "@language" in expanded_keys:
            raise Unsupported("@language outside a value object")
        subject: Node
        if "@id" in expanded_keys:
            identifier = element[expanded_keys["@id"]]
            if not isinstance(identifier, str):
                raise Unsupported("@id is not a string")
            subject = self.absolute(contexts.iri(ctx, identifier, self.base))
        else:
            subject = self.blank()
        if self.pointers:
            self.trace(subject, element, pointer, keys, top=top)
        if "@type" in expanded_keys:
            for rdf_type in self.types(type_scoped, element[expanded_keys["@type"]]):
                self.emit(subject, _RDF_TYPE, rdf_type)
        for key in sorted(keys):
            expanded, value = keys[key]
            if expanded.startswith("@"):
                continue
            objects = self.values(ctx, key, value, f"{pointer}/{self.token(key)}")
            self.values_per_property[(subject, expanded)] += len(objects)
            predicate = self.uri(expanded)
            for item in objects:
                self.emit(subject, predicate, item)
        return subject

    def trace(
        self,
        subject: Node,
        element: dict[str, Any],
        pointer: str,
        keys: dict[str, tuple[str, Any]],
        *,
        top: bool,
    ) -> None:
        # The traced pyld path's rules, in its order (pre-order, keys sorted): a node points at
        # its fullest description (the first of equals), each of its properties at the first
        # key that states it (within one object: the first written; keywords too). pyld drops
        # a top-level object that says nothing (or only names itself): that one has no pointer.
        if top and not any(v is not None and e != "@id" for e, v in keys.values()):
            return
        if len(element) > self.sizes.get(subject, -1):
            self.sizes[subject] = len(element)
            self.result.node_pointers[subject] = pointer
        for key, (expanded, _) in keys.items():
            self.result.property_pointers.setdefault(
                (subject, expanded), f"{pointer}/{self.token(key)}"
            )

    def types(self, ctx: Any, value: Any) -> list[Node]:
        found: list[Node] = []
        for item in _as_list(value):
            if not isinstance(item, str):
                raise Unsupported("@type is not a string")
            # Judged without the document base, as the traced path finds undefined types.
            iri = self.contexts.vocab_iri(ctx, item)
            if not isinstance(iri, str) or iri.startswith("_:") or not _ABSOLUTE_IRI.match(iri):
                raise Unsupported(f"type {item!r} is undefined")
            found.append(self.uri(iri))
        return found

    def values(self, ctx: Any, key: str, value: Any, pointer: str) -> list[Node]:
        """The objects of property ``key`` (pyld's handling of a regular key)."""
        contexts = self.contexts
        term = contexts.term(ctx, key)
        if term.problem is not None:
            raise Unsupported(term.problem)
        term_ctx = ctx
        if term.scoped is not None:
            term_ctx, loaded = contexts.process(ctx, term.scoped, override=True)
            self.loaded(loaded)
            if contexts.term(term_ctx, key).reverse:
                raise Unsupported("a reverse property")
        elif term.reverse:
            raise Unsupported("a reverse property")
        if term.language_map and isinstance(value, dict):
            return self.language_map(term_ctx, value)
        return self.element(term_ctx, key, value, pointer)

    def language_map(self, ctx: Any, value: dict[str, Any]) -> list[Node]:
        found: list[Node] = []
        for language, texts in sorted(value.items()):
            none = self.contexts.vocab_iri(ctx, language) == "@none"
            for text in _as_list(texts):
                if text is None:
                    continue
                if not isinstance(text, str):
                    raise Unsupported("a language map value that is not a string")
                found.append(self.text(text) if none else self.tagged(text, language.lower()))
        return found

    def tagged(self, text: str, language: str) -> Literal:
        if not _LANGUAGE_TAG.match(language):
            raise Unsupported(f"language tag {language!r}")
        return self.text(text, language)

    def scalar(self, ctx: Any, prop: str, value: Any) -> Node:
        """pyld's _expand_value, then the RDF object."""
        term = self.contexts.term(ctx, prop)
        if term.problem is not None:
            raise Unsupported(term.problem)
        coercion = term.coercion
        if coercion in ("@id", "@vocab") and isinstance(value, str):
            iri = self.contexts.iri(ctx, value, self.base, vocab=coercion == "@vocab")
            return self.absolute(iri)
        item: dict[str, Any] = {"@value": value}
        if coercion is not None and coercion not in ("@id", "@vocab", "@none"):
            item["@type"] = coercion
        elif isinstance(value, str) and term.language is not None:
            item["@language"] = term.language
        return self.literal(item)

    def value_object(self, ctx: Any, keys: dict[str, Any]) -> Node:
        item: dict[str, Any] = {"@value": keys["@value"]}
        if "@type" in keys:
            if "@language" in keys or not isinstance(keys["@type"], str):
                raise Unsupported("an invalid value object")
            datatype = self.contexts.iri(ctx, keys["@type"], self.base, vocab=True)
            if not isinstance(datatype, str) or not _ABSOLUTE_IRI.match(datatype):
                raise Unsupported("a relative datatype")
            item["@type"] = datatype
        if "@language" in keys:
            if not isinstance(keys["@language"], str) or not isinstance(keys["@value"], str):
                raise Unsupported("an invalid language-tagged string")
            item["@language"] = keys["@language"].lower()
        return self.literal(item)

    def literal(self, item: dict[str, Any]) -> Literal:
        value = item["@value"]
        if isinstance(value, str):
            if "@language" in item:
                return self.tagged(value, item["@language"])
            return self.text(value, datatype=item.get("@type"))
        if isinstance(value, bool | int | float):
            rdf = self.contexts.literal_object(item)
            datatype = rdf["datatype"]
            return self.text(rdf["value"], datatype=datatype)
        raise Unsupported("a value that is no JSON scalar")


def read_direct(
    data: Any,
    *,
    base: str,
    contexts: ContextSource,
    pointers: bool = True,
    labels: str | None = None,
) -> DirectReading:
    """The document as the traced pyld path would read it (``.result``, and the number of values
    per node and property in ``.values_per_property``); raises `Unsupported` when it cannot be
    sure of that. Without ``pointers`` the JSON pointers are left out; ``labels`` (a prefix for
    blank-node labels, fresh by default) makes a second reading name the same blank nodes."""
    walk = DirectReading(
        contexts=_contexts_for(contexts),
        base=base,
        prefix=labels or f"d{uuid.uuid4().hex[:10]}b",
        pointers=pointers,
    )
    try:
        return _read(data, walk)
    except JsonLdError as error:
        raise Unsupported(f"pyld: {error}") from error


def _read(data: Any, walk: DirectReading) -> DirectReading:
    memo = walk.contexts
    top = data
    if isinstance(data, dict) and set(data) <= {"@context", "@graph"} and "@graph" in data:
        ctx, loaded = memo.process(_INITIAL_CONTEXT, data.get("@context", {}))
        walk.loaded(loaded)
        graph = data["@graph"]
        items = graph if isinstance(graph, list) else [graph]
        for index, item in enumerate(items):
            where = f"/@graph/{index}" if isinstance(graph, list) else "/@graph"
            if isinstance(item, dict):
                if "@context" in item:
                    raise Unsupported("an embedded context below the top")
                walk.mapping(ctx, None, item, where)
        return walk
    elements = top if isinstance(top, list) else [top]
    for index, element in enumerate(elements):
        if isinstance(element, dict):
            where = f"/{index}" if isinstance(top, list) else ""
            walk.mapping(_INITIAL_CONTEXT, None, element, where)
    return walk
