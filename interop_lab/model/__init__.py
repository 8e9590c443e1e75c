"""The lab's vocabulary: errors, outcomes, locations and identifiers (standard library only)."""

from __future__ import annotations

from interop_lab.model.errors import (
    ArtefactError,
    CantTell,
    Failure,
    HarnessError,
    Inapplicable,
    LabError,
    Problem,
    ProfileError,
    SuiteError,
    UsageError,
    VendorResult,
)
from interop_lab.model.outcomes import Blame, Level, Location, Outcome, Usage

__all__ = [
    "ArtefactError",
    "Blame",
    "CantTell",
    "Failure",
    "HarnessError",
    "Inapplicable",
    "LabError",
    "Level",
    "Location",
    "Outcome",
    "Problem",
    "ProfileError",
    "SuiteError",
    "Usage",
    "UsageError",
    "VendorResult",
]
