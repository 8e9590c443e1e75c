"""Webhooks: a vendor hears when a campaign finds its level lower or a certified rule failing.

One JSON body per vendor profile, signed with HMAC-SHA256 (``X-Interop-Lab-Signature:
sha256=<hex>`` over the exact body bytes) under the secret named by the profile's
``notify.secret_env``. Each delivery is retried with backoff within a fixed time, in threads,
and its outcome lands in ``notifications.json``: a slow or dead webhook never holds the
campaign up beyond that bound and never fails it.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from interop_lab.campaign.matrix import Cell, Matrix, Row
from interop_lab.campaign.plan import Task
from interop_lab.profiles import load_profile
from interop_lab.reporting.files import write_text
from interop_lab.transport.addresses import AddressNotAllowedError, AddressPolicy, PinnedTransport

SIGNATURE_HEADER = "X-Interop-Lab-Signature"
EVENT_HEADER = "X-Interop-Lab-Event"
NOTIFICATIONS = "notifications.json"
TRIES = 3
BACKOFF_S = 0.5
TIMEOUT_S = 5.0
TOTAL_S = 30.0  # every delivery of a campaign together


@dataclass(frozen=True, slots=True)
class Delivery:
    profile: str
    url: str
    body: bytes
    secret: bytes


def signature(body: bytes, secret: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def regression_body(matrix: Matrix, row: Row, cells: Sequence[Cell]) -> bytes:
    document: dict[str, Any] = {
        "event": "regression",
        "campaign": matrix.campaign,
        "vendor": row.vendor,
        "kbo": row.kbo,
        "product": row.product,
        "release": row.release,
        "standards": [
            {
                "suite": cell.suite,
                "verdict": cell.verdict,
                "level": cell.level,
                "previousLevel": cell.previous_level,
                "newFailures": list(cell.new_failures),
                "certifiedRegressions": list(cell.certified_regressions),
                "scorecard": cell.scorecard,
            }
            for cell in cells
        ],
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")


def deliveries(matrix: Matrix, tasks: Sequence[Task]) -> tuple[list[Delivery], list[str]]:
    """What to send, and why some vendors with a regression cannot be told."""
    profiles = {task.stem: task.profile for task in tasks}
    planned: list[Delivery] = []
    problems: list[str] = []
    by_row: dict[str, tuple[Row, list[Cell]]] = {}
    for row, cell in matrix.regressions():
        if _level_dropped(cell) or cell.certified_regressions:
            by_row.setdefault(row.profile, (row, []))[1].append(cell)
    for stem, (row, cells) in sorted(by_row.items()):
        if stem not in profiles:
            continue  # another shard's profile: that shard tells its vendors
        notify = load_profile(profiles[stem]).notify
        if notify is None:
            continue
        secret = os.environ.get(notify.secret_env)
        if not secret:
            problems.append(f"{stem}: not sent, the variable {notify.secret_env} is not set")
            continue
        body = regression_body(matrix, row, cells)
        planned.append(Delivery(stem, str(notify.webhook), body, secret.encode("utf-8")))
    return planned, problems


def _level_dropped(cell: Cell) -> bool:
    return cell.previous is not None and cell.change.value in ("worse", "network")


def deliver(delivery: Delivery, deadline: float, *, public_only: bool = False) -> dict[str, Any]:
    """POST the notification, retrying; with ``public_only`` the address is vetted when the
    connection is made (as for vendor endpoints), so a webhook cannot reach the lab's network."""
    return asyncio.run(_deliver(delivery, deadline, public_only))


async def _deliver(delivery: Delivery, deadline: float, public_only: bool) -> dict[str, Any]:
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: signature(delivery.body, delivery.secret),
        EVENT_HEADER: "regression",
    }
    tries: list[str] = []
    pinned = PinnedTransport(verify=True, policy=AddressPolicy()) if public_only else None
    async with httpx.AsyncClient(
        timeout=TIMEOUT_S, follow_redirects=False, trust_env=False, transport=pinned
    ) as client:
        for number in range(1, TRIES + 1):
            try:
                response = await client.post(delivery.url, content=delivery.body, headers=headers)
            except AddressNotAllowedError as refused:
                tries.append(f"refused: {refused.reason}")
                break  # the address will not change its nature on a retry
            except httpx.HTTPError as error:
                tries.append(f"{type(error).__name__}")
            else:
                tries.append(str(response.status_code))
                if response.is_success:
                    return {"profile": delivery.profile, "delivered": True, "tries": tries}
            wait_s = BACKOFF_S * 2 ** (number - 1)
            if number == TRIES or time.monotonic() + wait_s >= deadline:
                break
            await asyncio.sleep(wait_s)
    return {"profile": delivery.profile, "delivered": False, "tries": tries}


def notify_vendors(
    matrix: Matrix, tasks: Sequence[Task], folder: Path, *, public_only: bool = False
) -> list[dict[str, Any]]:
    planned, problems = deliveries(matrix, tasks)
    results: list[dict[str, Any]] = [{"problem": problem} for problem in problems]
    if planned:
        deadline = time.monotonic() + TOTAL_S
        pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="interop-lab-webhook")
        futures = {
            pool.submit(deliver, delivery, deadline, public_only=public_only): delivery
            for delivery in planned
        }
        done, late = wait(futures, timeout=TOTAL_S)
        results += [future.result() for future in done]
        results += [{"profile": futures[future].profile, "late": True} for future in late]
        pool.shutdown(wait=False, cancel_futures=True)
    if results:
        write_text(folder / NOTIFICATIONS, json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    return results
