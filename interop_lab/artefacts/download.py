"""Downloading an artefact by URL, through the lab's one recording HTTP path."""

from __future__ import annotations

from interop_lab.artefacts.store import MIRROR_VARIABLE
from interop_lab.model.errors import ArtefactError
from interop_lab.transport import Limits, fetch_once

ARTEFACT_LIMITS = Limits(request_timeout_s=30.0, max_body_bytes=50 * 1024 * 1024)


def download(url: str) -> bytes:
    fetched = fetch_once(url, name=f"artefact {url}", limits=ARTEFACT_LIMITS)
    if fetched.ok:
        return fetched.body
    reason = fetched.error.message if fetched.error else f"HTTP {fetched.status}"
    raise ArtefactError(
        f"{url}: artefact unreachable ({reason}); check the network, or set {MIRROR_VARIABLE} "
        "to a mirror folder whose index.json lists this URL"
    )
