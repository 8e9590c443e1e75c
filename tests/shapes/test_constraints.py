"""constraints_of: one ShapeConstraint per (shape, component), with a stable id and its usage."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH

from interop_lab.model.outcomes import Usage
from interop_lab.shapes import ShapeConstraint, constraints_of
from tests.mirror import oslo_mirror

INSTANTIE_SHAPES = "ipdc-lpdc/2024-07-04-implementatiemodel/shacl/instantie-shape.ttl"
IPDC = "https://data.vlaanderen.be/doc/implementatiemodel/ipdc-lpdc/ontwerpstandaard/2024-01-11#"
PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://ex.test/> .
"""


def shapes_of(turtle: str) -> Graph:
    return Graph().parse(data=PREFIXES + turtle, format="turtle")


def by_id(constraints: list[ShapeConstraint]) -> dict[str, ShapeConstraint]:
    return {constraint.local_id: constraint for constraint in constraints}


@pytest.fixture(scope="module")
def instantie_shapes() -> Graph:
    return Graph().parse(oslo_mirror() / INSTANTIE_SHAPES, format="turtle")


def test_real_instantie_shapes_give_202_constraints_with_unique_ids(
    instantie_shapes: Graph,
) -> None:
    constraints = constraints_of(instantie_shapes)

    ids = [constraint.local_id for constraint in constraints]
    assert len(constraints) == 202
    assert len(set(ids)) == 202
    assert all(local_id.startswith("shacl/Instance") for local_id in ids)
    assert all(c.usage is Usage.VERPLICHT for c in constraints)


def test_real_instantie_shapes_components(instantie_shapes: Graph) -> None:
    counts = Counter(c.component_name for c in constraints_of(instantie_shapes))

    assert counts == {
        "MaxCount": 51,
        "Datatype": 46,
        "MinCount": 35,
        "Class": 24,
        "LanguageIn": 23,
        "UniqueLang": 22,
        "Pattern": 1,
    }


def test_duplicate_email_datatype_gets_a_counter(instantie_shapes: Graph) -> None:
    constraints = by_id(constraints_of(instantie_shapes))

    first = constraints["shacl/InstanceContactPointShape/schema-email/datatype"]
    second = constraints["shacl/InstanceContactPointShape/schema-email/datatype-2"]
    assert first.shape != second.shape
    assert first.path == second.path == "http://schema.org/email"
    assert [c for c in constraints if c.endswith("-3")] == []
    # The one with the pattern is the second, however the file's triples are ordered.
    assert instantie_shapes.value(second.shape, SH.pattern) is not None
    assert instantie_shapes.value(first.shape, SH.pattern) is None


def test_ids_do_not_depend_on_the_order_of_the_triples(instantie_shapes: Graph) -> None:
    expected = [
        (c.local_id, sorted(map(str, instantie_shapes.predicates(c.shape))))
        for c in constraints_of(instantie_shapes)
    ]
    lines = instantie_shapes.serialize(format="nt").splitlines()

    for seed in range(4):
        random.Random(seed).shuffle(lines)
        shuffled = Graph().parse(data="\n".join(lines), format="nt")
        found = [
            (c.local_id, sorted(map(str, shuffled.predicates(c.shape))))
            for c in constraints_of(shuffled)
        ]
        assert found == expected


def test_real_constraint_fields(instantie_shapes: Graph) -> None:
    constraint = by_id(constraints_of(instantie_shapes))[
        "shacl/InstancePublicServiceShape/dct-title/minCount"
    ]

    assert constraint.node_shape == URIRef(f"{IPDC}InstancePublicServiceShape")
    assert isinstance(constraint.shape, BNode)
    assert constraint.component == SH.MinCountConstraintComponent
    assert constraint.parameter == "1"
    assert constraint.path == "http://purl.org/dc/terms/title"
    assert constraint.path_label == "dct:title"
    assert constraint.shape_label == "InstancePublicServiceShape"
    assert constraint.requirement == f"{IPDC}InstancePublicServiceShape"
    assert constraint.targets == (
        (
            SH.targetClass,
            URIRef(
                "https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#InstancePublicServiceSnapshot"
            ),
        ),
    )


def test_property_constraints_of_one_shape_with_name_and_parameters() -> None:
    shapes = shapes_of("""
ex:PersoonShape a sh:NodeShape ; sh:targetClass ex:Persoon ;
  sh:property [ sh:path dct:title ; sh:name "titel" ; sh:minCount 1 ; sh:maxCount 2 ;
                sh:datatype xsd:string ; sh:in ("a" ex:b) ; sh:pattern "^x" ] .
""")

    constraints = by_id(constraints_of(shapes))

    assert sorted(constraints) == [
        "shacl/PersoonShape/dct-title/datatype",
        "shacl/PersoonShape/dct-title/in",
        "shacl/PersoonShape/dct-title/maxCount",
        "shacl/PersoonShape/dct-title/minCount",
        "shacl/PersoonShape/dct-title/pattern",
    ]
    assert constraints["shacl/PersoonShape/dct-title/datatype"].parameter == "xsd:string"
    assert constraints["shacl/PersoonShape/dct-title/in"].parameter == "a, b"
    assert constraints["shacl/PersoonShape/dct-title/pattern"].parameter == "^x"
    assert {c.name for c in constraints.values()} == {"titel"}


@pytest.mark.parametrize(
    ("severity", "usage"),
    [
        ("sh:Violation", Usage.VERPLICHT),
        ("sh:Warning", Usage.AANBEVOLEN),
        ("sh:Info", Usage.AANBEVOLEN),
    ],
)
def test_usage_follows_the_severity(severity: str, usage: Usage) -> None:
    shapes = shapes_of(f"""
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
  sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:severity {severity} ] .
""")

    (constraint,) = constraints_of(shapes)

    assert constraint.usage is usage
    assert constraint.severity == URIRef(SH + severity.split(":")[1])


def test_no_severity_means_violation() -> None:
    (constraint,) = constraints_of(
        shapes_of("ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .")
    )

    assert constraint.severity == SH.Violation
    assert constraint.usage is Usage.VERPLICHT


def test_closed_node_shape_is_a_node_level_constraint() -> None:
    shapes = shapes_of("""
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true ; sh:ignoredProperties (ex:q) ;
  sh:property [ sh:path ex:p ; sh:maxCount 1 ] .
""")

    constraints = by_id(constraints_of(shapes))

    closed = constraints["shacl/S/closed"]
    assert closed.component == SH.ClosedConstraintComponent
    assert closed.shape == closed.node_shape == URIRef("http://ex.test/S")
    assert closed.path is None
    assert closed.path_label == ""
    assert closed.requirement == "http://ex.test/S"
    assert sorted(constraints) == ["shacl/S/closed", "shacl/S/p/maxCount"]


def test_closed_false_is_no_constraint() -> None:
    shapes = shapes_of("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed false .")

    assert constraints_of(shapes) == []


def test_class_on_a_node_shape_is_a_node_level_constraint() -> None:
    shapes = shapes_of("ex:S a sh:NodeShape ; sh:targetObjectsOf ex:heeft ; sh:class ex:C .")

    (constraint,) = constraints_of(shapes)

    assert constraint.local_id == "shacl/S/class"
    assert constraint.component == SH.ClassConstraintComponent
    assert constraint.parameter == "C"
    assert constraint.targets == ((SH.targetObjectsOf, URIRef("http://ex.test/heeft")),)


def test_every_kind_of_target_is_recorded() -> None:
    shapes = shapes_of("""
ex:S sh:targetClass ex:C ; sh:targetNode ex:n ; sh:targetSubjectsOf ex:p ;
  sh:targetObjectsOf ex:q ; sh:nodeKind sh:IRI .
""")

    (constraint,) = constraints_of(shapes)

    assert constraint.targets == (
        (SH.targetClass, URIRef("http://ex.test/C")),
        (SH.targetNode, URIRef("http://ex.test/n")),
        (SH.targetSubjectsOf, URIRef("http://ex.test/p")),
        (SH.targetObjectsOf, URIRef("http://ex.test/q")),
    )


def test_node_shape_without_targets_has_no_targets() -> None:
    shapes = shapes_of("ex:S a sh:NodeShape ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .")

    (constraint,) = constraints_of(shapes)

    assert constraint.targets == ()


def test_property_shapes_are_not_node_shapes() -> None:
    shapes = shapes_of("""
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:TitelShape .
ex:TitelShape a sh:NodeShape ; sh:path dct:title ; sh:minCount 1 .
""")

    (constraint,) = constraints_of(shapes)

    assert constraint.node_shape == URIRef("http://ex.test/S")
    assert constraint.shape == URIRef("http://ex.test/TitelShape")
    assert constraint.requirement == "http://ex.test/TitelShape"  # a named property shape


def test_inverse_path_is_labelled() -> None:
    shapes = shapes_of("""
ex:S sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:ouder ] ; sh:minCount 1 ] .
""")

    (constraint,) = constraints_of(shapes)

    assert constraint.path is None
    assert constraint.path_label == "^ouder"
    assert constraint.local_id == "shacl/S/^ouder/minCount"


def test_sequence_path_is_labelled() -> None:
    shapes = shapes_of("""
ex:S sh:targetClass ex:C ; sh:property [ sh:path ( dct:publisher ex:naam ) ; sh:minCount 1 ] .
""")

    (constraint,) = constraints_of(shapes)

    assert constraint.path is None
    assert constraint.path_label == "dct:publisher/naam"
    assert constraint.local_id == "shacl/S/dct-publisher_naam/minCount"


def test_other_complex_path_is_labelled_as_such() -> None:
    shapes = shapes_of("""
ex:S sh:targetClass ex:C ;
  sh:property [ sh:path [ sh:alternativePath ( ex:a ex:b ) ] ; sh:minCount 1 ] .
""")

    (constraint,) = constraints_of(shapes)

    assert constraint.path_label == "(complex path)"


def test_node_shapes_in_iri_order_and_property_shapes_in_path_order() -> None:
    shapes = shapes_of("""
ex:B sh:targetClass ex:C ; sh:property [ sh:path ex:z ; sh:minCount 1 ] ,
                                        [ sh:path ex:a ; sh:minCount 1 ] .
ex:A sh:targetClass ex:C ; sh:nodeKind sh:IRI .
""")

    ids = [c.local_id for c in constraints_of(shapes)]

    assert ids == ["shacl/A/nodeKind", "shacl/B/a/minCount", "shacl/B/z/minCount"]


def test_sh_node_and_logical_parameters_read_as_shapes() -> None:
    shapes = shapes_of("""
ex:S sh:targetClass ex:C ;
  sh:property [ sh:path ex:adres ; sh:node ex:AdresShape ] ;
  sh:property [ sh:path ex:p ; sh:or ( [ sh:datatype xsd:string ] [ sh:class ex:D ] ) ] .
ex:AdresShape a sh:NodeShape ; sh:property [ sh:path ex:straat ; sh:minCount 1 ] .
""")

    constraints = by_id(constraints_of(shapes))

    assert constraints["shacl/S/adres/node"].parameter == "AdresShape"
    assert constraints["shacl/S/p/or"].component == SH.OrConstraintComponent
    assert constraints["shacl/AdresShape/straat/minCount"].targets == ()


def test_component_name() -> None:
    (constraint,) = constraints_of(
        shapes_of("ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:uniqueLang true ] .")
    )

    assert constraint.component_name == "UniqueLang"
    assert constraint.local_id == "shacl/S/p/uniqueLang"


def test_inverse_step_inside_a_sequence_is_labelled() -> None:
    shapes = shapes_of("""
ex:S sh:targetClass ex:C ;
  sh:property [ sh:path ( [ sh:inversePath ex:lid ] ex:naam ) ; sh:minCount 1 ] .
""")

    (constraint,) = constraints_of(shapes)

    assert constraint.path_label == "^lid/naam"


def test_two_complex_paths_of_one_shape_get_their_own_ids() -> None:
    shapes = shapes_of("""
ex:S sh:targetClass ex:C ;
  sh:property [ sh:path [ sh:inversePath ex:a ] ; sh:minCount 1 ] ,
              [ sh:path [ sh:inversePath ex:b ] ; sh:minCount 1 ] .
""")

    ids = [c.local_id for c in constraints_of(shapes)]

    assert ids == ["shacl/S/^a/minCount", "shacl/S/^b/minCount"]
