"""The lab's exceptions, one tree::

LabError
 +-- UsageError          exit 2: the user must fix something; nothing was run
 |    +-- ProfileError   a vendor profile is invalid (one Problem per line)
 |    +-- SuiteError     unknown suite, invalid suite manifest
 |    +-- ArtefactError  a pinned artefact is missing, unreachable or has another hash
 +-- VendorResult        a judgement about the vendor: caught by the runner, never escapes a run
 |    +-- Failure        the vendor does not meet the requirement (EARL failed)
 |    +-- CantTell       a precondition failed, the requirement could not be judged
 |    +-- Inapplicable   the vendor offers nothing the requirement applies to
 +-- HarnessError        exit 3: a bug in the lab
"""

from __future__ import annotations

from dataclasses import dataclass

from interop_lab.model.outcomes import Blame, Location, Outcome


class LabError(Exception):
    """Root of every error the lab raises on purpose."""


class UsageError(LabError):
    """The command cannot run as given; the message says what to fix (exit 2)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in an input file, printed as ``file:line: field: problem``."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}"


class ProfileError(UsageError):
    """A vendor profile is invalid."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class SuiteError(UsageError):
    """A suite is unknown or its manifest is invalid."""


class ArtefactError(UsageError):
    """A pinned artefact cannot be used: missing, unreachable or another hash."""


class HarnessError(LabError):
    """The lab itself went wrong (exit 3)."""

    exit_code = 3


class VendorResult(LabError):
    """A judgement about the vendor, raised by checks and turned into an EARL assertion."""

    outcome: Outcome

    def __init__(
        self,
        message: str,
        *,
        expected: str | None = None,
        received: str | None = None,
        locations: tuple[Location, ...] = (),
        blame: Blame = Blame.VENDOR,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.received = received
        self.locations = locations
        self.blame = blame

    @property
    def description(self) -> str:
        """The message with what was expected and received, in Dutch."""
        parts = [self.message]
        if self.expected is not None:
            parts.append(f"verwacht: {self.expected}")
        if self.received is not None:
            parts.append(f"ontvangen: {self.received}")
        return "; ".join(parts)


class Failure(VendorResult):
    """The vendor does not meet the requirement."""

    outcome = Outcome.FAILED


class CantTell(VendorResult):
    """The requirement could not be judged, e.g. because the data could not be fetched."""

    outcome = Outcome.CANT_TELL


class Inapplicable(VendorResult):
    """The vendor offers nothing the requirement applies to, or does not claim it."""

    outcome = Outcome.INAPPLICABLE
