"""L1 - de adressenlijst is bereikbaar, welgevormd en volledig door te bladeren (gedeelde tests)."""

from __future__ import annotations

from conformance_suites.common.collection_tests import (
    test_items_listed,
    test_media_type,
    test_pages_answer,
    test_pages_readable,
    test_paging_ends,
)

__all__ = [
    "test_items_listed",
    "test_media_type",
    "test_pages_answer",
    "test_pages_readable",
    "test_paging_ends",
]
