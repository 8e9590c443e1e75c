"""One lab run as a user runs it, in a child process of its own, timed and weighed.

The peak memory is the lab's maximum resident set, as a small launcher process sees it for its
one child (``RUSAGE_CHILDREN``): on Linux a child forked straight from the test process would
start with the test process's own (much larger) high-water mark.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.support import TOKEN, TOKEN_ENV

_LAUNCHER = """
import resource, subprocess, sys
code = subprocess.call([sys.executable, *sys.argv[2:]])
with open(sys.argv[1], "w") as peak:
    peak.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


@dataclass(frozen=True)
class Measured:
    code: int
    seconds: float
    rss_mb: float
    output: str


def run_measured(*args: str, cwd: Path, timeout_s: float) -> Measured:
    """``interop-lab *args`` in ``cwd``; killed (and reported as code -9) after ``timeout_s``."""
    stamp = time.monotonic_ns()
    log, peak = cwd / f"uitvoer-{stamp}.txt", cwd / f"piek-{stamp}.txt"
    started = time.monotonic()
    with log.open("wb") as sink:
        child = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(peak), "-m", "interop_lab.cli.main", *args],
            cwd=cwd,
            env={**os.environ, TOKEN_ENV: TOKEN},
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        status, usage = _wait(child, started + timeout_s)
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    output = log.read_text("utf-8", errors="replace")
    rss_kib = int(peak.read_text()) if peak.exists() else usage.ru_maxrss
    return Measured(code, seconds, rss_kib / 1024, output)


def _wait(child: subprocess.Popen[bytes], until: float) -> tuple[int, resource.struct_rusage]:
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return status, usage
        if time.monotonic() > until:
            os.killpg(child.pid, signal.SIGKILL)  # the launcher's group: the lab with it
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            return status, usage
        time.sleep(0.05)
