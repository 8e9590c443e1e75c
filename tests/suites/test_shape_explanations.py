"""Tests generated from the shapes are explained by a template per SHACL constraint component,
filled in with the property's name and path, the expected value and the shape's own words."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH

from interop_lab.model.explanations import Explanation
from interop_lab.shapes import ShapeConstraint, constraints_of
from interop_lab.shapes.constraints import COMPONENTS
from interop_lab.suites.shape_explanations import explanation_of_constraint, shape_templates

CPSV = "http://purl.org/vocab/cpsv#"
LINK = "https://example.org/standaard#InstanceShape"
UNFILLED = re.compile(r"\{(focus|property|values|value|hint|shape|component)\}")
# component -> (parameter, words of the Dutch text, words of the English text)
EXPECTED: dict[str, tuple[str, str, str]] = {
    "Class": (
        "skos:Concept",
        "verwijst elke waarde van “naam” (dct:title) naar een object van klasse skos:Concept",
        "every value of “naam” (dct:title) refers to an object of class skos:Concept",
    ),
    "Datatype": (
        "xsd:dateTime",
        "het datatype xsd:dateTime (een datum met tijd en tijdzone",
        "has datatype xsd:dateTime (a date with time and time zone",
    ),
    "NodeKind": (
        "sh:IRI",
        "van de soort sh:IRI (een link naar een object",
        "of kind sh:IRI (a link",
    ),
    "MinCount": (
        "1",
        "Elk object van klasse cpsv:PublicService moet “naam” (dct:title) minstens 1 keer",
        "Every object of class cpsv:PublicService must state “naam” (dct:title) at least 1",
    ),
    "MaxCount": ("1", "vermeldt “naam” (dct:title) hoogstens 1 keer", "at most 1 time(s)"),
    "MinExclusive": ("0", "is elke waarde van “naam” (dct:title) groter dan 0", "greater than 0"),
    "MinInclusive": ("1", "is elke waarde van “naam” (dct:title) minstens 1.", "at least 1."),
    "MaxExclusive": ("100", "kleiner dan 100", "less than 100"),
    "MaxInclusive": ("100", "hoogstens 100.", "at most 100."),
    "MinLength": ("2", "minstens 2 tekens lang", "at least 2 characters long"),
    "MaxLength": ("255", "hoogstens 255 tekens lang", "at most 255 characters long"),
    "Pattern": ("^[0-9]{4}$", "het patroon ^[0-9]{4}$", "matches the pattern ^[0-9]{4}$"),
    "LanguageIn": ("nl, en", "een van de taalcodes nl, en", "one of the language tags nl, en"),
    "UniqueLang": ("true", "hoogstens één tekst per taal", "at most one text per language"),
    "Equals": ("dct:alternative", "dezelfde waarden als dct:alternative", "same values as"),
    "Disjoint": ("dct:alternative", "geen enkele waarde gemeen met", "shares no value with"),
    "LessThan": ("dcat:endDate", "kleiner dan die van dcat:endDate", "less than those of"),
    "LessThanOrEquals": ("dcat:endDate", "kleiner dan of gelijk aan", "less than or equal to"),
    "Not": ("(shape)", "níet aan de vorm die de regel uitsluit", "does not match the shape"),
    "And": ("(shape)", "aan elk van de vormen", "every one of the shapes"),
    "Or": ("(shape)", "minstens één van de toegelaten vormen", "at least one of the allowed"),
    "Xone": ("(shape)", "precies één van de vormen", "exactly one of the shapes"),
    "Node": ("AdresShape", "zelf aan de vorm AdresShape", "itself matches the shape AdresShape"),
    "Property": ("(shape)", "eigenschapsregels", "property rules"),
    "QualifiedMinCount": ("1", "minstens 1 waarde(n) van “naam” (dct:title)", "at least 1 value"),
    "QualifiedMaxCount": ("2", "hoogstens 2 waarde(n)", "at most 2 value(s)"),
    "Closed": ("true", "die de vorm InstanceShape noemt", "the shape InstanceShape names"),
    "HasValue": ("nl", "(onder meer) de waarde nl", "(among others) the value nl"),
    "In": ("a, b", "uit de lijst a, b", "is one of a, b"),
    "SPARQL": ("(shape)", "SPARQL-voorwaarde", "SPARQL condition"),
}


def constraint(component: str, parameter: str = "1", **changes: object) -> ShapeConstraint:
    made = ShapeConstraint(
        local_id=f"shacl/InstanceShape/dct-title/{component}",
        node_shape=URIRef("https://example.org/standaard#InstanceShape"),
        shape=BNode(),
        component=URIRef(f"{SH}{component}ConstraintComponent"),
        parameter=parameter,
        path="http://purl.org/dc/terms/title",
        path_label="dct:title",
        shape_label="InstanceShape",
        name="naam",
        severity=SH.Violation,
        requirement=LINK,
        targets=((SH.targetClass, URIRef(f"{CPSV}PublicService")),),
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def explained(made: ShapeConstraint) -> Explanation:
    return explanation_of_constraint(made, LINK)


def _all_text(explanation: Explanation, language: str) -> str:
    text = explanation.text(language)
    return " ".join((text.meaning, text.cause, text.fix))


def test_every_shacl_component_has_a_template_of_its_own() -> None:
    names = {
        str(iri).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
        for iri in COMPONENTS.values()
    }

    assert names <= set(shape_templates().components)
    assert names == set(EXPECTED)


@pytest.mark.parametrize("component", sorted(EXPECTED))
def test_each_component_template_says_the_rule_in_dutch_and_english(component: str) -> None:
    parameter, dutch, english = EXPECTED[component]

    explanation = explained(constraint(component, parameter))

    assert dutch in explanation.nl.meaning
    assert english in explanation.en.meaning
    for language in ("nl", "en"):
        text = explanation.text(language)
        assert text.meaning[0].isupper()
        assert all(part.strip() for part in (text.meaning, text.cause, text.fix))
        assert not UNFILLED.search(_all_text(explanation, language))
    assert explanation.link == LINK


def test_the_fix_names_the_property_and_the_expected_value() -> None:
    explanation = explained(constraint("Datatype", "xsd:date"))

    assert "“naam” (dct:title)" in explanation.nl.fix
    assert "xsd:date (een datum, bv. 2024-05-27)" in explanation.nl.fix
    assert "xsd:date (a date, e.g. 2024-05-27)" in explanation.en.fix


def test_without_sh_name_the_property_is_its_path() -> None:
    explanation = explained(constraint("MinCount", name=None))

    assert "moet dct:title minstens 1 keer vermelden" in explanation.nl.meaning
    assert "must state dct:title at least 1 time(s)" in explanation.en.meaning


def test_a_rule_on_the_node_itself_speaks_of_the_object() -> None:
    explanation = explained(constraint("Class", "cpsv:PublicService", path=None, path_label=""))

    assert "is het object zelf" not in explanation.nl.meaning
    assert "verwijst het object zelf naar een object van klasse" in explanation.nl.meaning
    assert "the object itself refers to" in explanation.en.meaning


def test_the_focus_is_the_target_class_or_else_the_shape() -> None:
    two = (
        (SH.targetClass, URIRef(f"{CPSV}PublicService")),
        (SH.targetClass, URIRef("http://purl.org/dc/terms/Location")),
    )

    assert (
        "klasse cpsv:PublicService of dct:Location"
        in explained(constraint("MinCount", targets=two)).nl.meaning
    )
    assert explained(constraint("MinCount", targets=())).nl.meaning.startswith(
        "Elk object dat de vorm InstanceShape moet volgen"
    )
    assert explained(constraint("MinCount", targets=())).en.meaning.startswith(
        "Every object that must follow shape InstanceShape"
    )


def test_the_shapes_description_and_message_are_quoted() -> None:
    explanation = explained(
        constraint("MinCount", description="De officiële naam.", message="Naam ontbreekt.")
    )

    assert explanation.nl.meaning.endswith("De standaard omschrijft het zo: “De officiële naam.”")
    assert explanation.en.meaning.endswith("The standard describes it as: “De officiële naam.”")
    assert explanation.nl.cause.endswith("De melding van de standaard: “Naam ontbreekt.”")
    assert "Naam ontbreekt." not in explanation.nl.meaning


def test_a_component_without_a_template_gets_the_general_one() -> None:
    explanation = explained(constraint("Eigen"))

    assert "de regel Eigen van de vorm InstanceShape" in explanation.nl.meaning
    assert "the rule Eigen of the shape InstanceShape" in explanation.en.meaning


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix ex: <https://example.org/standaard#> .
ex:InstanceShape a sh:NodeShape ; sh:targetClass ex:Dienst ;
  sh:property [ sh:path dct:title ; sh:minCount 1 ; sh:name "naam"@nl ;
                sh:description "The official name."@en, "De officiële naam."@nl ;
                sh:message "Geef een naam." ] .
"""


def test_description_and_message_are_read_from_the_shapes_in_dutch_first() -> None:
    [read] = constraints_of(Graph().parse(data=SHAPES, format="turtle"))

    assert read.description == "De officiële naam."
    assert read.message == "Geef een naam."
    assert "De standaard omschrijft het zo: “De officiële naam.”" in explained(read).nl.meaning
