"""The static catalogue site in Dutch (English under en/): index with filters, matrix, products."""

from __future__ import annotations

from interop_lab.site.build import DEFAULT_SITE, build_site

__all__ = ["DEFAULT_SITE", "build_site"]
