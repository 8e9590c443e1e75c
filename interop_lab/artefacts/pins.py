"""What a suite pins: each artefact by URL and sha256, with the repairs the suite documents."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

SHAPES = "shapes"
CONTEXT = "context"
CODELIST = "codelist"
SCHEMA = "schema"
ROLES = (SHAPES, CONTEXT, CODELIST, SCHEMA)

RepairArguments = Mapping[str, Mapping[str, tuple[str, ...]]]
"""Per repair name, its parameters (e.g. ``{"drop-invalid-context-terms": {"terms": (...)}}``)."""


@dataclass(frozen=True, slots=True)
class Pin:
    """One artefact as a suite pins it.

    ``aliases`` are other URLs the same bytes are published under (test stubs, old hosts); a
    payload that references an alias uses the pinned artefact, never a download.
    ``repair_arguments`` holds the parameters of the repairs that take any.
    """

    url: str
    sha256: str
    role: str
    repairs: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    repair_arguments: RepairArguments = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Artefact:
    """The bytes of a pinned artefact after its repairs, and which repairs changed them."""

    pin: Pin
    data: bytes
    repairs_applied: tuple[str, ...]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
