"""The reference feed without defects is a conformant IPDC-LPDC instance-snapshot LDES."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import interop_lab.reference as reference
from interop_lab.reference import FEED_PATH, IPDC_DEFECTS, IpdcFeed, ReferenceVendor
from interop_lab.reference import ipdc_feed as ipdc_feed_module

IPDC = "https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#"
GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"


def test_public_api_is_explicit() -> None:
    assert sorted(reference.__all__) == [
        "FEED_PATH",
        "IPDC_DEFECTS",
        "IpdcFeed",
        "ReferenceVendor",
        "Site",
        "SiteRequest",
        "SiteResponse",
        "problem",
    ]


@pytest.mark.parametrize(("members", "page_size", "pages"), [(30, 10, 3), (1, 10, 1)])
def test_feed_over_http_conforms_to_instantie_shapes(
    lab: Any, client: httpx.Client, members: int, page_size: int, pages: int
) -> None:
    feed = IpdcFeed(members=members, page_size=page_size)
    with ReferenceVendor(feed) as vendor:
        crawled = lab.crawl(client, vendor.base_url + FEED_PATH)

    assert len(crawled) == pages == feed.page_count()
    assert lab.violations(crawled) == set()
    graph = lab.graph(crawled)
    # Guard against vacuous conformance: the shapes' target classes are really present.
    assert lab.count_typed(graph, IPDC + "InstancePublicServiceSnapshot") == members
    assert lab.count_typed(graph, "http://schema.org/ContactPoint") == members
    assert lab.count_typed(graph, "http://www.w3.org/ns/locn#Address") == members


def test_feed_has_nested_objects_for_a_share_of_members(lab: Any) -> None:
    feed = IpdcFeed(members=30, page_size=10)
    graph = lab.graph([feed.page(i, "http://127.0.0.1:1") for i in range(feed.page_count())])
    for class_iri in (
        "http://purl.org/vocab/cpsv#Rule",
        "http://data.europa.eu/m8g/Cost",
        "http://data.europa.eu/m8g/Requirement",
        "http://data.europa.eu/m8g/Evidence",
        "http://data.europa.eu/eli/ontology#LegalResource",
        IPDC + "FinancialAdvantage",
    ):
        assert 0 < lab.count_typed(graph, class_iri) < 30, class_iri
    assert lab.count_typed(graph, "http://data.europa.eu/m8g/PublicOrganisation") > 1


def test_pyld_drops_no_key_of_the_conformant_feed(lab: Any) -> None:
    feed = IpdcFeed(members=30, page_size=10)
    for index in range(feed.page_count()):
        assert lab.dropped_keys(feed.page(index, "http://127.0.0.1:1")) == []


def test_relations_bound_the_members_they_lead_to() -> None:
    feed = IpdcFeed(members=30, page_size=10)
    pages = [feed.page(i, "http://h") for i in range(feed.page_count())]
    by_url = {page["view"]["@id"]: page for page in pages}
    for page in pages:
        for relation in page["view"]["relation"]:
            assert relation["path"] == GENERATED_AT
            times = [m["generatedAtTime"] for m in by_url[relation["node"]]["member"]]
            if relation["@type"] == "GreaterThanOrEqualToRelation":
                assert min(times) == relation["value"]
            else:
                assert relation["@type"] == "LessThanOrEqualToRelation"
                assert max(times) == relation["value"]


def test_stream_is_ordered_and_has_several_versions_of_some_services() -> None:
    feed = IpdcFeed(members=30, page_size=10)
    members = [m for i in range(feed.page_count()) for m in feed.page(i, "http://h")["member"]]
    times = [m["generatedAtTime"] for m in members]
    assert times == sorted(times)
    assert len(set(times)) == len(times)
    versions: dict[str, int] = {}
    for member in members:
        versions[member["isVersionOf"]] = versions.get(member["isVersionOf"], 0) + 1
    assert max(versions.values()) >= 3
    assert len({m["@id"] for m in members}) == 30


def test_page_shape_is_stream_with_a_view() -> None:
    page = IpdcFeed(members=30, page_size=10).page(1, "http://h/")
    assert page["@id"] == "http://h/ldes/instancesnapshot"
    assert page["@type"] == "EventStream"
    assert page["view"]["@id"] == "http://h/ldes/instancesnapshot?pageNumber=1"
    assert [r["@type"] for r in page["view"]["relation"]] == [
        "GreaterThanOrEqualToRelation",
        "LessThanOrEqualToRelation",
    ]


def test_same_parameters_give_identical_pages() -> None:
    first, second = IpdcFeed(members=25, page_size=7, seed=3), IpdcFeed(25, 7, seed=3)
    for index in range(first.page_count()):
        assert first.page(index, "http://h") == second.page(index, "http://h")
    assert IpdcFeed(seed=4).page(0, "http://h") != first.page(0, "http://h")


def test_a_late_page_of_a_large_feed_is_computed_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    original = ipdc_feed_module.build_member

    def counting(index: int, seed: int) -> dict[str, Any]:
        built.append(index)
        return original(index, seed)

    monkeypatch.setattr(ipdc_feed_module, "build_member", counting)
    feed = IpdcFeed(members=100_000, page_size=10)
    page = feed.page(9999, "http://h")
    assert built == list(range(99_990, 100_000))
    assert len(page["member"]) == 10
    assert [r["@type"] for r in page["view"]["relation"]] == ["LessThanOrEqualToRelation"]


def test_unknown_defect_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="no-such-defect") as raised:
        IpdcFeed(defects=["missing-title", "no-such-defect"])
    assert all(name in str(raised.value) for name in IPDC_DEFECTS)


@pytest.mark.parametrize("index", [-1, 3])
def test_pages_outside_the_feed_do_not_exist(index: int) -> None:
    with pytest.raises(IndexError):
        IpdcFeed(members=30, page_size=10).page(index, "http://h")


def test_empty_feed_has_one_empty_root_page() -> None:
    feed = IpdcFeed(members=0)
    assert feed.page_count() == 1
    assert feed.page(0, "http://h")["member"] == []
