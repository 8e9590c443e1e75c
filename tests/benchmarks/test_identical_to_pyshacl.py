"""The lab's SHACL findings equal plain pySHACL's on the same data (the benchmark's identity).

A 1,000-member reference feed with two defects (a member without a title: an IRI focus node; a
contact point with a bad e-mail: a blank-node focus node) is served on loopback. The lab's
``claim_run`` findings are compared with those of plain pySHACL on the same pages, fetched and
read independently (httpx, rdflib with the pinned contexts inline), validated in ONE call over
all pages and the code lists. Findings are (focus, path, component, shape), blank nodes keyed
stably as ``benchmarks/identity.py`` describes.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pyshacl
import pytest
from rdflib import BNode, Graph
from rdflib.namespace import DCTERMS, SH

from benchmarks.identity import (
    NodeKeys,
    Violation,
    lab_violations,
    read_page,
    report_violations,
    walk_feed,
)
from interop_lab.payloads.read import read_payload
from interop_lab.reference import IpdcFeed, ReferenceVendor
from interop_lab.reference.members import build_member
from interop_lab.runner.claim import ClaimRun
from interop_lab.runner.session import LabSession
from interop_lab.suites.artefact_set import SuiteArtefacts
from tests.e2e.support import TOKEN, TOKEN_ENV, write_profile
from tests.suite_artefacts import suite_artefacts

SUITE = "ipdc-lpdc"
MEMBERS = 1000
PAGE_SIZE = 100
DEFECTS = ("missing-title", "bad-email")
HAS_CONTACT_POINT = "http://data.europa.eu/m8g/hasContactPoint"
EMAIL = "http://schema.org/email"


def plain_pyshacl(start_url: str, artefacts: SuiteArtefacts) -> set[Violation]:
    """Every page fetched and read without the lab, then one pySHACL call over all of them."""
    assert artefacts.shapes is not None
    data = Graph()
    headers = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/ld+json"}
    with httpx.Client(headers=headers, timeout=30) as client:
        for url, document in walk_feed(client, start_url):
            data += read_page(document, url, artefacts.context)
    keys = NodeKeys(data)
    data += artefacts.codelists
    _, report, _ = pyshacl.validate(data, shacl_graph=artefacts.shapes, inference="none")
    return report_violations(report, keys, NodeKeys(artefacts.shapes))


@pytest.fixture(scope="module")
def compared(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[ClaimRun, set[Violation], set[Violation]]:
    feed = IpdcFeed(members=MEMBERS, page_size=PAGE_SIZE, defects=DEFECTS)
    with pytest.MonkeyPatch.context() as patch, ReferenceVendor(feed, token=TOKEN) as vendor:
        patch.setenv(TOKEN_ENV, TOKEN)
        limits = {"request_timeout_s": 30, "deadline_s": 600, "max_members": 10 * MEMBERS}
        profile = write_profile(tmp_path_factory.mktemp("lab"), vendor.base_url, limits=limits)
        session = LabSession(Path(profile))
        run = session.claim_run(session.suites[SUITE])
        lab = set(lab_violations(run))
        plain = plain_pyshacl(feed.stream_url(vendor.base_url), suite_artefacts(SUITE))
    return run, lab, plain


def damaged_member_iri(feed: IpdcFeed) -> str:
    index = feed.damaged_member()
    assert index is not None
    return str(build_member(index, feed.seed)["@id"])


def test_the_lab_reads_the_whole_feed(
    compared: tuple[ClaimRun, set[Violation], set[Violation]],
) -> None:
    run, _, _ = compared
    assert run.crawls["feed"].member_count == MEMBERS
    assert run.validation is not None
    assert not run.validation.unmatched


def test_the_findings_hold_both_defects(
    compared: tuple[ClaimRun, set[Violation], set[Violation]],
) -> None:
    _, lab, _ = compared
    member = f"<{damaged_member_iri(IpdcFeed(MEMBERS, PAGE_SIZE, DEFECTS))}>"
    no_title = [
        v
        for v in lab
        if v.focus == member
        and v.path == str(DCTERMS.title)
        and v.component == str(SH.MinCountConstraintComponent)
    ]
    bad_email = [
        v
        for v in lab
        if v.focus.startswith(f"{member} <{HAS_CONTACT_POINT}> [")
        and '"info(at)gemeente"' in v.focus
        and v.path == EMAIL
        and v.component == str(SH.PatternConstraintComponent)
    ]
    assert len(no_title) == 1, sorted(lab)
    assert len(bad_email) == 1, sorted(lab)
    # Property shapes are blank nodes: their key is the node shape and the shape's description.
    shape = no_title[0].shape
    assert shape.startswith("<https://")
    assert f"<{SH.path}> <{DCTERMS.title}>" in shape


def test_the_lab_finds_what_plain_pyshacl_finds(
    compared: tuple[ClaimRun, set[Violation], set[Violation]],
) -> None:
    _, lab, plain = compared
    assert lab, "no findings: the comparison would prove nothing"
    assert sorted(lab - plain) == []
    assert sorted(plain - lab) == []


def test_blank_node_keys_do_not_depend_on_the_reader() -> None:
    """One page read by the lab and by plain rdflib: the same keys for its blank nodes, one key
    per blank node (nothing merged)."""
    artefacts = suite_artefacts(SUITE)
    feed = IpdcFeed(members=2 * PAGE_SIZE, page_size=PAGE_SIZE, defects=DEFECTS)
    base_url = "http://127.0.0.1:8"
    url = feed.page_url(base_url, 1)
    body = json.dumps(feed.page(1, base_url)).encode()
    payload = read_payload(
        body, url=url, media_type="application/ld+json", contexts=artefacts.context
    )
    assert payload.error is None
    plain = read_page(body, url, artefacts.context)
    lab_keys, plain_keys = NodeKeys(payload.graph.triples), NodeKeys(plain)
    lab_blank = {s for s, _, _ in payload.graph.triples if isinstance(s, BNode)}
    plain_blank = {s for s in plain.subjects() if isinstance(s, BNode)}
    assert len(lab_blank) == len(plain_blank) > PAGE_SIZE
    lab_set = {lab_keys.key(node) for node in lab_blank}
    assert len(lab_set) == len(lab_blank)
    assert lab_set == {plain_keys.key(node) for node in plain_blank}
