"""L3/L4 - de regels van de standaard: één test per SHACL-constraint van de vormen.

Verplichte regels (sh:Violation) horen bij L3, aanbevelingen (sh:Warning, sh:Info) bij L4. Alle
documenten worden samen in één keer gevalideerd: een verwijzing naar iets in een ander document
telt mee.
"""

from __future__ import annotations

from conformance_suites.common.shape_tests import test_shape_constraint

__all__ = ["test_shape_constraint"]
