"""Each defect switch has exactly the effect it promises, and nothing else breaks."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx
import pytest
from pyld.jsonld import JsonLdError

from interop_lab.reference import FEED_PATH, IPDC_DEFECTS, IpdcFeed, ReferenceVendor

SH = "http://www.w3.org/ns/shacl#"
BASE = "http://127.0.0.1:1"


def all_pages(feed: IpdcFeed) -> list[dict[str, Any]]:
    return [feed.page(index, BASE) for index in range(feed.page_count())]


def damaged_member_iri(feed: IpdcFeed) -> str:
    index = feed.damaged_member()
    assert index == feed.page_size  # the first member of the second page
    return str(all_pages(feed)[1]["member"][0]["@id"])


def test_every_defect_is_documented() -> None:
    assert set(IPDC_DEFECTS) == {
        "missing-title",
        "wrong-datatype",
        "undefined-key",
        "wrong-content-type",
        "page-404",
        "page-500",
        "relation-cycle",
        "never-answers",
        "remote-context",
        "bad-email",
        "invalid-json",
    }
    assert all(description.strip() for description in IPDC_DEFECTS.values())


@pytest.mark.parametrize(
    ("defect", "path", "component"),
    [
        ("missing-title", "http://purl.org/dc/terms/title", "MinCountConstraintComponent"),
        ("wrong-datatype", "http://schema.org/dateCreated", "DatatypeConstraintComponent"),
        ("bad-email", "http://schema.org/email", "PatternConstraintComponent"),
    ],
)
def test_data_defect_gives_one_shacl_violation(
    lab: Any, defect: str, path: str, component: str
) -> None:
    feed = IpdcFeed(members=12, page_size=5, defects=[defect])
    (violation,) = lab.violations(all_pages(feed))
    assert (violation.path, violation.component) == (path, SH + component)
    if defect == "bad-email":  # the focus node is the contact point, a blank node
        assert violation.value == "info(at)gemeente"
    else:
        assert violation.focus == damaged_member_iri(feed)


def test_undefined_key_is_dropped_exactly_once(lab: Any) -> None:
    feed = IpdcFeed(members=12, page_size=5, defects=["undefined-key"])
    dropped = [key for page in all_pages(feed) for key in lab.dropped_keys(page)]
    assert dropped == ["opmerkingIntern"]
    assert lab.violations(all_pages(feed)) == set()  # silently lost: SHACL cannot see it


def test_remote_context_is_unpinned_and_never_resolvable_offline(lab: Any) -> None:
    page = IpdcFeed(members=3, defects=["remote-context"]).page(0, BASE)
    unpinned = "http://127.0.0.1/onbekend/context.jsonld"
    assert page["@context"][-1] == unpinned
    assert not lab.loader.pinned(unpinned)
    with pytest.raises(JsonLdError):
        lab.dropped_keys(page)
    assert unpinned in lab.loader.requested


def test_relation_cycle_points_the_last_page_forward_to_page_zero() -> None:
    feed = IpdcFeed(members=30, page_size=10, defects=["relation-cycle"])
    forward = [
        [
            r["node"]
            for r in page["view"]["relation"]
            if r["@type"] == "GreaterThanOrEqualToRelation"
        ]
        for page in all_pages(feed)
    ]
    assert forward == [
        [feed.page_url(BASE, 1)],
        [feed.page_url(BASE, 2)],
        [feed.page_url(BASE, 0)],  # the cycle: a crawler following it never ends
    ]


def test_wrong_content_type_on_every_page(client: httpx.Client) -> None:
    feed = IpdcFeed(members=30, page_size=10, defects=["wrong-content-type"])
    with ReferenceVendor(feed) as vendor:
        for index in range(feed.page_count()):
            response = client.get(feed.page_url(vendor.base_url, index))
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/plain")
            assert response.json()["@type"] == "EventStream"


@pytest.mark.parametrize(("defect", "status"), [("page-404", 404), ("page-500", 500)])
def test_second_page_fails_with_status(client: httpx.Client, defect: str, status: int) -> None:
    feed = IpdcFeed(members=30, page_size=10, defects=[defect])
    with ReferenceVendor(feed) as vendor:
        failing = client.get(feed.page_url(vendor.base_url, 1))
        others = [client.get(feed.page_url(vendor.base_url, i)).status_code for i in (0, 2)]
    assert failing.status_code == status
    assert failing.headers["content-type"] == "application/problem+json"
    assert failing.json()["status"] == status
    assert others == [200, 200]


def test_invalid_json_truncates_the_second_page(client: httpx.Client) -> None:
    feed = IpdcFeed(members=30, page_size=10, defects=["invalid-json"])
    with ReferenceVendor(feed) as vendor:
        response = client.get(feed.page_url(vendor.base_url, 1))
        root = client.get(vendor.base_url + FEED_PATH)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/ld+json"
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    assert root.json()["view"]["@id"].endswith("pageNumber=0")


def test_never_answers_hangs_only_that_request_and_not_shutdown(client: httpx.Client) -> None:
    feed = IpdcFeed(members=30, page_size=10, defects=["never-answers"])
    outcomes: list[BaseException] = []
    with ReferenceVendor(feed) as vendor:
        url = feed.page_url(vendor.base_url, 1)
        hanging = threading.Thread(target=_get_expecting_failure, args=(url, outcomes))
        hanging.start()
        with pytest.raises(httpx.TimeoutException):
            client.get(url, timeout=1)
        # Both requests are still stuck in the server, yet other pages are answered.
        assert client.get(feed.page_url(vendor.base_url, 2)).status_code == 200
        hanging.join()
        stopping = time.monotonic()
    assert time.monotonic() - stopping < 2
    assert [type(outcome) for outcome in outcomes] == [httpx.ReadTimeout]


def _get_expecting_failure(url: str, outcomes: list[BaseException]) -> None:
    with httpx.Client(trust_env=False) as other:
        try:
            other.get(url, timeout=1)
        except httpx.HTTPError as failure:
            outcomes.append(failure)


@pytest.mark.parametrize("defect", ["missing-title", "wrong-datatype"])
def test_lean_members_are_about_twelve_triples_and_carry_the_data_defects(
    lab: Any, defect: str
) -> None:
    feed = IpdcFeed(members=12, page_size=5, defects=[defect], lean=True)
    members = [member for page in all_pages(feed) for member in page["member"]]

    assert {len(member) for member in members} <= {11, 12}  # JSON keys: ~12 triples each
    assert len(lab.violations(all_pages(feed))) == 1


def test_lean_members_refuse_a_defect_they_cannot_carry() -> None:
    with pytest.raises(ValueError, match="bad-email needs contact points"):
        IpdcFeed(members=12, defects=["bad-email"], lean=True)
