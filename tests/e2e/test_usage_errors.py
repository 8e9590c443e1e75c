"""Usage errors stop a run before anything is tested: exit 2 and a message naming the fix."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from tests.e2e.support import run_lab, write_profile

SHAPES_URL = "https://raw.githubusercontent.com/Informatievlaanderen/ipdc-lpdc/main/shacl/instantie-shape.ttl"


PINNED = "afedbd2d44dc78d510f5565338a839f5079b04ffafe0146938fd57a0af8fcbc0"


def _mirror_with(folder: Path, path: str, content: bytes | None) -> str:
    """A mirror listing the shapes under ``path``, in front of the real mirror."""
    folder.mkdir()
    if content is not None:
        (folder / path).write_bytes(content)
    digest = hashlib.sha256(content).hexdigest() if content is not None else PINNED
    entry = {"path": path, "sha256": digest}
    (folder / "index.json").write_text(json.dumps({"artefacts": {SHAPES_URL: entry}}))
    return os.pathsep.join([str(folder), os.environ["INTEROP_LAB_ARTEFACTS"]])


def test_a_changed_artefact_is_exit_2_naming_url_and_both_hashes(workdir: Path) -> None:
    changed = b"@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    mirror = _mirror_with(workdir / "spiegel", "shapes.ttl", changed)
    profile = write_profile(workdir, "http://127.0.0.1:9")

    result = run_lab(
        "run", "--profile", str(profile), cwd=workdir, env={"INTEROP_LAB_ARTEFACTS": mirror}
    )

    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert SHAPES_URL in output
    assert hashlib.sha256(changed).hexdigest() in output
    assert PINNED in output
    assert "update the pin" in output


def test_a_missing_artefact_is_exit_2_naming_url_and_fix(workdir: Path) -> None:
    mirror = _mirror_with(workdir / "spiegel", "weg.ttl", None)
    profile = write_profile(workdir, "http://127.0.0.1:9")

    result = run_lab(
        "run", "--profile", str(profile), cwd=workdir, env={"INTEROP_LAB_ARTEFACTS": mirror}
    )

    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert SHAPES_URL in output
    assert "INTEROP_LAB_ARTEFACTS" in output


def test_an_invalid_profile_is_exit_2_with_file_line_field(workdir: Path) -> None:
    profile = workdir / "kapot.yaml"
    profile.write_text("profile_version: 1\nvendor: {name: X, kbo: '12', contact: x@y.be}\n")

    result = run_lab("run", "--profile", str(profile), cwd=workdir)

    assert result.returncode == 2
    assert f"{profile}:2: vendor.kbo:" in result.stderr


def test_an_unclaimed_suite_is_exit_2(workdir: Path) -> None:
    profile = write_profile(workdir, "http://127.0.0.1:9")

    result = run_lab("run", "--profile", str(profile), "--suite", "onbestaand", cwd=workdir)

    assert result.returncode == 2
    assert "unknown suite 'onbestaand'" in result.stderr


def test_profile_check_exit_codes(workdir: Path) -> None:
    good = write_profile(workdir, "http://127.0.0.1:9")
    bad = workdir / "slecht.yaml"
    bad.write_text("profile_version: 1\nclaims: []\n")

    assert run_lab("profile", "check", str(good), cwd=workdir).returncode == 0
    result = run_lab("profile", "check", str(good), str(bad), cwd=workdir)
    assert result.returncode == 2
    assert str(bad) in result.stderr


def test_a_missing_token_variable_is_exit_2_naming_it(workdir: Path) -> None:
    profile = write_profile(
        workdir, "http://127.0.0.1:9", auth={"type": "bearer", "token_env": "ONBEKEND_TOKEN"}
    )

    result = run_lab("run", "--profile", str(profile), cwd=workdir)

    assert result.returncode == 2
    assert "ONBEKEND_TOKEN" in result.stdout + result.stderr
