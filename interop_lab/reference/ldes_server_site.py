"""The reference vendor of the ldes-server-beheer suite: an LDES Server's admin API.

It serves what a VSDS LDES Server's ``/admin/api/v1`` answers a GET: its event streams, one
stream, the stream's views, one view, the shape of its members and its DCAT catalogue. Each
document is one RDF graph, written in the syntax the ``Accept`` header asks for (JSON-LD, Turtle,
N-Quads; JSON-LD when nothing is asked), so the three always say the same. Conformant to the
server's own configuration shapes; the ``invalid-turtle`` defect breaks the event stream
documents' Turtle the way the published OpenAPI examples are broken (a statement cut short).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from http import HTTPStatus
from types import MappingProxyType

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, SH

from interop_lab.reference.document_site import check_defects
from interop_lab.reference.site import SiteRequest, SiteResponse, problem

LDES = Namespace("https://w3id.org/ldes#")
TREE = Namespace("https://w3id.org/tree#")
ADMIN = "/admin/api/v1"
STREAM = "besluiten"
VIEW = "per-pagina"
ENDPOINTS: Mapping[str, str] = MappingProxyType(
    {
        "eventstreams": f"{ADMIN}/eventstreams",
        "eventstream": f"{ADMIN}/eventstreams/{STREAM}",
        "views": f"{ADMIN}/eventstreams/{STREAM}/views",
        "view": f"{ADMIN}/eventstreams/{STREAM}/views/{VIEW}",
        "shape": f"{ADMIN}/eventstreams/{STREAM}/shape",
        "dcat": f"{ADMIN}/dcat",
    }
)
INVALID_TURTLE = "invalid-turtle"
LDES_SERVER_DEFECTS: Mapping[str, str] = MappingProxyType(
    {
        INVALID_TURTLE: "the event stream documents' Turtle ends a statement with '.' where ';' "
        "belongs, as two examples of the published admin OpenAPI do",
    }
)
# Server-relative IRIs of the documents' subjects, as the server writes them.
_HOST = "https://ldes.voorbeeldgemeente.be/"
_SYNTAXES = {
    "application/ld+json": "json-ld",
    "text/turtle": "turtle",
    "application/n-quads": "nt",  # N-Triples lines are N-Quads in the default graph
}


class LdesServerAdmin:
    """The admin API's documents by path, each in the syntax asked for."""

    def __init__(self, defects: Collection[str] = ()) -> None:
        self._defects = check_defects(defects, LDES_SERVER_DEFECTS)
        self._graphs = _documents()

    def answer(self, request: SiteRequest) -> SiteResponse:
        graph = self._graphs.get(request.path)
        if graph is None:
            return problem(HTTPStatus.NOT_FOUND, f"no such document: {request.path}")
        accept = next((v for k, v in request.headers.items() if k.lower() == "accept"), "")
        media_type = _negotiate(accept)
        body = graph.serialize(format=_SYNTAXES[media_type]).encode()
        if media_type == "text/turtle" and self._broken(request.path):
            body += b"\n<x:stream> <x:cut-short> .\n"
        return SiteResponse(int(HTTPStatus.OK), body, {"Content-Type": media_type})

    def _broken(self, path: str) -> bool:
        stream_documents = (ENDPOINTS["eventstreams"], ENDPOINTS["eventstream"])
        return INVALID_TURTLE in self._defects and path in stream_documents


def _negotiate(accept: str) -> str:
    """The first RDF syntax the header names (its order, ignoring weights); else JSON-LD."""
    for part in accept.split(","):
        media_type = part.split(";")[0].strip().lower()
        if media_type in _SYNTAXES:
            return media_type
    return "application/ld+json"


def _graph() -> Graph:
    graph = Graph()
    graph.bind("ldes", LDES)
    graph.bind("tree", TREE)
    return graph


def _documents() -> dict[str, Graph]:
    stream = URIRef(f"{_HOST}{STREAM}")
    eventstream, views, view = _stream(stream), _graph(), _graph()
    _view(views, stream)
    _view(view, stream)
    eventstreams = _graph()
    eventstreams += eventstream
    return {
        ENDPOINTS["eventstreams"]: eventstreams,
        ENDPOINTS["eventstream"]: eventstream,
        ENDPOINTS["views"]: views,
        ENDPOINTS["view"]: view,
        ENDPOINTS["shape"]: _shape(stream),
        ENDPOINTS["dcat"]: _catalogue(stream),
    }


def _stream(stream: URIRef) -> Graph:
    graph = _graph()
    shape = URIRef(f"{stream}/shape")
    graph.add((stream, RDF.type, LDES.EventStream))
    graph.add((stream, LDES.timestampPath, DCTERMS.created))
    graph.add((stream, LDES.versionOfPath, DCTERMS.isVersionOf))
    graph.add((stream, LDES.createVersions, Literal(True)))
    graph.add((stream, LDES.versionDelimiter, Literal("/")))
    graph.add((stream, TREE.shape, shape))
    graph.add((shape, RDF.type, SH.NodeShape))
    _view(graph, stream)
    return graph


def _view(graph: Graph, stream: URIRef) -> None:
    view, description = URIRef(f"{stream}/{VIEW}"), BNode()
    graph.add((stream, LDES.view, view))
    graph.add((view, TREE.viewDescription, description))
    graph.add((description, RDF.type, TREE.ViewDescription))
    graph.add((description, TREE.pageSize, Literal(100, datatype=XSD.int)))
    graph.add((description, TREE.fragmentationStrategy, RDF.nil))  # paged, not fragmented


def _shape(stream: URIRef) -> Graph:
    graph = _graph()
    shape, title = URIRef(f"{stream}/shape"), BNode()
    graph.add((shape, RDF.type, SH.NodeShape))
    graph.add((shape, SH.targetClass, URIRef("http://data.vlaanderen.be/ns/besluit#Besluit")))
    graph.add((shape, SH.property, title))
    graph.add((title, SH.path, DCTERMS.title))
    graph.add((title, SH.minCount, Literal(1)))
    return graph


def _catalogue(stream: URIRef) -> Graph:
    graph, catalogue = _graph(), URIRef(_HOST)
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal("LDES van Voorbeeldgemeente", lang="nl")))
    graph.add((catalogue, DCAT.dataset, stream))
    graph.add((stream, RDF.type, DCAT.Dataset))
    graph.add((stream, DCTERMS.title, Literal("Besluiten", lang="nl")))
    return graph
