"""What a suite pins: each artefact by URL and sha256, with the repairs the suite documents."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SHAPES = "shapes"
CONTEXT = "context"
CODELIST = "codelist"
SCHEMA = "schema"
ROLES = (SHAPES, CONTEXT, CODELIST, SCHEMA)


@dataclass(frozen=True, slots=True)
class Pin:
    """One artefact as a suite pins it.

    ``aliases`` are other URLs the same bytes are published under (test stubs, old hosts); a
    payload that references an alias uses the pinned artefact, never a download.
    """

    url: str
    sha256: str
    role: str
    repairs: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Artefact:
    """The bytes of a pinned artefact after its repairs, and which repairs changed them."""

    pin: Pin
    data: bytes
    repairs_applied: tuple[str, ...]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
