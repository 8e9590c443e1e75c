"""``catalogue serve`` tested by the lab itself: the served catalogue, claimed as a vendor's
``linked-data`` endpoint, is conformant; and the command serves on loopback."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import httpx

from interop_lab.catalogue import EmbeddedCatalogue
from interop_lab.service import CatalogueServer, CatalogueSite, take_snapshot
from interop_lab.service.documents import CONTEXT_URL, context_text
from tests.e2e.linked_data_suite import install_suite
from tests.e2e.support import run_lab, scorecard, write_profile
from tests.reporting.cards import card, conformant_card

CARDS = (
    replace(conformant_card(), iri="urn:uuid:00000000-0000-4000-8000-0000000000a1"),
    replace(card(), iri="urn:uuid:00000000-0000-4000-8000-0000000000a2"),
)


def _fill(folder: Path) -> None:
    with EmbeddedCatalogue(folder) as catalogue:
        for each in CARDS:
            catalogue.add(each)


def _mirror(folder: Path) -> str:
    """A mirror holding the catalogue's context (a lab artefact), before the other mirrors."""
    folder.mkdir()
    text = context_text().encode()
    (folder / "context.jsonld").write_bytes(text)
    entry = {"path": "context.jsonld", "sha256": hashlib.sha256(text).hexdigest()}
    (folder / "index.json").write_text(json.dumps({"artefacts": {CONTEXT_URL: entry}}))
    others = os.environ.get("INTEROP_LAB_ARTEFACTS")
    return f"{folder}:{others}" if others else str(folder)


def test_served_catalogue_passes_the_linked_data_suite(workdir: Path, tmp_path: Path) -> None:
    _fill(workdir / "catalogus")
    with EmbeddedCatalogue(workdir / "catalogus") as catalogue:
        snapshot = take_snapshot(catalogue)
    with CatalogueServer(CatalogueSite(snapshot, page_size=3)) as server:
        claims = [{"standard": "linked-data", "endpoints": {"collection": "/catalogus"}}]
        profile = write_profile(workdir, server.base_url, claims=claims)
        out = workdir / "rapport"
        result = run_lab(
            "run",
            "--profile",
            str(profile),
            "--out",
            str(out),
            cwd=workdir,
            env={
                "INTEROP_LAB_ARTEFACTS": _mirror(tmp_path / "spiegel"),
                "INTEROP_LAB_SUITES": str(install_suite(tmp_path / "suites")),
            },
        )
    card_data = scorecard(out, "linked-data")
    not_passed = [
        (a["test"], a["result"]["outcome"], a["result"]["description"])
        for a in card_data["assertions"]
        if a["result"]["outcome"] != "passed"
    ]
    assert result.returncode == 0, (result.stdout + result.stderr, not_passed)
    assert card_data["verdict"] == "conformant"
    assert card_data["level"] == "L3"
    assert not_passed == []


def test_catalogue_serve_command_listens_on_loopback(workdir: Path) -> None:
    _fill(workdir / "catalogus")
    command = [sys.executable, "-m", "interop_lab.cli.main", "catalogue", "serve"]
    options = ["--catalogue", f"file:{workdir / 'catalogus'}", "--listen", "127.0.0.1:0"]
    with subprocess.Popen(
        [*command, *options], cwd=workdir, stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            url = line.split()[1]
            assert url.startswith("http://127.0.0.1:")
            answer = httpx.get(url, headers={"Accept": "text/html"}, timeout=10)
            assert answer.status_code == 200
            assert '<html lang="nl">' in answer.text
            # The snapshot released the embedded store: runs may write to it while it is served.
            with EmbeddedCatalogue(workdir / "catalogus") as catalogue:
                assert len(catalogue.scorecards()) == len(CARDS)
        finally:
            process.terminate()
            process.wait(timeout=10)
