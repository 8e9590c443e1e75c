"""Read a fetched payload as RDF, whatever its syntax, without ever raising on vendor data."""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph
from pyld.jsonld import JsonLdError
from rdflib import Dataset, Graph

from interop_lab.payloads.json_text import JsonProblem, JsonSyntaxError, parse_json
from interop_lab.payloads.jsonld import ContextSource, ReaderFault, TooCostly, to_rdf
from interop_lab.payloads.rdfa import RdfaError, read_rdfa
from interop_lab.payloads.traced import TracedGraph

JSON_LD = "json-ld"
TURTLE = "turtle"
N_TRIPLES = "nt"
N_QUADS = "nquads"
RDFA = "rdfa"

SYNTAX_BY_MEDIA_TYPE = {
    "application/ld+json": JSON_LD,
    "application/json": JSON_LD,
    "text/turtle": TURTLE,
    "application/n-triples": N_TRIPLES,
    "application/n-quads": N_QUADS,
}
# Triples of one document at most: rdflib keeps each in memory several times over.
MAX_TRIPLES = 200_000
# Characters the prefixed names of a Turtle document may expand to: a long prefix used a million
# times ("billion laughs" for Turtle) would otherwise build gigabytes of IRIs.
MAX_EXPANSION = 64 * 1024 * 1024
_PREFIX = re.compile(rb"@?prefix\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
_PREFIXED_NAME = re.compile(rb"(?<![\w<:/#.-])([A-Za-z][\w.-]*)?:(?=[\w%])")
# A tag or a doctype opens HTML; "<http://..." (an N-Triples or Turtle IRI) does not.
# rdflib logs a warning with a traceback for every ill-typed literal it reads ("gisteren" as an
# xsd:dateTime); for the lab that is vendor data the shapes judge (sh:datatype), not a log line.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)

_MARKUP = re.compile(rb"<(?:!|\?xml|[a-zA-Z][a-zA-Z0-9-]*[\s/>])")


@dataclass(slots=True)
class Payload:
    """What one document says, or why it could not be read."""

    url: str
    syntax: str
    graph: TracedGraph = field(default_factory=TracedGraph)
    json_problems: list[JsonProblem] = field(default_factory=list)
    rdfa_warnings: tuple[str, ...] = ()
    error: str | None = None
    lab_fault: bool = False  # the error is the reader's own failure, not the document's


def sniff_syntax(media_type: str | None, body: bytes) -> str:
    """The declared syntax when it is an RDF one, else a guess from the first characters.

    HTML is recognised by its markup, whatever the media type says (text/html included), so
    Turtle served as text/html is still read as Turtle and HTML served as text/plain as RDFa.
    """
    if media_type in SYNTAX_BY_MEDIA_TYPE:
        return SYNTAX_BY_MEDIA_TYPE[media_type]
    # parse_json accepts a UTF-8 byte order mark, so the guess must look past it too.
    start = body.removeprefix(b"\xef\xbb\xbf").lstrip()[:64]
    if _MARKUP.match(start):
        return RDFA
    return JSON_LD if start[:1] in (b"{", b"[") else TURTLE


def read_payload(
    body: bytes, *, url: str, media_type: str | None, contexts: ContextSource
) -> Payload:
    syntax = sniff_syntax(media_type, body)
    if syntax == JSON_LD:
        return _read_json_ld(body, url, contexts)
    if syntax == RDFA:
        return _read_rdfa(body, url, media_type)
    return _read_rdf_text(body, url, syntax)


def _read_json_ld(body: bytes, url: str, contexts: ContextSource) -> Payload:
    payload = Payload(url=url, syntax=JSON_LD)
    try:
        data, payload.json_problems = parse_json(body)
    except JsonSyntaxError as error:
        payload.error = str(error)
        return payload
    try:
        payload.graph = to_rdf(data, base=url, contexts=contexts, again=lambda: parse_json(body)[0])
    except ReaderFault as error:
        payload.error = f"het lab kon deze JSON-LD niet lezen: {_jsonld_reason(error)}"
        payload.lab_fault = True
    except JsonLdError as error:
        payload.error = f"geen geldige JSON-LD: {_jsonld_reason(error)}"
    except RecursionError:
        payload.error = "JSON-LD te diep genest om te verwerken"
    except TooCostly as error:
        payload.error = f"JSON-LD te groot om te verwerken: {error}"
    return payload


def _jsonld_reason(error: JsonLdError) -> str:
    cause = error
    while isinstance(cause.__cause__, JsonLdError):
        cause = cause.__cause__
    message = str(cause.args[0]) if cause.args else type(cause).__name__
    code = getattr(cause, "code", None)
    return f"{message} ({code})" if code else message


def _read_rdfa(body: bytes, url: str, media_type: str | None) -> Payload:
    payload = Payload(url=url, syntax=RDFA)
    try:
        page = read_rdfa(body, base=url, media_type=media_type)
    except RdfaError as error:
        payload.error = str(error)
        return payload
    payload.graph = page.graph
    payload.rdfa_warnings = page.warnings
    return payload


def _read_rdf_text(body: bytes, url: str, syntax: str) -> Payload:
    payload = Payload(url=url, syntax=syntax)
    if syntax == TURTLE and (problem := _expansion_problem(body)):
        payload.error = problem
        return payload
    limit = f"{MAX_TRIPLES:_}".replace("_", ".")
    if _counted_past_limit(body, url, syntax):
        payload.error = f"meer dan {limit} triples in één document (limiet)"
        return payload
    # N-Quads name graphs: what a document's named graphs say is part of what it says (as for
    # JSON-LD), so every quad counts as a triple; a plain Graph would keep the default graph only.
    graph: Graph = Dataset() if syntax == N_QUADS else _BoundedGraph()
    try:
        with warnings.catch_warnings():
            # rdflib's own deprecations (its N-Quads parser) are not the vendor's: under -W
            # error they would make a valid document unreadable.
            warnings.simplefilter("ignore")
            graph.parse(data=body, format=syntax, publicID=url)
    except _TooManyTriples:
        payload.error = f"meer dan {limit} triples in één document (limiet)"
        return payload
    except Exception as error:
        payload.error = f"geen geldige {syntax}: {str(error)[:300]}"
        return payload
    if isinstance(graph, Dataset):
        payload.graph.triples.extend(dict.fromkeys((s, p, o) for s, p, o, _ in graph.quads()))
    else:
        payload.graph.triples.extend(graph)
    return payload


class _TooManyTriples(Exception):
    pass


_STREAMED = {
    TURTLE: pyoxigraph.RdfFormat.TURTLE,
    N_TRIPLES: pyoxigraph.RdfFormat.N_TRIPLES,
    N_QUADS: pyoxigraph.RdfFormat.N_QUADS,
}


def _counted_past_limit(body: bytes, url: str, syntax: str) -> bool:
    """Whether a streaming parser counts more than MAX_TRIPLES: rdflib would build a graph of
    that many (hundreds of MB) before its own bound stops it. What the streaming parser cannot
    read, rdflib reads, and names what is wrong."""
    form = _STREAMED.get(syntax)
    if form is None:
        return False
    try:
        quads = pyoxigraph.parse(body, format=form, base_iri=url, lenient=True)
        return any(count > MAX_TRIPLES for count, _ in enumerate(quads, 1))
    except (SyntaxError, ValueError, OSError):
        return False


class _BoundedGraph(Graph):
    """Stops the parser at the MAX_TRIPLES + 1st triple."""

    def __init__(self) -> None:
        super().__init__()
        self._added = 0

    def add(self, triple: Any) -> _BoundedGraph:
        self._added += 1
        if self._added > MAX_TRIPLES:
            raise _TooManyTriples
        super().add(triple)
        return self


def _expansion_problem(body: bytes) -> str | None:
    """Why the prefixed names of a Turtle document would expand to too much text, if they do.

    An estimate from the bytes (a name in a literal counts too), made before parsing: rdflib
    builds a whole object list before it adds one triple.
    """
    prefixes = {name or b"": len(iri) for name, iri in _PREFIX.findall(body)}
    # A use takes three bytes at least (":x "): below this bound no scan is needed.
    if not prefixes or max(prefixes.values()) * (len(body) // 3) <= MAX_EXPANSION:
        return None
    uses = Counter(_PREFIXED_NAME.findall(body))
    expansion = sum(count * prefixes.get(name, 0) for name, count in uses.items())
    if expansion <= MAX_EXPANSION:
        return None
    return (
        f"de prefixen van dit Turtle-document breiden uit tot {expansion // (1024 * 1024)} MiB "
        f"aan IRI's (limiet {MAX_EXPANSION // (1024 * 1024)} MiB)"
    )
