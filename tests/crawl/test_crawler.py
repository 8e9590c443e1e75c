"""crawl(): breadth-first over TREE relations on loopback servers, each page fetched once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pytest
from rdflib import URIRef

from interop_lab.crawl import Crawl, CrawlBounds, Link, crawl
from interop_lab.model import vocab
from interop_lab.reference import IpdcFeed, ReferenceVendor
from interop_lab.transport import Limits, Recorder, open_fetcher

if TYPE_CHECKING:
    from conftest import Site

LIMITS = Limits(request_timeout_s=5.0, retries=0, backoff_s=0.01)
TREE_CONTEXT: dict[str, Any] = {
    "tree": "https://w3id.org/tree#",
    "ex": "http://ex.test/",
    "view": {"@id": "tree:view", "@type": "@id"},
    "relation": {"@id": "tree:relation"},
    "node": {"@id": "tree:node", "@type": "@id"},
    "path": {"@id": "tree:path", "@type": "@id"},
    "value": {"@id": "tree:value"},
    "member": {"@id": "tree:member", "@type": "@id"},
}
ContextSource = Callable[[str], Any | None]


def no_contexts(url: str) -> Any | None:
    return None


def run_crawl(
    start_urls: Sequence[str],
    allowed_hosts: frozenset[str],
    *,
    contexts: ContextSource = no_contexts,
    bounds: CrawlBounds | None = None,
    follow: bool = True,
    recorder: Recorder | None = None,
) -> Crawl:
    async def go() -> Crawl:
        async with open_fetcher(limits=LIMITS, recorder=recorder or Recorder()) as fetcher:
            return await crawl(
                fetcher,
                role="feed",
                start_urls=start_urls,
                contexts=contexts,
                allowed_hosts=allowed_hosts,
                bounds=bounds or CrawlBounds(),
                follow=follow,
            )

    return asyncio.run(go())


def page(
    url: str,
    *,
    forward: Sequence[str] = (),
    backward: Sequence[str] = (),
    members: Sequence[str] = (),
) -> dict[str, Any]:
    """A TREE page: a node with GreaterThanOrEqualTo/LessThanOrEqualTo relations, and members."""
    relations = [
        {"@type": "tree:GreaterThanOrEqualToRelation", "node": target, "path": "ex:tijd"}
        for target in forward
    ] + [{"@type": "tree:LessThanOrEqualToRelation", "node": target} for target in backward]
    return {
        "@context": TREE_CONTEXT,
        "@id": "ex:stroom",
        "view": {"@id": url, "relation": relations},
        "member": list(members),
    }


def fetched_urls(result: Crawl) -> list[str]:
    return [p.url for p in result.pages]


def one_each(hits: Counter[str]) -> bool:
    return set(hits.values()) == {1}


def test_reference_feed_is_crawled_with_each_page_once(
    reference_hits: Counter[str], pinned_contexts: ContextSource
) -> None:
    feed = IpdcFeed(members=25, page_size=10)
    with ReferenceVendor(feed) as vendor:
        base = vendor.base_url
        root = feed.stream_url(base)
        host = base.removeprefix("http://")

        result = run_crawl([root], frozenset({host}), contexts=pinned_contexts)

    assert reference_hits == Counter(
        {
            "/ldes/instancesnapshot": 1,
            "/ldes/instancesnapshot?pageNumber=1": 1,
            "/ldes/instancesnapshot?pageNumber=2": 1,
        }
    )
    assert fetched_urls(result) == [
        root,
        feed.page_url(base, 1),
        feed.page_url(base, 2),
    ]
    assert result.pages[0].aliases == [feed.page_url(base, 0)]
    assert all(p.payload is not None and p.payload.error is None for p in result.pages)
    assert result.member_count == 25
    assert result.stopped is None
    assert result.unfollowed == []
    assert result.canonical(feed.page_url(base, 0)) == root
    assert {p.role for p in result.pages} == {"feed"}


def test_reference_feed_relation_cycle_terminates(
    reference_hits: Counter[str], pinned_contexts: ContextSource
) -> None:
    feed = IpdcFeed(members=30, page_size=10, defects={"relation-cycle"})
    with ReferenceVendor(feed) as vendor:
        base = vendor.base_url
        host = base.removeprefix("http://")

        result = run_crawl([feed.stream_url(base)], frozenset({host}), contexts=pinned_contexts)

    assert len(result.pages) == 3
    assert one_each(reference_hits)
    assert "/ldes/instancesnapshot?pageNumber=0" not in reference_hits
    last_links = result.pages[-1].links
    assert any(link.target == feed.page_url(base, 0) for link in last_links)


def test_server_error_page_is_kept_with_its_status(
    reference_hits: Counter[str], pinned_contexts: ContextSource
) -> None:
    feed = IpdcFeed(members=30, page_size=10, defects={"page-500"})
    with ReferenceVendor(feed) as vendor:
        base = vendor.base_url
        host = base.removeprefix("http://")

        result = run_crawl([feed.stream_url(base)], frozenset({host}), contexts=pinned_contexts)

    failed = result.pages[1]
    assert failed.url == feed.page_url(base, 1)
    assert failed.fetched.status == 500
    assert failed.payload is None
    assert failed.links == []
    assert len(result.pages) == 2  # page 2 is reachable only through page 1
    assert one_each(reference_hits)
    assert result.stopped is None


def test_max_pages_stops_the_crawl(
    reference_hits: Counter[str], pinned_contexts: ContextSource
) -> None:
    feed = IpdcFeed(members=50, page_size=10)
    with ReferenceVendor(feed) as vendor:
        base = vendor.base_url
        host = base.removeprefix("http://")

        result = run_crawl(
            [feed.stream_url(base)],
            frozenset({host}),
            contexts=pinned_contexts,
            bounds=CrawlBounds(max_pages=2),
        )

    assert len(result.pages) == 2
    assert sum(reference_hits.values()) == 2
    assert result.stopped == "maximum van 2 pagina's bereikt"


def test_max_members_stops_the_crawl(
    reference_hits: Counter[str], pinned_contexts: ContextSource
) -> None:
    feed = IpdcFeed(members=30, page_size=10)
    with ReferenceVendor(feed) as vendor:
        base = vendor.base_url
        host = base.removeprefix("http://")

        result = run_crawl(
            [feed.stream_url(base)],
            frozenset({host}),
            contexts=pinned_contexts,
            bounds=CrawlBounds(max_members=10),
        )

    assert len(result.pages) == 1
    assert result.member_count == 10
    assert sum(reference_hits.values()) == 1
    assert result.stopped == "maximum van 10 leden bereikt"


def test_follow_false_fetches_only_the_start_urls(
    reference_hits: Counter[str], pinned_contexts: ContextSource
) -> None:
    feed = IpdcFeed(members=30, page_size=10)
    with ReferenceVendor(feed) as vendor:
        base = vendor.base_url
        host = base.removeprefix("http://")
        second = feed.page_url(base, 1)

        result = run_crawl(
            [feed.stream_url(base), second],
            frozenset({host}),
            contexts=pinned_contexts,
            follow=False,
        )

    assert reference_hits == Counter(
        {"/ldes/instancesnapshot": 1, "/ldes/instancesnapshot?pageNumber=1": 1}
    )
    assert len(result.pages) == 2
    assert result.unfollowed
    assert {reason for _, reason in result.unfollowed} == {"niet gevolgd voor deze rol"}
    assert feed.page_url(base, 2) in {link.target for link, _ in result.unfollowed}


def test_forward_cycle_of_pages_is_fetched_once_each(site: Site) -> None:
    a, b, c = site.url("/a"), site.url("/b"), site.url("/c")
    site.publish("/a", page(a, forward=[b]))
    site.publish("/b", page(b, forward=[c], backward=[a]))
    site.publish("/c", page(c, forward=[a], backward=[b]))

    result = run_crawl([a], frozenset({site.host}))

    assert site.hits == Counter({"/a": 1, "/b": 1, "/c": 1})
    assert fetched_urls(result) == [a, b, c]
    assert result.stopped is None
    assert result.unfollowed == []


def test_self_link_is_not_fetched_again(site: Site) -> None:
    a = site.url("/a")
    site.publish("/a", page(a, forward=[a], members=["ex:m1"]))

    result = run_crawl([a], frozenset({site.host}))

    assert site.hits == Counter({"/a": 1})
    assert result.pages[0].members == [URIRef("http://ex.test/m1")]


def test_links_keep_kind_path_and_value(site: Site) -> None:
    a, b = site.url("/a"), site.url("/b")
    document = page(a, forward=[b])
    document["view"]["relation"][0]["value"] = "2024-01-01"
    site.publish("/a", document)
    site.publish("/b", page(b))

    result = run_crawl([a], frozenset({site.host}))

    assert result.pages[0].links == [
        Link(
            source=a,
            target=b,
            kind=vocab.TREE + "GreaterThanOrEqualToRelation",
            path="http://ex.test/tijd",
            value="2024-01-01",
        )
    ]


def test_other_host_and_other_scheme_are_listed_not_followed(site: Site) -> None:
    a = site.url("/a")
    elsewhere = "http://elders.test/pagina"
    local_file = "file:///etc/passwd"
    site.publish("/a", page(a, forward=[elsewhere, local_file]))

    result = run_crawl([a], frozenset({site.host}))

    assert site.hits == Counter({"/a": 1})
    reasons = {link.target: reason for link, reason in result.unfollowed}
    assert reasons == {
        elsewhere: f"host elders.test staat niet in het profiel (toegestaan: {site.host})",
        local_file: "schema file: is geen HTTP",
    }
    assert all(link.source == a for link, _ in result.unfollowed)


def test_allowed_host_may_be_named_without_port(site: Site) -> None:
    a, b = site.url("/a"), site.url("/b")
    site.publish("/a", page(a, forward=[b]))
    site.publish("/b", page(b))

    result = run_crawl([a], frozenset({"127.0.0.1"}))

    assert fetched_urls(result) == [a, b]


def test_links_differing_only_in_fragment_are_one_page(site: Site) -> None:
    a, b = site.url("/a"), site.url("/b")
    site.publish("/a", page(a, forward=[f"{b}#eerste", f"{b}#tweede"]))
    site.publish("/b", page(b, backward=[f"{a}#top"]))

    result = run_crawl([a, f"{a}#ook"], frozenset({site.host}))

    assert site.hits == Counter({"/a": 1, "/b": 1})
    assert fetched_urls(result) == [a, b]


def test_page_naming_itself_by_another_url_is_fetched_once(site: Site) -> None:
    root, first, second = site.url("/feed"), site.url("/feed?p=0"), site.url("/feed?p=1")
    site.publish("/feed", page(first, forward=[second]))
    site.publish("/feed?p=1", page(second, backward=[first]))

    result = run_crawl([root], frozenset({site.host}))

    assert site.hits == Counter({"/feed": 1, "/feed?p=1": 1})
    assert result.pages[0].aliases == [first]
    assert result.canonical(f"{first}#x") == root
    assert result.canonical(second) == second


def test_truncated_frontier_is_reported_as_stopped(site: Site) -> None:
    a = site.url("/a")
    leaves = [site.url(f"/leaf{number}") for number in range(3)]
    site.publish("/a", page(a, forward=leaves))
    for number, leaf in enumerate(leaves):
        site.publish(f"/leaf{number}", page(leaf))

    result = run_crawl([a], frozenset({site.host}), bounds=CrawlBounds(max_pages=2))

    assert len(result.pages) == 2
    assert sum(site.hits.values()) == 2
    assert result.stopped == "maximum van 2 pagina's bereikt"


def test_unreadable_and_missing_pages_are_kept(site: Site) -> None:
    a, broken, gone = site.url("/a"), site.url("/kapot"), site.url("/weg")
    site.publish("/a", page(a, forward=[broken, gone]))
    site.publish_bytes("/kapot", b'{"@context": ', "application/ld+json")

    result = run_crawl([a], frozenset({site.host}))

    by_url = {p.url: p for p in result.pages}
    unreadable = by_url[broken].payload
    assert unreadable is not None
    assert unreadable.error is not None
    assert unreadable.error.startswith("ongeldige JSON")
    assert by_url[broken].links == []
    assert by_url[gone].fetched.status == 404
    assert by_url[gone].payload is None


def test_turtle_pages_are_followed_too(site: Site) -> None:
    a, b = site.url("/a.ttl"), site.url("/b.ttl")
    turtle = f"""@prefix tree: <https://w3id.org/tree#> .
<{a}> tree:relation [ a tree:Relation ; tree:node <{b}> ] .
<http://ex.test/stroom> tree:member <http://ex.test/m1> .
"""
    site.publish_bytes("/a.ttl", turtle.encode(), "text/turtle")
    site.publish_bytes("/b.ttl", b"", "text/turtle")

    result = run_crawl([a], frozenset({site.host}))

    assert fetched_urls(result) == [a, b]
    assert result.pages[0].links[0].kind == vocab.TREE_RELATION_CLASS
    assert result.member_count == 1


def test_each_request_is_recorded_with_the_role(site: Site) -> None:
    a = site.url("/a")
    site.publish("/a", page(a))
    recorder = Recorder()

    run_crawl([a], frozenset({site.host}), recorder=recorder)

    assert [(e.name, e.url) for e in recorder.exchanges] == [(f"feed: {a}", a)]
    headers = {k.lower(): v for k, v in recorder.exchanges[0].request_headers}
    accept = headers.get("accept", "")
    assert accept.startswith("application/ld+json")


@pytest.mark.parametrize("concurrency", [1, 3])
def test_wide_site_is_fetched_once_per_page_at_any_concurrency(
    site: Site, concurrency: int
) -> None:
    a = site.url("/a")
    children = [site.url(f"/c{number}") for number in range(6)]
    site.publish("/a", page(a, forward=children))
    for number, child in enumerate(children):
        site.publish(f"/c{number}", page(child, forward=children, backward=[a]))

    result = run_crawl([a], frozenset({site.host}), bounds=CrawlBounds(concurrency=concurrency))

    assert len(result.pages) == 7
    assert one_each(site.hits)
    assert sum(site.hits.values()) == 7
