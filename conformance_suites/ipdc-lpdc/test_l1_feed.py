"""L1 - de feed is bereikbaar en welgevormd (de generieke LDES-tests van de suite ldes)."""

from __future__ import annotations

from conformance_suites.ldes.test_structure import (
    test_feed_read_whole,
    test_media_type,
    test_members_present,
    test_pages_answer,
    test_pages_readable,
    test_relations_sound,
)

__all__ = [
    "test_feed_read_whole",
    "test_media_type",
    "test_members_present",
    "test_pages_answer",
    "test_pages_readable",
    "test_relations_sound",
]
