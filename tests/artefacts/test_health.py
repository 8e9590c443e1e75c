"""The artefact check on small inline artefacts: bytes, JSON and JSON-LD contexts, and how the
suite's repairs are credited. Each diagnosis has one artefact that has the defect and one that
does not; the Turtle and SHACL diagnoses are in test_health_shapes.py."""

from __future__ import annotations

import json

import pytest

from interop_lab.artefacts.findings import Finding
from interop_lab.artefacts.health import assess, diagnose, unavailable
from interop_lab.artefacts.pins import Pin, sha256_hex
from interop_lab.artefacts.repairs import REPAIRS, Repair

URL = "https://data.vlaanderen.be/doc/applicatieprofiel/voorbeeld/context/voorbeeld.jsonld"
NAAM = {"naam": {"@id": "http://www.w3.org/2004/02/skos/core#prefLabel"}}


def findings(data: bytes | dict[str, object]) -> dict[str, Finding]:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return {finding.code: finding for finding in diagnose(raw, URL).findings}


def context(**terms: object) -> dict[str, object]:
    return {"@context": {**NAAM, **terms}}


def test_a_sound_context_has_no_findings() -> None:
    diagnosis = diagnose(json.dumps(context()).encode(), URL)

    assert diagnosis.kind == "JSON-LD context"
    assert diagnosis.findings == ()


def test_bytes_that_are_not_utf8_are_named_with_their_line() -> None:
    found = findings(b'{\n"naam": "Br\xfcgge"}')

    assert found["not-utf8"].message == "not UTF-8: byte 0xfc at line 2 (offset 13)"
    assert found["not-utf8"].breaks_run


def test_json_that_does_not_parse_is_named_with_line_and_column() -> None:
    found = findings(b'{\n  "@context": {\n    "naam": "x",\n  }\n}')

    assert (
        "not JSON: Expecting property name enclosed in double quotes" in found["not-json"].message
    )
    assert "at line 4 column 3" in found["not-json"].message


def test_a_context_pyld_rejects_names_the_offending_term() -> None:
    broken = context(
        **{"Organisatie.http://Www.W3.Org/Ns/Org#LinkedTo": "http://www.w3.org/ns/org#linkedTo"}
    )

    finding = findings(broken)["context-rejected"]

    assert finding.subject == "Organisatie.http://Www.W3.Org/Ns/Org#LinkedTo"
    assert "invalid IRI mapping" in finding.message
    assert finding.breaks_run


def test_each_rejected_term_is_its_own_finding() -> None:
    broken = context(
        classificatie={"@id": "http://www.w3.org/ns/org#classification", "@type": ""},
        werkingsgebied={"@id": "http://data.vlaanderen.be/ns/besluit#werkingsgebied", "@type": ""},
    )

    rejected = [f for f in diagnose(json.dumps(broken).encode(), URL).findings]

    assert [(f.code, f.subject) for f in rejected] == [
        ("context-rejected", "classificatie"),
        ("context-rejected", "werkingsgebied"),
    ]
    assert "invalid type mapping" in rejected[0].message


def test_a_term_that_relies_on_a_prefix_defined_elsewhere_is_not_blamed() -> None:
    sound = context(skos="http://www.w3.org/2004/02/skos/core#", label="skos:altLabel")

    assert "context-rejected" not in findings(sound)


def test_a_bare_context_object_is_detected_by_the_triples_it_loses() -> None:
    boolean = "http://www.w3.org/2001/XMLSchema#boolean"
    bare = {
        "@vocab": "https://data.vlaanderen.be/ns/adres#",
        "id": "@id",
        "officieelToegekend": {
            "@id": "https://data.vlaanderen.be/ns/adres#officieel",
            "@type": boolean,
        },
        **NAAM,
    }

    diagnosis = diagnose(json.dumps(bare).encode(), URL)

    assert diagnosis.kind == 'JSON-LD context without its "@context" wrapper'
    (finding,) = diagnosis.findings
    assert finding.code == "bare-context"
    assert "yields zero triples" in finding.message
    assert "naam" in finding.message


def test_json_that_defines_no_terms_is_not_a_bare_context() -> None:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}

    diagnosis = diagnose(json.dumps(schema).encode(), URL)

    assert diagnosis.kind == "JSON, not a JSON-LD context"
    assert diagnosis.findings == ()


def test_term_iris_with_spaces_are_named() -> None:
    found = findings(context(**{"SDG area": "http://data.example.org/ns#SDG area"}))

    assert found["iri-with-spaces"].message == "1 term IRI(s) with spaces: SDG area"


def test_term_iris_on_placeholder_hosts_are_named() -> None:
    found = findings(context(titel="http://todo.com/titel", code="http://www.fixme.com#Code"))

    message = found["placeholder-iri"].message
    assert message.startswith("2 term IRI(s) on a placeholder host (fixme.com, todo.com)")
    assert "titel <http://todo.com/titel>" in message


def test_ordinary_hosts_are_no_placeholders() -> None:
    assert "placeholder-iri" not in findings(context(todo="http://data.vlaanderen.be/ns/todo#x"))


def test_coercion_to_a_class_is_named() -> None:
    found = findings(
        context(
            classificatie={
                "@id": "http://www.w3.org/ns/org#classification",
                "@type": "http://www.w3.org/2004/02/skos/core#Concept",
            }
        )
    )

    assert "classificatie -> http://www.w3.org/2004/02/skos/core#Concept" in (
        found["coerced-to-class"].message
    )


def test_coercion_to_a_datatype_or_to_iris_is_fine() -> None:
    sound = context(
        datum={
            "@id": "http://purl.org/dc/terms/date",
            "@type": "http://www.w3.org/2001/XMLSchema#dateTime",
        },
        geometrie={"@id": "http://www.w3.org/ns/locn#geometry", "@type": "@id"},
    )

    assert findings(sound) == {}


def test_coercion_to_langstring_is_named() -> None:
    langstring = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    found = findings(
        context(volledigAdres={"@id": "http://www.w3.org/ns/locn#fullAddress", "@type": langstring})
    )

    assert "volledigAdres" in found["coerced-to-langstring"].message


def test_an_html_page_is_not_checked() -> None:
    diagnosis = diagnose(b"<!DOCTYPE html>\n<html><body>besluitenlijst</body></html>", URL)

    assert diagnosis == diagnosis.__class__("an HTML page (RDFa is not checked here)")


SHAPES_WITH_STRING_COUNT = b"""\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dct: <http://purl.org/dc/terms/> .
<https://example.org/shapes#Besluit> a sh:NodeShape ;
    sh:targetClass <http://data.vlaanderen.be/ns/besluit#Besluit> ;
    sh:property [ sh:path dct:title ; sh:minCount "1" ] .
"""


def test_a_finding_the_suites_repair_removes_is_credited_to_it() -> None:
    pin = Pin(URL, sha256_hex(SHAPES_WITH_STRING_COUNT), "shapes", ("cardinalities-as-integer",))

    health = assess(URL, SHAPES_WITH_STRING_COUNT, pin=pin)

    verdicts = {item.finding.code: item.verdict for item in health.assessed}
    assert verdicts == {
        "string-cardinalities": "repaired by cardinalities-as-integer",
        "shacl-refused": "repaired by cardinalities-as-integer",
    }
    assert not health.blocking


def test_an_unrepaired_defect_that_breaks_a_run_blocks() -> None:
    health = assess(URL, SHAPES_WITH_STRING_COUNT)

    assert health.blocking
    assert health.assessed[0].verdict.startswith("not repaired: pySHACL refuses to load")


def test_an_unrepaired_defect_that_does_not_break_a_run_does_not_block() -> None:
    health = assess(URL, json.dumps(context(titel="http://todo.com/titel")).encode())

    assert [item.finding.code for item in health.assessed] == ["placeholder-iri"]
    assert not health.blocking


def test_a_repair_that_does_not_fit_is_a_blocking_finding() -> None:
    sound = json.dumps(context()).encode()
    pin = Pin(URL, sha256_hex(sound), "context", ("cardinalities-as-integer",))

    (item,) = assess(URL, sound, pin=pin).assessed

    assert item.finding.code == "repair-failed"
    assert "cardinalities-as-integer" in item.finding.message
    assert item.blocking


def test_a_finding_a_repair_brings_in_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    sound = json.dumps(context()).encode()
    breaking = Repair("truncate", "cuts the last byte off, for this test", lambda data: data[:-1])
    monkeypatch.setitem(REPAIRS, "truncate", breaking)
    pin = Pin(URL, sha256_hex(sound), "context", ("truncate",))

    (item,) = assess(URL, sound, pin=pin).assessed

    assert item.finding.code == "not-json"
    assert item.finding.message.startswith("after the suite's repairs: not JSON: ")
    assert item.blocking


def test_an_unavailable_artefact_blocks() -> None:
    health = unavailable(URL, "artefact unreachable (DNS)")

    assert health.blocking
    assert health.assessed[0].verdict == "not repaired: the suite cannot be run"
