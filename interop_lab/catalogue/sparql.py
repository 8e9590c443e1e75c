"""A catalogue on a SPARQL 1.1 server (Oxigraph, Virtuoso): Query and Update over HTTP."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Any, BinaryIO

import httpx
import pyoxigraph as ox

from interop_lab.catalogue import rdf
from interop_lab.catalogue.store import Catalogue, UnknownScorecardError
from interop_lab.model.errors import UsageError
from interop_lab.reporting.jsonld import LAB_VOCAB

USER_ENV = "INTEROP_LAB_CATALOGUE_USER"
PASSWORD_ENV = "INTEROP_LAB_CATALOGUE_PASSWORD"
AUTH_ENV = "INTEROP_LAB_CATALOGUE_AUTH"  # "basic" (default) or "digest" (Virtuoso's /sparql-auth)
EXPORT_QUERY = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
# The catalogue's graphs name themselves with a lab: class (lab:Scorecard, ...); other graphs on
# the server (Virtuoso's virtrdf:, anyone else's data) are not the catalogue's.
CATALOGUE_GRAPHS_QUERY = f"""SELECT DISTINCT ?g WHERE {{
  GRAPH ?g {{ ?g a ?class FILTER(STRSTARTS(STR(?class), "{LAB_VOCAB}")) }}
}}"""
# Names the empty dataset while the catalogue is empty: no triple is ever written to it.
NO_GRAPH = "urn:interop-lab:no-graph"
RESULTS_JSON = "application/sparql-results+json"
# The prologue (comments, BASE, PREFIX) before a query's form; an IRIREF holds no ">" or space.
PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|BASE\s*<[^>\s]*>|PREFIX\s+[^\s:]*:\s*<[^>\s]*>)*", re.I)
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
TIMEOUT_S = 60.0

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class SparqlCatalogue(Catalogue):
    """Scorecards on a server; each ``add`` is one SPARQL update request.

    The server may hold other graphs (Virtuoso keeps its own, such as virtrdf:), so queries and
    exports name the scorecard graphs as their dataset: the catalogue sees what the embedded
    store would hold, and nothing else of the server.
    """

    def __init__(
        self,
        endpoint_url: str,
        update_url: str | None = None,
        *,
        client: httpx.Client | None = None,
    ) -> None:
        self.endpoint_url = endpoint_url
        self.update_url = update_url or endpoint_url
        self._client = client or httpx.Client(auth=auth_from_environment(), timeout=TIMEOUT_S)

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        self._post(self.update_url, {"update": replace_graph_update(graph, triples)}, accept="*/*")

    def query(self, sparql: str) -> list[dict[str, str]]:
        rows = self._select(sparql, self._catalogue_graphs())
        # Virtuoso answers ASK, CONSTRUCT and DESCRIBE as if they were SELECTs.
        if PROLOGUE.sub("", sparql, count=1)[:6].upper() != "SELECT":
            raise UsageError("only SELECT queries can be run on the catalogue")
        return [{name: term["value"] for name, term in row.items()} for row in rows]

    def export(self, out: BinaryIO) -> None:
        # A SELECT over every graph works on any SPARQL server; Graph Store exports differ.
        blanks: dict[str, ox.BlankNode] = {}
        for row in self._select(EXPORT_QUERY, self._catalogue_graphs()):
            terms = (str(_term(row[name], blanks)) for name in ("s", "p", "o", "g"))
            out.write((" ".join(terms) + " .\n").encode("utf-8"))

    def graph(self, iri: str) -> list[ox.Triple]:
        name = ox.NamedNode(iri)
        rows = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}", None)
        if not rows:
            raise UnknownScorecardError(f"no scorecard {iri} in the catalogue")
        blanks: dict[str, ox.BlankNode] = {}
        return [_triple(row, blanks) for row in rows]

    def close(self) -> None:
        self._client.close()

    def _catalogue_graphs(self) -> list[str]:
        rows = self._select(CATALOGUE_GRAPHS_QUERY, None)
        return [row["g"]["value"] for row in rows] or [NO_GRAPH]

    def _select(self, sparql: str, graphs: list[str] | None) -> list[dict[str, dict[str, str]]]:
        form: dict[str, str | list[str]] = {"query": sparql}
        if graphs is not None:
            form |= {"default-graph-uri": graphs, "named-graph-uri": graphs}
        response = self._post(self.endpoint_url, form)
        answer: dict[str, Any] = response.json()
        if "results" not in answer:
            raise UsageError("only SELECT queries can be run on the catalogue")
        bindings: list[dict[str, dict[str, str]]] = answer["results"]["bindings"]
        # Virtuoso cuts an answer at its ResultSetMaxRows and says so only in this header.
        cut = response.headers.get("X-SPARQL-MaxRows")
        if cut is not None and len(bindings) >= int(cut):
            raise UsageError(
                f"the catalogue {self.endpoint_url} cut its answer at {cut} rows "
                "(Virtuoso: raise [SPARQL] ResultSetMaxRows in virtuoso.ini)"
            )
        return bindings

    def _post(
        self, url: str, form: dict[str, str | list[str]], accept: str = RESULTS_JSON
    ) -> httpx.Response:
        try:
            response = self._client.post(url, data=form, headers={"Accept": accept})
        except httpx.HTTPError as error:
            raise UsageError(f"the catalogue {url} cannot be reached: {error}") from error
        if response.is_error:
            raise UsageError(
                f"the catalogue {url} answered {response.status_code}: {response.text[:500]}"
            )
        return response


def auth_from_environment() -> httpx.Auth | None:
    """Credentials only ever come from the environment, never from the command line."""
    user = os.environ.get(USER_ENV)
    if not user:
        return None
    password = os.environ.get(PASSWORD_ENV, "")
    if os.environ.get(AUTH_ENV, "basic").lower() == "digest":
        return httpx.DigestAuth(user, password)
    return httpx.BasicAuth(user, password)


def replace_graph_update(graph: str, triples: Iterable[ox.Triple]) -> str:
    """The embedded store's update, except that triples with blank nodes go in a template:
    Virtuoso refuses blank nodes in INSERT DATA (SP031), though SPARQL 1.1 allows them there."""
    ground: list[ox.Triple] = []
    blank: list[ox.Triple] = []
    for triple in triples:
        has_blank = isinstance(triple.subject, ox.BlankNode) or isinstance(
            triple.object, ox.BlankNode
        )
        (blank if has_blank else ground).append(triple)
    update = rdf.replace_graph_update(graph, ground)
    if not blank:
        return update
    # One template, so a label names the same new blank node in every triple that uses it.
    body = "\n".join(f"{triple.subject} {triple.predicate} {triple.object} ." for triple in blank)
    name = ox.NamedNode(graph)
    return f"{update} ;\nINSERT {{ GRAPH {name} {{\n{body}\n}} }} WHERE {{}}"


def _triple(row: dict[str, dict[str, str]], blanks: dict[str, ox.BlankNode]) -> ox.Triple:
    subject, predicate, graph_object = (_term(row[name], blanks) for name in ("s", "p", "o"))
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise UsageError(f"the catalogue answered a triple RDF does not allow: {row}")
    return ox.Triple(subject, predicate, graph_object)


def _term(binding: dict[str, str], blanks: dict[str, ox.BlankNode]) -> Term:
    kind = binding["type"]
    if kind == "uri":
        return ox.NamedNode(binding["value"])
    if kind == "bnode":
        # Virtuoso's labels ("nodeID://b10001") are no valid N-Triples labels: new ones, one each.
        return blanks.setdefault(binding["value"], ox.BlankNode())
    # "typed-literal" is what older Virtuoso releases call a literal with a datatype.
    datatype = binding.get("datatype")
    value = binding["value"]
    if datatype == XSD_BOOLEAN:
        # Virtuoso keeps booleans as integers and answers "1"/"0", valid but not the canonical
        # form every writer (and the JSON-LD parser) uses.
        value = {"1": "true", "0": "false"}.get(value, value)
    return ox.Literal(
        value,
        language=binding.get("xml:lang"),
        datatype=ox.NamedNode(datatype) if datatype else None,
    )
