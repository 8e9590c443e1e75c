"""A writer killed mid-write (SIGKILL, at seeded random moments) leaves every scorecard graph
whole: the version last acknowledged, or the one being written, never part of one.

The writer is a child process (tests/catalogue/atomic_writer.py). On the embedded store it is
killed alone; on ``oxigraph serve --location`` every other trial kills the server instead (and
the writer with it) and restarts the server on the same folder before looking.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest

from interop_lab.catalogue import Catalogue, EmbeddedCatalogue, SparqlCatalogue
from interop_lab.catalogue.rdf import scorecard_triples
from tests.catalogue.atomic_writer import IRIS, VERSIONS, large_card
from tests.catalogue.servers import oxigraph_binary, server_graphs, start_oxigraph, stop

TRIALS = 5
LATEST_KILL_S = 2.5  # a write takes 0.3-0.8 s: a kill lands in the first few writes
REPO = Path(__file__).resolve().parents[2]


@cache
def _expected(write: int) -> set[ox.Quad]:
    card = large_card(write)
    return _canonical(scorecard_triples(card), card.iri)


def _canonical(triples: object, graph: str) -> set[ox.Quad]:
    dataset = ox.Dataset(
        ox.Quad(triple.subject, triple.predicate, triple.object, ox.NamedNode(graph))
        for triple in triples  # type: ignore[attr-defined]
    )
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def _writer(target: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.catalogue.atomic_writer", target],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    if child.stdout.readline() != "ready\n":
        child.communicate()
        pytest.fail("the writer ended before it opened the catalogue")
    return child


def _kill(process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    # The process may have finished every write already: then there is nothing to kill.
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()


def _acknowledged(child: subprocess.Popen[str]) -> list[int]:
    out, _ = child.communicate()
    return [int(line.removeprefix("wrote ")) for line in out.splitlines()]


def _allowed(acknowledged: list[int]) -> dict[str, set[int | None]]:
    """Per IRI, the versions its graph may hold: the last one acknowledged (or none), and the
    one in flight when the writer died."""
    done = len(acknowledged)
    assert acknowledged == list(range(done))
    allowed: dict[str, set[int | None]] = {}
    for index, iri in enumerate(IRIS):
        versions = range(index, done, len(IRIS))
        allowed[iri] = {versions[-1] if versions else None}
    if done < VERSIONS:
        allowed[IRIS[done % len(IRIS)]].add(done)
    return allowed


def _check(catalogue: Catalogue, graphs: list[str], acknowledged: list[int]) -> None:
    allowed = _allowed(acknowledged)
    assert set(graphs) <= set(IRIS), graphs
    for iri in IRIS:
        if iri not in graphs:
            assert None in allowed[iri], f"{iri}: an acknowledged write was lost"
            continue
        stored = _canonical(catalogue.graph(iri), iri)
        whole = [
            write for write in allowed[iri] if write is not None and _expected(write) == stored
        ]
        assert whole, f"{iri} holds {len(stored)} triples, none of the versions {allowed[iri]}"
        assert catalogue.get(iri) == large_card(whole[0])


def _kill_moment(seed: str) -> float:
    return random.Random(seed).uniform(0.0, LATEST_KILL_S)


@pytest.mark.parametrize("trial", range(TRIALS))
def test_killed_writer_leaves_whole_graphs_in_the_embedded_store(
    trial: int, tmp_path: Path
) -> None:
    folder = tmp_path / "catalogue"
    child = _writer(str(folder))
    time.sleep(_kill_moment(f"embedded-{trial}"))
    _kill(child)

    acknowledged = _acknowledged(child)
    with EmbeddedCatalogue(folder) as catalogue:
        graphs = [str(graph.value) for graph in catalogue.store.named_graphs()]
        _check(catalogue, graphs, acknowledged)


@pytest.mark.parametrize("trial", range(TRIALS))
def test_killed_writer_or_server_leaves_whole_graphs_in_oxigraph(
    trial: int, tmp_path: Path
) -> None:
    oxigraph_binary()  # skips (or fails under CI) before anything starts
    kill_server = trial % 2 == 1
    server, endpoint = start_oxigraph(tmp_path / "oxigraph")
    try:
        child = _writer(endpoint)
        time.sleep(_kill_moment(f"oxigraph-{trial}"))
        _kill(server if kill_server else child)
        if kill_server:
            child.wait(timeout=30)  # its next request fails: it ends on its own
        else:
            _kill(child)
    finally:
        stop(server)
    acknowledged = _acknowledged(child)

    server, endpoint = start_oxigraph(tmp_path / "oxigraph")
    try:
        with SparqlCatalogue(endpoint, endpoint.removesuffix("query") + "update") as catalogue:
            _check(catalogue, server_graphs(endpoint), acknowledged)
    finally:
        stop(server)
