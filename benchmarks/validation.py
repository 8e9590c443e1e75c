"""Members validated per second on the reference IPDC-LPDC feed: the lab's path vs a naive one.

The lab's path crawls the feed once and validates every member in one pySHACL call with the code
lists. The naive baseline fetches page after page and calls pySHACL once per page. Both run in
the same process on the same feed, so the ratio is what counts.

    python benchmarks/validation.py --members 1000 10000

Needs INTEROP_LAB_ARTEFACTS (the artefact mirror) or network access to the pinned artefacts.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import pyshacl
import yaml
from pyld import jsonld
from rdflib import Graph
from rdflib.namespace import RDF, SH

from interop_lab.reference import IpdcFeed, ReferenceVendor
from interop_lab.runner.session import LabSession
from interop_lab.suites.artefact_set import SuiteArtefacts

PAGE_SIZE = 100
TOKEN_ENV = "INTEROP_LAB_BENCH_TOKEN"
DEFECTS = ("missing-title", "bad-email")


def _profile(folder: Path, base_url: str) -> Path:
    profile = {
        "profile_version": 1,
        "vendor": {"name": "Benchmark", "kbo": "0202239951", "contact": "lab@example.org"},
        "product": {"name": "Referentie", "release": "1.0.0"},
        "base_url": base_url,
        "auth": {"type": "bearer", "token_env": TOKEN_ENV},
        "limits": {"deadline_s": 3600, "max_members": 1_000_000},
        "claims": [{"standard": "ipdc-lpdc", "endpoints": {"feed": "/ldes/instancesnapshot"}}],
    }
    path = folder / "profiel.yaml"
    path.write_text(yaml.safe_dump(profile), encoding="utf-8")
    return path


def lab_path(session: LabSession) -> tuple[float, int]:
    """Wall seconds and violation count of the lab's crawl + one validation."""
    suite = session.suites["ipdc-lpdc"]
    started = time.perf_counter()
    run = session.claim_run(suite)
    elapsed = time.perf_counter() - started
    validation = run.validation
    count = sum(len(r) for r in validation.results.values()) if validation else -1
    return elapsed, count


def naive_path(
    feed: IpdcFeed, base_url: str, token: str, artefacts: SuiteArtefacts
) -> tuple[float, int]:
    """Wall seconds and violation count of page-by-page fetching and validation."""

    def loader(url: str, _options: Any = None) -> dict[str, Any]:
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": artefacts.context(url),
        }

    started = time.perf_counter()
    violations = 0
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}) as client:
        for index in range(feed.page_count()):
            url = feed.page_url(base_url, index)
            body = client.get(url).json()
            quads = jsonld.to_rdf(
                body, {"documentLoader": loader, "base": url, "format": "application/n-quads"}
            )
            data = Graph().parse(data=quads, format="nt") + artefacts.codelists
            _, report, _ = pyshacl.validate(data, shacl_graph=artefacts.shapes, inference="none")
            violations += sum(1 for _ in report.subjects(RDF.type, SH.ValidationResult))
    return time.perf_counter() - started, violations


def measure(members: int) -> dict[str, float | int]:
    token = "bench-token"
    os.environ[TOKEN_ENV] = token
    feed = IpdcFeed(members=members, page_size=PAGE_SIZE, defects=DEFECTS)
    with ReferenceVendor(feed, token=token) as vendor, tempfile.TemporaryDirectory() as folder:
        session = LabSession(_profile(Path(folder), vendor.base_url))
        lab_seconds, lab_violations = lab_path(session)
        artefacts = session.artefacts(session.suites["ipdc-lpdc"])
        naive_seconds, naive_violations = naive_path(feed, vendor.base_url, token, artefacts)
    return {
        "members": members,
        "lab_s": round(lab_seconds, 2),
        "lab_members_per_s": round(members / lab_seconds),
        "naive_s": round(naive_seconds, 2),
        "naive_members_per_s": round(members / naive_seconds),
        "ratio": round(naive_seconds / lab_seconds, 2),
        "lab_violations": lab_violations,
        "naive_violations": naive_violations,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    for members in args.members:
        print(json.dumps(measure(members)))


if __name__ == "__main__":
    main()
