"""L2 - de documenten volgen de configuratievormen van de server: één test per SHACL-constraint."""

from __future__ import annotations

from conformance_suites.common.shape_tests import test_shape_constraint

__all__ = ["test_shape_constraint"]
