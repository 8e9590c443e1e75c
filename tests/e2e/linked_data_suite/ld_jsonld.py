"""L2 - correcte JSON-LD met een vastgepinde context (de gedeelde JSON-LD-tests)."""

from __future__ import annotations

from conformance_suites.common.jsonld_tests import (
    test_defined_types,
    test_no_dropped_keys,
    test_official_context,
    test_unique_keys,
)

__all__ = [
    "test_defined_types",
    "test_no_dropped_keys",
    "test_official_context",
    "test_unique_keys",
]
