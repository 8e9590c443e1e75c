"""A scorecard as the triples of its named graph, and the SPARQL every catalogue speaks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from interop_lab.model.ids import LAB_URN, slug
from interop_lab.model.scorecard import Scorecard
from interop_lab.reporting.jsonld import LAB_VOCAB, product_iri, release_iri, scorecard_json

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS = "http://purl.org/dc/terms/"
PREFIXES = f"""PREFIX earl: <http://www.w3.org/ns/earl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <{DCTERMS}>
PREFIX lab: <{LAB_VOCAB}>
"""
SUMMARY_QUERY = (
    PREFIXES
    + """SELECT ?iri ?vendor ?product ?release ?suite ?verdict ?level ?ended WHERE {
  GRAPH ?iri {
    ?iri a lab:Scorecard ; earl:subject ?subject ; lab:standard ?standard ;
         lab:verdict ?verdict ; prov:wasGeneratedBy ?run .
    ?subject lab:vendor ?vendor ; lab:product ?product ; lab:release ?release .
    ?standard lab:suite ?suite .
    OPTIONAL { ?iri lab:level ?level }
    OPTIONAL { ?run prov:endedAtTime ?ended }
  }
  %s
} ORDER BY DESC(STR(?ended)) STR(?iri)"""
)


def lab(name: str) -> ox.NamedNode:
    return ox.NamedNode(LAB_VOCAB + name)


def summary_query(product: str | None) -> str:
    # The product name is vendor data: it enters the query only as an escaped literal.
    restriction = "" if product is None else f"VALUES ?product {{ {ox.Literal(product)} }}"
    return SUMMARY_QUERY % restriction


def document_query(iri: str) -> str:
    graph = ox.NamedNode(iri)
    return (
        PREFIXES
        + f"SELECT ?document WHERE {{ GRAPH {graph} {{ {graph} lab:document ?document }} }}"
    )


def scorecard_triples(card: Scorecard) -> Iterator[ox.Triple]:
    """The scorecard's own RDF, what it is about, and its JSON text to read it back unchanged."""
    text = scorecard_json(card)
    yield from _jsonld_triples(text)
    yield from _description_triples(card)
    yield ox.Triple(ox.NamedNode(card.iri), lab("document"), ox.Literal(text))


def _jsonld_triples(text: str) -> Iterator[ox.Triple]:
    # The context is inline, so pyoxigraph's own JSON-LD parser needs no network; blank nodes are
    # renamed so two scorecards never share one by accident.
    for quad in ox.parse(text, ox.RdfFormat.JSON_LD, rename_blank_nodes=True):
        yield quad.triple


def _description_triples(card: Scorecard) -> Iterator[ox.Triple]:
    subject = card.subject
    vendor = ox.NamedNode(f"{LAB_URN}vendor:{slug(subject.kbo or subject.vendor)}")
    product = ox.NamedNode(product_iri(subject))
    release = ox.NamedNode(release_iri(subject))
    yield ox.Triple(vendor, RDF_TYPE, lab("Vendor"))
    yield ox.Triple(vendor, lab("name"), ox.Literal(subject.vendor))
    yield ox.Triple(vendor, lab("kbo"), ox.Literal(subject.kbo))
    yield ox.Triple(product, RDF_TYPE, lab("Product"))
    yield ox.Triple(product, lab("name"), ox.Literal(subject.product))
    yield ox.Triple(product, ox.NamedNode(DCTERMS + "publisher"), vendor)
    yield ox.Triple(release, RDF_TYPE, lab("ProductRelease"))
    yield ox.Triple(release, ox.NamedNode(DCTERMS + "isVersionOf"), product)


def replace_graph_update(graph: str, triples: Iterable[ox.Triple]) -> str:
    """One SPARQL update that swaps the whole graph: stores run it as one transaction."""
    name = ox.NamedNode(graph)
    body = "\n".join(f"{triple.subject} {triple.predicate} {triple.object} ." for triple in triples)
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}"


def solution_rows(solutions: ox.QuerySolutions) -> list[dict[str, str]]:
    names = [variable.value for variable in solutions.variables]
    return [
        {name: term.value for name, term in zip(names, row, strict=True) if term is not None}
        for row in solutions
    ]
