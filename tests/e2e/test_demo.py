"""``interop-lab demo`` from an empty folder: several products, stored, certified, verifiable."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from interop_lab.suites.registry import load_suites
from tests.e2e.conftest import DemoRun
from tests.e2e.support import run_lab

PUBLIC_KEY = ".interop-lab/demo-sleutel.pub.pem"


def _cards(workdir: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in sorted((workdir / "reports").rglob("scorecard.jsonld")):
        yield path, json.loads(path.read_text("utf-8"))


def _by_release(workdir: Path) -> dict[tuple[str, str], dict[str, dict[str, Any]]]:
    releases: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    for _, card in _cards(workdir):
        subject = card["subject"]
        suites = releases.setdefault((subject["product"], subject["release"]), {})
        suites[card["standard"]["suite"]] = card
    return releases


def test_the_demo_tests_several_products_conformant_and_not(demo_run: DemoRun) -> None:
    releases = _by_release(demo_run.workdir)

    reference = releases[("Referentie Productencatalogus", "1.0.0")]
    # Every suite but those that test a client: those need the client to call the lab.
    crawled = [i for i, suite in load_suites().items() if not suite.manifest.tests_a_client]
    assert sorted(reference) == sorted(crawled), "the reference product covers every suite"
    for release in ("1.0.0", "1.1.0"):
        for card in releases[("Referentie Productencatalogus", release)].values():
            top = card["levels"][-1]["id"]
            assert (card["verdict"], card["level"]) == ("conformant", top), card["standard"]
    verdicts = {
        (product, release): {suite: card["verdict"] for suite, card in cards.items()}
        for (product, release), cards in releases.items()
    }
    assert verdicts[("Voorbeeld Loket", "2.3.0")] == {
        "ipdc-lpdc": "non-conformant",
        "ldes": "conformant",
        "besluit-publicatie": "non-conformant",
    }
    assert set(verdicts[("Voorbeeld Loket", "2.4.0")].values()) == {"conformant"}
    assert verdicts[("Mandatenbeheer", "5.0")]["adresregister"] == "non-conformant"
    assert verdicts[("Referentie Productencatalogus", "1.0.1-gebreken")]["ipdc-lpdc"] == (
        "non-conformant"
    )
    out = demo_run.result.stdout
    assert "Referentie Productencatalogus release 1.0.0: conform" in out
    assert "release 1.0.1-gebreken met missing-title, undefined-key: niet conform" in out
    assert "Mandatenbeheer release 5.0 met missing-postinfo (gecertificeerd): niet conform" in out


def test_only_the_certified_releases_are_signed(demo_run: DemoRun) -> None:
    certified = {("Referentie Productencatalogus", "1.1.0"), ("Voorbeeld Loket", "2.4.0")}
    certified.add(("Mandatenbeheer", "5.0"))

    for key, cards in _by_release(demo_run.workdir).items():
        for card in cards.values():
            expected = "certified" if key in certified else "self-test"
            assert card["mode"] == expected, key
            assert ("signature" in card) is (key in certified), key


def test_verify_accepts_every_certified_scorecard_of_the_demo(demo_run: DemoRun) -> None:
    certified = [path for path, card in _cards(demo_run.workdir) if card["mode"] == "certified"]
    assert len(certified) == 13, "reference 1.1.0 (7), Voorbeeld Loket 2.4.0 (3), Mandatenbeheer 3"

    for path in certified:
        result = run_lab("verify", str(path), "--key", PUBLIC_KEY, cwd=demo_run.workdir)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith("geldig: gecertificeerd door het lab")


@pytest.mark.parametrize("changed", ["scorecard", "evidence"])
def test_verify_rejects_one_byte_changed(demo_run: DemoRun, tmp_path: Path, changed: str) -> None:
    path = next(path for path, card in _cards(demo_run.workdir) if card["mode"] == "certified")
    run_folder = tmp_path / "run"
    shutil.copytree(path.parent.parent, run_folder)
    shutil.copy(demo_run.workdir / PUBLIC_KEY, tmp_path / "lab.pub.pem")
    card = run_folder / path.parent.name / "scorecard.jsonld"
    target = card if changed == "scorecard" else run_folder / "evidence.har"
    data = bytearray(target.read_bytes())
    # In the scorecard, a hex digit of its uuid: still valid JSON, so only the signature can tell.
    at = data.index(b"urn:uuid:") + len("urn:uuid:") if changed == "scorecard" else len(data) // 2
    data[at] = ord("0") if data[at] != ord("0") else ord("1")
    target.write_bytes(bytes(data))

    result = run_lab("verify", str(card), "--key", str(tmp_path / "lab.pub.pem"), cwd=tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("ONGELDIG / INVALID")


def test_the_catalogue_holds_every_run_of_the_demo(demo_run: DemoRun) -> None:
    listed = run_lab("catalogue", "list", cwd=demo_run.workdir)
    assert listed.returncode == 0, listed.stderr
    for _, card in _cards(demo_run.workdir):
        assert card["@id"] in listed.stdout
    query = run_lab(
        "catalogue",
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a <http://www.w3.org/ns/earl#result> ?r . "
        "?r <http://www.w3.org/ns/earl#outcome> <http://www.w3.org/ns/earl#failed> } }",
        cwd=demo_run.workdir,
    )
    assert query.returncode == 0, query.stderr
    assert int(query.stdout.split()[-1]) >= 2


def test_the_demo_loads_the_standards_register_for_the_site(demo_run: DemoRun) -> None:
    assert "standards register: 207 standards, 8 suites linked" in demo_run.result.stdout
    page = (demo_run.workdir / ".interop-lab" / "site" / "standaarden.html").read_text("utf-8")
    assert "Applicatieprofiel Besluit Publicatie" in page
    assert "Verplicht" in page


def test_demo_refuses_an_unknown_defect(workdir: Path) -> None:
    result = run_lab("demo", "--defect", "bestaat-niet", cwd=workdir)

    assert result.returncode == 2
    assert "unknown defect bestaat-niet" in result.stderr
