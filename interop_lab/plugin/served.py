"""Handing a served session to the plugin: ``interop-lab serve`` runs pytest in its own process
after the session, and passes the session in as a plugin object that stashes it at configure
time, before the lab plugin builds its `LabSession`."""

from __future__ import annotations

import pytest

from interop_lab.serve import ServedSession

SERVED = pytest.StashKey["ServedSession | None"]()


class ServedHandoff:
    """Registered by `launch.run` for a served session; the lab plugin reads the stash."""

    def __init__(self, session: ServedSession) -> None:
        self._session = session

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[SERVED] = self._session


def served_session(config: pytest.Config) -> ServedSession | None:
    return config.stash.get(SERVED, None)
