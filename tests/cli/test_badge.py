"""`interop-lab badge`: a scorecard's SVG badge, for a vendor's CI."""

from __future__ import annotations

from pathlib import Path

from interop_lab.reporting.jsonld import scorecard_json
from tests.e2e.support import run_lab
from tests.reporting.cards import card


def test_a_scorecard_gets_its_badge(tmp_path: Path) -> None:
    scorecard = tmp_path / "scorecard.jsonld"
    scorecard.write_text(scorecard_json(card()), encoding="utf-8")

    result = run_lab("badge", str(scorecard), "--out", "badge.svg", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "badge.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert "ipdc-lpdc" in svg
    assert "L2" in svg  # the level the card reached


def test_a_file_that_is_no_scorecard_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.jsonld").write_text("{}", encoding="utf-8")

    result = run_lab("badge", "x.jsonld", cwd=tmp_path)

    assert result.returncode == 2
    assert "x.jsonld: not a scorecard the lab wrote" in result.stderr
