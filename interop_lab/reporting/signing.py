"""Certified scorecards: the lab's Ed25519 signature over a scorecard and its evidence.

What is signed (version 1), as bytes::

    b"interop-lab scorecard signature v1\\n"
    b"sha-256:" + hex(SHA-256(JCS(scorecard without its "signature" member))) + b"\\n"
    b"sha-256:" + hex(SHA-256(the bytes of evidence.har)) + b"\\n"

``JCS`` is the JSON Canonicalization Scheme (RFC 8785) of the scorecard's compact JSON-LD object,
so the signature covers the scorecard's content, not its layout: re-indenting the file keeps it
valid, while changing any value, key or member breaks it. The evidence is hashed byte for byte.
The hex digests are lower case. The first line keeps a signature of this kind from being taken
for a signature over anything else the key might sign.

The ``signature`` member records both digests (so a failure can say which file changed), the
public key (base64url, no padding, of its 32 raw bytes), its id (the first 16 hex digits of the
SHA-256 of those bytes) and the signature value (base64url, no padding). Verification recomputes
both digests from the files and never trusts the recorded ones.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from interop_lab.model.errors import UsageError
from interop_lab.model.scorecard import Scorecard, Signature
from interop_lab.reporting.jsonld import scorecard_from_jsonld, scorecard_json, scorecard_to_jsonld

CERTIFIED = "certified"
ALGORITHM = "Ed25519"
DIGEST_ALGORITHM = "sha-256"
DOMAIN = b"interop-lab scorecard signature v1\n"
MAKE_KEY = "make one with: openssl genpkey -algorithm ed25519 -out lab.pem"
MAKE_PUBLIC_KEY = "export it with: openssl pkey -in lab.pem -pubout -out lab.pub.pem"


class KeyFileError(UsageError):
    """A key file that is missing, unreadable or not an Ed25519 key."""


@dataclass(frozen=True, slots=True)
class Verification:
    valid: bool
    reason: str  # English; why it is invalid, or what was checked
    key_id: str | None = None


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key_id(public_key: bytes) -> str:
    return _sha256(public_key)[:16]


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def canonical_scorecard(document: dict[str, Any]) -> bytes:
    """RFC 8785 bytes of the scorecard's JSON object without its ``signature`` member."""
    unsigned = {name: value for name, value in document.items() if name != "signature"}
    return rfc8785.dumps(unsigned)


def signed_message(scorecard_digest: str, evidence_digest: str) -> bytes:
    return (
        DOMAIN
        + f"{DIGEST_ALGORITHM}:{scorecard_digest}\n".encode("ascii")
        + f"{DIGEST_ALGORITHM}:{evidence_digest}\n".encode("ascii")
    )


def certify(card: Scorecard, key: Ed25519PrivateKey, evidence: bytes) -> Scorecard:
    """The card in mode ``certified``, signed together with the evidence file's bytes."""
    unsigned = replace(card, mode=CERTIFIED, signature=None)
    scorecard_digest = _sha256(canonical_scorecard(scorecard_to_jsonld(unsigned)))
    evidence_digest = _sha256(evidence)
    public = raw_public_key(key.public_key())
    value = key.sign(signed_message(scorecard_digest, evidence_digest))
    signature = Signature(
        key=_b64url(public),
        key_id=key_id(public),
        scorecard_digest=scorecard_digest,
        evidence_digest=evidence_digest,
        value=_b64url(value),
        alg=ALGORITHM,
        digest_alg=DIGEST_ALGORITHM,
    )
    return replace(unsigned, signature=signature)


def not_certified(document: dict[str, Any]) -> Verification | None:
    """Why the scorecard cannot be certified at all, before any file is read; None: it may be."""
    if document.get("mode") != CERTIFIED:
        return Verification(False, f"not certified (mode {document.get('mode')!r})")
    if not isinstance(document.get("signature"), dict):
        # A self-test edited to say "certified" must never pass for one.
        return Verification(False, "mode is 'certified' but the scorecard has no signature")
    return None


def verify(
    document: dict[str, Any], evidence: bytes, trusted_key: bytes | None = None
) -> Verification:
    """Check a scorecard's JSON object against its evidence; ``trusted_key``: raw public key."""
    unsigned = not_certified(document)
    if unsigned is not None:
        return unsigned
    signature = document["signature"]
    try:
        return _verify(document, signature, evidence, trusted_key)
    except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as error:
        # A malformed signature member is an invalid signature, never a crash.
        return Verification(False, f"malformed signature: {error!r}")


def _verify(
    document: dict[str, Any],
    signature: dict[str, Any],
    evidence: bytes,
    trusted_key: bytes | None,
) -> Verification:
    digest = signature["digest"]
    if signature["alg"] != ALGORITHM or digest["alg"] != DIGEST_ALGORITHM:
        return Verification(False, f"unsupported algorithm {signature['alg']}/{digest['alg']}")
    public = _unb64url(signature["key"])
    kid = key_id(public)
    if signature.get("keyId") != kid:
        return Verification(False, f"keyId {signature.get('keyId')} is not the key's id {kid}")
    if trusted_key is not None and public != trusted_key:
        expected = key_id(trusted_key)
        return Verification(False, f"signed by key {kid}, not by the required key {expected}", kid)
    scorecard_digest = _sha256(canonical_scorecard(document))
    if scorecard_digest != digest["scorecard"]:
        return Verification(False, "scorecard digest mismatch: the scorecard was changed", kid)
    evidence_digest = _sha256(evidence)
    if evidence_digest != digest["evidence"]:
        return Verification(False, "evidence digest mismatch: the evidence was changed", kid)
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(
            _unb64url(signature["value"]), signed_message(scorecard_digest, evidence_digest)
        )
    except InvalidSignature:
        reason = "signature invalid: these digests were not signed by this key"
        return Verification(False, reason, kid)
    return Verification(True, f"signature valid (Ed25519, key {kid})", kid)


def in_lab_form(raw: bytes, document: dict[str, Any]) -> bool:
    """Whether the file is byte for byte how the lab writes this scorecard.

    The signature covers the content; this covers the rest, so that no byte of a certified file
    can change (whitespace included) without ``verify`` noticing.
    """
    try:
        return scorecard_json(scorecard_from_jsonld(document)).encode("utf-8") == raw
    except UsageError:
        return False


def _read(path: Path, what: str, fix: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        problem = error.strerror or type(error).__name__
        raise KeyFileError(f"{what} {path}: cannot read it ({problem}); {fix}") from error


def read_private_key(path: Path) -> Ed25519PrivateKey:
    """The lab's signing key: an unencrypted Ed25519 private key in PEM (PKCS#8)."""
    what = "certification key"
    data = _read(path, what, MAKE_KEY)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        # The library's message may quote key material; say only what kind of problem it is.
        raise KeyFileError(
            f"{what} {path}: not an unencrypted PEM private key; {MAKE_KEY}"
        ) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{what} {path}: not an Ed25519 key; {MAKE_KEY}")
    return key


def read_public_key(path: Path) -> bytes:
    """The raw 32 bytes of an Ed25519 public key in PEM (SubjectPublicKeyInfo)."""
    what = "public key"
    data = _read(path, what, MAKE_PUBLIC_KEY)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise KeyFileError(f"{what} {path}: not a PEM public key; {MAKE_PUBLIC_KEY}") from error
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"{what} {path}: not an Ed25519 key; {MAKE_PUBLIC_KEY}")
    return raw_public_key(key)


def write_key_pair(private_path: Path, public_path: Path) -> None:
    """A new Ed25519 key pair in PEM; the private key file is readable by its owner only."""
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    private_path.parent.mkdir(parents=True, exist_ok=True)
    # Created with mode 0600 (not chmod afterwards), so the key is never readable by others.
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(private_pem)
    public_path.write_bytes(public_pem)
