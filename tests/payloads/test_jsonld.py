"""JSON-LD to RDF with a way back: node -> JSON pointer, property -> JSON key, and findings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from pyld.jsonld import JsonLdError
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from interop_lab.payloads.jsonld import to_rdf
from interop_lab.payloads.traced import TracedGraph

if TYPE_CHECKING:
    from tests.loopback import StaticServer

BASE = "http://vendor.test/doc"
EX = "http://ex.test/"
CONTEXT: dict[str, Any] = {
    "ex": EX,
    "naam": f"{EX}naam",
    "kent": {"@id": f"{EX}kent"},
    "Persoon": f"{EX}Persoon",
    "lijst": {"@id": f"{EX}item", "@container": "@index"},
    "namen": {"@id": f"{EX}label", "@container": "@language"},
    "meta": "@nest",
    "genest": {"@id": f"{EX}genest", "@nest": "meta"},
}


def convert(document: Any, contexts: dict[str, Any] | None = None) -> TracedGraph:
    pinned = contexts or {}
    return to_rdf(document, base=BASE, contexts=pinned.get)


def with_context(**properties: Any) -> dict[str, Any]:
    return {"@context": CONTEXT, **properties}


def node_with(graph: TracedGraph, predicate: str, value: str) -> Node:
    """The one subject that has ``predicate`` with the literal ``value``."""
    subjects = [s for s, p, o in graph.triples if str(p) == predicate and o == Literal(value)]
    assert len(subjects) == 1, subjects
    return subjects[0]


def test_triples_of_a_simple_document() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "@type": "Persoon", "naam": "A"}))

    assert set(graph.triples) == {
        (URIRef(f"{EX}a"), RDF.type, URIRef(f"{EX}Persoon")),
        (URIRef(f"{EX}a"), URIRef(f"{EX}naam"), Literal("A")),
    }
    assert graph.node_pointers == {URIRef(f"{EX}a"): ""}


def test_strings_are_simple_literals_as_in_turtle() -> None:
    # rdflib keeps "A" and "A"^^xsd:string apart: sh:in ("A") would never match the latter.
    graph = convert(with_context(**{"@id": "ex:a", "naam": "A"}))

    (literal,) = [o for _, p, o in graph.triples if str(p) == f"{EX}naam"]
    assert literal == Literal("A")
    assert literal.datatype is None


def test_typed_literals_keep_their_datatype() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "ex:getal": 3, "ex:waar": True}))

    values = {str(p): o for _, p, o in graph.triples}
    assert values[f"{EX}getal"] == Literal("3", datatype=XSD.integer)
    assert values[f"{EX}waar"] == Literal("true", datatype=XSD.boolean)


def test_nested_blank_nodes_point_at_their_objects() -> None:
    document = with_context(
        **{
            "@id": "ex:a",
            "kent": {"naam": "B", "kent": [{"naam": "C"}, {"@id": "ex:d", "naam": "D"}]},
        }
    )

    graph = convert(document)

    b = node_with(graph, f"{EX}naam", "B")
    c = node_with(graph, f"{EX}naam", "C")
    assert isinstance(b, BNode)
    assert isinstance(c, BNode)
    assert graph.node_pointers[b] == "/kent"
    assert graph.node_pointers[c] == "/kent/kent/0"
    assert graph.node_pointers[URIRef(f"{EX}d")] == "/kent/kent/1"
    assert graph.node_pointers[URIRef(f"{EX}a")] == ""


def test_every_subject_has_a_pointer() -> None:
    document = with_context(
        **{"@graph": [{"@id": "ex:a", "kent": {"kent": {"naam": "diep"}}}, {"naam": "los"}]}
    )

    graph = convert(document)

    subjects = {s for s, _, _ in graph.triples}
    assert subjects <= graph.node_pointers.keys()
    assert sorted(graph.node_pointers[s] for s in subjects) == [
        "/@graph/0",
        "/@graph/0/kent",
        "/@graph/0/kent/kent",
        "/@graph/1",
    ]


def test_graph_members_point_into_the_graph_array() -> None:
    graph = convert(with_context(**{"@graph": [{"@id": "ex:a", "naam": "A"}, {"naam": "B"}]}))

    assert graph.node_pointers[URIRef(f"{EX}a")] == "/@graph/0"
    assert graph.node_pointers[node_with(graph, f"{EX}naam", "B")] == "/@graph/1"


def test_index_map_values_point_through_the_index_key() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "lijst": {"eerste/x": {"naam": "I"}}}))

    assert graph.node_pointers[node_with(graph, f"{EX}naam", "I")] == "/lijst/eerste~1x"
    assert graph.pointer_of(URIRef(f"{EX}a"), f"{EX}item") == "/lijst"


def test_language_map_gives_language_literals_and_the_map_key() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "namen": {"nl": "hallo", "en": "hello"}}))

    labels = {o for _, p, o in graph.triples if str(p) == f"{EX}label"}
    assert labels == {Literal("hallo", lang="nl"), Literal("hello", lang="en")}
    assert graph.pointer_of(URIRef(f"{EX}a"), f"{EX}label") == "/namen"


def test_nested_properties_are_read() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "meta": {"genest": {"naam": "N"}}}))

    n = node_with(graph, f"{EX}naam", "N")
    assert (URIRef(f"{EX}a"), URIRef(f"{EX}genest"), n) in graph.triples
    assert graph.node_pointers[n] == "/meta/genest"


def test_pointer_of_a_nested_property_goes_through_the_nest_key() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "meta": {"genest": {"naam": "N"}}}))

    assert graph.pointer_of(URIRef(f"{EX}a"), f"{EX}genest") == "/meta/genest"


def test_list_items_point_into_the_list() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "ex:rij": {"@list": [{"naam": "L"}]}}))

    assert graph.node_pointers[node_with(graph, f"{EX}naam", "L")] == "/ex:rij/@list/0"


def test_reverse_property_nodes_are_mapped() -> None:
    context = {**CONTEXT, "kind": {"@reverse": f"{EX}ouder"}}
    graph = convert({"@context": context, "@id": "ex:a", "kind": {"naam": "K"}})

    k = node_with(graph, f"{EX}naam", "K")
    assert (k, URIRef(f"{EX}ouder"), URIRef(f"{EX}a")) in graph.triples
    assert graph.node_pointers[k] == "/kind"


def test_a_node_referenced_twice_points_at_its_fullest_description() -> None:
    document = with_context(
        **{
            "@graph": [
                {"@id": "ex:a", "kent": {"@id": "ex:b"}},
                {"@id": "ex:b", "naam": "B", "ex:leeftijd": 3},
            ]
        }
    )

    graph = convert(document)

    assert graph.node_pointers[URIRef(f"{EX}b")] == "/@graph/1"


def test_labelled_blank_node_is_one_node_with_one_pointer() -> None:
    document = with_context(
        **{"@graph": [{"@id": "_:x", "naam": "X"}, {"@id": "ex:b", "kent": {"@id": "_:x"}}]}
    )

    graph = convert(document)

    x = node_with(graph, f"{EX}naam", "X")
    assert isinstance(x, BNode)
    assert (URIRef(f"{EX}b"), URIRef(f"{EX}kent"), x) in graph.triples
    assert graph.node_pointers[x] == "/@graph/0"


def test_blank_nodes_of_two_conversions_never_collide() -> None:
    document = with_context(**{"@id": "ex:a", "kent": {"naam": "B"}})

    first = {s for s, _, _ in convert(document).triples if isinstance(s, BNode)}
    second = {s for s, _, _ in convert(document).triples if isinstance(s, BNode)}

    assert len(first) == len(second) == 1
    assert first.isdisjoint(second)


def test_property_pointers_name_the_json_key_of_each_property() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "naam": "A", "ex:ander": "B"}))

    a = URIRef(f"{EX}a")
    assert graph.property_pointers[(a, f"{EX}naam")] == "/naam"
    assert graph.property_pointers[(a, f"{EX}ander")] == "/ex:ander"
    assert graph.pointer_of(a, f"{EX}naam") == "/naam"


def test_pointer_of_unknown_node_or_unknown_path() -> None:
    graph = convert(with_context(**{"@id": "ex:a", "kent": {"naam": "B"}}))

    b = node_with(graph, f"{EX}naam", "B")
    assert graph.pointer_of(URIRef(f"{EX}zomaar")) is None
    assert graph.pointer_of(b, f"{EX}onbekend") == "/kent"
    assert graph.pointer_of(b) == "/kent"
    assert graph.pointer_of(b, f"{EX}naam") == "/kent/naam"


def test_pointer_of_escapes_the_property_key() -> None:
    graph = convert({"@context": {"a~b": f"{EX}raar"}, "@id": f"{EX}a", "a~b": "x"})

    assert graph.pointer_of(URIRef(f"{EX}a"), f"{EX}raar") == "/a~0b"


def test_undefined_keys_are_dropped_and_reported_with_their_pointer() -> None:
    document = with_context(
        **{"@id": "ex:a", "naam": "A", "opmerking": "weg", "kent": [{"geheim/sleutel": 1}]}
    )

    graph = convert(document)

    assert [(f.pointer, f.subject) for f in graph.dropped_keys] == [
        ("/opmerking", "opmerking"),
        ("/kent/0/geheim~1sleutel", "geheim/sleutel"),
    ]
    assert all("weg" not in str(o) for _, _, o in graph.triples)


def test_context_keys_and_keywords_are_not_dropped() -> None:
    document = with_context(**{"@id": "ex:a", "@type": "Persoon", "naam": "A"})

    assert convert(document).dropped_keys == []


def test_undefined_type_names_are_reported() -> None:
    document = with_context(
        **{
            "@id": "ex:a",
            "@type": ["Persoon", "ex:Ander", "http://abs.test/T", "_:t", "Onbekend"],
            "kent": {"@type": "OokOnbekend"},
        }
    )

    graph = convert(document)

    assert [(f.pointer, f.subject) for f in graph.undefined_types] == [
        ("", "Onbekend"),
        ("/kent", "OokOnbekend"),
    ]


def test_type_under_a_vocabulary_is_defined() -> None:
    graph = convert({"@context": {"@vocab": EX}, "@type": "Wat"})

    assert graph.undefined_types == []
    assert graph.dropped_keys == []


def test_pinned_context_is_used_and_recorded() -> None:
    url = "https://pinned.test/context.jsonld"
    graph = convert({"@context": url, "@id": f"{EX}a", "naam": "A"}, {url: {"@context": CONTEXT}})

    assert graph.contexts == [url]
    assert graph.unpinned_contexts == []
    assert (URIRef(f"{EX}a"), URIRef(f"{EX}naam"), Literal("A")) in graph.triples


def test_unpinned_remote_context_is_recorded_and_never_fetched(
    context_server: StaticServer,
) -> None:
    url = context_server.url("/context.jsonld")

    graph = convert({"@context": [url, {"ex": EX}], "@id": "ex:a", "naam": "A"})

    assert graph.unpinned_contexts == [url]
    assert graph.contexts == []
    assert [f.subject for f in graph.dropped_keys] == ["naam"]  # read as an empty context
    assert context_server.hits == {}


def test_imported_context_goes_through_the_context_source_only(
    context_server: StaticServer,
) -> None:
    url = context_server.url("/import.jsonld")

    graph = convert({"@context": {"@import": url, "ex": EX}, "@id": "ex:a", "naam": "A"})

    assert graph.unpinned_contexts == [url]
    assert context_server.hits == {}


def test_pinned_import_is_used() -> None:
    url = "https://pinned.test/import.jsonld"
    pinned = {url: {"@context": {"naam": f"{EX}naam"}}}

    graph = convert({"@context": {"@import": url}, "@id": f"{EX}a", "naam": "A"}, pinned)

    assert graph.contexts == [url]
    assert (URIRef(f"{EX}a"), URIRef(f"{EX}naam"), Literal("A")) in graph.triples


def test_remote_context_inside_a_pinned_context_is_also_offline(
    context_server: StaticServer,
) -> None:
    inner = context_server.url("/inner.jsonld")
    outer = "https://pinned.test/outer.jsonld"

    graph = convert({"@context": outer, "naam": "A"}, {outer: {"@context": [inner]}})

    assert graph.contexts == [outer]
    assert graph.unpinned_contexts == [inner]
    assert context_server.hits == {}


@pytest.mark.parametrize(
    "document",
    [
        {"@context": {"@version": 2}},
        {"@context": 5},
        {"@id": 5},
        {"@context": {"@vocab": EX}, "p": {"@value": {"genest": 1}}},
    ],
)
def test_invalid_json_ld_raises_json_ld_error(document: dict[str, Any]) -> None:
    with pytest.raises(JsonLdError):
        convert(document)


def test_relative_ids_resolve_against_the_base() -> None:
    graph = convert({"@context": CONTEXT, "@id": "item/1", "naam": "A"})

    assert graph.node_pointers == {URIRef("http://vendor.test/item/1"): ""}


def test_input_document_is_not_changed() -> None:
    document = with_context(**{"@id": "ex:a", "kent": {"naam": "B"}, "onbekend": 1})
    before = repr(document)

    convert(document)

    assert repr(document) == before


def test_context_used_directly_then_imported_reads_both_documents() -> None:
    url = "https://pinned.test/context.jsonld"
    pinned = {url: {"@context": {"naam": f"{EX}naam"}}}

    direct = convert({"@context": url, "@id": f"{EX}a", "naam": "A"}, pinned)
    imported = convert({"@context": {"@import": url}, "@id": f"{EX}b", "naam": "B"}, pinned)

    assert (URIRef(f"{EX}a"), URIRef(f"{EX}naam"), Literal("A")) in direct.triples
    assert (URIRef(f"{EX}b"), URIRef(f"{EX}naam"), Literal("B")) in imported.triples


def test_unpinned_import_after_an_unpinned_context_is_still_valid_json_ld() -> None:
    convert({"@context": ["http://onbekend.test/a.jsonld"], "@id": f"{EX}a"})

    graph = convert({"@context": {"@import": "http://onbekend.test/b.jsonld"}, "@id": f"{EX}b"})

    assert graph.unpinned_contexts == ["http://onbekend.test/b.jsonld"]


def test_a_payload_never_changes_the_pinned_context() -> None:
    url = "https://pinned.test/context.jsonld"
    pinned = {url: {"@context": {"naam": f"{EX}naam"}}}

    convert({"@context": {"@import": url, "geheim": f"{EX}geheim"}, "naam": "A"}, pinned)
    later = convert({"@context": url, "@id": f"{EX}b", "geheim": "weg"}, pinned)

    assert pinned == {url: {"@context": {"naam": f"{EX}naam"}}}
    assert [finding.subject for finding in later.dropped_keys] == ["geheim"]
