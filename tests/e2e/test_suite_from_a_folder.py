"""A further OSLO profile as a suite from a manifest and pinned artefacts alone, with a repair.

The suite lives in a temporary folder named by INTEROP_LAB_SUITES: nothing in the package changes.
Its shapes are the real Besluit Publicatie 2025-12-11 shapes, whose string cardinalities pySHACL
refuses; the manifest declares the documented repair, and every scorecard states it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from interop_lab.reference import IpdcFeed, ReferenceVendor
from interop_lab.suites.registry import get_suite
from tests.e2e.support import TOKEN, run_lab, scorecard, write_profile

SHAPES = (
    "https://data.vlaanderen.be/doc/applicatieprofiel/besluit-publicatie/erkendestandaard/"
    "2025-12-11/shacl/besluit-publicatie-SHACL.ttl"
)
TITLE_TEST = "shacl/InstancePublicServiceShape/dct-title/minCount"
SHAPES_SHA256 = "641435a26f89c270b1513846f307b2a595373152ad295dd5fb7dfaf953510b56"
TEST_MODULE = """
from interop_lab.checks import shacl


def test_shape_constraint(shape_constraint, claim_run):
    shacl.constraint_holds(shape_constraint, claim_run.validation, claim_run.locator)
"""


def _suite(root: Path) -> Path:
    folder = root / "besluit-vormen"
    folder.mkdir(parents=True)
    manifest = {
        "id": "besluit-vormen",
        "version": "0.1.0",
        "title": "Besluit Publicatie, alleen de vormen",
        "standard": {
            "iri": "https://data.vlaanderen.be/doc/applicatieprofiel/besluit-publicatie",
            "version": "2025-12-11",
            "title": "Besluit Publicatie",
        },
        "levels": [{"id": "L3", "title": "Alle verplichte regels"}],
        "roles": {"required": ["feed"]},
        "shapes": {"required_level": "L3", "recommended_level": "L3"},
        "artefacts": [
            {
                "role": "shapes",
                "url": SHAPES,
                "sha256": SHAPES_SHA256,
                "repairs": ["cardinalities-as-integer"],
            },
        ],
    }
    (folder / "suite.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    (folder / "test_shapes.py").write_text(TEST_MODULE, encoding="utf-8")
    return root


def test_a_suite_from_a_manifest_runs_and_states_its_repair(workdir: Path) -> None:
    suites = _suite(workdir / "suites")
    with ReferenceVendor(IpdcFeed(members=5, page_size=5), token=TOKEN) as vendor:
        profile = write_profile(
            workdir,
            vendor.base_url,
            claims=[
                {"standard": "besluit-vormen", "endpoints": {"feed": "/ldes/instancesnapshot"}}
            ],
        )
        listed = run_lab("suites", cwd=workdir, env={"INTEROP_LAB_SUITES": str(suites)})
        result = run_lab(
            "run",
            "--profile",
            str(profile),
            "--out",
            str(workdir / "uit"),
            cwd=workdir,
            env={"INTEROP_LAB_SUITES": str(suites)},
        )

    assert "besluit-vormen" in listed.stdout
    assert result.returncode == 0, result.stdout + result.stderr
    card = scorecard(workdir / "uit", "besluit-vormen")
    assert card["run"]["artefacts"] == [
        {"url": SHAPES, "sha256": SHAPES_SHA256, "repairs": ["cardinalities-as-integer"]}
    ]
    assert len(card["assertions"]) > 100
    outcomes = {a["result"]["outcome"] for a in card["assertions"]}
    assert outcomes == {"inapplicable"}, "the reference feed holds no decisions"
    page = (workdir / "uit" / "besluit-vormen" / "scorecard.html").read_text("utf-8")
    assert "cardinalities-as-integer" in page
    assert json.dumps(card).count("cardinalities-as-integer") == 1


def test_a_failure_the_suite_blames_on_the_standard_does_not_count(workdir: Path) -> None:
    bundled = get_suite("ipdc-lpdc")
    manifest = yaml.safe_load((bundled.folder / "suite.yaml").read_text("utf-8"))
    manifest["id"] = "ipdc-gedocumenteerd"
    manifest["standard_defects"] = [
        {"test": TITLE_TEST, "reason": "dct:title is in deze testversie ten onrechte verplicht"}
    ]
    folder = workdir / "suites" / "ipdc-gedocumenteerd"
    folder.mkdir(parents=True)
    (folder / "suite.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    shutil.copy(bundled.folder / "test_l3_shapes.py", folder)
    feed = IpdcFeed(members=5, page_size=5, defects=("missing-title",))
    with ReferenceVendor(feed, token=TOKEN) as vendor:
        profile = write_profile(
            workdir,
            vendor.base_url,
            claims=[
                {"standard": "ipdc-gedocumenteerd", "endpoints": {"feed": "/ldes/instancesnapshot"}}
            ],
        )
        result = run_lab(
            "run",
            "--profile",
            str(profile),
            "--out",
            str(workdir / "uit"),
            cwd=workdir,
            env={"INTEROP_LAB_SUITES": str(workdir / "suites")},
        )

    assert result.returncode == 0, result.stdout + result.stderr
    card = scorecard(workdir / "uit", "ipdc-gedocumenteerd")
    (title,) = [a for a in card["assertions"] if a["test"].endswith(TITLE_TEST)]
    assert title["result"]["outcome"] == "failed"
    assert title["blame"] == "standard"
    assert "fout in de standaard: dct:title is in deze testversie" in title["result"]["description"]
    assert card["verdict"] == "conformant"
