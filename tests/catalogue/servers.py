"""The catalogue servers the tests start (Oxigraph, Virtuoso) and the empty catalogue on each."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from interop_lab.catalogue import Catalogue, EmbeddedCatalogue, SparqlCatalogue

BACKENDS = ("embedded", "oxigraph", "virtuoso")
# Virtuoso's own administrator; the throw-away database is created with it and nothing else.
VIRTUOSO_ADMIN = httpx.DigestAuth("dba", "dba")
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
VIRTUOSO_INI = """\
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = .
ServerThreads = 4

[SPARQL]
; Above the largest answer a test asks for: the SparqlCatalogue refuses an answer the server
; cut at this limit (Debian's default is 10000 rows, less than one export of a few scorecards).
ResultSetMaxRows = 1000000
"""


def missing(what: str) -> None:
    """CI must run every backend, so a missing server fails there; elsewhere it is skipped."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not installed, and CI runs every catalogue backend")
    pytest.skip(f"{what} is not installed")


def oxigraph_binary() -> str:
    beside_python = Path(sys.executable).parent / "oxigraph"
    found = str(beside_python) if beside_python.exists() else shutil.which("oxigraph")
    if found is None:
        missing("the oxigraph server (PyPI package oxigraph)")
        raise AssertionError("unreachable: missing() skips or fails")
    return found


def virtuoso_binary() -> str:
    found = shutil.which("virtuoso-t")
    if found is None:
        missing("Virtuoso (Debian package virtuoso-opensource-7, binary virtuoso-t)")
        raise AssertionError("unreachable: missing() skips or fails")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_oxigraph(location: Path | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """``oxigraph serve`` on loopback, in memory or on disk; returns it and its query URL."""
    base = f"http://127.0.0.1:{free_port()}"
    command = [oxigraph_binary(), "serve", "--bind", base.removeprefix("http://")]
    command += ["--union-default-graph"]
    if location is not None:
        command += ["--location", str(location)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"{base}/query", server)
    except BaseException:
        stop(server)
        raise
    return server, f"{base}/query"


def start_virtuoso(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A throw-away Virtuoso 7 on loopback, its database in ``folder``; returns it and the URL
    of its ``/sparql-auth`` endpoint. Updates need digest auth as ``dba`` there: the anonymous
    ``/sparql`` refuses them until the SPARQL user is granted SPARQL_UPDATE (with isql)."""
    http_port, sql_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(
        VIRTUOSO_INI.format(sql_port=sql_port, http_port=http_port)
    )
    # Relative paths in the ini are the working folder's; the first start creates the database.
    command = [virtuoso_binary(), "+foreground", "+configfile", "virtuoso.ini"]
    server = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_until_up(f"http://127.0.0.1:{http_port}/sparql", server, seconds=90)
    except BaseException:
        stop(server)
        raise
    return server, f"http://127.0.0.1:{http_port}/sparql-auth"


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 20) -> None:
    """Until ``url`` answers ``ASK {}``; fails early when the server process has ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"{server.args!r} exited with {server.returncode}")
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError(f"{server.args!r} did not answer within {seconds} s")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def server_graphs(endpoint: str, auth: httpx.Auth | None = None) -> list[str]:
    """Every graph on the server, the catalogue's or not (no dataset named)."""
    answer = httpx.post(
        endpoint,
        data={"query": GRAPHS_QUERY},
        headers={"Accept": "application/sparql-results+json"},
        auth=auth,
        timeout=60,
    )
    answer.raise_for_status()
    return [row["g"]["value"] for row in answer.json()["results"]["bindings"]]


def empty_virtuoso(endpoint: str, keep: frozenset[str]) -> None:
    graphs = [graph for graph in server_graphs(endpoint, VIRTUOSO_ADMIN) if graph not in keep]
    if graphs:
        update = " ;\n".join(f"DROP SILENT GRAPH <{graph}>" for graph in graphs)
        answer = httpx.post(endpoint, data={"update": update}, auth=VIRTUOSO_ADMIN, timeout=60)
        answer.raise_for_status()


def open_backend(request: pytest.FixtureRequest, backend: str, folder: Path) -> Catalogue:
    """An empty catalogue on one backend (the session's servers are emptied first)."""
    if backend == "embedded":
        return EmbeddedCatalogue(folder)
    if backend == "oxigraph":
        endpoint: str = request.getfixturevalue("oxigraph_url")
        update = endpoint.removesuffix("query") + "update"
        httpx.post(update, data={"update": "DROP ALL"}).raise_for_status()
        return SparqlCatalogue(endpoint, update)
    endpoint = request.getfixturevalue("virtuoso_url")
    empty_virtuoso(endpoint, request.getfixturevalue("virtuoso_own_graphs"))
    return SparqlCatalogue(endpoint, client=httpx.Client(auth=VIRTUOSO_ADMIN, timeout=120))
