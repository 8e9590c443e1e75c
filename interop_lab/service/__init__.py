"""``interop-lab catalogue serve``: the catalogue over HTTP for machines (and people)."""

from __future__ import annotations

from interop_lab.service.refresh import Refresher
from interop_lab.service.server import CatalogueServer
from interop_lab.service.site import CatalogueSite
from interop_lab.service.snapshot import Snapshot, take_snapshot

__all__ = ["CatalogueServer", "CatalogueSite", "Refresher", "Snapshot", "take_snapshot"]
