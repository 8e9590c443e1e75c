"""One scorecard, three stores (embedded, Oxigraph, Virtuoso): the same RDF graph comes back
from each, and the same scorecard."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from interop_lab.catalogue import Catalogue, UnknownScorecardError
from interop_lab.catalogue.rdf import scorecard_triples
from interop_lab.model.outcomes import Outcome
from interop_lab.model.scorecard import Scorecard
from tests.catalogue.servers import BACKENDS, open_backend
from tests.reporting.cards import HOSTILE, card, conformant_card, error_card, records

LONG_TEXT = ("Verwacht één naam per taal — ontvangen: «leeg» 🙂 \\ \" ' \n\t" * 4000)[:200_000]


def _realistic_card() -> Scorecard:
    """Every kind of term a scorecard holds: language-tagged titles, integers, booleans,
    date-times, anyURIs, blank nodes (assertions, results, locations), a long and a hostile text."""
    crash = error_card().assertions[-1]
    assert crash.harness_error  # a boolean in the graph
    long = replace(records()[2], description=LONG_TEXT)
    odd = replace(records()[4], outcome=Outcome.CANT_TELL, description=HOSTILE + " 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")
    return card(
        iri="urn:uuid:6f1c2d1e-1111-4a4a-9b9b-0000000000aa",
        vendor="Gemeente Sint-Genesius-Rode – Ω ü ß 中文",
        product="Lokaal Loket ⟨β⟩",
        assertions=(*records()[:2], long, records()[3], odd, *records()[5:], crash),
    )


THE_CARD = _realistic_card()


def _canonical(triples: Iterable[ox.Triple], graph: str) -> set[ox.Quad]:
    # RDF 1.1 compares language tags case-insensitively and Virtuoso answers them lower-cased
    # ("nl-BE" -> "nl-be"): the only difference normalised away here.
    dataset = ox.Dataset(ox.Quad(*_lower_tag(triple), ox.NamedNode(graph)) for triple in triples)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def _lower_tag(triple: ox.Triple) -> tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.Term]:
    subject, predicate, term = triple.subject, triple.predicate, triple.object
    assert not isinstance(subject, ox.Triple)
    if isinstance(term, ox.Literal) and term.language:
        term = ox.Literal(term.value, language=term.language.lower())
    return subject, predicate, term


@pytest.fixture
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Catalogue]]:
    opened: dict[str, Catalogue] = {}
    try:
        for backend in BACKENDS:
            opened[backend] = open_backend(request, backend, tmp_path / "catalogue")
        yield opened
    finally:
        for each in opened.values():
            each.close()


def test_every_store_reads_back_the_graph_that_was_written(stores: dict[str, Catalogue]) -> None:
    written = _canonical(scorecard_triples(THE_CARD), THE_CARD.iri)
    assert any(isinstance(quad.subject, ox.BlankNode) for quad in written)
    assert any(isinstance(quad.object, ox.Literal) and quad.object.language for quad in written)

    for each in stores.values():
        each.add(conformant_card())
        each.add(THE_CARD)

    read = {
        name: _canonical(each.graph(THE_CARD.iri), THE_CARD.iri) for name, each in stores.items()
    }
    for name in BACKENDS:
        assert read[name] == written, name


def test_every_store_gives_back_the_same_scorecard(stores: dict[str, Catalogue]) -> None:
    for each in stores.values():
        each.add(THE_CARD)

    for name, each in stores.items():
        assert each.get(THE_CARD.iri) == THE_CARD, name
        assert each.get(THE_CARD.iri).assertions[2].description == LONG_TEXT, name


def test_graph_holds_one_scorecard_only(catalogue: Catalogue) -> None:
    catalogue.add(card())
    catalogue.add(conformant_card())

    triples = catalogue.graph(card().iri)

    assert _canonical(triples, card().iri) == _canonical(scorecard_triples(card()), card().iri)
    with pytest.raises(UnknownScorecardError, match="urn:uuid:nope"):
        catalogue.graph("urn:uuid:nope")
