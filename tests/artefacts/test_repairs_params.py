"""Repairs with parameters: the manifest form, and drop-invalid-context-terms on real contexts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from interop_lab.artefacts.diagnose_json import processing_error
from interop_lab.artefacts.repairs import apply_repairs
from interop_lab.model.errors import SuiteError
from interop_lab.suites.manifest import ArtefactSpec

URL = (
    "https://data.vlaanderen.be/doc/applicatieprofiel/organisatie-basis/context/organisatie.jsonld"
)
ORGANISATIE_CONTEXT = "organisatie-basis/2025-ontwerpstandaard/context/organisatie.jsonld"
LINKED_TO = "Organisatie.http://Www.W3.Org/Ns/Org#LinkedTo"
DROP = "drop-invalid-context-terms"
SHA = "0" * 64


@pytest.fixture
def organisatie_context() -> bytes:
    """The published organisatie-basis 2025 context, from a mirror named in the environment."""
    folders = os.environ.get("INTEROP_LAB_ARTEFACTS", "").split(os.pathsep)
    found = [
        Path(f, ORGANISATIE_CONTEXT) for f in folders if Path(f, ORGANISATIE_CONTEXT).is_file()
    ]
    if not found:
        pytest.skip("no artefact mirror with the organisatie-basis context")
    return found[0].read_bytes()


def drop(data: bytes, *terms: str) -> bytes:
    return apply_repairs(URL, data, (DROP,), {DROP: {"terms": terms}})


def context_bytes(**terms: object) -> bytes:
    return json.dumps(
        {"@context": {"naam": "http://www.w3.org/2004/02/skos/core#prefLabel", **terms}}
    ).encode()


def test_a_manifest_names_plain_repairs_and_repairs_with_parameters() -> None:
    spec = ArtefactSpec.model_validate(
        {
            "role": "context",
            "url": URL,
            "sha256": SHA,
            "repairs": ["wrap-bare-context", {DROP: {"terms": [LINKED_TO]}}],
        }
    )

    pin = spec.pin()

    assert pin.repairs == ("wrap-bare-context", DROP)
    assert pin.repair_arguments == {DROP: {"terms": (LINKED_TO,)}}


def test_the_plain_form_still_gives_no_arguments() -> None:
    spec = ArtefactSpec(role="shapes", url=URL, sha256=SHA, repairs=("cardinalities-as-integer",))

    assert spec.pin().repair_arguments == {}


def test_a_repair_entry_names_one_repair() -> None:
    with pytest.raises(ValueError, match="one mapping"):
        ArtefactSpec.model_validate(
            {"role": "context", "url": URL, "sha256": SHA, "repairs": [{DROP: {}, "x": {}}]}
        )


def test_dropping_the_rejected_term_makes_the_real_organisatie_context_valid(
    organisatie_context: bytes,
) -> None:
    published = organisatie_context
    assert processing_error(json.loads(published)["@context"], URL) is not None

    repaired = json.loads(drop(published, LINKED_TO))

    assert LINKED_TO not in repaired["@context"]
    assert len(repaired["@context"]) == len(json.loads(published)["@context"]) - 1
    assert processing_error(repaired["@context"], URL) is None


def test_a_valid_term_may_not_be_dropped() -> None:
    with pytest.raises(SuiteError, match="JSON-LD accepts the term 'naam'; keep it"):
        drop(context_bytes(), "naam")


def test_a_term_the_context_does_not_define_cannot_be_dropped() -> None:
    with pytest.raises(SuiteError, match="the context defines no term 'bestaatNiet'"):
        drop(context_bytes(), "bestaatNiet")


def test_a_context_that_fails_as_a_whole_cannot_be_repaired_term_by_term() -> None:
    whole = json.dumps({"@context": {"@version": 2.0, "naam": "http://x.org/naam"}}).encode()

    with pytest.raises(SuiteError, match="rejects the context as a whole"):
        drop(whole, "naam")


def test_the_repair_needs_its_parameter() -> None:
    with pytest.raises(SuiteError, match="takes the parameters: terms; the manifest gives: none"):
        apply_repairs(URL, context_bytes(), (DROP,))


def test_a_repair_without_parameters_refuses_them() -> None:
    arguments = {"wrap-bare-context": {"terms": ("naam",)}}

    with pytest.raises(SuiteError, match="takes the parameters: none; the manifest gives: terms"):
        apply_repairs(URL, context_bytes(), ("wrap-bare-context",), arguments)


def test_a_document_without_a_context_object_does_not_fit() -> None:
    with pytest.raises(SuiteError, match='no "@context" object'):
        drop(b'["naam"]', "naam")
