"""One job of the naive campaign baseline, doing the lab's own checks: one suite of one profile
run alone in a fresh process, validating page by page.

    python benchmarks/naive_lab_job.py PROFILE SUITE OUT

This is ``interop-lab run --profile PROFILE --suite SUITE`` (the same tests, the same scorecard),
except that SHACL validation calls pySHACL once per page, with the code lists, instead of once
per claim: what a lab without the campaign engine does, one job after another. Prints one JSON
line: the verdict and level of the scorecard.

Needs INTEROP_LAB_ARTEFACTS (the artefact mirror) and the profile's token variable set.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
from pathlib import Path

from rdflib import Graph

from interop_lab.crawl import Page
from interop_lab.plugin.launch import RunRequest, run
from interop_lab.runner import claim
from interop_lab.suites.artefact_set import SuiteArtefacts
from interop_lab.validation import Validation, validate


def validate_page_by_page(readable: list[Page], artefacts: SuiteArtefacts) -> Validation:
    validation = Validation()
    for shape_set in artefacts.shape_sets:
        shapes = {s for s, _, _ in shape_set.graph}
        constraints = [c for c in artefacts.constraints if c.node_shape in shapes]
        for page in readable:
            if not shape_set.covers(page.role) or page.payload is None:
                continue
            data = Graph()
            for triple in page.payload.graph.triples:
                data.add(triple)
            data += artefacts.codelists
            _add(validation, validate(data, shape_set.graph, constraints))
    return validation


def _add(total: Validation, page: Validation) -> None:
    """The page's findings added to the claim's (Validation.merge is for other shape sets)."""
    for key, found in page.results.items():
        total.results.setdefault(key, []).extend(found)
    for shape, count in page.focus_counts.items():
        total.focus_counts[shape] = (total.focus_counts.get(shape) or 0) + (count or 0)
    total.unmatched.extend(page.unmatched)


def main() -> None:
    profile, suite, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    claim._validate = validate_page_by_page  # the naive part, for this process only
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code, _ = run(RunRequest(profile=profile, suites=(suite,), out_dir=out))
    card = json.loads((out / suite / "scorecard.jsonld").read_text("utf-8")) if code < 2 else {}
    line = {
        "profile": profile.stem,
        "suite": suite,
        "exit": code,
        "verdict": card.get("verdict"),
        "level": card.get("level"),
        "seconds": round(time.perf_counter() - started, 3),
    }
    print(json.dumps(line))


if __name__ == "__main__":
    main()
