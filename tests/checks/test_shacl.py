"""SHACL checks: one constraint, every member, one verdict located in the payloads."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from interop_lab.checks.shacl import constraint_holds, rule_text
from interop_lab.crawl import Page
from interop_lab.model.errors import CantTell, Failure, Inapplicable
from interop_lab.model.outcomes import Location
from interop_lab.shapes import ShapeConstraint, constraints_of
from interop_lab.validation import Locator, ShaclResult, Validation, validate

if TYPE_CHECKING:
    from conftest import Builder

PAGE = "http://vendor.test/feed?page=0"
EX = "http://ex.test/"
SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://ex.test/> .
ex:PersoonShape a sh:NodeShape ; sh:targetClass ex:Persoon ;
  sh:property [ sh:path ex:naam ; sh:minCount 1 ] ;
  sh:property [ sh:path ex:email ; sh:pattern "@" ; sh:severity sh:Warning ] ;
  sh:property [ sh:path ex:geboren ; sh:datatype <http://www.w3.org/2001/XMLSchema#date> ] .
ex:AdresShape a sh:NodeShape ; sh:property [ sh:path ex:straat ; sh:minCount 1 ] .
"""


def feed(build: Builder, members: list[dict[str, Any]]) -> Page:
    context = {
        **build.tree_terms,
        "Persoon": f"{EX}Persoon",
        "email": f"{EX}email",
        "geboren": f"{EX}geboren",
    }
    return build.page(PAGE, json.dumps({"@context": context, "@id": "ex:s", "member": members}))


def checked(
    build: Builder, members: list[dict[str, Any]], local_id: str
) -> tuple[ShapeConstraint, Validation, Locator]:
    page = feed(build, members)
    assert page.payload is not None
    data = Graph()
    for triple in page.payload.graph.triples:
        data.add(triple)
    shapes = Graph().parse(data=SHAPES, format="turtle")
    constraints = constraints_of(shapes)
    constraint = next(c for c in constraints if c.local_id == local_id)
    return constraint, validate(data, shapes, constraints), Locator([page])


def made(component: str, parameter: str, path_label: str = "dct:title") -> ShapeConstraint:
    return ShapeConstraint(
        local_id="shacl/S/x",
        node_shape=URIRef(f"{EX}InstanceShape"),
        shape=BNode(),
        component=URIRef(f"{SH}{component}ConstraintComponent"),
        parameter=parameter,
        path=None,
        path_label=path_label,
        shape_label="InstanceShape",
        name=None,
        severity=SH.Violation,
        requirement=f"{EX}InstanceShape",
        targets=(),
    )


def test_constraint_holds_passes_when_every_focus_node_conforms(build: Builder) -> None:
    members = [{"@id": "ex:a", "@type": "Persoon", "naam": "A"}]

    constraint_holds(*checked(build, members, "shacl/PersoonShape/naam/minCount"))


def test_constraint_holds_fails_with_located_results(build: Builder) -> None:
    members = [
        {"@id": "ex:a", "@type": "Persoon", "naam": "A"},
        {"@id": "ex:b", "@type": "Persoon"},
    ]
    constraint, validation, locator = checked(build, members, "shacl/PersoonShape/naam/minCount")

    with pytest.raises(Failure) as raised:
        constraint_holds(constraint, validation, locator)

    failure = raised.value
    assert failure.message == "1 knoop voldoet niet aan deze regel"
    assert failure.expected == "PersoonShape: naam komt minstens 1 keer voor"
    assert failure.received == "bv. te weinig waarden"
    assert failure.locations == (
        Location(
            url=PAGE,
            pointer="/member/1",
            focus_node=f"{EX}b",
            path=f"{EX}naam",
            member=f"{EX}b",
        ),
    )


def test_constraint_holds_locates_the_offending_value(build: Builder) -> None:
    members = [
        {"@id": "ex:a", "@type": "Persoon", "naam": "A", "email": "geen-adres"},
        {"@id": "ex:b", "@type": "Persoon", "naam": "B", "email": "ook-niet"},
    ]
    constraint, validation, locator = checked(build, members, "shacl/PersoonShape/email/pattern")

    with pytest.raises(Failure) as raised:
        constraint_holds(constraint, validation, locator)

    failure = raised.value
    assert failure.message == "2 knopen voldoen niet aan deze aanbeveling"
    assert failure.expected == "PersoonShape: email volgt het patroon @"
    assert sorted((loc.pointer, loc.value) for loc in failure.locations) == [
        ("/member/0/email", "geen-adres"),
        ("/member/1/email", "ook-niet"),
    ]


def test_constraint_holds_is_inapplicable_without_focus_nodes(build: Builder) -> None:
    members = [{"@id": "ex:a", "naam": "geen persoon"}]

    with pytest.raises(Inapplicable) as raised:
        constraint_holds(*checked(build, members, "shacl/PersoonShape/naam/minCount"))

    assert raised.value.message == (f"geen knopen waarop deze vorm van toepassing is ({EX}Persoon)")


def test_constraint_holds_passes_for_a_shape_without_targets(build: Builder) -> None:
    constraint, validation, locator = checked(build, [], "shacl/AdresShape/straat/minCount")
    assert validation.focus_count(constraint) is None

    constraint_holds(constraint, validation, locator)


def test_constraint_holds_cant_tell_without_validation(build: Builder) -> None:
    constraint, _, locator = checked(build, [], "shacl/PersoonShape/naam/minCount")

    with pytest.raises(CantTell, match="konden niet gevalideerd worden"):
        constraint_holds(constraint, None, locator)


def test_constraint_holds_words_the_result_without_a_result_message(build: Builder) -> None:
    constraint, _, locator = checked(build, [], "shacl/PersoonShape/naam/minCount")
    validation = Validation(
        results={
            (constraint.shape, constraint.component): [
                ShaclResult(focus=URIRef(f"{EX}x"), path=None, value=Literal(1), message="")
            ]
        },
        focus_counts={constraint.node_shape: 1},
    )

    with pytest.raises(Failure) as raised:
        constraint_holds(constraint, validation, locator)

    assert raised.value.received == "bv. te weinig waarden"
    assert raised.value.locations == (Location(url="", focus_node=f"{EX}x", value="1"),)


@pytest.mark.parametrize(
    ("component", "parameter", "rule"),
    [
        ("MinCount", "1", "komt minstens 1 keer voor"),
        ("MaxCount", "1", "komt hoogstens 1 keer voor"),
        ("Datatype", "xsd:string", "heeft datatype xsd:string"),
        ("Class", "skos:Concept", "verwijst naar iets van klasse skos:Concept"),
        ("NodeKind", "IRI", "is van soort IRI"),
        ("Pattern", "^\\d+$", "volgt het patroon ^\\d+$"),
        ("LanguageIn", "nl, en", "gebruikt enkel de taalcodes nl, en"),
        ("UniqueLang", "true", "heeft hoogstens één waarde per taal"),
        ("In", "a, b", "heeft een waarde uit: a, b"),
        ("HasValue", "x", "heeft de waarde x"),
        ("MinLength", "2", "is minstens 2 tekens lang"),
        ("MaxLength", "9", "is hoogstens 9 tekens lang"),
        ("Node", "AdresShape", "voldoet aan de vorm AdresShape"),
        ("Equals", "ex:b", "voldoet aan sh:Equals ex:b"),
    ],
)
def test_rule_text_per_component(component: str, parameter: str, rule: str) -> None:
    constraint = made(component, parameter)

    assert rule_text(constraint) == f"InstanceShape: dct:title {rule}"


def test_rule_text_of_a_node_level_constraint_speaks_of_the_node() -> None:
    constraint = made("Closed", "true", path_label="")

    assert rule_text(constraint) == (
        "InstanceShape: de knoop gebruikt geen eigenschappen buiten de vorm"
    )


def test_constraint_holds_says_which_value_was_received(build: Builder) -> None:
    members = [{"@id": "ex:a", "@type": "Persoon", "naam": "A", "geboren": "gisteren"}]
    constraint, validation, locator = checked(build, members, "shacl/PersoonShape/geboren/datatype")

    with pytest.raises(Failure) as raised:
        constraint_holds(constraint, validation, locator)

    assert raised.value.received == 'bv. de waarde "gisteren" heeft een ander datatype'
