"""The scorecard: the roll-up of one run of one suite, as plain data (writers render it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from interop_lab.model.explanations import Explanation
from interop_lab.model.outcomes import Blame, Level, Location, Outcome, Usage

CONFORMANT = "conformant"
NON_CONFORMANT = "non-conformant"
ERROR = "error"


@dataclass(frozen=True, slots=True)
class Subject:
    vendor: str
    kbo: str
    product: str
    release: str
    municipalities: tuple[str, ...] = ()  # as the vendor profile names them: who uses the product


@dataclass(frozen=True, slots=True)
class StandardRef:
    suite: str
    suite_version: str
    iri: str
    version: str
    title: str
    register: str = ""  # the title of its entry in the OSLO standards register, if any


@dataclass(frozen=True, slots=True)
class ArtefactUse:
    """A pinned artefact as used by the run, with the documented repairs applied to it."""

    url: str
    sha256: str
    repairs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AssertionRecord:
    """One EARL assertion: a test, the requirement it verifies, and its result."""

    test: str
    title: str
    requirement: str
    level: str
    usage: Usage
    outcome: Outcome
    description: str = ""
    locations: tuple[Location, ...] = ()
    blame: Blame | None = None
    harness_error: bool = False
    nodeid: str = ""
    # Failed and cantTell assertions only: what the rule means and how to fix it.
    explanation: Explanation | None = None


@dataclass(frozen=True, slots=True)
class RunInfo:
    harness: str
    started: str
    ended: str
    evidence: str
    artefacts: tuple[ArtefactUse, ...] = ()
    run_id: str = ""
    validator: str = ""  # what validated the data against the shapes (empty: no shapes)


@dataclass(frozen=True, slots=True)
class Signature:
    """The lab's Ed25519 signature over a certified scorecard and its evidence (see signing)."""

    key: str  # the public key, base64url of its 32 raw bytes
    key_id: str
    scorecard_digest: str
    evidence_digest: str
    value: str
    alg: str = "Ed25519"
    digest_alg: str = "sha-256"


@dataclass(frozen=True, slots=True)
class Scorecard:
    iri: str
    subject: Subject
    standard: StandardRef
    mode: str
    levels: tuple[Level, ...]
    assertions: tuple[AssertionRecord, ...]
    run: RunInfo
    claimed_level: str | None = None  # the highest level the vendor claims; None: all of them
    signature: Signature | None = None  # certified runs only
    verdict: str = field(init=False)
    level: str | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verdict", verdict_of(self.assertions))
        claimed = _up_to(self.levels, self.claimed_level)
        object.__setattr__(self, "level", level_reached(claimed, self.assertions))

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(record.outcome for record in self.assertions)
        return {outcome.value: counts.get(outcome, 0) for outcome in Outcome}


def _up_to(levels: tuple[Level, ...], claimed: str | None) -> tuple[Level, ...]:
    """The levels up to the claimed one: a level the vendor does not claim is never reached."""
    ids = [level.id for level in levels]
    return levels[: ids.index(claimed) + 1] if claimed in ids else levels


def counts_against_vendor(record: AssertionRecord) -> bool:
    """A failure blamed on the standard or the lab is shown, but never held against a vendor."""
    return record.outcome is Outcome.FAILED and record.blame in (None, Blame.VENDOR)


def verdict_of(assertions: Sequence[AssertionRecord]) -> str:
    """Conformant exactly when no required (Verplicht) test failed; error when the lab failed."""
    if any(record.harness_error for record in assertions):
        return ERROR
    failed_required = any(
        counts_against_vendor(record) and record.usage is Usage.VERPLICHT for record in assertions
    )
    return NON_CONFORMANT if failed_required else CONFORMANT


def level_reached(levels: Sequence[Level], assertions: Sequence[AssertionRecord]) -> str | None:
    """The highest level such that every test at it and below passed or did not apply."""
    reached: str | None = None
    for level in levels:
        if any(_blocks_level(record) for record in assertions if record.level == level.id):
            return reached
        reached = level.id
    return reached


def _blocks_level(record: AssertionRecord) -> bool:
    return (
        record.harness_error or record.outcome is Outcome.CANT_TELL or counts_against_vendor(record)
    )
