"""The lab's one recording HTTP path.

Every request goes through a `Fetcher` made by `open_fetcher` (or `fetch_once` for a single
download from synchronous code). It enforces the `Limits` and the run's `Deadline`, follows
redirects itself, decodes bodies within the size limit, and records each hop and retry as an
`Exchange` in a `Recorder`, with secrets redacted; `har_document` writes them as HAR 1.2.
With `Limits.public_only` (a campaign) every connection goes to a resolved, vetted public address
only (`AddressPolicy`, `addresses.py`), so neither a redirect nor DNS rebinding reaches inside.
Failures are returned as a `FetchError` in the `Fetched` result, never raised.
"""

from __future__ import annotations

from interop_lab.transport.addresses import AddressPolicy
from interop_lab.transport.client import Answers, Fetcher, fetch_once, open_fetcher
from interop_lab.transport.har import har_document
from interop_lab.transport.limits import Deadline, Limits
from interop_lab.transport.pacing import Pacer
from interop_lab.transport.recording import Exchange, Recorder
from interop_lab.transport.results import Fetched, FetchError

__all__ = [
    "AddressPolicy",
    "Answers",
    "Deadline",
    "Exchange",
    "FetchError",
    "Fetched",
    "Fetcher",
    "Limits",
    "Pacer",
    "Recorder",
    "fetch_once",
    "har_document",
    "open_fetcher",
]
