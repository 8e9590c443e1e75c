"""The lab's server for a vendor's client, in process: answers, evidence (request bodies kept,
credentials hidden), the server's own refusals, the follow-up after the answer, and the session
read as a claim the suite's JSON-LD and shape tests judge."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from interop_lab.runner.served import SUBMISSIONS, served_claim
from interop_lab.serve import (
    FetchSettings,
    MeldingApi,
    Registration,
    ServedServer,
    ServedSession,
    now_iso,
)
from interop_lab.suites.registry import load_suites
from interop_lab.transport import Limits, har_document
from tests.serve import publication as site
from tests.serve.publication import PublicationSite, real_example
from tests.suite_artefacts import suite_artefacts

KEY = "AE86-GT86"
SUITE = "lokaal-beslist-melding"


@dataclass
class Lab:
    session: ServedSession
    server: ServedServer
    pub: PublicationSite

    @property
    def endpoint(self) -> str:
        return self.session.endpoint

    def evidence(self) -> str:
        return json.dumps(har_document(self.session.recorder.exchanges, creator_version="test"))


@pytest.fixture
def lab() -> Iterator[Lab]:
    artefacts = suite_artefacts(SUITE)
    with PublicationSite() as pub:
        session = ServedSession(api=SUITE, endpoint="", started=now_iso())
        registration = Registration(
            "http://data.lblod.info/vendors/cipal-schaubroeck",
            KEY,
            frozenset({"http://data.lblod.info/id/bestuurseenheden/2498239"}),
        )
        fetching = FetchSettings(
            limits=Limits(
                request_timeout_s=2,
                retries=0,
                allowed_hosts=frozenset({pub.base_url.removeprefix("http://")}),
            ),
            recorder=session.recorder,
            contexts=artefacts.context,
            deadline_s=10,
        )
        api = MeldingApi(session, registration, artefacts.context, fetching)
        server = ServedServer(api, session)
        session.endpoint = f"{server.base_url}{api.path}"
        with server:
            yield Lab(session, server, pub)


def test_an_accepted_submission_is_answered_then_its_document_fetched(lab: Lab) -> None:
    body = real_example("voorbeeld-basic-auth.json", href=lab.pub.url(site.BASIC))
    answer = httpx.post(lab.endpoint, json=body)
    assert answer.status_code == 201
    lab.server.stop()  # waits for the follow-up
    (submission,) = lab.session.snapshot()
    assert submission.document is not None
    assert submission.document.page is not None
    assert submission.document.page.fetched.status == 200
    assert lab.server.activity.finished == 1
    names = [e.name for e in lab.session.recorder.exchanges]
    assert names == ["inzending 1: POST /melding", "inzending 1: gepubliceerd document"]


def test_the_request_body_is_evidence_without_credentials(lab: Lab) -> None:
    body = real_example("voorbeeld-basic-auth.json", href=lab.pub.url(site.BASIC))
    httpx.post(lab.endpoint, json=body)
    lab.server.stop()
    entry = json.loads(lab.evidence())["log"]["entries"][0]
    posted = json.loads(entry["request"]["postData"]["text"])
    assert posted["publisher"]["key"] == "[verborgen]"
    assert posted["authentication"]["credentials"]["password"] == "[verborgen]"
    assert posted["submittedResource"] == body["submittedResource"]
    assert entry["response"]["status"] == 201
    assert KEY not in lab.evidence()


def test_a_request_to_another_path_is_404_and_hides_the_key(lab: Lab) -> None:
    body = real_example("voorbeeld-body.json")
    answer = httpx.post(lab.endpoint.replace("/melding", "/meldingen"), json=body)
    assert answer.status_code == 404
    assert httpx.get(lab.endpoint).status_code == 404  # the API has no GET
    lab.server.stop()
    assert lab.session.other_requests == 2
    assert lab.session.snapshot() == []
    assert KEY not in lab.evidence()


def test_a_body_the_media_type_refuses_still_hides_the_key(lab: Lab) -> None:
    body = json.dumps(real_example("voorbeeld-body.json"))
    answer = httpx.post(lab.endpoint, content=body, headers={"Content-Type": "text/plain"})
    assert answer.status_code == 400
    lab.server.stop()
    assert KEY not in lab.evidence()


def test_a_body_over_100_kb_is_413_and_kept_as_a_refusal(lab: Lab) -> None:
    answer = httpx.post(lab.endpoint, json={"href": "x" * 120_000})
    assert answer.status_code == 413
    lab.server.stop()
    (submission,) = lab.session.snapshot()
    assert submission.refusal is not None
    assert submission.refusal.kind == "too-large"


def test_a_body_without_length_is_411(lab: Lab) -> None:
    host, port = lab.endpoint.removeprefix("http://").split("/")[0].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request(
        "POST",
        "/melding",
        body=iter([b'{"href": "x"}']),
        headers={"Content-Type": "application/json"},
        encode_chunked=True,
    )
    assert connection.getresponse().status == 411
    connection.close()
    lab.server.stop()
    assert lab.session.snapshot()[0].refusal is not None


def test_the_session_reads_as_a_claim_without_any_request(lab: Lab) -> None:
    httpx.post(
        lab.endpoint, json=real_example("voorbeeld-body.json", href=lab.pub.url(site.PUBLIC))
    )
    wrong = real_example("voorbeeld-body.json", submittedResource="http://example.org/b/2")
    wrong["@context"] = {"@vocab": "http://schema.org/"}
    httpx.post(lab.endpoint, json=wrong)
    lab.server.stop()
    requests_before = sum(lab.pub.requests.values())
    suite = load_suites()[SUITE]
    from interop_lab.profiles import Claim, VendorProfile

    profile = VendorProfile.model_validate(
        {
            "profile_version": 1,
            "vendor": {"name": "V", "kbo": "0202239951", "contact": "a@example.org"},
            "product": {"name": "P", "release": "1"},
            "base_url": lab.pub.base_url,
            "claims": [Claim(standard=SUITE).model_dump()],
        }
    )
    run = served_claim(suite, profile, suite_artefacts(SUITE), lab.session)
    pages = run.crawl(SUBMISSIONS).pages
    assert [page.url for page in pages] == [f"{lab.endpoint}?inzending={n}" for n in (1, 2)]
    assert all(page.payload is not None and page.payload.error is None for page in pages)
    assert run.validation is not None
    assert sum(lab.pub.requests.values()) == requests_before
    official = pages[0].payload
    assert official is not None
    assert official.graph.contexts  # the context the API adds, pinned
    assert pages[1].payload is not None
    assert not pages[1].payload.graph.contexts
