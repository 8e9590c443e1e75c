"""One task in a worker process: the profile's unfinished suites in one pytest session.

The worker writes the run's files (scorecards, JUnit, evidence, allure results) into the task's
folder and returns what the journal and the matrix need; the campaign's own process is the only
one that writes to the catalogue and the journal.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interop_lab.campaign.journal import JobResult, TaskRecord
from interop_lab.campaign.plan import Task
from interop_lab.model.scorecard import Scorecard, counts_against_vendor
from interop_lab.plugin.launch import RunRequest, run
from interop_lab.reporting.files import EVIDENCE_FILE
from interop_lab.reporting.jsonld import scorecard_from_jsonld
from interop_lab.runner.session import now_iso

LOG_FILE = "pytest.log"
ALLURE_FOLDER = "allure-results"
SCORECARD_FILE = "scorecard.jsonld"
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class TaskOrder:
    """What the campaign sends a worker (picklable)."""

    task: Task
    suites: tuple[str, ...]  # the task's suites not finished yet
    folder: Path  # the campaign folder; the task writes to folder / task.stem
    run_id: str
    allure: bool = True
    # Public addresses only, unless the campaign runs with --allow-private (run.py sets it).
    public_only: bool = False


def start_worker() -> None:
    """Worker initialiser: die with the campaign, so no orphan writes after a kill."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    # The campaign's process handles Ctrl-C; workers just stop with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass(frozen=True, slots=True)
class TaskDone:
    """What a worker hands back: the journal's record and the scorecards as it read them, so
    the campaign's process stores them without reading and parsing the files again."""

    record: TaskRecord
    cards: tuple[Scorecard, ...]


def run_task(order: TaskOrder) -> TaskDone:
    out_dir = order.folder / order.task.stem
    out_dir.mkdir(parents=True, exist_ok=True)
    extra = ("--alluredir", str(out_dir / ALLURE_FOLDER)) if order.allure else ()
    request = RunRequest(
        profile=order.task.profile,
        suites=order.suites,
        out_dir=out_dir,
        run_id=order.run_id,
        pytest_args=extra,
        public_only=order.public_only,
    )
    with (
        (out_dir / LOG_FILE).open("w", encoding="utf-8") as log,
        contextlib.redirect_stdout(log),
        contextlib.redirect_stderr(log),
    ):
        code, _ = run(request)
    transport = network_trouble(out_dir / EVIDENCE_FILE)
    results = [
        _job_result(order, suite, out_dir / suite / SCORECARD_FILE, code, transport)
        for suite in order.suites
    ]
    record = TaskRecord(
        stem=order.task.stem,
        run_id=order.run_id,
        exit_code=code,
        ended=now_iso(),
        jobs=tuple(job for job, _ in results),
    )
    return TaskDone(record, tuple(card for _, card in results if card is not None))


def _job_result(
    order: TaskOrder, suite: str, path: Path, code: int, transport: bool
) -> tuple[JobResult, Scorecard | None]:
    key = f"{order.task.stem}/{suite}"
    if not path.exists():  # a usage or harness error stopped the run before any scorecard
        return JobResult(key=key, suite=suite, exit_code=code, verdict="error"), None
    card = scorecard_from_jsonld(json.loads(path.read_text("utf-8")))
    failed = tuple(
        sorted(record.test for record in card.assertions if counts_against_vendor(record))
    )
    return JobResult(
        key=key,
        suite=suite,
        exit_code=code,
        verdict=card.verdict,
        level=card.level,
        scorecard=card.iri,
        file=str(path.relative_to(order.folder)),
        transport=transport and card.verdict != "conformant",
        failed=failed,
    ), card


NETWORK_KINDS = frozenset({"timeout", "connect"})


def network_trouble(evidence: Path) -> bool:
    """Whether a request timed out, could not connect or had to be retried: maybe the network.

    Refusals by the lab's own rules (a private address, a host not allowed, a body too large)
    are the vendor's doing, not the network's.
    """
    try:
        entries: list[dict[str, Any]] = json.loads(evidence.read_text("utf-8"))["log"]["entries"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return any(
        entry.get("_attempt", 1) > 1 or entry.get("_errorKind") in NETWORK_KINDS
        for entry in entries
    )
