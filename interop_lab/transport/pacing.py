"""How hard the lab may press one vendor: requests per second and requests per run.

One ``Pacer`` per run, shared by every fetcher of that run (each claim may have its own event
loop, so the state is guarded by a thread lock and waits are computed, not queued).
"""

from __future__ import annotations

import asyncio
import threading
import time

from interop_lab.transport import messages
from interop_lab.transport.results import FetchError


class Pacer:
    def __init__(
        self, requests_per_s: float | None = None, max_requests: int | None = None
    ) -> None:
        if requests_per_s is not None and not requests_per_s > 0:
            raise ValueError("requests_per_s must be positive")
        if max_requests is not None and max_requests < 1:
            raise ValueError("max_requests must be at least 1")
        self._interval = 1 / requests_per_s if requests_per_s else 0.0
        self.max_requests = max_requests
        self.sent = 0
        self._next = 0.0
        self._lock = threading.Lock()

    async def admit(self) -> FetchError | None:
        """Wait for the request's turn; an error instead when the run's budget is spent."""
        with self._lock:
            if self.max_requests is not None and self.sent >= self.max_requests:
                return FetchError("budget", messages.budget(self.max_requests))
            self.sent += 1
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self._interval
        if start > now:
            await asyncio.sleep(start - now)
        return None
