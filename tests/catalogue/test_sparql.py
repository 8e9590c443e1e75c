"""The SPARQL server catalogue's HTTP side: URLs, credentials from the environment, failures."""

from __future__ import annotations

from urllib.parse import parse_qs

import httpx
import pytest

from interop_lab.catalogue import SparqlCatalogue, open_catalogue
from interop_lab.catalogue.sparql import auth_from_environment
from interop_lab.model.errors import UsageError
from tests.reporting.cards import card


@pytest.mark.parametrize(
    ("url", "update"),
    [
        ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update"),
        ("https://lab.example/sparql", "https://lab.example/sparql"),
    ],
)
def test_open_catalogue_finds_the_update_endpoint(url: str, update: str) -> None:
    with open_catalogue(url) as opened:
        assert isinstance(opened, SparqlCatalogue)
        assert (opened.endpoint_url, opened.update_url) == (url, update)


def test_add_is_one_update_request() -> None:
    seen: list[httpx.Request] = []

    def server(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    client = httpx.Client(transport=httpx.MockTransport(server))
    with SparqlCatalogue("http://s/query", "http://s/update", client=client) as catalogue:
        catalogue.add(card())

    [request] = seen
    assert str(request.url) == "http://s/update"
    [update] = parse_qs(request.content.decode("utf-8"))["update"]
    assert update.startswith(f"DROP SILENT GRAPH <{card().iri}> ;\nINSERT DATA {{ GRAPH <")


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (httpx.Response(400, text="Parse error"), "answered 400: Parse error"),
        (httpx.Response(200, json={"head": {}, "boolean": True}), "only SELECT"),
    ],
)
def test_server_refusals_are_usage_errors(answer: httpx.Response, message: str) -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda request: answer))
    catalogue = SparqlCatalogue("http://s/sparql", client=client)

    with pytest.raises(UsageError, match=message):
        catalogue.query("ASK {}")


def test_an_unreachable_server_is_a_usage_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    client = httpx.Client(transport=httpx.MockTransport(refuse))
    catalogue = SparqlCatalogue("http://s/sparql", client=client)

    with pytest.raises(UsageError, match="cannot be reached"):
        catalogue.scorecards()


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTEROP_LAB_CATALOGUE_USER", raising=False)
    assert auth_from_environment() is None

    monkeypatch.setenv("INTEROP_LAB_CATALOGUE_USER", "dba")
    monkeypatch.setenv("INTEROP_LAB_CATALOGUE_PASSWORD", "geheim")
    assert isinstance(auth_from_environment(), httpx.BasicAuth)

    monkeypatch.setenv("INTEROP_LAB_CATALOGUE_AUTH", "digest")
    assert isinstance(auth_from_environment(), httpx.DigestAuth)
