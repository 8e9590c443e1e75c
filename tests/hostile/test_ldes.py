"""Hostile LDES structures end to end: a relation cycle, a relation to the page itself, a
relation to another host (never followed), an endless generated stream (cut at max_pages).
A feed the lab could not read whole is non-conformant (feed_read_whole is required).
"""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from tests.hostile.checks import assert_judged_within_bounds
from tests.hostile.corpus import CASES, MAX_PAGES
from tests.hostile.harness import CaseRun

LDES = [case.id for case in CASES if case.category == "ldes"]


@pytest.mark.parametrize("case_id", LDES)
def test_hostile_stream_is_judged_within_bounds(
    corpus_runs: dict[str, Future[CaseRun]], case_id: str
) -> None:
    assert_judged_within_bounds(corpus_runs[case_id].result())


def test_the_endless_stream_is_read_up_to_max_pages(
    corpus_runs: dict[str, Future[CaseRun]],
) -> None:
    run = corpus_runs["ldes/endless-stream"].result()

    assert sum(run.hits.values()) == MAX_PAGES
