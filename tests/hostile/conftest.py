"""Fixtures of the hostile corpus: every case's lab run, started once, two at a time.

Each case gets its own loopback server and its own ``interop-lab run``; the runs start in the
background when the first test asks for any, so a test waits only for its own case.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from tests.hostile.corpus import CASES
from tests.hostile.harness import CaseRun, run_case

PARALLEL_RUNS = 2


@pytest.fixture(scope="session")
def corpus_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future[CaseRun]]]:
    root = tmp_path_factory.mktemp("vijandig")
    with ThreadPoolExecutor(PARALLEL_RUNS) as pool:
        runs = {
            case.id: pool.submit(run_case, case, root / case.id.replace("/", "-")) for case in CASES
        }
        yield runs
        for run in runs.values():
            run.cancel()
