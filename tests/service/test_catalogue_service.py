"""The catalogue over HTTP: negotiation, problems, SPARQL (read-only), the index and badges."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pyoxigraph as ox
import pytest
import yaml

from interop_lab.catalogue import EmbeddedCatalogue
from interop_lab.model.ids import slug
from interop_lab.service import CatalogueServer, CatalogueSite, take_snapshot
from interop_lab.service.documents import CONTEXT_URL, context_text
from interop_lab.service.negotiate import choose
from interop_lab.service.sparql import is_update
from tests.reporting.cards import card, conformant_card

CARD = replace(conformant_card(), iri="urn:uuid:00000000-0000-4000-8000-000000000001")
OLDER = replace(card(), iri="urn:uuid:00000000-0000-4000-8000-000000000002")
SUITE = Path(__file__).parents[1] / "e2e" / "linked_data_suite"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with EmbeddedCatalogue(tmp_path_factory.mktemp("catalogus")) as catalogue:
        catalogue.add(CARD)
        catalogue.add(replace(OLDER, run=replace(OLDER.run, ended="2020-01-01T00:00:00Z")))
        snapshot = take_snapshot(catalogue)
    with CatalogueServer(CatalogueSite(snapshot, page_size=2)) as server:
        yield server.base_url


def _product(base: str) -> str:
    return f"{base}/id/product/{slug(CARD.subject.vendor)}/{slug(CARD.subject.product)}"


def test_choose_prefers_quality_then_order() -> None:
    assert choose(None) == "application/ld+json"
    assert choose("text/turtle;q=0.9, application/ld+json") == "application/ld+json"
    assert choose("text/html,application/xhtml+xml,*/*;q=0.8") == "text/html"
    assert choose("text/*") == "text/turtle"
    assert choose("image/png") is None
    assert choose("application/ld+json;q=0, */*") == "text/turtle"


def test_update_detection() -> None:
    assert is_update("PREFIX a: <urn:a#>\nINSERT DATA { <urn:x> a:b 1 }")
    assert is_update("# opmerking\n drop all")
    assert not is_update("PREFIX a: <urn:a#> SELECT * WHERE { ?s ?p ?o }")


def test_negotiation_of_a_product(base: str) -> None:
    iri = _product(base)
    jsonld = httpx.get(iri, headers={"Accept": "application/ld+json"})
    assert jsonld.status_code == 200
    assert jsonld.headers["content-type"] == "application/ld+json"
    assert jsonld.json()["@id"] == iri
    assert jsonld.json()["@context"] == CONTEXT_URL
    assert jsonld.headers["etag"]
    assert "max-age" in jsonld.headers["cache-control"]
    turtle = httpx.get(iri, headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"] == "text/turtle"
    assert f"<{iri}>" in turtle.text
    html = httpx.get(iri, headers={"Accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html")
    assert '<html lang="nl">' in html.text
    again = httpx.get(iri, headers={"If-None-Match": jsonld.headers["etag"]})
    assert again.status_code == 304


def test_every_linked_resource_dereferences(base: str) -> None:
    product = httpx.get(_product(base)).json()
    release = httpx.get(product["releases"][0]).json()
    assert release["@type"] == "Release"
    vendor = httpx.get(product["uitgever"]).json()
    assert vendor["@type"] == "Leverancier"
    assert vendor["kbo"] == CARD.subject.kbo
    card_doc = httpx.get(release["scorecards"][0]).json()
    assert card_doc["@type"] == "Scorecard"
    full = httpx.get(card_doc["document"]).json()
    assert full["@id"] == card_doc["sameAs"]


def test_not_acceptable_and_not_found_are_problems(base: str) -> None:
    refused = httpx.get(_product(base), headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert refused.headers["content-type"] == "application/problem+json"
    missing = httpx.get(f"{base}/id/product/niemand/niets")
    assert missing.status_code == 404
    assert missing.json()["status"] == 404
    assert missing.headers["content-type"] == "application/problem+json"


def test_sparql_select_ask_construct(base: str) -> None:
    select = "PREFIX lab: <urn:interop-lab:vocab#> SELECT ?v WHERE { ?s lab:verdict ?v }"
    answer = httpx.get(f"{base}/sparql", params={"query": select})
    assert answer.headers["content-type"] == "application/sparql-results+json"
    verdicts = {row["v"]["value"] for row in answer.json()["results"]["bindings"]}
    assert verdicts == {"conformant", "non-conformant"}
    ask = httpx.post(
        f"{base}/sparql",
        content="ASK { ?s ?p ?o }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert ask.json()["boolean"] is True
    construct = httpx.get(f"{base}/sparql", params={"query": "CONSTRUCT WHERE { ?s a ?t } LIMIT 2"})
    assert construct.headers["content-type"] == "text/turtle"


def test_sparql_refuses_updates(base: str) -> None:
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    for answer in (
        httpx.get(f"{base}/sparql", params={"query": update}),
        httpx.post(f"{base}/sparql", data={"update": update}),
        httpx.post(
            f"{base}/sparql",
            content=update,
            headers={"Content-Type": "application/sparql-update"},
        ),
    ):
        assert answer.status_code == 403
        assert answer.headers["content-type"] == "application/problem+json"
    bad = httpx.get(f"{base}/sparql", params={"query": "SELEC niets"})
    assert bad.status_code == 400


def test_index_is_paged(base: str) -> None:
    url: str | None = f"{base}/catalogus"
    members = []
    while url:
        page = httpx.get(url).json()
        members += page["leden"]
        url = page["weergave"].get("volgende")
    assert len(members) == page["totaal"] > 2  # more than one page of two
    types = [member["@type"] for member in members]
    assert types.count("Scorecard") == 2
    assert {"Leverancier", "Product", "Release"} <= set(types)
    assert httpx.get(f"{base}/catalogus?pagina=99").status_code == 404


def test_badge(base: str) -> None:
    key = _product(base).removeprefix(f"{base}/id/product/")
    answer = httpx.get(f"{base}/badge/{key}/{CARD.standard.suite}.svg")
    assert answer.headers["content-type"] == "image/svg+xml"
    svg = ElementTree.fromstring(answer.text)
    title = svg.find("{http://www.w3.org/2000/svg}title")
    assert title is not None
    assert title.text
    assert f"niveau {CARD.level}" in title.text  # the latest run, not the older one
    assert CARD.run.ended[:10] in title.text
    assert httpx.get(f"{base}/badge/niemand/niets/ldes.svg").status_code == 404


def test_context_served_and_pinned(base: str) -> None:
    served = httpx.get(f"{base}/context.jsonld")
    assert served.text == context_text()
    manifest = yaml.safe_load((SUITE / "suite.yaml").read_text("utf-8"))
    pins = {item["url"]: item["sha256"] for item in manifest["artefacts"]}
    assert pins[CONTEXT_URL] == hashlib.sha256(context_text().encode()).hexdigest()


def test_the_lab_vocabulary_is_served_as_turtle(base: str) -> None:
    answer = httpx.get(f"{base}/vocab")

    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "text/turtle"
    triples = list(ox.parse(answer.content, ox.RdfFormat.TURTLE))
    usage = ox.NamedNode("urn:interop-lab:vocab#usedBy")
    assert any(triple.subject == usage for triple in triples)
