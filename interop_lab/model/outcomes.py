"""One list of outcomes (EARL's), usage levels, blame, and where a finding was made."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

EARL = "http://www.w3.org/ns/earl#"


class Outcome(StrEnum):
    """EARL 1.0 outcome values; the value is the compact name used in scorecards."""

    PASSED = "passed"
    FAILED = "failed"
    CANT_TELL = "cantTell"
    INAPPLICABLE = "inapplicable"
    UNTESTED = "untested"

    @property
    def iri(self) -> str:
        return EARL + self.value


class Usage(StrEnum):
    """OSLO usage level of a requirement: only a failed Verplicht one makes a claim fail."""

    VERPLICHT = "Verplicht"
    AANBEVOLEN = "Aanbevolen"


class Blame(StrEnum):
    """Who a failed assertion is attributed to; only vendor failures count against a vendor."""

    VENDOR = "vendor"
    STANDARD = "standard"
    LAB = "lab"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding was made: a document, a JSON pointer in it, an RDF node and property."""

    url: str
    pointer: str | None = None
    focus_node: str | None = None
    path: str | None = None
    member: str | None = None
    value: str | None = None

    def as_dict(self) -> dict[str, str]:
        keys = ("url", "pointer", "focus_node", "path", "member", "value")
        names = ("url", "pointer", "focusNode", "path", "member", "value")
        return {
            name: getattr(self, key)
            for key, name in zip(keys, names, strict=True)
            if getattr(self, key) is not None
        }


@dataclass(frozen=True, slots=True)
class Level:
    """One conformance class of a suite; a suite lists them in order, lowest first."""

    id: str
    title: str
