"""What the lab allows itself per request (`Limits`) and per run (`Deadline`)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on every request, so a hostile endpoint cannot hang, flood or redirect the lab.

    ``allowed_hosts`` holds lower-case host names, optionally as ``host:port``; ``None`` allows
    any host. It applies to redirect targets too.

    ``public_only`` (a campaign) refuses every connection to an address that is not public:
    loopback, private, link-local and the like, checked on the resolved address when each
    connection is made, redirects included (`transport.addresses`). A vendor's own run
    (self-test) leaves it off: it may test whatever address it names.
    """

    request_timeout_s: float = 10.0
    max_body_bytes: int = 20 * MIB
    max_redirects: int = 5
    retries: int = 2
    backoff_s: float = 0.25
    allowed_hosts: frozenset[str] | None = None
    verify_tls: bool = True
    public_only: bool = False

    def __post_init__(self) -> None:
        if not self.request_timeout_s > 0:
            raise ValueError("request_timeout_s must be positive")
        if self.max_body_bytes < 0 or self.max_redirects < 0 or self.retries < 0:
            raise ValueError("max_body_bytes, max_redirects and retries must not be negative")
        if self.backoff_s < 0:
            raise ValueError("backoff_s must not be negative")
        if self.allowed_hosts is not None:
            hosts = frozenset(host.lower().rstrip(".") for host in self.allowed_hosts)
            # Frozen dataclass: normalising once here keeps every later check a set lookup.
            object.__setattr__(self, "allowed_hosts", hosts)


class Deadline:
    """The wall-clock budget of a whole run, measured on the monotonic clock."""

    __slots__ = ("_end", "seconds")

    def __init__(self, seconds: float) -> None:
        if math.isnan(seconds):
            raise ValueError("a deadline needs a number of seconds")
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left, never negative."""
        return max(0.0, self._end - time.monotonic())

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def __repr__(self) -> str:
        return f"Deadline(seconds={self.seconds!r}, remaining={self.remaining():.3f})"
