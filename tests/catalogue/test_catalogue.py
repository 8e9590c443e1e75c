"""Every catalogue: whole graphs in, the same scorecards out, SPARQL over all of them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

import pyoxigraph as ox
import pytest

from interop_lab.catalogue import Catalogue, ScorecardSummary, UnknownScorecardError, rdf
from interop_lab.model.errors import UsageError
from interop_lab.reporting.jsonld import scorecard_json
from tests.reporting.cards import HOSTILE, card, conformant_card, error_card

FAILED_QUERY = (
    rdf.PREFIXES
    + """SELECT (COUNT(?assertion) AS ?failed) WHERE {
  ?assertion a earl:Assertion ; earl:result/earl:outcome earl:failed .
}"""
)
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
SIZE_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _graphs(catalogue: Catalogue) -> list[str]:
    return [row["g"] for row in catalogue.query(GRAPHS_QUERY)]


def _size(catalogue: Catalogue) -> int:
    return int(catalogue.query(SIZE_QUERY)[0]["n"])


def test_add_then_get_reads_the_same_scorecard(catalogue: Catalogue) -> None:
    the_card = card()

    catalogue.add(the_card)

    assert catalogue.get(the_card.iri) == the_card
    assert catalogue.document(the_card.iri) == scorecard_json(the_card)
    assert _graphs(catalogue) == [the_card.iri]


def test_hostile_text_and_language_tags_survive(catalogue: Catalogue) -> None:
    the_card = card(vendor=HOSTILE, product=HOSTILE + " \\ \" ' \n \t é 🙂 \\u0022", release="1 2")

    catalogue.add(the_card)

    assert catalogue.get(the_card.iri) == the_card
    assert catalogue.document(the_card.iri) == scorecard_json(the_card)
    rows = catalogue.query(
        rdf.PREFIXES + "SELECT ?title (LANG(?title) AS ?lang) WHERE { ?s dcterms:title ?title }"
    )
    assert {row["lang"] for row in rows} == {"nl"}
    assert "IPDC-LPDC implementatiemodel – é ü" in {row["title"] for row in rows}
    [summary] = catalogue.scorecards()
    assert summary.product == the_card.subject.product


def test_scorecards_lists_and_filters_by_product(catalogue: Catalogue) -> None:
    catalogue.add(card())
    catalogue.add(conformant_card())

    listed = catalogue.scorecards()
    only = catalogue.scorecards(product="Ander Loket")

    assert {summary.iri for summary in listed} == {card().iri, conformant_card().iri}
    assert only == [
        ScorecardSummary(
            iri=conformant_card().iri,
            vendor="Voorbeeld NV",
            product="Ander Loket",
            release="4.2.0",
            suite="ipdc-lpdc",
            verdict="conformant",
            level="L4",
            ended="2026-11-28T18:05:09Z",
        )
    ]
    assert catalogue.scorecards(product='" } } DROP ALL #') == []
    assert len(_graphs(catalogue)) == 2


def test_no_level_reached_lists_as_none(catalogue: Catalogue) -> None:
    failed_at_l1 = replace(card().assertions[2], level="L1")
    catalogue.add(card(assertions=(failed_at_l1,)))

    [summary] = catalogue.scorecards()
    assert (summary.verdict, summary.level) == ("non-conformant", None)


def test_sparql_counts_failed_assertions_across_scorecards(catalogue: Catalogue) -> None:
    catalogue.add(card())
    catalogue.add(error_card())

    assert catalogue.query(FAILED_QUERY) == [{"failed": "3"}]


def test_only_select_queries_are_answered(catalogue: Catalogue) -> None:
    with pytest.raises(UsageError, match="only SELECT"):
        catalogue.query("ASK { ?s ?p ?o }")


def test_a_product_release_is_described_in_the_graph(catalogue: Catalogue) -> None:
    catalogue.add(card())

    [row] = catalogue.query(
        rdf.PREFIXES
        + """SELECT ?vendor ?name WHERE {
          ?release a lab:ProductRelease ; dcterms:isVersionOf ?product .
          ?product dcterms:publisher ?vendor ; lab:name ?name . }"""
    )
    assert row == {"vendor": "urn:interop-lab:vendor:0123456789", "name": "Voorbeeld Loket"}


def test_export_writes_n_quads_of_every_graph(catalogue: Catalogue) -> None:
    catalogue.add(card())
    catalogue.add(conformant_card())
    out = io.BytesIO()

    catalogue.export(out)

    quads = list(ox.parse(out.getvalue(), ox.RdfFormat.N_QUADS))
    assert len(quads) == _size(catalogue)
    assert {quad.graph_name.value for quad in quads} == {card().iri, conformant_card().iri}


def test_adding_again_replaces_the_graph(catalogue: Catalogue) -> None:
    catalogue.add(card())
    size = _size(catalogue)

    catalogue.add(card())

    assert _size(catalogue) == size
    assert _graphs(catalogue) == [card().iri]


def test_a_failing_conversion_leaves_no_partial_graph(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue.add(conformant_card())
    before = _size(catalogue)

    def broken(the_card: object) -> Iterator[ox.Triple]:
        yield ox.Triple(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.Literal("c"))
        raise RuntimeError("conversion broke halfway")

    monkeypatch.setattr(rdf, "_description_triples", broken)
    with pytest.raises(RuntimeError, match="halfway"):
        catalogue.add(card())

    assert _size(catalogue) == before
    assert _graphs(catalogue) == [conformant_card().iri]


def test_unknown_scorecard_is_a_usage_error(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownScorecardError, match="urn:uuid:nope"):
        catalogue.get("urn:uuid:nope")
