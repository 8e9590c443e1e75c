"""Evidence: one `Exchange` per HTTP request the lab made, gathered by a `Recorder` per run."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Exchange:
    """One HTTP request and its response as recorded evidence; every field is already redacted.

    ``redirected_to`` is the Location when this exchange was a redirect hop; ``attempt`` is 1 for
    the first try and 2, 3, ... for retries; ``error`` is a short Dutch sentence, ``error_kind``
    its `FetchError` kind (``timeout``, ``connect``, ...). ``request_body`` is the request's body
    as redacted text, kept only where the body is the evidence: a submission a vendor's client
    sent to the lab (``interop-lab serve``); the lab's own requests keep none.
    """

    name: str
    method: str
    url: str
    request_headers: tuple[tuple[str, str], ...]
    status: int | None
    response_headers: tuple[tuple[str, str], ...]
    body_size: int
    body_sha256: str | None
    body_text: str | None
    content_type: str | None
    started: str
    elapsed_ms: float
    attempt: int
    error: str | None
    redirected_to: str | None
    test: str | None = None
    error_kind: str | None = None
    request_body: str | None = None


class Recorder:
    """Accumulates the exchanges of one run; safe to share between threads and tasks."""

    __slots__ = ("_exchanges", "_lock")

    def __init__(self) -> None:
        self._exchanges: list[Exchange] = []
        self._lock = threading.Lock()

    def add(self, exchange: Exchange) -> None:
        with self._lock:
            self._exchanges.append(exchange)

    @property
    def exchanges(self) -> tuple[Exchange, ...]:
        """A snapshot, in the order the exchanges were added."""
        with self._lock:
            return tuple(self._exchanges)
