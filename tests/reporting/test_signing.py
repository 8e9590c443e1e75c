"""Certified scorecards: sign, verify, and every change or forgery caught."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from pyld import jsonld

from interop_lab.model.errors import UsageError
from interop_lab.reporting.html import scorecard_to_html
from interop_lab.reporting.jsonld import scorecard_from_jsonld, scorecard_json, scorecard_to_jsonld
from interop_lab.reporting.signing import (
    certify,
    raw_public_key,
    read_private_key,
    read_public_key,
    verify,
)
from tests.reporting.cards import card

EVIDENCE = b'{"log": {"entries": []}}\n'


def _signed(key: Ed25519PrivateKey | None = None) -> dict[str, Any]:
    signed = certify(card(), key or Ed25519PrivateKey.generate(), EVIDENCE)
    document: dict[str, Any] = json.loads(scorecard_json(signed))
    return document


def test_round_trip_is_valid_and_reads_back() -> None:
    key = Ed25519PrivateKey.generate()
    document = _signed(key)

    result = verify(document, EVIDENCE, raw_public_key(key.public_key()))

    assert result.valid, result.reason
    assert document["mode"] == "certified"
    signature = document["signature"]
    assert set(signature) == {"alg", "key", "keyId", "digest", "value"}
    assert signature["alg"] == "Ed25519"
    assert set(signature["digest"]) == {"alg", "scorecard", "evidence"}
    assert len(signature["keyId"]) == 16
    assert scorecard_to_jsonld(scorecard_from_jsonld(document)) == document


def test_layout_may_change_but_content_may_not() -> None:
    document = _signed()
    # Re-serialised compactly: same content, still valid (the signature is over RFC 8785 bytes).
    assert verify(json.loads(json.dumps(document)), EVIDENCE).valid
    document["subject"]["release"] = "4.2.1"

    result = verify(document, EVIDENCE)

    assert not result.valid
    assert "scorecard digest" in result.reason


def test_one_byte_of_evidence_changed_is_invalid() -> None:
    result = verify(_signed(), EVIDENCE.replace(b"[]", b"[ ]"))

    assert not result.valid
    assert "evidence digest" in result.reason


def test_recorded_digests_are_not_trusted() -> None:
    document = _signed()
    document["verdict"] = "conformant"
    document["signature"]["digest"]["scorecard"] = "00" * 32

    assert not verify(document, EVIDENCE).valid


def test_digest_updated_by_a_forger_breaks_the_signature() -> None:
    from interop_lab.reporting.signing import _sha256, canonical_scorecard

    document = _signed()
    document["verdict"] = "conformant"
    document["signature"]["digest"]["scorecard"] = _sha256(canonical_scorecard(document))

    result = verify(document, EVIDENCE)

    assert not result.valid
    assert "signature invalid" in result.reason


def test_another_key_is_refused_when_a_key_is_required() -> None:
    required = Ed25519PrivateKey.generate().public_key()

    result = verify(_signed(), EVIDENCE, raw_public_key(required))

    assert not result.valid
    assert "not by the required key" in result.reason


def test_self_test_is_not_certified() -> None:
    document = json.loads(scorecard_json(card()))

    result = verify(document, EVIDENCE)

    assert not result.valid
    assert result.reason.startswith("not certified")


def test_forged_certified_mode_without_signature_is_invalid() -> None:
    document = json.loads(scorecard_json(card()))
    document["mode"] = "certified"

    result = verify(document, EVIDENCE)

    assert not result.valid
    assert "no signature" in result.reason


def test_signature_moved_onto_a_self_test_is_not_certified() -> None:
    document = _signed()
    document["mode"] = "self-test"

    assert verify(document, EVIDENCE).reason.startswith("not certified")


def test_malformed_signature_is_invalid_not_a_crash() -> None:
    document = _signed()
    document["signature"]["value"] = 42

    result = verify(document, EVIDENCE)

    assert not result.valid


def test_signature_is_in_the_rdf() -> None:
    document = _signed()
    expanded = json.dumps(jsonld.expand(document))

    assert "urn:interop-lab:vocab#signatureValue" in expanded
    assert "urn:interop-lab:vocab#evidenceDigest" in expanded


def test_html_says_certified_only_when_signed() -> None:
    key = Ed25519PrivateKey.generate()
    signed = certify(card(), key, EVIDENCE)
    forged = scorecard_from_jsonld({**json.loads(scorecard_json(card())), "mode": "certified"})

    assert "gecertificeerd door het lab (handtekening" in scorecard_to_html(signed)
    assert "zelftest door de leverancier" in scorecard_to_html(card())
    forged_html = scorecard_to_html(forged)
    assert "gecertificeerd door het lab" not in forged_html
    assert "niet gecertificeerd" in forged_html


def _pem(key: Any, private: bool = True) -> bytes:
    if private:
        data: bytes = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return data
    public: bytes = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return public


def test_key_files_are_read(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    (tmp_path / "lab.pem").write_bytes(_pem(key))
    (tmp_path / "lab.pub.pem").write_bytes(_pem(key.public_key(), private=False))

    read = read_private_key(tmp_path / "lab.pem")

    assert raw_public_key(read.public_key()) == raw_public_key(key.public_key())
    assert read_public_key(tmp_path / "lab.pub.pem") == raw_public_key(key.public_key())


@pytest.mark.parametrize("content", [None, b"geen sleutel", "rsa"])
def test_bad_key_files_are_usage_errors(tmp_path: Path, content: bytes | str | None) -> None:
    path = tmp_path / "lab.pem"
    if content == "rsa":
        path.write_bytes(_pem(generate_private_key(public_exponent=65537, key_size=2048)))
    elif isinstance(content, bytes):
        path.write_bytes(content)

    with pytest.raises(UsageError, match="openssl genpkey -algorithm ed25519") as caught:
        read_private_key(path)

    assert str(path) in str(caught.value)
