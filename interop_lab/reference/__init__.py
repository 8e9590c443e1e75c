"""The reference vendor: a loopback server publishing a conformant IPDC-LPDC feed, with defects.

The lab tests itself against it: with no defect switched on, every conformance test must pass;
with one defect on, exactly the tests that look for that defect must fail.

    with ReferenceVendor(IpdcFeed(members=30, page_size=10)) as vendor:
        root = vendor.base_url + FEED_PATH
"""

from __future__ import annotations

from interop_lab.reference.defects import IPDC_DEFECTS
from interop_lab.reference.ipdc_feed import FEED_PATH, IpdcFeed
from interop_lab.reference.server import ReferenceVendor
from interop_lab.reference.site import Site, SiteRequest, SiteResponse, problem

__all__ = [
    "FEED_PATH",
    "IPDC_DEFECTS",
    "IpdcFeed",
    "ReferenceVendor",
    "Site",
    "SiteRequest",
    "SiteResponse",
    "problem",
]
