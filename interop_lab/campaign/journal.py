"""The campaign journal: one JSON line per finished task, appended and synced before it counts.

A crash can only tear the last line (it is written in one call, then fsynced); reading ignores a
torn last line and the next append cuts it off, so a resumed campaign redoes exactly the tasks
that have no complete line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from interop_lab.model.errors import UsageError

JOURNAL = "journal.jsonl"


@dataclass(frozen=True, slots=True)
class JobResult:
    """What the matrix needs of one finished job, as the journal keeps it."""

    key: str
    suite: str
    exit_code: int
    verdict: str  # "conformant" | "non-conformant" | "error"
    level: str | None = None
    scorecard: str | None = None  # the scorecard's IRI in the catalogue
    file: str | None = None  # the scorecard.jsonld, relative to the campaign folder
    transport: bool = False  # the vendor could not be reached: the network's fault, maybe
    failed: tuple[str, ...] = ()  # test IRIs that failed


@dataclass(frozen=True, slots=True)
class TaskRecord:
    stem: str
    run_id: str
    exit_code: int
    ended: str
    jobs: tuple[JobResult, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Header:
    campaign: str
    started: str
    profiles: str
    shard: str
    jobs: tuple[str, ...]
    catalogue: str = ""  # where the scorecards go; a resumed campaign keeps writing there
    allow_private: bool = False


class Journal:
    """``journal.jsonl`` in the campaign folder; the first line is the campaign's header."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL

    def exists(self) -> bool:
        return self.path.exists()

    def start(self, header: Header) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            raise UsageError(f"{self.path} exists: resume it with --resume {header.campaign}")
        self._append({"type": "campaign", **asdict(header)})

    def header(self) -> Header:
        for line, entry in self._entries():
            if entry.get("type") != "campaign":
                raise UsageError(f"{self.path}:{line}: the first line must be the campaign header")
            return Header(
                campaign=entry["campaign"],
                started=entry["started"],
                profiles=entry["profiles"],
                shard=entry["shard"],
                jobs=tuple(entry["jobs"]),
                catalogue=entry.get("catalogue", ""),
                allow_private=entry.get("allow_private", False),
            )
        raise UsageError(
            f"{self.path}: no complete header (the campaign was stopped while it started); "
            "delete this journal and start the campaign again"
        )

    def finished(self) -> dict[str, TaskRecord]:
        """The finished tasks by profile stem (a task journaled twice counts once, the last)."""
        tasks: dict[str, TaskRecord] = {}
        for line, entry in self._entries():
            if entry.get("type") != "task":
                continue
            try:
                record = TaskRecord(
                    stem=entry["stem"],
                    run_id=entry["run_id"],
                    exit_code=entry["exit_code"],
                    ended=entry["ended"],
                    jobs=tuple(
                        JobResult(**{**job, "failed": tuple(job["failed"])})
                        for job in entry["jobs"]
                    ),
                )
            except (KeyError, TypeError) as error:
                raise UsageError(f"{self.path}:{line}: not a task entry ({error})") from error
            tasks[record.stem] = record
        return tasks

    def record(self, task: TaskRecord) -> None:
        self._append({"type": "task", **asdict(task)})

    def _entries(self) -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError as error:
            raise UsageError(f"{self.path}: no such campaign journal") from error
        lines = data.split(b"\n")
        # The part after the last newline is empty, or a line torn by a crash: never counted.
        for number, raw in enumerate(lines[:-1], start=1):
            try:
                entry = json.loads(raw)
            except ValueError as error:
                raise UsageError(
                    f"{self.path}:{number}: not a JSON line ({error}); the journal was changed "
                    "by hand: restore it or start a new campaign"
                ) from error
            if not isinstance(entry, dict):
                raise UsageError(f"{self.path}:{number}: not a JSON object")
            yield number, entry

    def _append(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self.path.open("ab") as out:
            self._cut_torn_line(out)
            out.write(line.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())

    def _cut_torn_line(self, out: Any) -> None:
        size = out.tell()
        if size == 0:
            return
        with self.path.open("rb") as existing:
            data = existing.read()
        end = data.rfind(b"\n") + 1
        if end != size:
            out.truncate(end)
            out.seek(end)
