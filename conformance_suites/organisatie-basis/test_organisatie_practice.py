"""L4 - goede linked-data-praktijk bij het publiceren van de documenten (gedeelde test)."""

from __future__ import annotations

from conformance_suites.common.document_tests import test_media_type

__all__ = ["test_media_type"]
