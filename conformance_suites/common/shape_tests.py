"""One test per SHACL constraint of a suite's pinned shapes (the plugin parametrizes it).

All documents of a claim are validated together, once; each test reads its constraint's results.
"""

from __future__ import annotations

from interop_lab.checks import shacl
from interop_lab.runner.claim import ClaimRun
from interop_lab.shapes import ShapeConstraint


def test_shape_constraint(shape_constraint: ShapeConstraint, claim_run: ClaimRun) -> None:
    shacl.constraint_holds(shape_constraint, claim_run.validation, claim_run.locator)
