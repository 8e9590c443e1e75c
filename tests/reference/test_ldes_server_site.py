"""The reference LDES Server admin API: one graph per document, in the syntax asked for."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from interop_lab.reference.ldes_server_site import ENDPOINTS, INVALID_TURTLE, LdesServerAdmin
from interop_lab.reference.site import SiteRequest

# rdflib 7's own JSON-LD plugins still build a ConjunctiveGraph and warn about it.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
SYNTAXES = {"application/ld+json": "json-ld", "text/turtle": "turtle", "application/n-quads": "nt"}


def ask(site: LdesServerAdmin, path: str, accept: str) -> tuple[int, str, bytes]:
    request = SiteRequest("GET", path, {}, {"Accept": accept}, "http://127.0.0.1")
    response = site.answer(request)
    return response.status, response.headers.get("Content-Type", ""), response.body


@pytest.mark.parametrize("role", sorted(ENDPOINTS))
def test_every_document_says_the_same_in_each_syntax(role: str) -> None:
    site = LdesServerAdmin()
    graphs = []
    for media_type, syntax in SYNTAXES.items():
        status, served, body = ask(site, ENDPOINTS[role], f"{media_type}, */*;q=0.1")
        assert (status, served) == (200, media_type)
        graphs.append(Graph().parse(data=body, format=syntax))

    assert len(graphs[0]) > 0
    assert all(isomorphic(graphs[0], graph) for graph in graphs[1:])


def test_without_an_rdf_accept_it_answers_json_ld_and_unknown_paths_404() -> None:
    site = LdesServerAdmin()

    assert ask(site, ENDPOINTS["shape"], "*/*")[1] == "application/ld+json"
    assert ask(site, "/admin/api/v1/onbekend", "text/turtle")[0] == 404


def test_the_defect_breaks_only_the_stream_documents_turtle() -> None:
    site = LdesServerAdmin([INVALID_TURTLE])
    broken = {ENDPOINTS["eventstreams"], ENDPOINTS["eventstream"]}

    for path in ENDPOINTS.values():
        body = ask(site, path, "text/turtle")[2]
        if path in broken:
            with pytest.raises(SyntaxError):
                Graph().parse(data=body, format="turtle")
        else:
            Graph().parse(data=body, format="turtle")
        Graph().parse(data=ask(site, path, "application/ld+json")[2], format="json-ld")
