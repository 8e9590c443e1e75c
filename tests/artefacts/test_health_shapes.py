"""The artefact check on small inline Turtle artefacts: syntax and SHACL shapes. Each diagnosis
has one artefact that has the defect and one that does not."""

from __future__ import annotations

from interop_lab.artefacts.findings import Finding
from interop_lab.artefacts.health import diagnose

URL = "https://data.vlaanderen.be/doc/applicatieprofiel/voorbeeld/shacl/voorbeeld-SHACL.ttl"
PREFIXES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <http://schema.org/> .
@prefix ex: <https://example.org/shapes#> .
"""


def shapes(properties: str, target: str = "<http://www.w3.org/ns/org#Organization>") -> bytes:
    """One node shape with the given property shapes (Turtle, each ``[ ... ]``)."""
    return (
        f"{PREFIXES}ex:Organisatie a sh:NodeShape ;\n    sh:targetClass {target} ;\n"
        f"    sh:property {properties} .\n"
    ).encode()


def findings(data: bytes, known_urls: frozenset[str] = frozenset()) -> dict[str, Finding]:
    return {finding.code: finding for finding in diagnose(data, URL, known_urls).findings}


SOUND = shapes('[ sh:path dct:title ; sh:name "titel" ; sh:minCount 1 ; sh:datatype xsd:string ]')


def test_sound_shapes_have_no_findings() -> None:
    diagnosis = diagnose(SOUND, URL)

    assert diagnosis.kind == "SHACL shapes (Turtle, 9 triples)"
    assert diagnosis.findings == ()


def test_turtle_that_does_not_parse_is_named_with_its_line() -> None:
    broken = PREFIXES.encode() + b"ex:a ex:b ex:c .\nex:a ex:b .\n"

    finding = findings(broken)["turtle-syntax"]

    assert finding.message == "Turtle does not parse: line 10: objectList expected"
    assert finding.breaks_run


def test_rdf_without_shapes_is_read_but_not_judged_as_shapes() -> None:
    codes = PREFIXES.encode() + b"ex:gemeente a <http://www.w3.org/2004/02/skos/core#Concept> .\n"

    assert diagnose(codes, URL).kind == "RDF (Turtle, 1 triples)"


def test_string_cardinalities_are_counted_and_refused_by_pyshacl() -> None:
    published = shapes('[ sh:path dct:title ; sh:minCount "1" ; sh:maxCount "1" ]')

    found = findings(published)

    assert found["string-cardinalities"].message == (
        '2 cardinalities (sh:minCount, sh:maxCount) are strings such as "1", not xsd:integer'
    )
    assert found["shacl-refused"].message.startswith("pySHACL refuses the shapes: ")
    assert "must be a literal with datatype xsd:integer" in found["shacl-refused"].message


def test_integer_cardinalities_are_loaded_by_pyshacl() -> None:
    assert not {"string-cardinalities", "shacl-refused"} & findings(SOUND).keys()


def test_sh_class_rdf_langstring_is_named_with_its_paths() -> None:
    found = findings(shapes("[ sh:path dct:title ; sh:class rdf:langString ]"))

    assert found["class-langstring"].message == (
        "sh:class rdf:langString (a datatype, not a class) on 1 property shape(s): dct:title"
    )


def test_sh_datatype_rdf_langstring_is_fine() -> None:
    assert findings(shapes("[ sh:path dct:title ; sh:datatype rdf:langString ]")) == {}


def test_sh_datatype_rdfs_literal_is_named_with_its_paths() -> None:
    found = findings(shapes("[ sh:path schema:openingHours ; sh:datatype rdfs:Literal ]"))

    assert "on 1 property shape(s): schema:openingHours" in found["datatype-literal"].message


def test_a_target_class_in_the_https_twin_of_a_w3c_namespace_is_named() -> None:
    found = findings(
        shapes("[ sh:path dct:title ]", target="<https://www.w3.org/ns/org#Organization>")
    )

    finding = found["wrong-namespace"]
    assert finding.subject == "https://www.w3.org/ns/org#Organization"
    assert "the vocabulary is http://www.w3.org/ns/org# (http)" in finding.message
    assert finding.message.endswith("used as sh:targetClass of Organisatie")


def test_an_https_twin_is_named_where_the_artefact_also_uses_the_http_namespace() -> None:
    mixed = shapes(
        "[ sh:path schema:telephone ; sh:class <https://schema.org/OpeningHoursSpecification> ]"
    )

    message = findings(mixed)["wrong-namespace"].message
    assert "<https://schema.org/OpeningHoursSpecification>" in message
    assert "sh:class on schema:telephone" in message


def test_an_https_vocabulary_used_consistently_is_fine() -> None:
    consistent = shapes("[ sh:path <https://schema.org/telephone> ; sh:datatype xsd:string ]")

    assert "wrong-namespace" not in findings(consistent)


def test_owl_imports_that_cannot_be_resolved_offline_are_named() -> None:
    imported = "https://data.vlaanderen.be/shacl/generiek-basis-SHACL.ttl"
    data = SOUND + f"<{URL}> owl:imports <{imported}> .\n".encode()

    assert findings(data)["unresolved-import"].subject == imported
    assert "unresolved-import" not in findings(data, frozenset({imported}))


def test_shape_iris_on_placeholder_hosts_are_named() -> None:
    found = findings(shapes("[ sh:path <http://todo.com/titel> ]"))

    assert "1 shape IRI(s) on a placeholder host (todo.com)" in found["placeholder-iri"].message


def test_a_path_that_misspells_its_name_is_a_probable_typo() -> None:
    typo = "<https://data.vlaanderen.be/ns/generiek#gestructureerdedentificator>"
    found = findings(shapes(f'[ sh:path {typo} ; sh:name "gestructureerde identificator"@nl ]'))

    assert found["path-typo"].message == (
        f"sh:path {typo} looks like a typo: its sh:name is 'gestructureerde identificator'"
    )


def test_a_path_spelled_like_its_name_up_to_case_and_accents_is_fine() -> None:
    path = "<http://data.vlaanderen.be/ns/mandaat#redenVanBeeindiging>"

    assert findings(shapes(f'[ sh:path {path} ; sh:name "reden van beëindiging"@nl ]')) == {}
