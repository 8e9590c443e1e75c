"""The accelerated engine, component by component: a passing case and each way to fail.

Every case also runs ``shacl.validate`` (pySHACL) on the same triples and requires the same
results: the expectations below are pySHACL 0.40's, quirks included.
"""

from __future__ import annotations

import re

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.shapes import ShapeConstraint, constraints_of
from interop_lab.validation import ShaclResult, Validation, validate
from interop_lab.validation.engine import UnsupportedShapes, supported, validate_fast
from tests.validation.compare import PREFIXES, comparable

Found = list[tuple[str, Node | None, str | None, Node | None]]


def turtle(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


def ex(name: str) -> URIRef:
    return URIRef(f"http://ex.test/{name}")


def run(data: str, shapes: str) -> tuple[Validation, list[ShapeConstraint]]:
    """validate_fast, after checking pySHACL (through ``validate``) finds the same."""
    shapes_graph, data_graph = turtle(shapes), turtle(data)
    constraints = constraints_of(shapes_graph)
    assert supported(shapes_graph) is None
    fast = validate_fast(iter(data_graph), shapes_graph, constraints)
    assert comparable(fast) == comparable(validate(data_graph, shapes_graph, constraints))
    return fast, constraints


def found(validation: Validation) -> Found:
    """(component name, focus, path, value) of every result, sorted."""
    rows = [
        (str(key[1]).rsplit("#", 1)[-1].removesuffix("ConstraintComponent"), *_row(result))
        for key, results in validation.results.items()
        for result in results
    ]
    rows += [("unmatched", *_row(result)) for result in validation.unmatched]
    return sorted(rows, key=str)


def _row(result: ShaclResult) -> tuple[Node | None, str | None, Node | None]:
    return result.focus, result.path, result.value


P = "http://ex.test/p"


def test_conforming_data_has_no_results_and_counts_its_focus_nodes() -> None:
    validation, constraints = run(
        'ex:a a ex:C ; ex:p "x"@nl .',
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
    )

    assert validation.results == {}
    assert validation.unmatched == []
    assert validation.focus_count(constraints[0]) == 1


# --- targets -------------------------------------------------------------------------------


def test_target_class_follows_subclasses_in_the_data() -> None:
    validation, _ = run(
        "ex:D rdfs:subClassOf ex:C . ex:E rdfs:subClassOf ex:D . ex:a a ex:E . ex:b a ex:X .",
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
    )

    assert found(validation) == [("MinCount", ex("a"), P, None)]


def test_target_node_is_validated_even_when_absent_but_counted_only_when_present() -> None:
    validation, constraints = run(
        "ex:a ex:p 1 .",
        "ex:S sh:targetNode ex:a, ex:afwezig ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
    )

    assert found(validation) == [("MinCount", ex("afwezig"), P, None)]
    assert validation.focus_count(constraints[0]) == 1


def test_targets_subjects_of_and_objects_of() -> None:
    validation, _ = run(
        'ex:a ex:p ex:b , "tekst" .',
        """
ex:Subjects sh:targetSubjectsOf ex:p ; sh:nodeKind sh:BlankNode .
ex:Objects sh:targetObjectsOf ex:p ; sh:nodeKind sh:IRI .
""",
    )

    assert found(validation) == [
        ("NodeKind", Literal("tekst"), None, Literal("tekst")),
        ("NodeKind", ex("a"), None, ex("a")),
    ]


@pytest.mark.parametrize("kind", ["rdfs:Class", "owl:Class"])
def test_a_shape_that_is_a_class_targets_its_instances(kind: str) -> None:
    validation, _ = run(
        "ex:a a ex:C .",
        f"ex:C a sh:NodeShape, {kind} ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
    )

    assert found(validation) == [("MinCount", ex("a"), P, None)]


def test_a_property_shape_with_a_target_is_validated_on_its_own() -> None:
    validation, _ = run(
        "ex:a a ex:C .",
        "ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 1 .",
    )

    assert found(validation) == [("MinCount", ex("a"), P, None)]


# --- value type -----------------------------------------------------------------------------


def test_class_accepts_instances_of_subclasses_and_rejects_the_rest() -> None:
    validation, _ = run(
        """
ex:D rdfs:subClassOf ex:K .
ex:a a ex:C ; ex:p ex:goed , ex:ook , ex:fout , "literal" , [ a ex:X ] .
ex:goed a ex:K . ex:ook a ex:D .
""",
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:class ex:K ] .",
    )

    rows = found(validation)
    assert {row[3] for row in rows if not isinstance(row[3], BNode)} == {
        ex("fout"),
        Literal("literal"),
    }
    assert len(rows) == 3


@pytest.mark.parametrize(
    ("datatype", "good", "bad"),
    [
        ("xsd:dateTime", '"2024-05-01T10:00:00"^^xsd:dateTime', '"gisteren"^^xsd:dateTime'),
        ("xsd:integer", '"5"^^xsd:integer', '"0.0"^^xsd:integer'),
        ("xsd:string", '"plain"', '"tagged"@nl'),
        ("rdf:langString", '"tagged"@nl', '"plain"'),
        ("xsd:boolean", "true", '"5"^^xsd:decimal'),
        ("rdfs:Literal", '"anything"@en', "ex:iri"),
    ],
)
def test_datatype_checks_the_datatype_and_ill_typed_literals(
    datatype: str, good: str, bad: str
) -> None:
    validation, _ = run(
        f"ex:a a ex:C ; ex:p {good} , {bad} .",
        f"ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:datatype {datatype} ] .",
    )

    ((component, focus, path, value),) = found(validation)
    assert (component, focus, path) == ("Datatype", ex("a"), P)
    assert value == turtle(f"ex:x ex:y {bad} .").value(ex("x"), ex("y"))


@pytest.mark.parametrize(
    ("kind", "failing"),
    [
        ("sh:IRI", {"blank", "literal"}),
        ("sh:BlankNode", {"iri", "literal"}),
        ("sh:Literal", {"iri", "blank"}),
        ("sh:BlankNodeOrIRI", {"literal"}),
        ("sh:BlankNodeOrLiteral", {"iri"}),
        ("sh:IRIOrLiteral", {"blank"}),
    ],
)
def test_node_kind(kind: str, failing: set[str]) -> None:
    validation, _ = run(
        'ex:a a ex:C ; ex:p ex:iri , [ ex:q 1 ] , "literal" .',
        f"ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:nodeKind {kind} ] .",
    )

    kinds = {
        "iri" if isinstance(v, URIRef) else "blank" if isinstance(v, BNode) else "literal"
        for *_, v in found(validation)
    }
    assert kinds == failing


# --- cardinality ----------------------------------------------------------------------------


def test_min_and_max_count_report_the_focus_without_a_value() -> None:
    validation, _ = run(
        "ex:a a ex:C . ex:b a ex:C ; ex:p 1 . ex:c a ex:C ; ex:p 1 , 2 , 3 .",
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:maxCount 2 ] .",
    )

    assert found(validation) == [("MaxCount", ex("c"), P, None), ("MinCount", ex("a"), P, None)]


def test_counts_treat_repeated_triples_as_one() -> None:
    shapes = turtle("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:maxCount 1 ] .")
    triple = (ex("a"), ex("p"), Literal("x"))
    again = (URIRef(str(ex("a"))), URIRef(P), Literal("x"))

    validation = validate_fast([triple, again, triple], shapes, constraints_of(shapes))

    assert validation.results == {}


# --- string based ---------------------------------------------------------------------------


def test_min_and_max_length_read_the_string_and_fail_blank_nodes() -> None:
    validation, _ = run(
        'ex:a a ex:C ; ex:p "ab" , "abcd" , "a" , ex:i , [ ex:q 1 ] .',
        "ex:S sh:targetClass ex:C ; "
        "sh:property [ sh:path ex:p ; sh:minLength 2 ; sh:maxLength 3 ] .",
    )

    rows = found(validation)
    assert {(c, v) for c, _, _, v in rows if not isinstance(v, BNode)} == {
        ("MinLength", Literal("a")),
        ("MaxLength", Literal("abcd")),
        ("MaxLength", ex("i")),
    }
    assert sorted(c for c, _, _, v in rows if isinstance(v, BNode)) == ["MaxLength", "MinLength"]


def test_min_length_zero_passes_blank_nodes() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:p [ ex:q 1 ] .",
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minLength 0 ] .",
    )

    assert found(validation) == []


def test_pattern_searches_with_flags_and_reads_iris() -> None:
    validation, _ = run(
        'ex:a a ex:C ; ex:p "Info@gemeente.be" , "info(at)gemeente" , ex:x , [ ex:q 1 ] .',
        'ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:pattern "@|EX\\\\.TEST" ;'
        ' sh:flags "i" ] .',
    )

    rows = found(validation)
    assert [v for *_, v in rows if not isinstance(v, BNode)] == [Literal("info(at)gemeente")]
    assert len(rows) == 2


def test_pattern_fails_blank_nodes_whatever_it_matches() -> None:
    validation, _ = run(
        'ex:a a ex:C ; ex:p "x" , ex:y , [ ex:q 1 ] .',
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:pattern '.' ] .",
    )

    ((component, _, _, value),) = found(validation)
    assert component == "Pattern"
    assert isinstance(value, BNode)


def test_language_in_matches_the_whole_tag_or_its_first_subtag() -> None:
    validation, _ = run(
        """ex:a a ex:C ; ex:p "nl"@nl , "be"@nl-BE , "formeel"@nl-be-x-formal , "fr"@fr ,
        "geen" , ex:iri .""",
        """ex:S sh:targetClass ex:C ;
        sh:property [ sh:path ex:p ; sh:languageIn ("en" "nl" "nl-be-x-formal") ] .""",
    )

    assert {v for *_, v in found(validation)} == {
        Literal("fr", lang="fr"),
        Literal("geen"),
        ex("iri"),
    }


def test_unique_lang_reports_each_shared_language_once_without_value() -> None:
    validation, _ = run(
        'ex:a a ex:C ; ex:p "a"@nl , "b"@NL , "c"@nl , "d"@en , "e"@en , "f"@fr , "g" , "h" .',
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:uniqueLang true ] .",
    )

    assert found(validation) == [("UniqueLang", ex("a"), P, None)] * 2


def test_unique_lang_false_checks_nothing() -> None:
    validation, _ = run(
        'ex:a a ex:C ; ex:p "a"@nl , "b"@nl .',
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:uniqueLang false ] .",
    )

    assert found(validation) == []


# --- other ----------------------------------------------------------------------------------


def test_in_and_has_value() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:p ex:ja , 1 , 2 . ex:b a ex:C .",
        """ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:in (ex:ja 1) ] ;
        sh:property [ sh:path ex:p ; sh:hasValue ex:ja ] .""",
    )

    assert found(validation) == [
        ("HasValue", ex("b"), P, None),
        ("In", ex("a"), P, Literal(2)),
    ]


def test_closed_reports_each_triple_of_a_predicate_no_property_names() -> None:
    validation, _ = run(
        """ex:a a ex:C , rdfs:Resource ; ex:p 1 ; ex:x 2 , 3 ; ex:y ex:b .""",
        """ex:S sh:targetClass ex:C ; sh:closed true ; sh:ignoredProperties (ex:y) ;
        sh:property [ sh:path ex:p ] .""",
    )

    assert found(validation) == [
        ("Closed", ex("a"), "http://ex.test/x", Literal(2)),
        ("Closed", ex("a"), "http://ex.test/x", Literal(3)),
        ("Closed", ex("a"), "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ex("C")),
    ]


def test_closed_false_allows_anything() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:x 2 .",
        "ex:S sh:targetClass ex:C ; sh:closed false ; sh:ignoredProperties (rdf:type) .",
    )

    assert found(validation) == []


# --- shape based and logical ----------------------------------------------------------------


NESTED = """
ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:adres ; sh:node ex:Adres ] .
ex:Adres a sh:NodeShape ; sh:property [ sh:path ex:straat ; sh:minCount 1 ] .
"""


def test_node_reports_the_value_and_keeps_the_nested_results() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:adres ex:goed , ex:fout . ex:goed ex:straat 'S' .",
        NESTED,
    )

    assert found(validation) == [
        ("MinCount", ex("fout"), "http://ex.test/straat", None),
        ("Node", ex("a"), "http://ex.test/adres", ex("fout")),
    ]


def test_nested_results_repeat_for_each_focus_that_reaches_them() -> None:
    validation, _ = run("ex:a a ex:C ; ex:adres ex:fout . ex:b a ex:C ; ex:adres ex:fout .", NESTED)

    assert [row[0] for row in found(validation)] == ["MinCount", "MinCount", "Node", "Node"]


def test_a_property_shape_under_a_property_shape_reports_per_focus_that_reaches_the_value() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:adres ex:x . ex:b a ex:C ; ex:adres ex:x .",
        """ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:adres ;
        sh:property [ sh:path ex:straat ; sh:minCount 1 ] ] .""",
    )

    assert found(validation) == [("unmatched", ex("x"), "http://ex.test/straat", None)] * 2


def test_node_fails_a_value_whose_warning_shape_reported_something() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:adres ex:x .",
        """ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:adres ; sh:node ex:Adres ] .
        ex:Adres a sh:NodeShape ; sh:severity sh:Warning ;
        sh:property [ sh:path ex:straat ; sh:minCount 1 ] .""",
    )

    assert [row[0] for row in found(validation)] == ["MinCount", "Node"]


def test_a_warning_property_shape_does_not_break_the_conformance_of_its_node_shape() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:q ex:x .",
        """ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:q ; sh:not ex:Leeg ] .
        ex:Leeg a sh:NodeShape ;
        sh:property [ sh:path ex:straat ; sh:minCount 1 ; sh:severity sh:Warning ] .""",
    )

    assert found(validation) == [("Not", ex("a"), "http://ex.test/q", ex("x"))]


LOGIC = """
ex:Iri a sh:NodeShape ; sh:nodeKind sh:IRI .
ex:Tekst a sh:NodeShape ; sh:datatype xsd:string .
ex:Kort a sh:NodeShape ; sh:maxLength 4 .
"""


@pytest.mark.parametrize(
    ("constraint", "failing"),
    [
        ("sh:not ex:Iri", {"ex:iri", "ex:lange-iri"}),
        ("sh:and (ex:Tekst ex:Kort)", {"ex:iri", "ex:lange-iri", "langer"}),
        ("sh:or (ex:Iri ex:Tekst)", set()),
        ("sh:or (ex:Tekst ex:Kort)", {"ex:iri", "ex:lange-iri"}),
        ("sh:xone (ex:Tekst ex:Kort)", {"ex:iri", "ex:lange-iri", "kort"}),
        # A shape listed twice counts twice: no value conforms exactly once.
        ("sh:xone (ex:Kort ex:Kort)", {"ex:iri", "ex:lange-iri", "kort", "langer"}),
    ],
)
def test_logical_constraints_count_conformance(constraint: str, failing: set[str]) -> None:
    validation, _ = run(
        'ex:a a ex:C ; ex:p ex:iri , ex:lange-iri , "kort" , "langer" .',
        LOGIC + f"ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; {constraint} ] .",
    )

    named = {
        f"ex:{str(v).removeprefix('http://ex.test/')}" if isinstance(v, URIRef) else str(v)
        for *_, v in found(validation)
    }
    assert named == failing


def test_a_deactivated_shape_reports_nothing_and_conforms() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:p ex:x .",
        """ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:q ; sh:minCount 1 ;
        sh:deactivated true ] ; sh:property [ sh:path ex:p ; sh:not ex:Uit ] .
        ex:Uit a sh:NodeShape ; sh:deactivated true ; sh:nodeKind sh:Literal .""",
    )

    assert found(validation) == [("Not", ex("a"), P, ex("x"))]


def test_constraints_on_a_node_shape_check_the_focus_node() -> None:
    validation, _ = run(
        "ex:a a ex:C . _:b a ex:C .",
        "ex:S sh:targetClass ex:C ; sh:nodeKind sh:IRI ; sh:pattern 'a$' .",
    )

    assert [row[0] for row in found(validation)] == ["NodeKind", "Pattern"]


# --- paths ----------------------------------------------------------------------------------


def test_inverse_and_sequence_paths_report_no_path() -> None:
    validation, _ = run(
        "ex:a a ex:C ; ex:p ex:b . ex:b ex:q 'x' . ex:c a ex:C .",
        """ex:Inverse sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:p ] ;
        sh:minCount 1 ] .
        ex:Sequence sh:targetClass ex:C ;
        sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .""",
    )

    assert found(validation) == [
        ("MinCount", ex("a"), None, None),
        ("MinCount", ex("c"), None, None),
        ("MinCount", ex("c"), None, None),
    ]


# --- messages, severities, supported --------------------------------------------------------


def test_messages_come_from_the_shape_else_read_like_pyshacl() -> None:
    validation, constraints = run(
        'ex:a a ex:C ; ex:p 5 , "x" .',
        """ex:S sh:targetClass ex:C ;
        sh:property [ sh:path ex:p ; sh:datatype xsd:string ] ;
        sh:property [ sh:path ex:p ; sh:pattern "^x$" ; sh:severity sh:Info ;
        sh:message "Alleen x"@nl, "Only x"@en ] .""",
    )

    messages = {
        str(k[1]).rsplit("#")[-1]: {r.message for r in rs} for k, rs in validation.results.items()
    }
    assert messages == {
        "DatatypeConstraintComponent": {"Value is not Literal with datatype xsd:string"},
        "PatternConstraintComponent": {"Alleen x"},
    }
    assert any(c.severity == SH.Info for c in constraints)


@pytest.mark.parametrize(
    ("shapes", "reason"),
    [
        ("ex:S sh:targetClass ex:C ; sh:minInclusive 1 .", "minInclusive"),
        ("ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:equals ex:q ] .", "equals"),
        (
            "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; "
            "sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedMinCount 1 ] .",
            "qualified",
        ),
        ("ex:S sh:targetClass ex:C ; sh:sparql [ sh:select 'SELECT $this {}' ] .", "sparql"),
        ("ex:S sh:target [ a sh:SPARQLTarget ; sh:select 'SELECT ?this {}' ] .", "sh:target"),
        (
            "ex:S sh:targetClass ex:C ; sh:property [ sh:path [ sh:zeroOrMorePath ex:p ] ; "
            "sh:minCount 1 ] .",
            "zeroOrMorePath",
        ),
        ("ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:S ] .", "itself"),
        ("ex:S sh:targetClass ex:C ; sh:datatype xsd:string, xsd:integer .", "2 values"),
        ("ex:S sh:targetClass ex:C ; sh:minCount 1 .", "node shape"),
        ("ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:pattern '(' ] .", "regular"),
        ("ex:S sh:targetClass ex:C ; sh:ignoredProperties (ex:p) .", "without sh:closed"),
        ("ex:S sh:targetClass ex:C ; sh:or () .", "empty list"),
        ("ex:C a sh:NodeShape, sh:PropertyShape ; sh:path ex:p .", "both"),
        ("ex:S sh:targetClass ex:C ; sh:severity sh:Warning, sh:Info .", "severity"),
        ("ex:K a sh:ConstraintComponent ; sh:parameter [ sh:path ex:k ] .", "custom"),
    ],
)
def test_supported_names_what_the_engine_does_not_implement(shapes: str, reason: str) -> None:
    graph = turtle(shapes)

    said = supported(graph)

    assert said is not None
    assert reason in said
    with pytest.raises(UnsupportedShapes, match=re.escape(said)):
        validate_fast([], graph, constraints_of(graph))


def test_supported_accepts_what_the_lab_shapes_use() -> None:
    graph = turtle(NESTED + LOGIC)

    assert supported(graph) is None
