"""Prism (npm ``@stoplight/prism-cli``) as a mock vendor: a real OpenAPI document on loopback.

``.ci/run`` installs the pinned Prism into ``.ci/node``; one on the PATH is used otherwise. Under
``CI`` a missing Prism fails the test (CI must run it), elsewhere it is skipped.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from tests.catalogue.servers import free_port, missing, stop

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "prism"


def prism_binary() -> str:
    found = str(INSTALLED) if INSTALLED.exists() else shutil.which("prism")
    if found is None:
        missing("Prism (npm @stoplight/prism-cli; .ci/run installs it into .ci/node)")
        raise AssertionError("unreachable: missing() skips or fails")
    return found


@contextlib.contextmanager
def prism_mock(spec: Path, probe: str, seconds: float = 30) -> Iterator[str]:
    """``prism mock`` of ``spec`` on a free loopback port until the block ends; yields its URL.

    ``probe`` is a path of the document that Prism answers once it is ready.
    """
    base = f"http://127.0.0.1:{free_port()}"
    command = [prism_binary(), "mock", "-h", "127.0.0.1", "-p", base.rsplit(":", 1)[1], str(spec)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(base + probe, server, seconds)
        yield base
    finally:
        stop(server)


def _wait(url: str, server: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"{server.args!r} exited with {server.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=1).status_code == httpx.codes.OK:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{server.args!r} did not answer within {seconds} s")
