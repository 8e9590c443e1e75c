"""Campaign test helpers: vendor profiles in a folder, suite roles, scorecards over time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from interop_lab.model.outcomes import Outcome, Usage
from interop_lab.model.scorecard import AssertionRecord, Scorecard
from interop_lab.profiles import SuiteRoles
from tests.e2e.support import write_profile as write_e2e_profile
from tests.reporting.cards import LEVELS, card, iri_of_test, run_info

SUITES = {
    "ipdc-lpdc": SuiteRoles(frozenset({"feed"}), frozenset(), ("L1", "L2", "L3", "L4")),
    "ldes": SuiteRoles(frozenset({"feed"}), frozenset(), ("L1", "L2", "L3")),
}


def write_profile(
    folder: Path, name: str, base_url: str = "https://vendor.example", **overrides: Any
) -> Path:
    """A valid profile named ``name`` (the e2e tests' profile, another file name)."""
    return write_e2e_profile(folder, base_url, name, **overrides)


# Tests of one level each: "l<N>" at level L<N>, required (Verplicht).
TESTS = tuple(level.id.lower() for level in LEVELS)


def rule(local: str) -> str:
    """The IRI of test ``local``."""
    return iri_of_test(local)


def scored(
    iri: str,
    ended: str,
    *,
    failed: tuple[str, ...] = (),
    mode: str = "self-test",
    vendor: str = "Voorbeeld NV",
    product: str = "Voorbeeld Loket",
) -> Scorecard:
    """A scorecard whose tests ``l1``..``l4`` all passed except ``failed``, ended at ``ended``."""
    records = tuple(
        AssertionRecord(
            test=iri_of_test(local),
            title=f"Regel {local}",
            requirement=f"https://data.vlaanderen.be/shacl/ipdc-lpdc#{local}",
            level=local.upper(),
            usage=Usage.VERPLICHT,
            outcome=Outcome.FAILED if local in failed else Outcome.PASSED,
        )
        for local in TESTS
    )
    base = card(iri=iri, vendor=vendor, product=product, assertions=records)
    return replace(base, mode=mode, run=replace(run_info(), started=ended, ended=ended))
