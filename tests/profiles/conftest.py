"""Shared profile texts and the suites the profile tests check claims against."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from interop_lab.profiles import SuiteRoles

# The contract's minimal profile, line for line (line numbers matter to the tests).
MINIMAL = """\
profile_version: 1
vendor:  {name: Voorbeeld NV, kbo: "0123456789", contact: interop@voorbeeld.be}
product: {name: Voorbeeld Loket, release: "4.2.0"}
base_url: http://127.0.0.1:8801
auth: {type: bearer, token_env: VOORBEELD_TOKEN}     # optional
claims:
  - standard: ipdc-lpdc                              # a suite id
    endpoints: {feed: /ldes/instancesnapshot}        # role -> path
  - standard: besluit-publicatie
    endpoints: {pages: [/zittingen/2024-05-27/notulen.html, /zittingen/2024-05-27/besluitenlijst.html]}
"""  # noqa: E501 - the contract's text verbatim

SUITES = {
    "ipdc-lpdc": SuiteRoles(frozenset({"feed"}), frozenset(), ("L1", "L2", "L3", "L4")),
    "besluit-publicatie": SuiteRoles(
        frozenset({"pages"}), frozenset({"feed"}), ("Niveau 1", "Niveau 2", "Niveau 3")
    ),
    "adresregister": SuiteRoles(frozenset({"collection"}), frozenset(), ("L1", "L2", "L3")),
    "ldes": SuiteRoles(frozenset({"feed"}), frozenset(), ("L1", "L2")),
}

WriteProfile = Callable[[str | bytes], Path]


@pytest.fixture
def minimal() -> str:
    """The contract's minimal profile."""
    return MINIMAL


@pytest.fixture
def suites() -> dict[str, SuiteRoles]:
    """The suites and roles the contract promises."""
    return SUITES


@pytest.fixture
def write_profile(tmp_path: Path) -> WriteProfile:
    """Writes a profile text (or raw bytes) to a new file and returns its path."""
    counter = iter(range(1000))

    def write(content: str | bytes) -> Path:
        path = tmp_path / f"profiel-{next(counter)}.yaml"
        raw = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(raw)
        return path

    return write
