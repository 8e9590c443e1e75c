"""Crawl + validate an IPDC-LPDC feed of N members: the lab's path vs a naive baseline.

    python benchmarks/run.py --members 1000 10000 [--page-size 100] [--naive-sample K]

For each size, in the same run and on the same feed:

- the **reference vendor** (``IpdcFeed`` with ``--defects``, default ``missing-title`` and
  ``bad-email``: a finding on a member's IRI and one on a blank-node contact point; ``--lean``:
  members of about 12 triples, defects ``missing-title`` and ``wrong-datatype``) serves the
  feed on loopback from its own process (spawned), its page bodies rendered once before any
  measurement: generating a 100-member page costs ~8 ms of CPU, which would otherwise be
  measured as the lab's, and a server thread in the measured process would take its GIL;
- the **lab's path**: a fresh process builds ``LabSession(profile)`` (artefacts loaded, not
  timed) and times ``claim_run(suite)``: crawl, read, one pySHACL call with the code lists;
- the **naive baseline**: a fresh process loads the same pinned artefacts (not timed), then
  fetches page after page with httpx (following ``view.relation[].node``), reads each page with
  rdflib alone (pinned contexts inline, ``identity.read_page``), adds the code lists and calls
  ``pyshacl.validate(inference="none")`` once per page. Its findings are the union over pages.

Measured per path: wall and CPU (user + sys, the process and the children it waited for) of
the timed part, and peak RSS: the larger of the process's whole-life ``ru_maxrss`` (``wait4``)
and the peak of its process tree's summed RSS (sampled every 0.2 s). members/s = N / wall;
ratio = naive wall / lab wall.

The findings (focus node, path, constraint component, source shape) must be the same set on
both sides, non-empty: ``identical=true``. Blank nodes are compared by stable keys (see
``benchmarks/identity.py``). ``--naive-sample K`` reads and validates only every K-th page
naively, counted in crawl order from the page the data defects hit (the second page), so the
sample holds the defects; all pages are still fetched. The naive wall time is then the measured
time plus the read + validate time of the sampled pages scaled to all pages (stated in the
output), and the findings are compared on the sampled pages only.

Ends, per size, with one line:
``members=N wall_s=.. rss_mb=.. naive_wall_s=.. ratio=.. identical=true|false``.

Needs INTEROP_LAB_ARTEFACTS (the artefact mirror).
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib.metadata import version
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml
from campaign import TreeSampler
from identity import Violation

from interop_lab.reference import IpdcFeed, ReferenceVendor, SiteRequest, SiteResponse

SUITE = "ipdc-lpdc"
TOKEN_ENV = "INTEROP_LAB_BENCH_TOKEN"
TOKEN = "bench-run-token"
DEFAULT_DEFECTS = ("missing-title", "bad-email")
# Lean members have no contact point (no blank node): a second defect on the member's IRI.
LEAN_DEFECTS = ("missing-title", "wrong-datatype")
MB = 1024 * 1024
# The targets: wall seconds per size, peak RSS and ratio at 100,000 members.
TARGET_WALL_S = {10_000: 3.0, 100_000: 20.0}
TARGET_RSS_MB = 1024
TARGET_RATIO = 10.0


# --- the reference vendor, in its own process ---------------------------------------------------


class Prerendered:
    """The feed's answers, rendered once for every page URL; anything else is asked live."""

    def __init__(self, feed: IpdcFeed) -> None:
        self.feed = feed
        self._answers: dict[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], SiteResponse] = {}

    @staticmethod
    def _key(path: str, query: Any) -> tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        return path, tuple(sorted((name, tuple(values)) for name, values in query.items()))

    def warm(self, base_url: str) -> int:
        """Render every page (and the stream URL); the bytes held."""
        urls = [self.feed.stream_url(base_url)]
        urls += [self.feed.page_url(base_url, i) for i in range(self.feed.page_count())]
        for url in urls:
            parts = urlsplit(url)
            query = parse_qs(parts.query)
            request = SiteRequest("GET", parts.path, query, {}, base_url)
            self._answers[self._key(parts.path, query)] = self.feed.answer(request)
        return sum(len(answer.body) for answer in self._answers.values())

    def answer(self, request: SiteRequest) -> SiteResponse:
        found = self._answers.get(self._key(request.path, request.query))
        return found if found is not None else self.feed.answer(request)


@dataclass(frozen=True)
class FeedSpec:
    members: int
    page_size: int
    defects: tuple[str, ...]
    lean: bool = False

    def feed(self) -> IpdcFeed:
        return IpdcFeed(
            members=self.members, page_size=self.page_size, defects=self.defects, lean=self.lean
        )


def serve(spec: FeedSpec, control: Connection) -> None:
    """Child process: serve the feed until told to stop; first sends (base URL, render s, bytes)."""
    site = Prerendered(spec.feed())
    with ReferenceVendor(site, token=TOKEN) as vendor:
        started = time.perf_counter()
        held = site.warm(vendor.base_url)
        control.send((vendor.base_url, time.perf_counter() - started, held))
        control.recv()


class Vendor:
    def __init__(self, spec: FeedSpec) -> None:
        context = multiprocessing.get_context("spawn")
        self._control, child = context.Pipe()
        self._process = context.Process(target=serve, args=(spec, child), daemon=True)
        self._process.start()
        child.close()
        self.base_url, self.render_s, self.bytes_held = self._control.recv()

    def stop(self) -> None:
        self._control.send("stop")
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()


def serve_check(feed: IpdcFeed, base_url: str) -> float:
    """Seconds for one sequential pass of plain GETs over every page (no reading)."""
    import httpx

    started = time.perf_counter()
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        for index in range(feed.page_count()):
            client.get(feed.page_url(base_url, index)).raise_for_status()
    return time.perf_counter() - started


# --- the measured processes --------------------------------------------------------------------


def _usage() -> tuple[float, int]:
    """(CPU seconds, peak RSS bytes) of this process and the children it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return cpu, max(own.ru_maxrss, children.ru_maxrss) * 1024  # kilobytes on Linux


def _as_json(found: dict[Violation, frozenset[str]]) -> list[dict[str, Any]]:
    return [{"key": list(v), "pages": sorted(pages)} for v, pages in found.items()]


def lab_child(profile: str) -> dict[str, Any]:
    from identity import lab_violations

    from interop_lab.runner.session import LabSession

    os.environ[TOKEN_ENV] = TOKEN
    session = LabSession(Path(profile))
    suite = session.suites[SUITE]
    cpu_before, _ = _usage()
    started = time.perf_counter()
    run = session.claim_run(suite)
    wall = time.perf_counter() - started
    cpu_after, rss = _usage()
    pages = [page for crawl in run.crawls.values() for page in crawl.pages]
    unread = [p.url for p in pages if p.payload is None or p.payload.error is not None]
    return {
        "wall_s": wall,
        "cpu_s": cpu_after - cpu_before,
        "rss_at_end": rss,
        "pages": len(pages),
        "members": sum(crawl.member_count for crawl in run.crawls.values()),
        "unread": unread[:5],
        "stopped": [crawl.stopped for crawl in run.crawls.values() if crawl.stopped],
        "violations": _as_json(lab_violations(run)),
    }


def naive_child(start_url: str, sample: int, offset: int) -> dict[str, Any]:
    import httpx
    import pyshacl
    from identity import NodeKeys, read_page, report_violations, walk_feed
    from rdflib import RDF
    from rdflib.namespace import SH

    from interop_lab.artefacts.download import download
    from interop_lab.artefacts.store import ArtefactStore
    from interop_lab.suites.artefact_set import load_suite_artefacts
    from interop_lab.suites.registry import load_suites

    # rdflib logs a traceback for each ill-typed literal (the wrong-datatype defect) it reads.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    artefacts = load_suite_artefacts(load_suites()[SUITE], ArtefactStore.from_environment(download))
    if artefacts.shapes is None:
        raise SystemExit(f"suite {SUITE} has no shapes")
    shapes, codelists = artefacts.shapes, artefacts.codelists
    shape_keys = NodeKeys(shapes)
    found: dict[Violation, set[str]] = {}
    sampled: list[str] = []
    pages = members = 0
    processing = processing_cpu = keying = keying_cpu = 0.0
    cpu_before, _ = _usage()
    started = time.perf_counter()
    headers = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/ld+json"}
    with httpx.Client(headers=headers) as client:
        for url, document in walk_feed(client, start_url):
            index, pages = pages, pages + 1
            members += len(document.get("member") or [])
            if (index - offset) % sample:
                continue
            sampled.append(url)
            began, began_cpu = time.perf_counter(), time.process_time()
            graph = read_page(document, url, artefacts.context)
            _, report, _ = pyshacl.validate(graph + codelists, shacl_graph=shapes, inference="none")
            processing += time.perf_counter() - began
            processing_cpu += time.process_time() - began_cpu
            if (None, RDF.type, SH.ValidationResult) in report:
                began, began_cpu = time.perf_counter(), time.process_time()
                for violation in report_violations(report, NodeKeys(graph), shape_keys):
                    found.setdefault(violation, set()).add(url)
                keying += time.perf_counter() - began
                keying_cpu += time.process_time() - began_cpu
    # Keying the findings is the comparison's work, not the baseline's: it is taken out.
    wall = time.perf_counter() - started - keying
    cpu_after, rss = _usage()
    cpu = cpu_after - cpu_before - keying_cpu
    scale = pages / len(sampled) if sampled else 1.0
    return {
        "wall_s": wall + processing * (scale - 1),
        "cpu_s": cpu + processing_cpu * (scale - 1),
        "measured_wall_s": wall,
        "read_validate_s": processing,
        "rss_at_end": rss,
        "pages": pages,
        "members": members,
        "sampled": sampled,
        "violations": [{"key": list(v), "pages": sorted(urls)} for v, urls in found.items()],
    }


def child_main(kind: str, arguments: list[str]) -> None:
    if kind == "lab":
        result = lab_child(arguments[0])
    else:
        result = naive_child(arguments[0], int(arguments[1]), int(arguments[2]))
    print(json.dumps(result))


@dataclass
class Measured:
    result: dict[str, Any]
    process_wall_s: float  # the whole child process, start-up and set-up included
    maxrss: int  # bytes: wait4's ru_maxrss, the process and its waited-for descendants
    tree_peak: int  # bytes: the largest sampled sum over the process tree
    violations: dict[Violation, frozenset[str]] = field(default_factory=dict)

    @property
    def rss_mb(self) -> float:
        return max(self.maxrss, self.tree_peak) / MB


def in_child(kind: str, *arguments: str) -> Measured:
    """Run ``child_main(kind, arguments)`` in a fresh Python process and measure it."""
    command = [sys.executable, str(Path(__file__).resolve()), "_child", kind, *arguments]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out)
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        sampler.stop()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(
                f"the {kind} process failed (exit {os.waitstatus_to_exitcode(status)})"
            )
        out.seek(0)
        result = json.loads(out.read().strip().splitlines()[-1])
    violations = {
        Violation(*entry["key"]): frozenset(entry["pages"]) for entry in result.pop("violations")
    }
    return Measured(
        result=result,
        process_wall_s=elapsed,
        maxrss=usage.ru_maxrss * 1024,
        tree_peak=max(sampler.peak_sum, sampler.peak_one),
        violations=violations,
    )


# --- one size ------------------------------------------------------------------------------------


def write_profile(folder: Path, base_url: str) -> Path:
    profile = {
        "profile_version": 1,
        "vendor": {"name": "Benchmark", "kbo": "0202239951", "contact": "lab@example.org"},
        "product": {"name": "Referentie", "release": "1.0.0"},
        "base_url": base_url,
        "auth": {"type": "bearer", "token_env": TOKEN_ENV},
        "limits": {"deadline_s": 3600, "max_members": 1_000_000, "max_pages": 100_000},
        "claims": [{"standard": SUITE, "endpoints": {"feed": "/ldes/instancesnapshot"}}],
    }
    path = folder / "profiel.yaml"
    path.write_text(yaml.safe_dump(profile), encoding="utf-8")
    return path


@dataclass
class Outcome:
    members: int
    lab: Measured
    naive: Measured | None
    identical: bool
    compared: str


def compare(lab: Measured, naive: Measured | None, sample: int) -> tuple[bool, str]:
    if naive is None:
        return False, "not compared (--skip-naive)"
    lab_set = set(lab.violations)
    if sample > 1:
        sampled = set(naive.result["sampled"])
        lab_set = {v for v, pages in lab.violations.items() if pages & sampled}
    naive_set = set(naive.violations)
    scope = f"on the {len(naive.result['sampled'])} sampled pages" if sample > 1 else "all pages"
    lines = [f"findings compared ({scope}): lab {len(lab_set)}, naive {len(naive_set)}"]
    for component, count in sorted(Counter(v.component for v in lab_set).items()):
        lines.append(f"  lab    {count:5d} x {component.rsplit('#', 1)[-1]}")
    only_lab, only_naive = lab_set - naive_set, naive_set - lab_set
    for side, extra in (("lab only", only_lab), ("naive only", only_naive)):
        for violation in sorted(extra)[:5]:
            lines.append(f"  {side}: {_brief(violation)}")
        if len(extra) > 5:
            lines.append(f"  {side}: ... {len(extra) - 5} more")
    identical = lab_set == naive_set and bool(lab_set)
    if not lab_set and not naive_set:
        lines.append("  no findings on either side: nothing shows the comparison works")
    return identical, "\n".join(lines)


def _brief(violation: Violation) -> str:
    focus = violation.focus if len(violation.focus) <= 160 else violation.focus[:157] + "..."
    component = violation.component.rsplit("#", 1)[-1]
    return f"{component} path={violation.path} focus={focus}"


def measure(spec: FeedSpec, sample: int, skip: bool) -> Outcome:
    feed, members, page_size = spec.feed(), spec.members, spec.page_size
    print(
        f"\n== members={members} page_size={page_size} pages={feed.page_count()} "
        f"defects={','.join(spec.defects) or '-'} ({'lean' if spec.lean else 'full'} members)",
        flush=True,
    )
    vendor = Vendor(spec)
    try:
        start_url = feed.stream_url(vendor.base_url)
        pages, seconds = feed.page_count(), serve_check(feed, vendor.base_url)
        print(
            f"vendor: own process, {pages} pages pre-rendered in {vendor.render_s:.1f} s "
            f"({vendor.bytes_held / MB:.0f} MB held); one sequential pass of plain GETs over "
            f"the feed: {seconds:.2f} s ({seconds / pages * 1000:.1f} ms/page)",
            flush=True,
        )
        with tempfile.TemporaryDirectory() as folder:
            profile = write_profile(Path(folder), vendor.base_url)
            lab = in_child("lab", str(profile))
        print(f"lab done: {lab.result['wall_s']:.2f} s", flush=True)
        # Crawl order is page order here: the sample starts at the page the defects hit.
        damaged = feed.damaged_member()
        offset = (damaged // page_size if damaged is not None else 0) % sample
        naive = None if skip else in_child("naive", start_url, str(sample), str(offset))
    finally:
        vendor.stop()
    identical, compared = compare(lab, naive, sample)
    return Outcome(members, lab, naive, identical, compared)


def report(outcome: Outcome, sample: int) -> None:
    lab, naive, members = outcome.lab, outcome.naive, outcome.members
    rows = [("lab", lab)] + ([("naive", naive)] if naive is not None else [])
    print(f"{'path':<7}{'wall_s':>9}{'cpu_s':>9}{'rss_mb':>9}{'members/s':>11}{'pages':>7}")
    for name, measured in rows:
        result = measured.result
        print(
            f"{name:<7}{result['wall_s']:9.2f}{result['cpu_s']:9.2f}{measured.rss_mb:9.0f}"
            f"{members / result['wall_s']:11.0f}{result['pages']:7d}"
        )
    for name, measured in rows:
        result = measured.result
        if result["members"] != members:
            print(f"WARNING: the {name} path saw {result['members']} members, not {members}")
    if lab.result["unread"] or lab.result["stopped"]:
        print(f"WARNING: lab unread pages {lab.result['unread']}, stopped {lab.result['stopped']}")
    print(
        f"lab: peak RSS {lab.maxrss / MB:.0f} MB (ru_maxrss), tree peak {lab.tree_peak / MB:.0f} "
        f"MB (sampled); child process {lab.process_wall_s:.1f} s in all (imports, artefacts)"
    )
    ratio = None
    if naive is not None:
        ratio = naive.result["wall_s"] / lab.result["wall_s"]
        if sample > 1:
            print(
                f"naive: read + validated 1 page in {sample} ({len(naive.result['sampled'])} of "
                f"{naive.result['pages']}); its wall time is EXTRAPOLATED: measured "
                f"{naive.result['measured_wall_s']:.1f} s of which read + validate "
                f"{naive.result['read_validate_s']:.1f} s, scaled to all pages"
            )
        print(f"ratio (naive wall / lab wall): {ratio:.2f}")
    print(outcome.compared)
    targets = []
    if members in TARGET_WALL_S:
        met = lab.result["wall_s"] <= TARGET_WALL_S[members]
        targets.append(f"wall <= {TARGET_WALL_S[members]:g} s: {'met' if met else 'NOT met'}")
    if members >= 100_000:
        met = lab.rss_mb <= TARGET_RSS_MB
        targets.append(f"rss <= {TARGET_RSS_MB} MB: {'met' if met else 'NOT met'}")
        if ratio is not None:
            met = ratio >= TARGET_RATIO
            targets.append(f"ratio >= {TARGET_RATIO:g}: {'met' if met else 'NOT met'}")
    if targets:
        print("targets: " + "; ".join(targets))
    naive_wall = f"{naive.result['wall_s']:.2f}" if naive is not None else "na"
    print(
        f"members={members} wall_s={lab.result['wall_s']:.2f} rss_mb={lab.rss_mb:.0f} "
        f"naive_wall_s={naive_wall} ratio={f'{ratio:.2f}' if ratio is not None else 'na'} "
        f"identical={'true' if outcome.identical else 'false'}",
        flush=True,
    )


def machine() -> str:
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    ram = 0
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) * 1024
    usable = len(os.sched_getaffinity(0))
    versions = ", ".join(
        f"{name} {version(name)}" for name in ("rdflib", "pyshacl", "PyLD", "httpx")
    )
    return (
        f"machine: {os.cpu_count()} cores ({usable} usable), {model}, {ram / 1024**3:.1f} GiB RAM, "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()} "
        f"{platform.release()}\nlibraries: {versions}"
    )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "_child":
        child_main(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--members", type=int, nargs="+", default=[1000])
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument(
        "--defects",
        nargs="*",
        help="IpdcFeed defect switches (default: "
        f"{' '.join(DEFAULT_DEFECTS)}; with --lean: {' '.join(LEAN_DEFECTS)})",
    )
    parser.add_argument(
        "--lean",
        action="store_true",
        help="lean members (IpdcFeed(lean=True): about 12 triples each, no blank nodes)",
    )
    parser.add_argument(
        "--naive-sample",
        type=int,
        default=1,
        metavar="K",
        help="read and validate only every K-th page naively; its wall time is extrapolated",
    )
    parser.add_argument("--skip-naive", action="store_true", help="measure the lab only")
    args = parser.parse_args()
    if args.naive_sample < 1:
        parser.error("--naive-sample must be 1 or more")
    defects = args.defects
    if defects is None:
        defects = LEAN_DEFECTS if args.lean else DEFAULT_DEFECTS
    print(machine(), flush=True)
    for members in args.members:
        spec = FeedSpec(members, args.page_size, tuple(defects), args.lean)
        outcome = measure(spec, args.naive_sample, args.skip_naive)
        report(outcome, args.naive_sample)


if __name__ == "__main__":
    main()
