"""Named repairs of published artefacts: each must change the artefact, and make it usable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyshacl
import pytest
from pyshacl.errors import ConstraintLoadError
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

from interop_lab.artefacts.repairs import REPAIRS, apply_repairs
from interop_lab.model.errors import SuiteError
from interop_lab.payloads.jsonld import to_rdf

BESLUIT_SHAPES = "besluit-publicatie/2025-12-11-erkendestandaard/shacl/besluit-publicatie-SHACL.ttl"
STRAATNAAM_CONTEXT = (
    "adresregister/basisregisters-api/context/straatnaam/2021-12-15/straatnaam_detail.jsonld"
)
IPDC_LDES_CONTEXT = "ipdc-lpdc/2024-07-04-implementatiemodel/context/ldes.jsonld"
URL = "https://data.vlaanderen.test/artefact"
COUNTS = (SH.minCount, SH.maxCount)
SHAPES_WITH_STRING_COUNT = b"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://ex.test/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
  sh:property [ sh:path ex:p ; sh:minCount "1" ; sh:maxLength "10"^^xsd:string ] .
"""
SHAPES_WITH_INTEGER_COUNT = b"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://ex.test/> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
"""


def one_focus_node_per_target_class(shapes: Graph) -> Graph:
    """pySHACL loads a shape's constraints only when the shape has a focus node."""
    data = Graph()
    for number, target in enumerate(sorted(set(shapes.objects(None, SH.targetClass)), key=str)):
        data.add((URIRef(f"http://ex.test/focus/{number}"), RDF.type, target))
    return data


def count_datatypes(graph: Graph) -> set[URIRef | None]:
    return {
        value.datatype
        for predicate in COUNTS
        for value in graph.objects(None, predicate)
        if isinstance(value, Literal)
    }


def convert_with_context(context: Any) -> list[Any]:
    url = "https://docs.basisregisters.test/straatnaam_detail.jsonld"
    document = {
        "@context": url,
        "id": "https://data.vlaanderen.be/id/straatnaam/1",
        "straatnaamStatus": "inGebruik",
    }
    return to_rdf(document, base=url, contexts={url: context}.get).triples


def test_cardinalities_as_integer_makes_the_real_besluit_shapes_loadable(
    real_mirror: Path,
) -> None:
    published = (real_mirror / BESLUIT_SHAPES).read_bytes()
    before = Graph().parse(data=published, format="turtle")
    data = one_focus_node_per_target_class(before)
    assert len(data) > 0
    with pytest.raises(ConstraintLoadError):
        pyshacl.validate(data, shacl_graph=before, inference="none")

    repaired = apply_repairs(URL, published, ("cardinalities-as-integer",))

    after = Graph().parse(data=repaired, format="nt")
    conforms, _, _ = pyshacl.validate(data, shacl_graph=after, inference="none")
    assert isinstance(conforms, bool)
    assert None in count_datatypes(before)  # published as plain strings
    assert count_datatypes(after) == {XSD.integer}
    assert len(after) == len(before)


def test_cardinalities_as_integer_retypes_every_count_parameter() -> None:
    repaired = apply_repairs(URL, SHAPES_WITH_STRING_COUNT, ("cardinalities-as-integer",))

    graph = Graph().parse(data=repaired, format="nt")
    (shape,) = graph.objects(None, SH.property)
    assert isinstance(shape, BNode)
    assert graph.value(shape, SH.minCount) == Literal(1)
    assert graph.value(shape, SH.maxLength) == Literal(10)


def test_repair_that_changes_nothing_is_a_suite_error() -> None:
    with pytest.raises(SuiteError) as raised:
        apply_repairs(URL, SHAPES_WITH_INTEGER_COUNT, ("cardinalities-as-integer",))

    message = str(raised.value)
    assert message.startswith(URL)
    assert "'cardinalities-as-integer' changes nothing" in message
    assert "remove it from the suite manifest" in message


def test_unknown_repair_is_a_suite_error_listing_the_known_ones() -> None:
    with pytest.raises(SuiteError) as raised:
        apply_repairs(URL, SHAPES_WITH_STRING_COUNT, ("fix-everything",))

    message = str(raised.value)
    assert "unknown repair 'fix-everything'" in message
    assert ", ".join(sorted(REPAIRS)) in message


def test_no_repairs_returns_the_bytes_as_they_are() -> None:
    assert apply_repairs(URL, b"anything", ()) == b"anything"


def test_repairs_run_in_order_and_each_must_change_something() -> None:
    repairs = ("cardinalities-as-integer", "cardinalities-as-integer")

    with pytest.raises(SuiteError, match="changes nothing"):
        apply_repairs(URL, SHAPES_WITH_STRING_COUNT, repairs)


def test_wrap_bare_context_on_the_real_straatnaam_context(real_mirror: Path) -> None:
    published = (real_mirror / STRAATNAAM_CONTEXT).read_bytes()
    bare = json.loads(published)
    assert "@context" not in bare

    repaired = json.loads(apply_repairs(URL, published, ("wrap-bare-context",)))

    assert repaired == {"@context": bare}
    assert convert_with_context(bare) == []  # pyld reads a bare context as an empty one
    assert (
        URIRef("https://data.vlaanderen.be/id/straatnaam/1"),
        URIRef("https://data.vlaanderen.be/ns/adres#Straatnaam.status"),
        URIRef("https://data.vlaanderen.be/id/concept/straatnaamstatus/inGebruik"),
    ) in convert_with_context(repaired)


def test_wrap_bare_context_on_a_wrapped_context_changes_nothing(real_mirror: Path) -> None:
    wrapped = (real_mirror / IPDC_LDES_CONTEXT).read_bytes()

    with pytest.raises(SuiteError, match="'wrap-bare-context' changes nothing"):
        apply_repairs(URL, wrapped, ("wrap-bare-context",))


def test_every_repair_is_described() -> None:
    assert sorted(REPAIRS) == [
        "cardinalities-as-integer",
        "drop-invalid-context-terms",
        "literal-datatype-as-nodekind",
        "wrap-bare-context",
    ]
    for name, repair in REPAIRS.items():
        assert repair.name == name
        assert len(repair.description) > 20
