"""A scorecard as the triples of its named graph, and the SPARQL every catalogue speaks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

import pyoxigraph as ox

from interop_lab.catalogue.register import (
    REGISTER_GRAPH,
    Link,
    Organisation,
    Register,
    RegisterEntry,
    RegisterUsage,
    StandardStatus,
    standard_iri,
)
from interop_lab.model.ids import LAB_URN, slug
from interop_lab.model.scorecard import Scorecard, Subject
from interop_lab.reporting.jsonld import LAB_VOCAB, product_iri, release_iri, scorecard_json

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS = "http://purl.org/dc/terms/"
VOCABULARY_RESOURCE = "vocabulary.ttl"
DCAT = "http://www.w3.org/ns/dcat#"
ADMS_STATUS = ox.NamedNode("http://www.w3.org/ns/adms#status")
FOAF = "http://xmlns.com/foaf/0.1/"
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
USAGE_CONCEPT = "usage-"  # lab:usage-verplicht, ...: SKOS concepts defined in vocabulary.ttl
STATUS_CONCEPT = "status-"
# Dates of the register entry: (property, RegisterEntry field).
DATE_PROPERTIES = (
    (DCTERMS + "issued", "published"),
    (DCTERMS + "dateSubmitted", "registered"),
    (LAB_VOCAB + "acknowledgedByWorkingGroup", "acknowledged_by_working_group"),
    (DCTERMS + "dateAccepted", "acknowledged_by_steering_committee"),
)
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


def dcterms(name: str) -> ox.NamedNode:
    return ox.NamedNode(DCTERMS + name)


@cache
def vocabulary_turtle() -> str:
    """The lab vocabulary (``lab:``) as Turtle: every class and property the catalogue writes."""
    return (resources.files("interop_lab.catalogue") / VOCABULARY_RESOURCE).read_text("utf-8")


def municipality_iri(name: str) -> str:
    """A municipality by the slug of its name: the same name is the same node in every graph."""
    return f"{LAB_URN}municipality:{slug(name)}"


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
    yield from _municipality_triples(subject, product)
    if card.standard.register and card.standard.iri:
        entry = ox.NamedNode(standard_iri(card.standard.register))
        yield ox.Triple(ox.NamedNode(card.standard.iri), lab("registerEntry"), entry)


def _municipality_triples(subject: Subject, product: ox.NamedNode) -> Iterator[ox.Triple]:
    for name in subject.municipalities:
        municipality = ox.NamedNode(municipality_iri(name))
        yield ox.Triple(municipality, RDF_TYPE, lab("Municipality"))
        yield ox.Triple(municipality, lab("name"), ox.Literal(name))
        yield ox.Triple(product, lab("usedBy"), municipality)


def register_triples(register: Register) -> Iterator[ox.Triple]:
    """The register's graph: the register itself and every standard in it."""
    graph = ox.NamedNode(REGISTER_GRAPH)
    yield ox.Triple(graph, RDF_TYPE, lab("StandardsRegister"))
    yield ox.Triple(graph, dcterms("title"), ox.Literal("OSLO-standaardenregister", language="nl"))
    yield ox.Triple(graph, dcterms("source"), ox.Literal(register.source))
    for entry in register.entries:
        yield from _entry_triples(entry, graph)


def _entry_triples(entry: RegisterEntry, graph: ox.NamedNode) -> Iterator[ox.Triple]:
    node = ox.NamedNode(entry.iri)
    yield ox.Triple(node, RDF_TYPE, dcterms("Standard"))
    yield ox.Triple(node, dcterms("isPartOf"), graph)
    yield ox.Triple(node, dcterms("title"), ox.Literal(entry.title, language="nl"))
    if entry.category:
        yield ox.Triple(node, lab("category"), ox.Literal(entry.category, language="nl"))
    yield ox.Triple(node, lab("registerUsage"), lab(USAGE_CONCEPT + entry.usage.value))
    yield ox.Triple(node, lab("usageText"), ox.Literal(entry.usage_text, language="nl"))
    yield ox.Triple(node, ADMS_STATUS, lab(STATUS_CONCEPT + entry.status.value))
    yield ox.Triple(node, lab("statusText"), ox.Literal(entry.status_text))
    if entry.description_file:
        yield ox.Triple(node, lab("descriptionFile"), ox.Literal(entry.description_file))
    for iri, name in DATE_PROPERTIES:
        if value := getattr(entry, name):
            yield ox.Triple(node, ox.NamedNode(iri), ox.Literal(value, datatype=XSD_DATE))
    for organisation in entry.organisations:
        yield from _organisation_triples(node, organisation)
    for link in entry.specifications:
        yield from _specification_triples(node, link)


def _organisation_triples(node: ox.NamedNode, organisation: Organisation) -> Iterator[ox.Triple]:
    agent = ox.NamedNode(organisation.iri)
    yield ox.Triple(node, dcterms("publisher"), agent)
    yield ox.Triple(agent, RDF_TYPE, ox.NamedNode(FOAF + "Organization"))
    yield ox.Triple(agent, ox.NamedNode(FOAF + "name"), ox.Literal(organisation.name))


def _specification_triples(node: ox.NamedNode, link: Link) -> Iterator[ox.Triple]:
    document = ox.NamedNode(link.url)
    yield ox.Triple(node, ox.NamedNode(DCAT + "landingPage"), document)
    yield ox.Triple(document, RDF_TYPE, ox.NamedNode(FOAF + "Document"))
    if link.name:
        yield ox.Triple(document, dcterms("title"), ox.Literal(link.name, language="nl"))


def register_from_triples(triples: Iterable[ox.Triple]) -> Register | None:
    """The register read back from its graph; None when the graph holds no register."""
    nodes: dict[str, dict[str, list[str]]] = {}
    for triple in triples:
        if isinstance(triple.subject, ox.Triple) or isinstance(triple.object, ox.Triple):
            continue  # RDF-star: the register never writes quoted triples
        properties = nodes.setdefault(triple.subject.value, {})
        properties.setdefault(triple.predicate.value, []).append(triple.object.value)
    if REGISTER_GRAPH not in nodes:
        return None
    entries = [
        _entry_from(properties, nodes)
        for properties in nodes.values()
        if DCTERMS + "Standard" in properties.get(RDF_TYPE.value, [])
    ]
    source = _first(nodes[REGISTER_GRAPH], DCTERMS + "source")
    return Register(source, tuple(sorted(entries, key=lambda e: e.title.casefold())))


def _entry_from(
    properties: dict[str, list[str]], nodes: dict[str, dict[str, list[str]]]
) -> RegisterEntry:
    def one(iri: str) -> str:
        return _first(properties, iri)

    usage = one(LAB_VOCAB + "registerUsage").removeprefix(LAB_VOCAB + USAGE_CONCEPT)
    status = one(ADMS_STATUS.value).removeprefix(LAB_VOCAB + STATUS_CONCEPT)
    return RegisterEntry(
        title=one(DCTERMS + "title"),
        category=one(LAB_VOCAB + "category"),
        usage=RegisterUsage(usage) if usage in set(RegisterUsage) else RegisterUsage.ONBEPAALD,
        usage_text=one(LAB_VOCAB + "usageText"),
        status=StandardStatus(status)
        if status in set(StandardStatus)
        else StandardStatus.ZONDER_STATUS,
        status_text=one(LAB_VOCAB + "statusText"),
        organisations=tuple(
            Organisation(_first(nodes.get(iri, {}), FOAF + "name"), iri)
            for iri in sorted(properties.get(DCTERMS + "publisher", []))
        ),
        specifications=tuple(
            Link(_first(nodes.get(iri, {}), DCTERMS + "title"), iri)
            for iri in sorted(properties.get(DCAT + "landingPage", []))
        ),
        description_file=one(LAB_VOCAB + "descriptionFile"),
        published=one(DCTERMS + "issued"),
        registered=one(DCTERMS + "dateSubmitted"),
        acknowledged_by_working_group=one(LAB_VOCAB + "acknowledgedByWorkingGroup"),
        acknowledged_by_steering_committee=one(DCTERMS + "dateAccepted"),
    )


def _first(properties: dict[str, list[str]], iri: str) -> str:
    values = sorted(properties.get(iri, []))
    return values[0] if values else ""


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
