"""N1-N3, Bonusniveau: één test per SHACL-constraint van de vormen van Lokaal Beslist.

Elke regel hoort bij het maturiteitsniveau waarmee Lokaal Beslist hem annoteert. Alle pagina's
worden samen in één keer gevalideerd, zoals Lokaal Beslist de publicaties van een zitting samen
leest.
"""

from __future__ import annotations

from interop_lab.checks import shacl
from interop_lab.runner.claim import ClaimRun
from interop_lab.shapes import ShapeConstraint


def test_shape_constraint(shape_constraint: ShapeConstraint, claim_run: ClaimRun) -> None:
    shacl.constraint_holds(shape_constraint, claim_run.validation, claim_run.locator)
