"""The generic ldes suite alone: the reference feed passes; defects and unclaimed levels show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interop_lab.reference import IpdcFeed, ReferenceVendor
from tests.e2e.support import TOKEN, failed, run_lab, scorecard, write_profile


def _run(workdir: Path, defects: tuple[str, ...] = (), level: str | None = None) -> dict[str, Any]:
    claim: dict[str, Any] = {"standard": "ldes", "endpoints": {"feed": "/ldes/instancesnapshot"}}
    if level:
        claim["level"] = level
    with ReferenceVendor(IpdcFeed(members=12, page_size=4, defects=defects), token=TOKEN) as vendor:
        profile = write_profile(workdir, vendor.base_url, claims=[claim])
        result = run_lab(
            "run", "--profile", str(profile), "--out", str(workdir / "uit"), cwd=workdir
        )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return scorecard(workdir / "uit", "ldes")


def test_the_reference_feed_is_conformant_at_the_top_level(workdir: Path) -> None:
    card = _run(workdir)

    assert (card["verdict"], card["level"]) == ("conformant", "L3")
    assert card["summary"]["failed"] == 0
    (untested,) = [a for a in card["assertions"] if a["result"]["outcome"] == "untested"]
    assert untested["requirement"] == "https://w3id.org/ldes/specification#immutability"
    assert card["summary"]["untested"] == 1


def test_a_relation_cycle_is_non_conformant(workdir: Path) -> None:
    card = _run(workdir, ("relation-cycle",))

    assert card["verdict"] == "non-conformant"
    (cycle,) = failed(card)
    assert cycle["test"].endswith("structure/relations_sound")
    assert "cyclus" in cycle["result"]["description"]


def test_levels_above_the_claim_are_inapplicable(workdir: Path) -> None:
    card = _run(workdir, level="L1")

    above = [
        a for a in card["assertions"] if a["level"] != "L1" and a["result"]["outcome"] != "untested"
    ]
    assert above
    assert {a["result"]["outcome"] for a in above} == {"inapplicable"}
    assert card["verdict"] == "conformant"
    assert (card["claimedLevel"], card["level"]) == ("L1", "L1"), "never above the claim"
