"""A finished pytest item as an EARL assertion record."""

from __future__ import annotations

import pytest

from interop_lab.model.errors import VendorResult
from interop_lab.model.outcomes import Blame, Outcome
from interop_lab.model.scorecard import AssertionRecord
from interop_lab.plugin.metadata import (
    explanation_of_item,
    level_of,
    local_id_of,
    requirement_of,
    test_iri_of,
    title_of,
    usage_of,
)
from interop_lab.suites.registry import Suite

EXPLAINED = frozenset({Outcome.FAILED, Outcome.CANT_TELL})


def record_of(item: pytest.Item, suite: Suite, error: BaseException | None) -> AssertionRecord:
    outcome, description, harness_error = _result(error)
    locations = error.locations if isinstance(error, VendorResult) else ()
    blame = error.blame if isinstance(error, VendorResult) else None
    defect = suite.manifest.standard_defect(local_id_of(item))
    if outcome is Outcome.FAILED and defect is not None:
        # Shown on the scorecard, never held against the vendor.
        blame = Blame.STANDARD
        description = f"{description} (fout in de standaard: {defect.reason})"
    return AssertionRecord(
        test=test_iri_of(item, suite),
        title=title_of(item),
        requirement=requirement_of(item, suite),
        level=level_of(item, suite),
        usage=usage_of(item),
        outcome=outcome,
        description=description,
        locations=locations,
        blame=blame if outcome is Outcome.FAILED else None,
        harness_error=harness_error,
        nodeid=item.nodeid,
        # Only what needs attention carries its explanation: a scorecard has hundreds of passes.
        explanation=explanation_of_item(item, suite) if outcome in EXPLAINED else None,
    )


def _result(error: BaseException | None) -> tuple[Outcome, str, bool]:
    if error is None:
        return Outcome.PASSED, "", False
    if isinstance(error, VendorResult):
        return error.outcome, error.description, False
    if isinstance(error, AssertionError):
        return Outcome.FAILED, str(error) or "niet voldaan", False
    # Anything else is a bug in the lab or a suite: never the vendor's fault.
    return Outcome.CANT_TELL, f"fout in het testlab: {type(error).__name__}: {error}", True


__all__ = ["record_of"]
