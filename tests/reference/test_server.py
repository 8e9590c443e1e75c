"""HTTP behaviour of the reference vendor: paths, headers, caching, HEAD, auth, lifecycle."""

from __future__ import annotations

import time

import httpx
import pytest

from interop_lab.reference import FEED_PATH, IpdcFeed, ReferenceVendor


def test_root_is_page_zero_with_json_ld_headers(client: httpx.Client) -> None:
    feed = IpdcFeed(members=30, page_size=10)
    with ReferenceVendor(feed) as vendor:
        root = client.get(vendor.base_url + FEED_PATH)
        page_zero = client.get(feed.page_url(vendor.base_url, 0))
        expected = feed.page(0, vendor.base_url)
    assert root.status_code == 200
    assert root.headers["content-type"] == "application/ld+json"
    assert root.json() == page_zero.json() == expected
    assert root.headers["etag"] == page_zero.headers["etag"]


def test_full_pages_are_immutable_and_the_last_page_is_short_lived(client: httpx.Client) -> None:
    feed = IpdcFeed(members=30, page_size=10)
    with ReferenceVendor(feed) as vendor:
        responses = [client.get(feed.page_url(vendor.base_url, i)) for i in range(3)]
    cache = [response.headers["cache-control"] for response in responses]
    assert cache == ["public, max-age=604800, immutable"] * 2 + ["public, max-age=60"]
    assert len({response.headers["etag"] for response in responses}) == 3


def test_conditional_request_with_the_etag_is_not_modified(client: httpx.Client) -> None:
    feed = IpdcFeed(members=30, page_size=10)
    with ReferenceVendor(feed) as vendor:
        url = feed.page_url(vendor.base_url, 1)
        etag = client.get(url).headers["etag"]
        again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_head_has_the_headers_but_no_body(client: httpx.Client) -> None:
    feed = IpdcFeed(members=30, page_size=10)
    with ReferenceVendor(feed) as vendor:
        get = client.get(vendor.base_url + FEED_PATH)
        head = client.head(vendor.base_url + FEED_PATH)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(get.content))
    assert head.headers["etag"] == get.headers["etag"]


@pytest.mark.parametrize(
    "target",
    ["/", "/ldes/conceptsnapshot", FEED_PATH + "?pageNumber=3", FEED_PATH + "?pageNumber=x"],
)
def test_unknown_resources_are_404_problems(client: httpx.Client, target: str) -> None:
    with ReferenceVendor(IpdcFeed(members=30, page_size=10)) as vendor:
        response = client.get(vendor.base_url + target)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Not Found"


def test_bearer_token_is_required_when_configured(client: httpx.Client) -> None:
    with ReferenceVendor(IpdcFeed(members=3), token="geheim") as vendor:
        url = vendor.base_url + FEED_PATH
        anonymous = client.get(url)
        wrong = client.get(url, headers={"Authorization": "Bearer fout"})
        right = client.get(url, headers={"Authorization": "Bearer geheim"})
    assert anonymous.status_code == wrong.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert right.status_code == 200


def test_base_url_only_while_running_and_shutdown_is_prompt(client: httpx.Client) -> None:
    vendor = ReferenceVendor(IpdcFeed(members=3))
    with pytest.raises(RuntimeError):
        _ = vendor.base_url
    with vendor:
        base_url = vendor.base_url
        assert base_url.startswith("http://127.0.0.1:")
        assert client.get(base_url + FEED_PATH).status_code == 200
        stopping = time.monotonic()
    assert time.monotonic() - stopping < 1
    with pytest.raises(httpx.ConnectError):
        httpx.get(base_url + FEED_PATH, trust_env=False, timeout=2)
