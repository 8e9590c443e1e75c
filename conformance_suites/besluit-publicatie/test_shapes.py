"""N1-N3, Bonusniveau: één test per SHACL-constraint van de vormen van Lokaal Beslist.

Elke regel hoort bij het maturiteitsniveau waarmee Lokaal Beslist hem annoteert. Alle pagina's
worden samen in één keer gevalideerd, zoals Lokaal Beslist de publicaties van een zitting samen
leest.
"""

from __future__ import annotations

from conformance_suites.common.shape_tests import test_shape_constraint

__all__ = ["test_shape_constraint"]
