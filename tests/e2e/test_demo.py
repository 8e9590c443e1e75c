"""``interop-lab demo`` from an empty folder: a conformant scorecard, stored in the catalogue."""

from __future__ import annotations

import json
from pathlib import Path

from interop_lab.suites.registry import load_suites
from tests.e2e.support import run_lab


def test_demo_ends_conformant_at_the_top_level_and_stored(workdir: Path) -> None:
    result = run_lab("demo", cwd=workdir)

    assert result.returncode == 0, result.stdout + result.stderr
    cards = {
        card["standard"]["suite"]: card
        for card in (
            json.loads(path.read_text("utf-8"))
            for path in (workdir / "reports").rglob("scorecard.jsonld")
        )
    }
    assert sorted(cards) == sorted(load_suites()), "the demo covers every suite"
    for card in cards.values():
        top = card["levels"][-1]["id"]
        assert (card["verdict"], card["level"]) == ("conformant", top), card["standard"]
    assert "scorecard.html" in result.stdout
    listed = run_lab("catalogue", "list", cwd=workdir)
    assert listed.returncode == 0, listed.stderr
    for card in cards.values():
        assert card["@id"] in listed.stdout


def test_demo_with_defects_shows_the_failures(workdir: Path) -> None:
    result = run_lab("demo", "--defect", "missing-title", "--defect", "undefined-key", cwd=workdir)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "release 1.0.0: conform" in result.stdout
    assert "release 1.0.1-gebreken met missing-title, undefined-key: niet conform" in result.stdout
    query = run_lab(
        "catalogue",
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a <http://www.w3.org/ns/earl#result> ?r . "
        "?r <http://www.w3.org/ns/earl#outcome> <http://www.w3.org/ns/earl#failed> } }",
        cwd=workdir,
    )
    assert query.returncode == 0, query.stderr
    assert int(query.stdout.split()[-1]) >= 2


def test_demo_refuses_an_unknown_defect(workdir: Path) -> None:
    result = run_lab("demo", "--defect", "bestaat-niet", cwd=workdir)

    assert result.returncode == 2
    assert "unknown defect bestaat-niet" in result.stderr
