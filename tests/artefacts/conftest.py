"""Fixtures for the artefact tests: a loopback HTTP server with fixed answers per path, a port
nobody listens on, and the real artefact mirror."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.loopback import StaticServer
from tests.mirror import oslo_mirror


@pytest.fixture
def static_server() -> Iterator[StaticServer]:
    server = StaticServer({})
    yield server
    server.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def real_mirror() -> Path:
    return oslo_mirror()
