"""scorecard.jsonld: the contract's keys, EARL when expanded to RDF, and a lossless round trip."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pyoxigraph as ox
import pytest
from pyld import jsonld

from interop_lab.model.errors import UsageError
from interop_lab.model.outcomes import EARL, Outcome
from interop_lab.model.scorecard import Scorecard
from interop_lab.reporting.jsonld import (
    harness_iri,
    release_iri,
    scorecard_from_jsonld,
    scorecard_json,
    scorecard_to_jsonld,
)
from tests.reporting.cards import HOSTILE, card, error_card

PREFIXES = """
PREFIX earl: <http://www.w3.org/ns/earl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX lab: <urn:interop-lab:vocab#>
"""


def _offline_loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
    raise AssertionError(f"the context is inline; nothing may be fetched ({url})")


def _store(document: dict[str, Any]) -> ox.Store:
    """The document as RDF, through pyld (the reference processor), fully offline."""
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": _offline_loader}
    )
    store = ox.Store()
    store.load(nquads, ox.RdfFormat.N_QUADS)
    return store


def _select(store: ox.Store, query: str) -> list[dict[str, str]]:
    solutions = store.query(PREFIXES + query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [variable.value for variable in solutions.variables]
    return [
        {name: term.value for name, term in zip(names, row, strict=True) if term is not None}
        for row in solutions
    ]


def test_compact_keys_are_the_contracts() -> None:
    data = scorecard_to_jsonld(card())

    assert list(data) == [
        "@context", "@type", "@id", "subject", "standard", "mode", "verdict", "level",
        "levels", "summary", "assertions", "run",
    ]  # fmt: skip
    assert isinstance(data["@context"], dict)
    assert data["@type"] == "Scorecard"
    assert set(data["subject"]) == {"@id", "vendor", "kbo", "product", "release"}
    assert set(data["standard"]) == {"suite", "suiteVersion", "iri", "version", "title"}
    assert (data["mode"], data["verdict"], data["level"]) == ("self-test", "non-conformant", "L2")
    assert data["summary"] == {
        "passed": 2, "failed": 3, "cantTell": 1, "inapplicable": 1, "untested": 1,
    }  # fmt: skip
    assert set(data["run"]) == {
        "@type", "runId", "harness", "started", "ended", "evidence", "validator", "artefacts",
    }  # fmt: skip
    assert set(data["run"]["artefacts"][0]) == {"url", "sha256", "repairs"}


def test_assertion_keys_and_blame_only_on_failures() -> None:
    assertions = scorecard_to_jsonld(card())["assertions"]
    base = {
        "@type", "test", "title", "requirement", "level", "usage", "result",
        "subject", "assertedBy", "mode",
    }  # fmt: skip

    for item in assertions:
        extra = set(item) - base
        failed = item["result"]["outcome"] == "failed"
        assert extra <= ({"blame", "nodeid"} if failed else {"nodeid"})
        assert set(item["result"]) == {"outcome", "description", "locations"}
    first_location = assertions[2]["result"]["locations"][0]
    assert set(first_location) == {"url", "pointer", "focusNode", "path", "member", "value"}
    assert assertions[3]["blame"] == "standard"


def test_a_harness_error_is_flagged_on_its_assertion() -> None:
    data = scorecard_to_jsonld(error_card())

    assert data["verdict"] == "error"
    assert data["assertions"][-1]["harnessError"] is True
    assert data["level"] == "L1"


def test_level_is_null_when_no_level_reached() -> None:
    unreachable = replace(card().assertions[2], level="L1")

    assert scorecard_to_jsonld(card(assertions=(unreachable,)))["level"] is None


def test_every_assertion_expands_to_an_earl_assertion() -> None:
    the_card = card()
    store = _store(scorecard_to_jsonld(the_card))

    rows = _select(
        store,
        """SELECT ?assertion ?subject ?test ?by ?mode ?outcome WHERE {
             ?card a lab:Scorecard ; lab:assertion ?assertion .
             ?assertion a earl:Assertion ; earl:subject ?subject ; earl:test ?test ;
               earl:assertedBy ?by ; earl:mode ?mode ; earl:result ?result .
             ?result earl:outcome ?outcome .
           }""",
    )

    assert len(rows) == len(the_card.assertions)
    assert {row["subject"] for row in rows} == {release_iri(the_card.subject)}
    assert {row["by"] for row in rows} == {harness_iri("interop-lab 0.1.0")}
    assert {row["mode"] for row in rows} == {EARL + "automatic"}
    assert {row["test"] for row in rows} == {record.test for record in the_card.assertions}
    assert sorted(row["outcome"] for row in rows) == sorted(
        record.outcome.iri for record in the_card.assertions
    )
    assert {row["outcome"] for row in rows} <= {outcome.iri for outcome in Outcome}


def test_scorecard_maps_onto_prov_and_dcterms() -> None:
    store = _store(scorecard_to_jsonld(card()))

    [row] = _select(
        store,
        """SELECT ?standard ?title ?started ?used ?vendor ?passed WHERE {
             ?card prov:wasGeneratedBy ?run ; lab:standard ?std ; earl:subject ?release ;
               lab:summary ?summary .
             ?run a prov:Activity ; prov:startedAtTime ?started ; prov:used ?artefact .
             ?artefact lab:url ?used .
             ?std dcterms:conformsTo ?standard ; dcterms:title ?title .
             ?release lab:vendor ?vendor .
             ?summary lab:passed ?passed .
           }""",
    )

    assert row["standard"] == "https://data.vlaanderen.be/doc/applicatieprofiel/ipdc-lpdc/"
    assert row["started"] == "2026-11-28T18:05:01Z"
    assert row["vendor"] == "Voorbeeld NV"
    assert row["passed"] == "2"
    assert row["used"].endswith("shacl.ttl")


def test_pyoxigraph_reads_the_same_graph_as_pyld() -> None:
    document = scorecard_to_jsonld(card())
    by_pyld = _store(document)
    by_oxigraph = ox.Store()
    by_oxigraph.load(json.dumps(document), ox.RdfFormat.JSON_LD)

    assert len(by_oxigraph) == len(by_pyld)


@pytest.mark.parametrize(
    "the_card",
    [card(), error_card(), card(vendor=HOSTILE, product=HOSTILE, release="4.2 beta/<1>")],
)
def test_round_trip(the_card: Scorecard) -> None:
    text = scorecard_json(the_card)

    assert scorecard_from_jsonld(json.loads(text)) == the_card
    assert scorecard_json(scorecard_from_jsonld(json.loads(text))) == text


def test_minted_iris_are_valid_even_for_odd_names() -> None:
    iri = release_iri(card(vendor=HOSTILE, release="4.2 beta/<1>").subject)

    assert iri.startswith("urn:interop-lab:product:script-alert-x-script-quotes:voorbeeld-loket:")
    ox.NamedNode(iri)


def test_a_signed_scorecard_reads_as_its_card() -> None:
    data = scorecard_to_jsonld(card())
    data["signature"] = {"alg": "Ed25519", "key": "k", "value": "v"}

    assert scorecard_from_jsonld(data) == card()


def test_a_document_that_is_no_scorecard_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="not a scorecard"):
        scorecard_from_jsonld({"@type": "Scorecard"})


def _catalogue_card() -> Scorecard:
    base = card()
    return replace(
        base,
        subject=replace(base.subject, municipalities=("Gent", "Sint-Niklaas")),
        standard=replace(base.standard, register="Vocabularium en implementatiemodel IPDC - LPDC"),
    )


def test_municipalities_and_register_title_are_added_keys_that_read_back() -> None:
    the_card = _catalogue_card()
    data = json.loads(scorecard_json(the_card))

    assert data["subject"]["municipalities"] == ["Gent", "Sint-Niklaas"]
    assert data["standard"]["register"] == "Vocabularium en implementatiemodel IPDC - LPDC"
    assert scorecard_from_jsonld(data) == the_card


def test_municipalities_and_register_title_map_onto_the_lab_vocabulary() -> None:
    store = _store(scorecard_to_jsonld(_catalogue_card()))

    rows = _select(
        store,
        """SELECT ?name ?register WHERE {
             ?card earl:subject ?release ; lab:standard ?std .
             ?release lab:municipalityName ?name .
             ?std lab:registerTitle ?register .
           } ORDER BY ?name""",
    )

    assert [row["name"] for row in rows] == ["Gent", "Sint-Niklaas"]
    assert rows[0]["register"] == "Vocabularium en implementatiemodel IPDC - LPDC"
