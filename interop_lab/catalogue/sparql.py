"""A catalogue on a SPARQL 1.1 server (Oxigraph, Virtuoso): Query and Update over HTTP."""

from __future__ import annotations

import os
from typing import Any, BinaryIO

import httpx
import pyoxigraph as ox

from interop_lab.catalogue.rdf import replace_graph_update, scorecard_triples
from interop_lab.catalogue.store import Catalogue
from interop_lab.model.errors import UsageError
from interop_lab.model.scorecard import Scorecard

USER_ENV = "INTEROP_LAB_CATALOGUE_USER"
PASSWORD_ENV = "INTEROP_LAB_CATALOGUE_PASSWORD"
AUTH_ENV = "INTEROP_LAB_CATALOGUE_AUTH"  # "basic" (default) or "digest" (Virtuoso's /sparql-auth)
EXPORT_QUERY = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
RESULTS_JSON = "application/sparql-results+json"
TIMEOUT_S = 60.0


class SparqlCatalogue(Catalogue):
    """Scorecards on a server; each ``add`` is one SPARQL update request (one transaction)."""

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

    def add(self, card: Scorecard) -> None:
        update = replace_graph_update(card.iri, scorecard_triples(card))
        self._post(self.update_url, {"update": update}, accept="*/*")

    def query(self, sparql: str) -> list[dict[str, str]]:
        return [{name: term["value"] for name, term in row.items()} for row in self._select(sparql)]

    def export(self, out: BinaryIO) -> None:
        # A SELECT over every graph works on any SPARQL server; Graph Store exports differ.
        for row in self._select(EXPORT_QUERY):
            terms = (str(_term(row[name])) for name in ("s", "p", "o", "g"))
            out.write((" ".join(terms) + " .\n").encode("utf-8"))

    def close(self) -> None:
        self._client.close()

    def _select(self, sparql: str) -> list[dict[str, dict[str, str]]]:
        answer: dict[str, Any] = self._post(self.endpoint_url, {"query": sparql}).json()
        if "results" not in answer:
            raise UsageError("only SELECT queries can be run on the catalogue")
        bindings: list[dict[str, dict[str, str]]] = answer["results"]["bindings"]
        return bindings

    def _post(self, url: str, form: dict[str, str], accept: str = RESULTS_JSON) -> httpx.Response:
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


def _term(binding: dict[str, str]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = binding["type"]
    if kind == "uri":
        return ox.NamedNode(binding["value"])
    if kind == "bnode":
        return ox.BlankNode(binding["value"])
    # "typed-literal" is what older Virtuoso releases call a literal with a datatype.
    datatype = binding.get("datatype")
    return ox.Literal(
        binding["value"],
        language=binding.get("xml:lang"),
        datatype=ox.NamedNode(datatype) if datatype else None,
    )
