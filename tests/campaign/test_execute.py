"""Choosing what runs next: the pool's free workers and at most N tasks per vendor host."""

from __future__ import annotations

from collections import Counter, deque
from pathlib import Path

from interop_lab.campaign.execute import Settings, _eligible, default_workers
from interop_lab.campaign.plan import Task
from interop_lab.campaign.worker import TaskOrder


def _order(stem: str, host: str) -> TaskOrder:
    task = Task(Path(f"{stem}.yaml"), stem, "V", "0", "P", "1", host, ("ipdc-lpdc",))
    return TaskOrder(task=task, suites=task.suites, folder=Path("c"), run_id=f"c-{stem}")


def _stems(orders: list[TaskOrder] | deque[TaskOrder]) -> list[str]:
    return [order.task.stem for order in orders]


def test_one_task_per_host_by_default() -> None:
    pending = deque(
        [_order("a1", "https://a"), _order("a2", "https://a"), _order("b1", "https://b")]
    )
    chosen = _eligible(pending, Counter(), Settings(workers=4), running=0)
    assert _stems(chosen) == ["a1", "b1"]
    assert _stems(pending) == ["a2"]


def test_a_busy_host_waits() -> None:
    pending = deque([_order("a2", "https://a"), _order("b1", "https://b")])
    chosen = _eligible(pending, Counter({"https://a": 1}), Settings(workers=4), running=1)
    assert _stems(chosen) == ["b1"]
    assert _stems(pending) == ["a2"]


def test_per_host_limit() -> None:
    pending = deque(_order(f"a{n}", "https://a") for n in range(4))
    chosen = _eligible(pending, Counter(), Settings(workers=8, per_host=3), running=0)
    assert _stems(chosen) == ["a0", "a1", "a2"]
    assert _stems(pending) == ["a3"]


def test_no_more_than_the_free_workers() -> None:
    pending = deque(_order(f"t{n}", f"https://h{n}") for n in range(5))
    busy = Counter({"https://other": 1})
    chosen = _eligible(pending, busy, Settings(workers=3), running=1)
    assert _stems(chosen) == ["t0", "t1"]
    assert _stems(pending) == ["t2", "t3", "t4"]
    assert busy == Counter({"https://other": 1})  # the caller counts what it submits


def test_default_workers_exceed_the_cores() -> None:
    assert default_workers() >= 3
