"""L3/L4 - de regels van de standaard: één test per SHACL-constraint van de vormen.

Verplichte regels (sh:Violation) horen bij L3, aanbevelingen (sh:Warning, sh:Info) bij L4. Alle
documenten worden samen in één keer gevalideerd: een verwijzing naar iets in een ander document
telt mee.
"""

from __future__ import annotations

from interop_lab.checks import shacl
from interop_lab.runner.claim import ClaimRun
from interop_lab.shapes import ShapeConstraint


def test_shape_constraint(shape_constraint: ShapeConstraint, claim_run: ClaimRun) -> None:
    shacl.constraint_holds(shape_constraint, claim_run.validation, claim_run.locator)
