"""A campaign of N vendors x 3 suites: ``interop-lab campaign`` vs a naive sequential run.

Starts a fleet of reference vendors on loopback (``interop_lab.reference.fleet``: a few with
data defects, one that never answers its second pages, one that answers 500), then, on the same
fleet:

- the lab's way: ``python -m interop_lab.cli.main campaign`` in a subprocess, allure on, as the
  lab team runs it;
- the naive way: one job after another (profile x claimed suite), each in a fresh process
  that validates with one pySHACL call per page. ``--naive lab`` (the default): the job is the
  lab's own run of that one suite (``benchmarks/naive_lab_job.py``: the same tests and
  verdicts, so they are compared job by job); ``--naive lean``: the job only fetches the pages
  and validates them (``benchmarks/naive_job.py``: fewer checks than the lab makes).

Both are timed (wall) and their memory measured twice: the peak RSS of any one process of the
tree (``wait4``'s ``ru_maxrss``: the process and the descendants it waited for) and the peak of
the tree's summed RSS (sampled every 0.2 s). The verdicts are compared where the naive run can
tell at all (see ``compare``).

    python benchmarks/campaign.py --profiles 50 [--members 20] [--naive-sample K]

Needs INTEROP_LAB_ARTEFACTS (the artefact mirror). Runs ``--profiles`` servers in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from interop_lab.reference.fleet import fleet

SUITES = ("ipdc-lpdc", "ldes", "adresregister")
TOKEN_ENV = "INTEROP_LAB_BENCH_TOKEN"
TOKEN = "bench-campaign-token"
SAMPLE_S = 0.2
NAIVE_JOBS = {
    "lab": Path(__file__).with_name("naive_lab_job.py"),
    "lean": Path(__file__).with_name("naive_job.py"),
}
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc."""
    tree: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                # The command name may hold spaces and parentheses: split after the last ')'.
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree[ppid].append(int(entry.name))
    return tree


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int) -> tuple[int, int]:
    """(summed RSS, largest RSS) in bytes of ``root`` and all its descendants now."""
    tree = _children()
    pending, sizes = [root], []
    while pending:
        pid = pending.pop()
        sizes.append(_rss(pid))
        pending.extend(tree.get(pid, ()))
    return sum(sizes), max(sizes, default=0)


class TreeSampler(threading.Thread):
    """Samples a process tree's RSS every ``SAMPLE_S`` until stopped; keeps the peaks."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_sum = 0
        self.peak_one = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            total, largest = tree_rss(self.root)
            self.peak_sum = max(self.peak_sum, total)
            self.peak_one = max(self.peak_one, largest)
            self._halt.wait(SAMPLE_S)

    def stop(self) -> None:
        self._halt.set()
        self.join()


@dataclass
class Measured:
    """Wall seconds and memory of one process tree (or of several run one after another)."""

    wall_s: float = 0.0
    maxrss: int = 0  # bytes: wait4's ru_maxrss, the largest single process
    tree_peak: int = 0  # bytes: the largest sampled sum over the tree
    returncodes: list[int] = field(default_factory=list)

    def add(self, other: Measured) -> None:
        self.wall_s += other.wall_s
        self.maxrss = max(self.maxrss, other.maxrss)
        self.tree_peak = max(self.tree_peak, other.tree_peak)
        self.returncodes.extend(other.returncodes)


def measure(command: list[str], cwd: Path, stdout: IO[Any] | int, stderr: IO[Any]) -> Measured:
    """Run ``command`` to its end: wall time, wait4's peak RSS and the sampled tree peak."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=stdout, stderr=stderr)
    sampler = TreeSampler(process.pid)
    sampler.start()
    # wait4, not wait(): its rusage is this child's (and its waited-for descendants') alone,
    # where RUSAGE_CHILDREN is the max over every child this benchmark ever waited for.
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        wall_s=elapsed,
        maxrss=usage.ru_maxrss * 1024,  # kilobytes on Linux
        tree_peak=max(sampler.peak_sum, sampler.peak_one),
        returncodes=[process.returncode],
    )


def run_lab(profiles: Path, work: Path) -> Measured:
    command = [
        sys.executable,
        "-m",
        "interop_lab.cli.main",
        "campaign",
        "--allow-private",
        "--profiles",
        str(profiles),
        "--out",
        str(work / "lab"),
        "--catalogue",
        f"file:{work / 'catalogue.db'}",
        "--no-notify",
    ]
    with (work / "lab.log").open("w", encoding="utf-8") as log:
        return measure(command, work, log, log)


@dataclass
class NaiveResult:
    measured: Measured
    jobs: dict[tuple[str, str], dict[str, Any]]  # (profile stem, suite) -> naive_job.py's line
    seconds: dict[tuple[str, str], float]
    extrapolated_wall_s: float


def run_naive(
    jobs: list[tuple[str, str]], profiles: Path, work: Path, every: int, kind: str
) -> NaiveResult:
    chosen = jobs[::every]
    total = Measured()
    results: dict[tuple[str, str], dict[str, Any]] = {}
    seconds: dict[tuple[str, str], float] = {}
    with (work / "naive.log").open("w", encoding="utf-8") as log:
        for stem, suite in chosen:
            command = [sys.executable, str(NAIVE_JOBS[kind]), str(profiles / f"{stem}.yaml"), suite]
            if kind == "lab":
                command.append(str(work / "naive" / stem))
            with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
                one = measure(command, work, out, log)
                out.seek(0)
                line = out.read().strip().splitlines()
            total.add(one)
            seconds[(stem, suite)] = one.wall_s
            results[(stem, suite)] = json.loads(line[-1]) if line else {"error": "no output"}
    # A sample stands for its suite's jobs: each suite's mean job time times its job count.
    by_suite: dict[str, list[float]] = defaultdict(list)
    for (_, suite), spent in seconds.items():
        by_suite[suite].append(spent)
    counts: dict[str, int] = defaultdict(int)
    for _, suite in jobs:
        counts[suite] += 1
    extrapolated = sum(
        sum(by_suite[suite]) / len(by_suite[suite]) * counts[suite]
        for suite in counts
        if by_suite[suite]
    )
    return NaiveResult(total, results, seconds, extrapolated if every > 1 else total.wall_s)


def lab_jobs(folder: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """(profile stem, suite) -> the journal's job record (verdict, failed test IRIs)."""
    jobs = {}
    for line in (folder / "journal.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("type") == "task":
            for job in entry["jobs"]:
                jobs[(entry["stem"], job["suite"])] = job
    return jobs


def _is_shape_test(iri: str) -> bool:
    return ":shacl/" in iri


def _is_paging_test(iri: str) -> bool:
    return iri.endswith("/pages_answer")


def compare_verdicts(
    lab: dict[tuple[str, str], dict[str, Any]], naive: dict[tuple[str, str], dict[str, Any]]
) -> list[str]:
    """Jobs whose verdict or level differ between the campaign and the naive lab jobs."""
    differences = []
    for key in sorted(naive):
        mine, theirs = naive[key], lab.get(key, {})
        if (mine.get("verdict"), mine.get("level")) != (theirs.get("verdict"), theirs.get("level")):
            differences.append(
                f"{key[0]}/{key[1]}: naive {mine.get('verdict')} {mine.get('level')}, "
                f"campaign {theirs.get('verdict')} {theirs.get('level')}"
            )
    return differences


def compare(
    lab: dict[tuple[str, str], dict[str, Any]], naive: dict[tuple[str, str], dict[str, Any]]
) -> tuple[list[str], list[str]]:
    """(differences, not comparable) over the jobs both ran.

    Per job, what the naive run can tell: whether every page answered (against the lab's
    "pages answer" test), whether the pages break a shape (against the lab's failed SHACL
    constraint tests; suites with shapes only), and so the verdict. A verdict that differs only
    because the lab failed tests the naive run does not do (dropped JSON-LD keys, the JSON schema,
    REST practice) is not comparable, and listed as such.
    """
    differences, incomparable = [], []
    for key in sorted(naive):
        stem, suite = key
        mine, theirs = naive[key], lab.get(key)
        name = f"{stem}/{suite}"
        if theirs is None:
            differences.append(f"{name}: no lab result")
            continue
        failed: list[str] = theirs.get("failed", [])
        naive_fetch_failed = mine.get("error") is not None
        naive_violations = int(mine.get("violations", 0)) > 0
        problems = []
        if naive_fetch_failed != any(map(_is_paging_test, failed)):
            problems.append(
                f"pages failed: naive {mine.get('error')}, lab {not naive_fetch_failed}"
            )
        if mine.get("shapes") and naive_violations != any(map(_is_shape_test, failed)):
            problems.append(
                f"SHACL violations: naive {mine.get('violations')}, lab "
                f"{[iri for iri in failed if _is_shape_test(iri)]}"
            )
        naive_verdict = "non-conformant" if naive_fetch_failed or naive_violations else "conformant"
        if naive_verdict != theirs["verdict"] and not problems:
            others = [i for i in failed if not (_is_shape_test(i) or _is_paging_test(i))]
            if others and naive_verdict == "conformant":
                incomparable.append(f"{name}: lab {theirs['verdict']} on {', '.join(others)}")
                continue
            problems.append(f"verdict: naive {naive_verdict}, lab {theirs['verdict']}")
        if problems:
            differences.append(f"{name}: {'; '.join(problems)}")
    return differences, incomparable


PYTEST_END = re.compile(r"in (\d+(?:\.\d+)?)s")


def lab_time_spent(folder: Path) -> str:
    """Where the lab's time went: the pytest sessions' own durations, from their pytest.log."""
    sessions = []
    for log in sorted(folder.glob("*/pytest.log")):
        text = log.read_text("utf-8", errors="replace").strip().splitlines()
        found = PYTEST_END.findall(text[-1]) if text else []
        if found:
            sessions.append((float(found[-1]), log.parent.name))
    if not sessions:
        return "no pytest.log with a duration"
    total = sum(seconds for seconds, _ in sessions)
    slowest = sorted(sessions, reverse=True)[:3]
    slow = ", ".join(f"{stem} {seconds:.1f}s" for seconds, stem in slowest)
    return (
        f"{len(sessions)} pytest sessions, {total:.1f}s in all "
        f"(mean {total / len(sessions):.2f}s, slowest {slow})"
    )


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=50, help="vendors in the fleet")
    parser.add_argument("--members", type=int, default=20, help="IPDC members per vendor")
    parser.add_argument("--addresses", type=int, default=15, help="addresses per vendor")
    parser.add_argument("--page-size", type=int, default=10)
    parser.add_argument(
        "--naive-sample",
        type=int,
        default=1,
        metavar="K",
        help="run only every K-th naive job and extrapolate the naive wall time",
    )
    parser.add_argument(
        "--naive",
        choices=sorted(NAIVE_JOBS),
        default="lab",
        help="lab: each job is the lab's own run of one suite, alone in a fresh process, "
        "pySHACL once per page (the same checks); lean: fetch and pySHACL per page only",
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    if args.naive_sample < 1:
        parser.error("--naive-sample must be at least 1")

    os.environ[TOKEN_ENV] = TOKEN  # the campaign's and the naive jobs' subprocesses read it
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        with fleet(
            work / "profiles",
            args.profiles,
            SUITES,
            token=TOKEN,
            token_env=TOKEN_ENV,
            members=args.members,
            addresses=args.addresses,
            page_size=args.page_size,
        ) as vendors:
            jobs = sorted(vendors.expected, key=lambda key: (key[0], SUITES.index(key[1])))
            print(
                f"fleet: {args.profiles} vendors, {len(jobs)} jobs; work in {work}; "
                f"{os.cpu_count()} cores, load {_load()}",
                flush=True,
            )
            lab = run_lab(vendors.profiles, work)
            print(
                f"lab: {lab.wall_s:.1f}s, exit {lab.returncodes[0]} (1: some non-conformant)",
                flush=True,
            )
            naive = run_naive(jobs, vendors.profiles, work, args.naive_sample, args.naive)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        lab_results = lab_jobs(work / "lab")
        incomparable: list[str] = []
        if args.naive == "lab":
            differences = compare_verdicts(lab_results, naive.jobs)
        else:
            differences, incomparable = compare(lab_results, naive.jobs)
        expected_wrong = sorted(
            f"{stem}/{suite}: lab {job['verdict']}, fleet expects {vendors.expected[(stem, suite)]}"
            for (stem, suite), job in lab_results.items()
            if job["verdict"] != vendors.expected[(stem, suite)]
        )
        spent = lab_time_spent(work / "lab")

    print(f"load at the end: {_load()} (other work on the machine skews both runs)")
    ran = len(naive.jobs)
    sampled = f" (ran {ran} of {len(jobs)} jobs, every {args.naive_sample}th; extrapolated)"
    print(f"lab: {spent}")
    print(
        f"lab memory: peak of one process {lab.maxrss / MB:.0f} MB, "
        f"peak of the tree sum {lab.tree_peak / MB:.0f} MB"
    )
    print(
        f"naive: {naive.measured.wall_s:.1f}s measured"
        + (f"{sampled}, {naive.extrapolated_wall_s:.1f}s for all" if args.naive_sample > 1 else "")
        + f"; mean job {naive.measured.wall_s / max(ran, 1):.2f}s, slowest "
        + ", ".join(
            f"{stem}/{suite} {seconds:.1f}s"
            for (stem, suite), seconds in sorted(naive.seconds.items(), key=lambda kv: -kv[1])[:3]
        )
    )
    print(
        f"naive memory: peak of one process {naive.measured.maxrss / MB:.0f} MB, "
        f"peak of the tree sum {naive.measured.tree_peak / MB:.0f} MB"
    )
    print(f"RUSAGE_CHILDREN ru_maxrss over both runs: {children.ru_maxrss / 1024:.0f} MB")
    for line in expected_wrong:
        print(f"lab verdict differs from the fleet's expectation: {line}")
    for line in incomparable:
        print(f"not comparable (the naive run does not check it): {line}")
    for line in differences:
        print(f"differs: {line}")
    ratio = naive.extrapolated_wall_s / lab.wall_s if lab.wall_s else float("nan")
    identical = "true" if not differences else "false"
    print(
        f"profiles={args.profiles} jobs={len(jobs)} wall_s={lab.wall_s:.1f} "
        f"rss_mb={lab.maxrss / MB:.0f} (tree {lab.tree_peak / MB:.0f}) "
        f"naive_wall_s={naive.extrapolated_wall_s:.1f}"
        + ("(extrapolated)" if args.naive_sample > 1 else "")
        + f" naive_rss_mb={naive.measured.maxrss / MB:.0f} "
        f"(tree {naive.measured.tree_peak / MB:.0f}) "
        f"ratio={ratio:.2f} identical={identical}"
    )


if __name__ == "__main__":
    main()
