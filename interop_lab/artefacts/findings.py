"""What the artefact check finds in one artefact, in English for the lab team."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

# Hosts the OSLO generator writes when a term has no IRI yet.
PLACEHOLDER_HOSTS = frozenset({"fixme.com", "todo.com"})
_LISTED = 8


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with an artefact.

    ``subject`` (a term, an IRI; empty for the artefact as a whole) tells findings of one kind
    apart, so the check can say which of them a repair removed. ``consequence`` says what the
    defect does to a run when no repair removes it.
    """

    code: str
    message: str
    consequence: str
    breaks_run: bool
    subject: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.code, self.subject)


@dataclass(frozen=True, slots=True)
class Diagnosis:
    kind: str  # what the bytes are, e.g. "SHACL shapes (Turtle, 706 triples)"
    findings: tuple[Finding, ...] = ()


def listing(names: Iterable[str]) -> str:
    """``a, b, c`` for a few names; the first few and how many more for a long list."""
    unique = list(dict.fromkeys(names))
    shown = ", ".join(unique[:_LISTED])
    more = len(unique) - _LISTED
    return f"{shown} and {more} more" if more > 0 else shown


def suspicious_iris(named: Sequence[tuple[str, str]], what: str) -> list[Finding]:
    """IRIs with spaces or on a placeholder host; ``named`` pairs a name (term, path) and an IRI."""
    spaced = [name for name, iri in named if any(char.isspace() for char in iri)]
    placeholder = [(name, iri) for name, iri in named if _placeholder_host(iri)]
    findings = []
    if spaced:
        findings.append(
            Finding(
                "iri-with-spaces",
                f"{len(spaced)} {what} with spaces: {listing(spaced)}",
                "JSON-LD processors reject such IRIs; data using them cannot be read as RDF",
                breaks_run=False,
            )
        )
    if placeholder:
        hosts = ", ".join(sorted({_placeholder_host(iri) or "" for _, iri in placeholder}))
        findings.append(
            Finding(
                "placeholder-iri",
                f"{len(placeholder)} {what} on a placeholder host ({hosts}): "
                f"{listing(f'{name} <{iri}>' for name, iri in placeholder)}",
                "data gets IRIs no other system uses: it cannot be linked, and a shape on such "
                "a path tests a property real data does not have",
                breaks_run=False,
            )
        )
    return findings


def _placeholder_host(iri: str) -> str | None:
    try:
        host = (urlsplit(iri).hostname or "").removeprefix("www.")
    except ValueError:  # e.g. an unbalanced "[" in the host: not a placeholder, just broken
        return None
    return host if host in PLACEHOLDER_HOSTS else None
