"""Keeping ``catalogue serve`` current: a new snapshot whenever the catalogue changed.

Every few seconds a background thread opens the catalogue for a moment, takes a snapshot and, when
its content differs, swaps it into the site in one assignment (requests that started keep the old
one). When the embedded store is busy (a run is writing), that round is skipped, never waited for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from interop_lab.catalogue import Catalogue
from interop_lab.model.errors import UsageError
from interop_lab.service.site import CatalogueSite
from interop_lab.service.snapshot import take_snapshot


class Refresher:
    def __init__(
        self, site: CatalogueSite, open_catalogue: Callable[[], Catalogue], every_s: float
    ) -> None:
        self._site = site
        self._open = open_catalogue
        self._every_s = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="interop-lab-refresh", daemon=True)
        self.failures: list[str] = []  # the last rounds that could not read the catalogue

    def start(self) -> Refresher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self._every_s + 30)

    def refresh(self) -> bool:
        """One round; True when the site now serves a newer catalogue."""
        try:
            with self._open() as catalogue:
                snapshot = take_snapshot(catalogue)
        except UsageError as error:  # busy or unreachable: serve what we have, try again later
            self.failures = [*self.failures[-9:], str(error)]
            return False
        if snapshot.version == self._site.snapshot.version:
            return False
        self._site.snapshot = snapshot
        return True

    def _loop(self) -> None:
        while not self._stop.wait(self._every_s):
            self.refresh()
