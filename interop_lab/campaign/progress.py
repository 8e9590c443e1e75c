"""Progress for the lab team: a rich bar on a terminal, one line per finished task elsewhere."""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class CampaignProgress:
    """Jobs done of all, running and failed, with the time left (rich's estimate)."""

    def __init__(self, total_jobs: int, already_done: int) -> None:
        self._console = Console(file=sys.stderr)
        self._interactive = self._console.is_terminal
        self._progress = Progress(
            TextColumn("[bold]campagne"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("bezig {task.fields[running]}, gefaald {task.fields[failed]}"),
            TimeElapsedColumn(),
            TextColumn("nog"),
            TimeRemainingColumn(),
            console=self._console,
            disable=not self._interactive,
        )
        self._bar = self._progress.add_task(
            "jobs", total=total_jobs, completed=already_done, running=0, failed=0
        )
        self._failed = 0
        self._done = already_done
        self._total = total_jobs

    def started(self, running: int) -> None:
        self._progress.update(self._bar, running=running)

    def finished(self, label: str, jobs: int, failed: int, running: int) -> None:
        self._failed += failed
        self._done += jobs
        self._progress.update(self._bar, advance=jobs, running=running, failed=self._failed)
        if not self._interactive:
            self._console.print(f"[{self._done}/{self._total}] {label}", highlight=False)

    def __enter__(self) -> CampaignProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._progress.stop()
