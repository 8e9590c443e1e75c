"""Catalogue fixtures: every behaviour test runs on the embedded store and on two real servers,
``oxigraph serve`` and Virtuoso 7, started once per session on loopback (see servers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from interop_lab.catalogue import Catalogue
from tests.catalogue.servers import (
    BACKENDS,
    VIRTUOSO_ADMIN,
    open_backend,
    server_graphs,
    start_oxigraph,
    start_virtuoso,
    stop,
)


@pytest.fixture(scope="session")
def oxigraph_url() -> Iterator[str]:
    """An in-memory ``oxigraph serve`` (PyPI ``oxigraph``); yields its query URL."""
    server, url = start_oxigraph()
    try:
        yield url
    finally:
        stop(server)


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Virtuoso 7 (Debian ``virtuoso-opensource-7``); yields its ``/sparql-auth`` URL."""
    server, url = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield url
    finally:
        stop(server)


@pytest.fixture(scope="session")
def virtuoso_own_graphs(virtuoso_url: str) -> frozenset[str]:
    """The graphs a fresh Virtuoso holds itself (virtrdf:, ldp: ...): never dropped by tests."""
    return frozenset(server_graphs(virtuoso_url, VIRTUOSO_ADMIN))


@pytest.fixture(params=BACKENDS)
def catalogue(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Catalogue]:
    opened = open_backend(request, request.param, tmp_path / "catalogue")
    yield opened
    opened.close()
