"""Fetching a submission's published document as Lokaal Beslist does, through the lab's one HTTP
client: as HTML, with basic authentication or an OAuth2 client credentials token, every
credential and the token hidden in the evidence."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest

from interop_lab.serve.credentials import DocumentAccess
from interop_lab.serve.documents import FetchSettings, fetch_document
from interop_lab.serve.records import DocumentFetch
from interop_lab.transport import Limits, Recorder, har_document
from tests.serve import publication as site
from tests.serve.publication import PublicationSite

BASIC = DocumentAccess("basic", username=site.BASIC_USER, password=site.BASIC_PASSWORD)


@pytest.fixture(scope="module")
def pub() -> Iterator[PublicationSite]:
    with PublicationSite() as running:
        yield running


def _fetch(
    pub: PublicationSite, path: str, access: DocumentAccess | None, *, hosts: bool = True
) -> tuple[DocumentFetch, Recorder]:
    recorder = Recorder()
    allowed = frozenset({pub.base_url.removeprefix("http://")}) if hosts else frozenset()
    settings = FetchSettings(
        limits=Limits(request_timeout_s=2, retries=0, allowed_hosts=allowed),
        recorder=recorder,
        contexts=lambda url: None,
        deadline_s=10,
    )
    fetched = asyncio.run(fetch_document(pub.url(path), access, settings, label="inzending 1"))
    return fetched, recorder


def _evidence(recorder: Recorder) -> str:
    return json.dumps(har_document(recorder.exchanges, creator_version="test"))


def test_a_public_document_is_asked_for_as_html_and_read_as_rdfa(pub: PublicationSite) -> None:
    document, recorder = _fetch(pub, site.PUBLIC, None)
    assert document.page is not None
    assert document.page.fetched.status == 200
    assert document.page.payload is not None
    assert document.page.payload.syntax == "rdfa"
    assert any(str(s) == site.SUBMITTED for s, _, _ in document.page.payload.graph.triples)
    request = recorder.exchanges[0].request_headers
    assert ("Accept", "text/html") in request
    assert recorder.exchanges[0].name == "inzending 1: gepubliceerd document"


def test_basic_authentication_is_sent_and_hidden(pub: PublicationSite) -> None:
    document, recorder = _fetch(pub, site.BASIC, BASIC)
    assert document.page is not None
    assert document.page.fetched.status == 200
    evidence = _evidence(recorder)
    assert "Zm9vOmJhcg" not in evidence  # base64 of foo:bar
    assert "[verborgen]" in evidence


def test_wrong_basic_credentials_are_the_vendors_401(pub: PublicationSite) -> None:
    wrong = DocumentAccess("basic", username="foo", password="fout-wachtwoord")
    document, _ = _fetch(pub, site.BASIC, wrong)
    assert document.page is not None
    assert document.page.fetched.status == 401


def test_oauth2_asks_a_token_then_sends_it_and_hides_it(pub: PublicationSite) -> None:
    access = DocumentAccess(
        "oauth2",
        client_id=site.CLIENT_ID,
        client_secret=site.CLIENT_SECRET,
        token_url=pub.url(site.TOKEN),
        resource="private",
    )
    document, recorder = _fetch(pub, site.OAUTH, access)
    assert document.page is not None
    assert document.page.fetched.status == 200
    assert pub.token_forms[-1] == {"grant_type": ["client_credentials"], "resource": ["private"]}
    assert document.token is not None
    assert document.token.body == b""  # the answer holding the token is not kept
    methods = [(e.method, e.url.removeprefix(pub.base_url)) for e in recorder.exchanges]
    assert methods == [("POST", site.TOKEN), ("GET", site.OAUTH)]
    evidence = _evidence(recorder)
    assert site.ACCESS_TOKEN not in evidence
    assert '"access_token\\": \\"[verborgen]\\"' in evidence


def test_a_token_endpoint_that_refuses_gives_a_problem(pub: PublicationSite) -> None:
    access = DocumentAccess(
        "oauth2", client_id="foo", client_secret="fout", token_url=pub.url(site.TOKEN)
    )
    document, _ = _fetch(pub, site.OAUTH, access)
    assert document.page is None
    assert document.problem is not None
    assert "access_token" in document.problem
    assert document.token is not None
    assert document.token.status == 401


def test_incomplete_access_is_a_problem_without_a_request(pub: PublicationSite) -> None:
    document, recorder = _fetch(pub, site.BASIC, DocumentAccess("basic", username="foo"))
    assert document.problem is not None
    assert recorder.exchanges == ()


def test_a_host_outside_the_profile_is_not_contacted(pub: PublicationSite) -> None:
    before = sum(pub.requests.values())
    document, _ = _fetch(pub, site.PUBLIC, None, hosts=False)
    assert document.page is not None
    assert document.page.fetched.error is not None
    assert document.page.fetched.error.kind == "host-not-allowed"
    assert sum(pub.requests.values()) == before
