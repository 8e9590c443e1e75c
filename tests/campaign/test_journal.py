"""The campaign journal: header, finished tasks, torn and corrupt lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interop_lab.campaign.journal import JOURNAL, Header, JobResult, Journal, TaskRecord
from interop_lab.model.errors import UsageError

HEADER = Header(
    campaign="20261128T180501Z-3f2a9c",
    started="2026-11-28T18:05:01Z",
    profiles="/srv/profielen",
    shard="2/4",
    jobs=("acme/ipdc-lpdc", "acme/ldes", "beta/ipdc-lpdc"),
)


def _record(stem: str = "acme", exit_code: int = 1, run_id: str = "run-acme") -> TaskRecord:
    return TaskRecord(
        stem=stem,
        run_id=run_id,
        exit_code=exit_code,
        ended="2026-11-28T18:06:00Z",
        jobs=(
            JobResult(
                key=f"{stem}/ipdc-lpdc",
                suite="ipdc-lpdc",
                exit_code=exit_code,
                verdict="non-conformant",
                level="L2",
                scorecard="urn:uuid:6f1c2d1e-1111-4a4a-9b9b-000000000001",
                file=f"{stem}/ipdc-lpdc/scorecard.jsonld",
                transport=True,
                failed=("urn:interop-lab:test:ipdc-lpdc:1.0.0:a", "urn:interop-lab:test:b – é"),
            ),
            JobResult(key=f"{stem}/ldes", suite="ldes", exit_code=exit_code, verdict="error"),
        ),
    )


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    started = Journal(tmp_path / "campagne")
    started.start(HEADER)
    return started


def test_start_creates_the_folder_and_the_header_round_trips(journal: Journal) -> None:
    assert journal.exists()
    assert journal.path.name == JOURNAL
    assert journal.header() == HEADER
    assert journal.finished() == {}


def test_start_twice_is_a_usage_error(journal: Journal) -> None:
    with pytest.raises(UsageError, match=f"exists: resume it with --resume {HEADER.campaign}"):
        Journal(journal.path.parent).start(HEADER)
    assert journal.header() == HEADER  # untouched


def test_header_of_a_missing_journal(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such campaign journal"):
        Journal(tmp_path).header()


def test_header_must_be_the_first_line(tmp_path: Path) -> None:
    (tmp_path / JOURNAL).write_text('{"type":"task"}\n', encoding="utf-8")
    with pytest.raises(UsageError, match=rf"{JOURNAL}:1: the first line must be the campaign"):
        Journal(tmp_path).header()


def test_record_and_finished_round_trip(journal: Journal) -> None:
    record = _record()
    journal.record(record)
    journal.record(_record("beta", 0, "run-beta"))
    finished = journal.finished()
    assert list(finished) == ["acme", "beta"]
    assert finished["acme"] == record
    assert isinstance(finished["acme"].jobs, tuple)
    assert isinstance(finished["acme"].jobs[0].failed, tuple)
    # Every line is one JSON object.
    lines = journal.path.read_text("utf-8").splitlines()
    assert [json.loads(line)["type"] for line in lines] == ["campaign", "task", "task"]


def test_task_journaled_twice_counts_once_the_last(journal: Journal) -> None:
    journal.record(_record(exit_code=3))
    journal.record(_record("beta"))
    journal.record(_record(exit_code=0, run_id="run-acme-2"))
    finished = journal.finished()
    assert len(finished) == 2
    assert (finished["acme"].exit_code, finished["acme"].run_id) == (0, "run-acme-2")


def test_torn_last_line_is_ignored_then_cut(journal: Journal) -> None:
    journal.record(_record())
    whole = journal.path.read_bytes()
    line = json.dumps({"type": "task", "stem": "beta", "run_id": "x"}).encode()
    with journal.path.open("ab") as out:
        out.write(line[: len(line) // 2])  # a crash in the middle of the write
    assert list(journal.finished()) == ["acme"]
    assert journal.header() == HEADER

    journal.record(_record("beta", 0, "run-beta"))
    data = journal.path.read_bytes()
    assert data.startswith(whole)
    assert data.endswith(b"\n")
    entries = [json.loads(raw) for raw in data.decode("utf-8").splitlines()]  # valid JSONL
    assert [entry.get("stem") for entry in entries] == [None, "acme", "beta"]
    assert list(journal.finished()) == ["acme", "beta"]


def test_torn_header_reads_as_never_started(tmp_path: Path) -> None:
    (tmp_path / JOURNAL).write_bytes(b'{"type":"campaign","campa')
    with pytest.raises(UsageError, match=r"no complete header .* delete this journal"):
        Journal(tmp_path).header()


def test_corrupt_middle_line_names_its_number(journal: Journal) -> None:
    journal.record(_record())
    with journal.path.open("ab") as out:
        out.write(b'{"type": "task", "stem": \n')
    journal.record(_record("beta"))
    with pytest.raises(UsageError, match=rf"{JOURNAL}:3: not a JSON line .*changed by hand"):
        journal.finished()


def test_line_that_is_not_an_object(journal: Journal) -> None:
    with journal.path.open("ab") as out:
        out.write(b"[1, 2]\n")
    with pytest.raises(UsageError, match=rf"{JOURNAL}:2: not a JSON object"):
        journal.finished()


def test_task_line_missing_a_field(journal: Journal) -> None:
    with journal.path.open("ab") as out:
        out.write(b'{"type": "task", "stem": "acme"}\n')
    with pytest.raises(UsageError, match=rf"{JOURNAL}:2: not a task entry"):
        journal.finished()
