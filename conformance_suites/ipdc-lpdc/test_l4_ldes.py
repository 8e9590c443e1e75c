"""L4 - goede LDES-praktijk (de generieke LDES-tests van de suite ldes).

Het bewaarbeleid (ldes:retentionPolicy) wordt hier niet getest: de officiële IPDC-contexten
definiëren er geen term voor, dus een leverancier die ze volgt kan het niet vermelden.
"""

from __future__ import annotations

from conformance_suites.ldes.test_description import (
    test_event_stream,
    test_members_versioned,
    test_timestamp_path,
    test_version_of_path,
    test_view,
)
from conformance_suites.ldes.test_practice import test_pages_cacheable

__all__ = [
    "test_event_stream",
    "test_members_versioned",
    "test_pages_cacheable",
    "test_timestamp_path",
    "test_version_of_path",
    "test_view",
]
