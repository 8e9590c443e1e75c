"""What a worker reads back of a run: whether the network may be to blame."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interop_lab.campaign.worker import network_trouble


def _har(path: Path, entries: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"log": {"entries": entries}}), encoding="utf-8")
    return path


def test_no_trouble(tmp_path: Path) -> None:
    entries: list[dict[str, Any]] = [
        {"response": {"status": 200}},
        {"_attempt": 1, "response": {"status": 404}},
    ]
    assert network_trouble(_har(tmp_path / "evidence.har", entries)) is False


@pytest.mark.parametrize(
    "entry",
    [
        {"_attempt": 2, "response": {"status": 200}},
        {"_error": "geen antwoord", "_errorKind": "timeout", "response": {"status": 0}},
        {"_error": "verbinding geweigerd", "_errorKind": "connect", "response": {"status": 0}},
    ],
)
def test_retried_or_unanswered(tmp_path: Path, entry: dict[str, Any]) -> None:
    entries: list[dict[str, Any]] = [{"response": {"status": 200}}, entry]
    assert network_trouble(_har(tmp_path / "evidence.har", entries)) is True


@pytest.mark.parametrize("kind", ["too-large", "address-not-allowed", "host-not-allowed", "budget"])
def test_the_labs_own_refusals_are_no_network_trouble(tmp_path: Path, kind: str) -> None:
    entries = [{"_error": "geweigerd", "_errorKind": kind, "response": {"status": 0}}]
    assert network_trouble(_har(tmp_path / "evidence.har", entries)) is False


@pytest.mark.parametrize("text", [None, "niet json", '{"log": {}}', "[]"])
def test_missing_or_odd_evidence(tmp_path: Path, text: str | None) -> None:
    path = tmp_path / "evidence.har"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    assert network_trouble(path) is False
