"""When to try a request again and how long to wait first."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from interop_lab.transport.limits import Limits
from interop_lab.transport.results import FetchError

RETRY_STATUSES = frozenset({429, 502, 503, 504})
RETRY_ERRORS = frozenset({"connect", "timeout"})
# Safe to repeat: the lab never retries a request that may change the vendor's data.
RETRY_METHODS = frozenset({"GET", "HEAD"})
MAX_WAIT_S = 5.0


def retryable(method: str, status: int | None, error: FetchError | None) -> bool:
    if method not in RETRY_METHODS:
        return False
    if error is not None:
        return error.kind in RETRY_ERRORS
    return status in RETRY_STATUSES


def delay(attempt: int, retry_after: str | None, limits: Limits, remaining: float) -> float | None:
    """Seconds to wait after try number ``attempt`` failed, or None when no retry is left.

    Exponential backoff, or the server's Retry-After when it gives one; never more than
    `MAX_WAIT_S`, and no retry at all when the wait would use up the run's deadline.
    """
    if attempt > limits.retries:
        return None
    wait = parse_retry_after(retry_after)
    if wait is None:
        wait = limits.backoff_s * 2 ** (attempt - 1)
    wait = min(wait, MAX_WAIT_S)
    return wait if wait < remaining else None


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds (RFC 9110: delay-seconds or an HTTP date); None if unusable."""
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = (moment - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, seconds) if math.isfinite(seconds) else None
