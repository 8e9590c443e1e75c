"""validate(): one pySHACL run, results grouped by (shape, component), focus nodes counted."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from interop_lab.shapes import ShapeConstraint, constraints_of
from interop_lab.validation import ShaclResult, Validation, validate

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://ex.test/> .
"""
SHAPES = """
ex:PersoonShape a sh:NodeShape ; sh:targetClass ex:Persoon ;
  sh:property [ sh:path ex:naam ; sh:minCount 1 ; sh:datatype xsd:string ] ;
  sh:property [ sh:path ex:email ; sh:pattern "@" ; sh:severity sh:Warning ] .
"""


def turtle(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


def constraint(constraints: list[ShapeConstraint], local_id: str) -> ShapeConstraint:
    return next(c for c in constraints if c.local_id == local_id)


def ex(name: str) -> URIRef:
    return URIRef(f"http://ex.test/{name}")


def run(data: str, shapes: str = SHAPES) -> tuple[Validation, list[ShapeConstraint]]:
    shapes_graph = turtle(shapes)
    constraints = constraints_of(shapes_graph)
    return validate(turtle(data), shapes_graph, constraints), constraints


def test_conforming_data_has_no_results() -> None:
    validation, constraints = run('ex:a a ex:Persoon ; ex:naam "A" ; ex:email "a@b" .')

    assert validation.results == {}
    assert validation.unmatched == []
    assert all(validation.results_for(c) == [] for c in constraints)


def test_results_are_grouped_by_shape_and_component() -> None:
    validation, constraints = run("""
ex:a a ex:Persoon .
ex:b a ex:Persoon ; ex:naam 5 ; ex:email "zonder-apenstaart" .
ex:c a ex:Persoon ; ex:naam "C" .
""")

    missing = validation.results_for(constraint(constraints, "shacl/PersoonShape/naam/minCount"))
    typed = validation.results_for(constraint(constraints, "shacl/PersoonShape/naam/datatype"))
    pattern = validation.results_for(constraint(constraints, "shacl/PersoonShape/email/pattern"))
    assert [r.focus for r in missing] == [ex("a")]
    assert missing[0].path == "http://ex.test/naam"
    assert missing[0].value is None
    assert missing[0].message
    assert [(r.focus, r.value) for r in typed] == [(ex("b"), Literal(5))]
    assert [(r.focus, r.value) for r in pattern] == [(ex("b"), Literal("zonder-apenstaart"))]
    assert len(validation.results) == 3
    assert validation.unmatched == []


def test_results_of_constraints_not_listed_are_unmatched() -> None:
    shapes_graph = turtle(SHAPES)
    listed = [c for c in constraints_of(shapes_graph) if c.local_id.endswith("/naam/minCount")]

    validation = validate(turtle("ex:a a ex:Persoon ; ex:naam 5 ."), shapes_graph, listed)

    assert validation.results == {}
    assert [(r.focus, r.value) for r in validation.unmatched] == [(ex("a"), Literal(5))]


def test_closed_shape_result_names_the_extra_property() -> None:
    validation, constraints = run(
        "ex:a a ex:Ding ; ex:x 1 .",
        "ex:DingShape sh:targetClass ex:Ding ; sh:closed true ; sh:ignoredProperties (rdf:type) .",
    )

    (closed,) = validation.results_for(constraint(constraints, "shacl/DingShape/closed"))
    assert closed == ShaclResult(
        focus=ex("a"), path="http://ex.test/x", value=Literal(1), message=closed.message
    )


def test_focus_count_by_target_class_includes_subclasses_in_the_data() -> None:
    validation, constraints = run("""
ex:Student rdfs:subClassOf ex:Persoon .
ex:Doctorandus rdfs:subClassOf ex:Student .
ex:a a ex:Persoon ; ex:naam "A" .
ex:b a ex:Student ; ex:naam "B" .
ex:c a ex:Doctorandus .
ex:d a ex:Ander .
""")

    assert validation.focus_count(constraints[0]) == 3
    missing = validation.results_for(constraint(constraints, "shacl/PersoonShape/naam/minCount"))
    assert [r.focus for r in missing] == [ex("c")]


def test_focus_count_is_zero_without_instances() -> None:
    validation, constraints = run("ex:a a ex:Ander .")

    assert validation.focus_count(constraints[0]) == 0


def test_focus_count_by_target_node_counts_only_nodes_in_the_data() -> None:
    validation, constraints = run(
        "ex:a ex:p 1 . ex:x ex:p ex:b .",
        """
ex:S sh:targetNode ex:a, ex:b, ex:afwezig ; sh:nodeKind sh:IRI .
""",
    )

    assert validation.focus_count(constraints[0]) == 2


def test_focus_count_by_target_subjects_and_objects_of() -> None:
    validation, constraints = run(
        "ex:a ex:ouder ex:b . ex:c ex:ouder ex:b . ex:d ex:kind ex:e , ex:f .",
        """
ex:Ouders sh:targetSubjectsOf ex:ouder ; sh:nodeKind sh:IRI .
ex:Kinderen sh:targetObjectsOf ex:kind ; sh:nodeKind sh:IRI .
""",
    )

    counts = {str(c.node_shape): validation.focus_count(c) for c in constraints}
    assert counts == {"http://ex.test/Kinderen": 2, "http://ex.test/Ouders": 2}


def test_targets_of_one_shape_are_counted_once_each() -> None:
    validation, constraints = run(
        "ex:a a ex:C ; ex:p 1 .",
        "ex:S sh:targetClass ex:C ; sh:targetSubjectsOf ex:p ; sh:targetNode ex:a ; "
        "sh:nodeKind sh:IRI .",
    )

    assert validation.focus_count(constraints[0]) == 1


def test_focus_count_is_none_without_targets() -> None:
    validation, constraints = run(
        "ex:a a ex:C ; ex:adres [ ex:straat 'S' ] .",
        """
ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:adres ; sh:node ex:AdresShape ] .
ex:AdresShape a sh:NodeShape ; sh:property [ sh:path ex:straat ; sh:minCount 1 ] .
""",
    )

    adres = constraint(constraints, "shacl/AdresShape/straat/minCount")
    assert validation.focus_count(adres) is None
    assert validation.focus_count(constraint(constraints, "shacl/S/adres/node")) == 1


def test_nested_shape_results_are_matched_to_their_own_constraint() -> None:
    validation, constraints = run(
        "ex:a a ex:C ; ex:adres [ ex:huisnummer 1 ] .",
        """
ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:adres ; sh:node ex:AdresShape ] .
ex:AdresShape a sh:NodeShape ; sh:property [ sh:path ex:straat ; sh:minCount 1 ] .
""",
    )

    node = validation.results_for(constraint(constraints, "shacl/S/adres/node"))
    assert [r.focus for r in node] == [ex("a")]
    assert validation.unmatched == []


def test_shapes_graph_is_used_as_published_without_inference() -> None:
    validation, constraints = run(
        "ex:Student rdfs:subClassOf ex:Persoon . ex:b a ex:Student .",
        "ex:S sh:targetClass ex:Persoon ; sh:property [ sh:path ex:naam ; sh:minCount 1 ] .",
    )

    (result,) = validation.results_for(constraints[0])
    assert result.focus == ex("b")
    assert validation.focus_count(constraints[0]) == 1
    assert constraints[0].component == SH.MinCountConstraintComponent
