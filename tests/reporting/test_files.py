"""write_run_files: the four paths of the contract, complete files only."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from interop_lab.reporting.files import write_run_files, write_text
from interop_lab.reporting.jsonld import scorecard_from_jsonld
from tests.reporting.cards import card

HAR = {"log": {"version": "1.2", "creator": {"name": "interop-lab"}, "entries": []}}


def test_writes_the_contracts_four_paths(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "run-1"

    written = write_run_files(out, [card()], HAR)

    assert written == [
        out / "ipdc-lpdc" / "scorecard.jsonld",
        out / "ipdc-lpdc" / "scorecard.html",
        out / "junit.xml",
        out / "evidence.har",
    ]
    assert scorecard_from_jsonld(json.loads(written[0].read_text("utf-8"))) == card()
    assert written[1].read_text("utf-8").startswith("<!DOCTYPE html>")
    ET.parse(written[2])
    assert json.loads(written[3].read_text("utf-8")) == HAR


def test_rewrites_in_place_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_run_files(tmp_path, [card()], HAR)
    write_run_files(tmp_path, [card(product="Nieuw")], HAR)

    names = sorted(path.name for path in tmp_path.rglob("*"))
    assert names == [
        "evidence.har", "ipdc-lpdc", "junit.xml", "scorecard.html", "scorecard.jsonld",
    ]  # fmt: skip
    assert "Nieuw" in (tmp_path / "ipdc-lpdc" / "scorecard.html").read_text("utf-8")


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "junit.xml"
    target.write_text("old", "utf-8")

    def full_disk(source: str, destination: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_text(target, "new")

    assert target.read_text("utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["junit.xml"]
