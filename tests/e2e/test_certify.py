"""A certified run against the reference vendor, then ``interop-lab verify`` on what it wrote."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from interop_lab.reference import IpdcFeed, ReferenceVendor
from tests.e2e.support import TOKEN, run_lab, write_profile

SCORECARD = Path("ipdc-lpdc/scorecard.jsonld")


def _write_key(path: Path, key: Ed25519PrivateKey) -> Path:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return path


def _write_public(path: Path, key: Ed25519PrivateKey) -> Path:
    path.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return path


@pytest.fixture(scope="module")
def certified(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One certified run (the lab's key, its public key), and one self-test run beside it."""
    workdir = tmp_path_factory.mktemp("gecertificeerd")
    key = Ed25519PrivateKey.generate()
    key_file = _write_key(workdir / "lab.pem", key)
    _write_public(workdir / "lab.pub.pem", key)
    with ReferenceVendor(IpdcFeed(members=12, page_size=10), token=TOKEN) as vendor:
        profile = write_profile(workdir, vendor.base_url)
        run = ("run", "--profile", str(profile))
        result = run_lab(*run, "--out", "uit", "--certify", "--key", str(key_file), cwd=workdir)
        assert result.returncode == 0, result.stdout + result.stderr
        result = run_lab(*run, "--out", "zelftest", cwd=workdir)
        assert result.returncode == 0, result.stdout + result.stderr
    return workdir, workdir / "uit"


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def test_certified_run_verifies(certified: tuple[Path, Path]) -> None:
    workdir, out = certified
    card = json.loads((out / SCORECARD).read_text("utf-8"))

    result = run_lab("verify", str(out / SCORECARD), "--key", "lab.pub.pem", cwd=workdir)

    assert card["mode"] == "certified"
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("geldig")
    assert "valid" in result.stdout
    assert "gecertificeerd door het lab (handtekening" in (
        out / "ipdc-lpdc/scorecard.html"
    ).read_text("utf-8")
    assert "PRIVATE KEY" not in "".join(
        path.read_text("utf-8") for path in out.rglob("*") if path.is_file()
    )


def test_one_byte_changed_in_the_scorecard_is_invalid(certified: tuple[Path, Path]) -> None:
    workdir, out = certified
    copy = _copy(out, workdir / "gewijzigd-scorecard")
    path = copy / SCORECARD
    text = path.read_text("utf-8")
    path.write_text(text.replace('"release": "1.0.0"', '"release": "1.0.1"', 1), "utf-8")

    result = run_lab("verify", str(path), cwd=workdir)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "scorecard digest" in result.stdout


def test_one_whitespace_byte_changed_in_the_scorecard_is_invalid(
    certified: tuple[Path, Path],
) -> None:
    workdir, out = certified
    copy = _copy(out, workdir / "witruimte-scorecard")
    path = copy / SCORECARD
    raw = path.read_bytes()
    index = raw.index(b"\n  ")
    path.write_bytes(raw[: index + 1] + b"\t" + raw[index + 2 :])

    result = run_lab("verify", str(path), cwd=workdir)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "not as the lab wrote it" in result.stdout


def test_one_byte_changed_in_the_evidence_is_invalid(certified: tuple[Path, Path]) -> None:
    workdir, out = certified
    copy = _copy(out, workdir / "gewijzigd-bewijs")
    evidence = copy / "evidence.har"
    data = bytearray(evidence.read_bytes())
    data[-2] = ord(" ") if data[-2] != ord(" ") else ord("\t")
    evidence.write_bytes(bytes(data))

    result = run_lab("verify", str(copy / SCORECARD), cwd=workdir)
    override = run_lab(
        "verify", str(copy / SCORECARD), "--evidence", str(out / "evidence.har"), cwd=workdir
    )

    assert result.returncode == 1, result.stdout + result.stderr
    assert "evidence digest" in result.stdout
    assert override.returncode == 0, override.stdout + override.stderr


def test_another_required_key_is_invalid(certified: tuple[Path, Path]) -> None:
    workdir, out = certified
    other = _write_public(workdir / "ander.pub.pem", Ed25519PrivateKey.generate())

    result = run_lab("verify", str(out / SCORECARD), "--key", str(other), cwd=workdir)

    assert result.returncode == 1
    assert "required key" in result.stdout


def test_self_test_is_not_certified(certified: tuple[Path, Path]) -> None:
    workdir, _ = certified

    result = run_lab("verify", str(workdir / "zelftest" / SCORECARD), cwd=workdir)

    assert result.returncode == 1
    assert "not certified" in result.stdout


def test_forged_certified_mode_is_invalid(certified: tuple[Path, Path]) -> None:
    workdir, _ = certified
    copy = _copy(workdir / "zelftest", workdir / "vervalst")
    path = copy / SCORECARD
    card = json.loads(path.read_text("utf-8"))
    card["mode"] = "certified"
    path.write_text(json.dumps(card), "utf-8")

    result = run_lab("verify", str(path), cwd=workdir)

    assert result.returncode == 1
    assert "no signature" in result.stdout


@pytest.mark.parametrize("content", [None, b"-----BEGIN PRIVATE KEY-----\nrommel\n"])
def test_bad_key_file_is_a_usage_error(workdir: Path, content: bytes | None) -> None:
    key_file = workdir / "lab.pem"
    if content is not None:
        key_file.write_bytes(content)
    profile = write_profile(workdir, "http://127.0.0.1:9")

    result = run_lab(
        "run", "--profile", str(profile), "--out", "uit", "--certify", "--key", "lab.pem",
        cwd=workdir,
    )  # fmt: skip

    assert result.returncode == 2, result.stdout + result.stderr
    assert "lab.pem" in result.stderr
    assert "openssl genpkey -algorithm ed25519" in result.stderr
    assert not (workdir / "uit").exists()


def test_verify_usage_errors(workdir: Path) -> None:
    (workdir / "kapot.jsonld").write_text("{niet json", "utf-8")

    missing = run_lab("verify", "weg.jsonld", cwd=workdir)
    broken = run_lab("verify", "kapot.jsonld", cwd=workdir)

    assert missing.returncode == 2
    assert "weg.jsonld" in missing.stderr
    assert broken.returncode == 2
    assert "not JSON" in broken.stderr
