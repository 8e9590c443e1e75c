"""Running tasks: a process pool sized to the cores, at most N tasks per vendor host at once.

Fetching waits on vendors and validating needs a core, so the pool holds a few more workers than
cores (``workers``); the per-host limit keeps the lab from hammering any one vendor.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from interop_lab.campaign.worker import TaskDone, TaskOrder, run_task, start_worker

EXIT_HARNESS = 3


def default_workers() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 2


@dataclass(frozen=True, slots=True)
class Settings:
    workers: int
    per_host: int = 1


Finished = Callable[[TaskOrder, TaskDone | None, str | None], None]
Running = Callable[[int], None]


def execute(
    orders: Iterable[TaskOrder],
    settings: Settings,
    finished: Finished,
    running_now: Running = lambda count: None,
) -> None:
    """Run every order; ``finished(order, record, None)`` or ``(order, None, why)`` on a crash."""
    pending = deque(orders)
    running: dict[Future[TaskDone], TaskOrder] = {}
    busy: Counter[str] = Counter()
    # spawn, not fork: the campaign's process may hold threads (progress, servers in tests).
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(settings.workers, mp_context=context, initializer=start_worker)
    try:
        while pending or running:
            for order in _eligible(pending, busy, settings, len(running)):
                busy[order.task.host] += 1
                running[pool.submit(run_task, order)] = order
            running_now(len(running))
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                order = running.pop(future)
                busy[order.task.host] -= 1
                try:
                    record = future.result()
                except BrokenProcessPool:
                    broken = True
                    finished(order, None, "a worker process died (killed, or out of memory)")
                except Exception as error:  # a lab bug in the worker: the others go on
                    finished(order, None, f"{type(error).__name__}: {error}")
                else:
                    finished(order, record, None)
            if broken:
                # The pool is unusable once a worker died; the tasks still queued get a new one.
                for future, order in running.items():
                    future.cancel()
                    busy[order.task.host] -= 1
                    finished(order, None, "a worker process died (killed, or out of memory)")
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(
                    settings.workers, mp_context=context, initializer=start_worker
                )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _eligible(
    pending: deque[TaskOrder], busy: Counter[str], settings: Settings, running: int
) -> list[TaskOrder]:
    chosen: list[TaskOrder] = []
    free = settings.workers - running
    hosts = Counter(busy)
    for order in list(pending):
        if len(chosen) >= free:
            break
        if hosts[order.task.host] < settings.per_host:
            hosts[order.task.host] += 1
            chosen.append(order)
            pending.remove(order)
    return chosen
