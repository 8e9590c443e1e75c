"""L3/L4 - de regels van de standaard: één test per SHACL-constraint van instantie-shape.ttl.

Verplichte regels (sh:Violation) horen bij L3, aanbevelingen (sh:Warning, sh:Info) bij L4. Alle
leden van de feed worden in één keer gevalideerd, samen met de codelijsten.
"""

from __future__ import annotations

from conformance_suites.common.shape_tests import test_shape_constraint

__all__ = ["test_shape_constraint"]
