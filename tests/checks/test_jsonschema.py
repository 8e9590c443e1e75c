"""documents_match: documents against a JSON Schema, offline, with findings in Dutch that point
into the vendor's own document."""

from __future__ import annotations

from typing import Any

import pytest

from interop_lab.checks import jsonschema
from interop_lab.crawl import Page
from interop_lab.model.errors import CantTell, Failure
from interop_lab.reference.adres_data import build_address
from interop_lab.runner.claim import ClaimRun
from interop_lab.suites.registry import load_suites
from tests.checks.answers import answer
from tests.suite_artefacts import suite_artefacts

URL = "http://v.test/v2/adressen/1"
BELGISCH_ADRES = (
    "https://data.vlaanderen.be/doc/applicatieprofiel/adresregister/ontwerpstandaard/2025-11-01/"
    "swagger/components/schemas/BelgischAdres.json"
)
SCHEMA: dict[str, Any] = {
    "title": "Adres",
    "type": "object",
    "properties": {
        "@type": {"type": "string", "pattern": "^Adres$"},
        "huisnummer": {"type": "object", "properties": {"@value": {"type": "string"}}},
        "positie": {"$ref": "#/components/schemas/GeografischePositie"},
        "identificator": {"type": "array", "items": {"$ref": "#/$defs/id"}, "minItems": 1},
    },
    "required": ["@type", "huisnummer"],
    "$defs": {"id": {"type": "string"}},
}
VALID = {"@type": "Adres", "huisnummer": {"@value": "1"}, "identificator": ["a"]}


def page_with(document: Any) -> Page:
    return answer(URL, document)


def failure_of(document: Any, schema: dict[str, Any] = SCHEMA, **options: Any) -> Failure:
    with pytest.raises(Failure) as caught:
        jsonschema.documents_match([page_with(document)], schema, **options)
    return caught.value


def test_valid_document_passes() -> None:
    jsonschema.documents_match([page_with(VALID)], SCHEMA)


def test_missing_required_key_fails_naming_it() -> None:
    error = failure_of({"@type": "Adres"})

    assert error.description == (
        "documenten voldoen niet aan het JSON-schema Adres; verwacht: elk document voldoet aan "
        "het JSON-schema Adres; ontvangen: /: verplichte sleutel ontbreekt: huisnummer"
    )
    assert (error.locations[0].url, error.locations[0].pointer) == (URL, "")


def test_wrong_type_fails_with_the_pointer_and_value() -> None:
    error = failure_of({**VALID, "huisnummer": {"@value": 12}})

    assert error.received == "/huisnummer/@value: verwacht type string, ontvangen 12"


def test_pattern_fails() -> None:
    error = failure_of({**VALID, "@type": "Gebouw"})

    assert error.received == '/@type: "Gebouw" volgt het patroon ^Adres$ niet'


def test_too_few_items_fails() -> None:
    error = failure_of({**VALID, "identificator": []})

    assert error.received == "/identificator: minstens 1 elementen verwacht, ontvangen 0"


def test_a_reference_inside_the_schema_is_checked() -> None:
    error = failure_of({**VALID, "identificator": [7]})

    assert error.received == "/identificator/0: verwacht type string, ontvangen 7"


def test_a_reference_the_schema_cannot_resolve_is_not_checked_nor_fetched() -> None:
    jsonschema.documents_match([page_with({**VALID, "positie": "om het even wat"})], SCHEMA)


def test_other_rules_are_named() -> None:
    schema = {"title": "Adres", "properties": {"status": {"enum": ["inGebruik"]}}}

    error = failure_of({"status": "gehistoreerd"}, schema)

    assert error.received is not None
    assert error.received.startswith("/status: voldoet niet aan 'enum'")


def test_qualified_keys_are_read_unqualified_and_reported_as_written() -> None:
    document = {"@type": "Adres", "Adres.huisnummer": {"@value": 12}}

    error = failure_of(document, keys=jsonschema.unqualified_key)

    assert error.received == "/Adres.huisnummer/@value: verwacht type string, ontvangen 12"


def test_unqualified_key() -> None:
    assert jsonschema.unqualified_key("BelgischAdres.huisnummer") == "huisnummer"
    assert jsonschema.unqualified_key("@id") == "@id"
    assert jsonschema.unqualified_key("huisnummer") == "huisnummer"


def test_no_readable_document_cannot_be_told() -> None:
    with pytest.raises(CantTell):
        jsonschema.documents_match([answer(URL, status=404)], SCHEMA)


def test_reference_address_meets_the_pinned_belgisch_adres_schema() -> None:
    run = ClaimRun(
        suite=load_suites()["adresregister"],
        claim=None,
        artefacts=suite_artefacts("adresregister"),
    )
    schema = run.schema(BELGISCH_ADRES)
    address = build_address(0, 0, "http://v.test")

    jsonschema.documents_match([page_with(address)], schema, keys=jsonschema.unqualified_key)
    del address["BelgischAdres.heeftPostinfo"]
    error = failure_of(address, schema, keys=jsonschema.unqualified_key)
    assert error.received == "/: verplichte sleutel ontbreekt: heeftPostinfo"
