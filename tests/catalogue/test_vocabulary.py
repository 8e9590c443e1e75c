"""vocabulary.ttl defines every lab: term the catalogue writes, so its documentation stays true.

Also what a scorecard adds to the catalogue about its subject: municipalities and register link.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

from interop_lab.campaign.matrix import job_graph, job_triples
from interop_lab.catalogue import (
    EmbeddedCatalogue,
    Register,
    read_register,
    standard_iri,
    vocabulary_turtle,
)
from interop_lab.catalogue.rdf import municipality_iri
from interop_lab.model.scorecard import Scorecard, Signature
from interop_lab.reporting.jsonld import LAB_VOCAB, product_iri
from tests.catalogue.test_register import real_register_file
from tests.reporting.cards import explained_card

RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def demo_like_card() -> Scorecard:
    """A scorecard with every optional part: municipalities, register title, claim, signature,
    explanations."""
    base = explained_card()
    signature = Signature("a" * 43, "lab-2026", "b" * 64, "c" * 64, "d" * 86)
    return replace(
        base,
        subject=replace(base.subject, municipalities=("Gent", "Sint-Niklaas")),
        standard=replace(base.standard, register="Vocabularium en implementatiemodel IPDC - LPDC"),
        claimed_level="L3",
        signature=signature,
        mode="certified",
    )


def _store_both(folder: Path) -> tuple[list[ox.Quad], Register]:
    register = read_register(real_register_file())
    with EmbeddedCatalogue(folder / "catalogue") as catalogue:
        catalogue.add(demo_like_card())
        catalogue.set_register(register)
        subject = demo_like_card().subject
        job = job_triples(
            "nacht",
            "voorbeeld",
            subject=subject,
            network=True,
            exit_code=1,
            scorecards=[demo_like_card().iri],
            unjudged=["ldes"],
        )
        catalogue.replace_graph(job_graph("nacht", "voorbeeld"), job)
        dump = io.BytesIO()
        catalogue.export(dump)
    return list(ox.parse(dump.getvalue(), ox.RdfFormat.N_QUADS)), register


def _lab_terms(quads: list[ox.Quad]) -> set[str]:
    terms = set()
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(LAB_VOCAB):
                terms.add(term.value)
    return terms


def _vocabulary() -> list[ox.Triple]:
    return [quad.triple for quad in ox.parse(vocabulary_turtle(), ox.RdfFormat.TURTLE)]


def test_every_lab_term_in_the_catalogue_is_in_the_vocabulary(tmp_path: Path) -> None:
    quads, _ = _store_both(tmp_path)
    defined = {str(t.subject.value) for t in _vocabulary() if t.predicate == RDFS_LABEL}

    used = _lab_terms(quads)
    assert len(used) > 60, "the demo-like data touches most of the vocabulary"
    assert used - defined == set()


def test_every_term_has_a_dutch_and_an_english_label() -> None:
    labels: dict[str, set[str]] = {}
    for triple in _vocabulary():
        if triple.predicate == RDFS_LABEL and isinstance(triple.object, ox.Literal):
            labels.setdefault(str(triple.subject.value), set()).add(triple.object.language or "")
    assert labels
    assert {term for term, languages in labels.items() if languages != {"nl", "en"}} == set()


def test_a_product_is_used_by_the_municipalities_of_its_profile(tmp_path: Path) -> None:
    quads, _ = _store_both(tmp_path)
    triples = {(q.subject.value, q.predicate.value, str(q.object.value)) for q in quads}
    product = product_iri(demo_like_card().subject)

    for name in ("Gent", "Sint-Niklaas"):
        municipality = municipality_iri(name)
        assert (product, LAB_VOCAB + "usedBy", municipality) in triples
        assert (municipality, RDF_TYPE, LAB_VOCAB + "Municipality") in triples
        assert (municipality, LAB_VOCAB + "name", name) in triples
    assert municipality_iri("Sint-Niklaas") == "urn:interop-lab:municipality:sint-niklaas"


def test_the_scorecards_standard_links_to_its_register_entry(tmp_path: Path) -> None:
    quads, register = _store_both(tmp_path)
    triples = {(q.subject.value, q.predicate.value, str(q.object.value)) for q in quads}
    standard = demo_like_card().standard
    entry = register.find(standard.register)

    assert entry is not None
    assert entry.iri == standard_iri(standard.register)
    assert (standard.iri, LAB_VOCAB + "registerEntry", entry.iri) in triples
    assert (entry.iri, RDF_TYPE, "http://purl.org/dc/terms/Standard") in triples


def test_the_documented_example_parses_and_uses_defined_terms() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "catalogue-vocabulary.md").read_text()
    example = text.split("```trig\n", 1)[1].split("```", 1)[0]
    quads = list(ox.parse(example.encode(), ox.RdfFormat.TRIG))
    defined = {str(t.subject.value) for t in _vocabulary() if t.predicate == RDFS_LABEL}

    assert quads
    assert _lab_terms(quads) - defined == set()
