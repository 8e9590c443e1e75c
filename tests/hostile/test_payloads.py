"""Hostile payloads end to end: each one a real ``interop-lab run`` against a loopback vendor.

JSON nested 100,000 deep, a 50 MiB string, duplicate keys, NaN; JSON-LD context chains and
recursion, @import of a remote context (never fetched), a huge @graph, a page of a million
members; Turtle whose prefixes expand to gigabytes; RDF/XML entity expansion; HTML with a 10 MiB
attribute. Every one judged non-conformant, the cause named, within the deadline and 512 MB.
"""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from tests.hostile.checks import assert_judged_within_bounds
from tests.hostile.corpus import CASES
from tests.hostile.harness import CaseRun

PAYLOADS = [case.id for case in CASES if case.category != "ldes"]


@pytest.mark.parametrize("case_id", PAYLOADS)
def test_hostile_payload_is_judged_within_bounds(
    corpus_runs: dict[str, Future[CaseRun]], case_id: str
) -> None:
    assert_judged_within_bounds(corpus_runs[case_id].result())
