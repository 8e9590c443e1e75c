"""Catalogue fixtures: every behaviour test runs on the embedded store and on a real server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from interop_lab.catalogue import Catalogue, EmbeddedCatalogue, SparqlCatalogue


def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited with {server.returncode}")
        try:
            httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("oxigraph serve did not answer within 20 s")


@pytest.fixture(scope="session")
def oxigraph_url() -> Iterator[str]:
    """An in-memory ``oxigraph serve`` (PyPI ``oxigraph``) on loopback, skipped when absent."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    base = f"http://127.0.0.1:{_free_port()}"
    command = [binary, "serve", "--bind", base.removeprefix("http://"), "--union-default-graph"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(base, server)
        yield f"{base}/query"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(params=["embedded", "server"])
def catalogue(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Catalogue]:
    opened: Catalogue
    if request.param == "embedded":
        opened = EmbeddedCatalogue(tmp_path / "catalogue")
    else:
        endpoint: str = request.getfixturevalue("oxigraph_url")
        opened = SparqlCatalogue(endpoint, endpoint.removesuffix("query") + "update")
        httpx.post(opened.update_url, data={"update": "DROP ALL"}).raise_for_status()
    yield opened
    opened.close()
