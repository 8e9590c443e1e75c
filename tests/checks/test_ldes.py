"""LDES/TREE checks: the stream is described, its relations are sound, every link is followed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from interop_lab.checks import ldes
from interop_lab.crawl import Link, Page
from interop_lab.model import vocab
from interop_lab.model.errors import CantTell, Failure
from interop_lab.model.outcomes import Location

if TYPE_CHECKING:
    from conftest import Builder

A = "http://vendor.test/feed?page=0"
B = "http://vendor.test/feed?page=1"
C = "http://vendor.test/feed?page=2"
ROOT = "http://vendor.test/feed"
EX = "http://ex.test/"
GTE = vocab.TREE + "GreaterThanOrEqualToRelation"
GT = vocab.TREE + "GreaterThanRelation"
LTE = vocab.TREE + "LessThanOrEqualToRelation"
LT = vocab.TREE + "LessThanRelation"


def stream(build: Builder, view: str | None = A, **changes: Any) -> dict[str, Any]:
    """A page describing the event stream, its view and two versioned members."""
    document: dict[str, Any] = {
        "@context": build.tree_terms,
        "@id": "ex:stroom",
        "@type": "EventStream",
        "timestampPath": "ex:tijd",
        "versionOfPath": "ex:versieVan",
        "view": view,
        "member": [
            {"@id": "ex:m1", "tijd": "2024-01-01", "versieVan": "ex:d1"},
            {"@id": "ex:m2", "tijd": "2024-01-02", "versieVan": "ex:d2"},
        ],
    }
    document.update(changes)
    return {key: value for key, value in document.items() if value is not None}


def linked(build: Builder, url: str, *links: tuple[str, str]) -> Page:
    """A readable page with the given (kind, target) relations."""
    return build.page(
        url,
        stream(build, view=url),
        links=[Link(source=url, target=target, kind=kind) for kind, target in links],
    )


def test_event_stream_described_passes(build: Builder) -> None:
    ldes.event_stream_described(build.crawl(build.page(A, stream(build))))


def test_event_stream_described_fails_without_a_stream(build: Builder) -> None:
    crawl = build.crawl(build.page(A, stream(build, **{"@type": None})), start_urls=(ROOT,))

    with pytest.raises(Failure) as raised:
        ldes.event_stream_described(crawl)

    failure = raised.value
    assert failure.message == "de feed beschrijft geen event stream"
    assert failure.expected == "een knoop van type ldes:EventStream"
    assert failure.received == "geen ldes:EventStream op de opgehaalde pagina's"
    assert failure.locations == (Location(url=ROOT),)


def test_event_stream_described_cant_tell_without_readable_pages(build: Builder) -> None:
    with pytest.raises(CantTell):
        ldes.event_stream_described(build.crawl(build.status_page(A, 404)))


def test_stream_property_passes(build: Builder) -> None:
    ldes.stream_property(build.crawl(build.page(A, stream(build))), vocab.LDES_TIMESTAMP_PATH)


def test_stream_property_fails_when_missing(build: Builder) -> None:
    crawl = build.crawl(build.page(A, stream(build, timestampPath=None)))

    with pytest.raises(Failure) as raised:
        ldes.stream_property(crawl, vocab.LDES_TIMESTAMP_PATH)

    failure = raised.value
    assert failure.message == "de event stream vermeldt ldes:timestampPath niet"
    assert failure.expected == "ldes:timestampPath met een eigenschap als waarde"
    assert failure.received == "geen waarde"
    assert failure.locations == (Location(url=A),)


def test_stream_property_fails_on_a_literal_value(build: Builder) -> None:
    document = stream(build, timestampPath=None)
    document["ldes:timestampPath"] = "tijd"  # a string, not the property it should name
    crawl = build.crawl(build.page(A, document))

    with pytest.raises(Failure, match="vermeldt ldes:timestampPath niet"):
        ldes.stream_property(crawl, vocab.LDES_TIMESTAMP_PATH)


def test_stream_property_first_needs_an_event_stream(build: Builder) -> None:
    crawl = build.crawl(build.page(A, stream(build, **{"@type": None})))

    with pytest.raises(Failure, match="geen event stream"):
        ldes.stream_property(crawl, vocab.LDES_TIMESTAMP_PATH)


def test_view_declared_passes(build: Builder) -> None:
    ldes.view_declared(build.crawl(build.page(A, stream(build))))


def test_view_declared_fails_without_a_view(build: Builder) -> None:
    crawl = build.crawl(build.page(A, stream(build, view=None)))

    with pytest.raises(Failure) as raised:
        ldes.view_declared(crawl)

    assert raised.value.message == "de event stream vermeldt tree:view niet"
    assert raised.value.locations == (Location(url=A),)


def test_members_present_passes(build: Builder) -> None:
    ldes.members_present(build.crawl(build.page(A, stream(build))))


def test_members_present_fails_without_members(build: Builder) -> None:
    crawl = build.crawl(build.page(A, stream(build, member=None)), start_urls=(ROOT,))

    with pytest.raises(Failure) as raised:
        ldes.members_present(crawl)

    failure = raised.value
    assert failure.message == "de feed bevat geen leden"
    assert failure.expected == "minstens één tree:member"
    assert failure.received == "0 leden"
    assert failure.locations == (Location(url=ROOT),)


def test_members_present_cant_tell_without_readable_pages(build: Builder) -> None:
    with pytest.raises(CantTell):
        ldes.members_present(build.crawl(build.failed_page(A, "connect", "geen verbinding")))


def test_members_versioned_passes(build: Builder) -> None:
    ldes.members_versioned(build.crawl(build.page(A, stream(build))))


def test_members_versioned_fails_on_a_member_without_timestamp(build: Builder) -> None:
    members = [
        {"@id": "ex:m1", "tijd": "2024-01-01", "versieVan": "ex:d1"},
        {"@id": "ex:m2", "versieVan": "ex:d2"},
    ]
    crawl = build.crawl(build.page(A, stream(build, member=members)))

    with pytest.raises(Failure) as raised:
        ldes.members_versioned(crawl)

    failure = raised.value
    assert failure.message.startswith("niet elk lid vermeldt zijn tijdstip")
    assert failure.expected == "elk lid heeft tijd, versieVan"
    assert failure.received == "1 ontbrekende waarde"
    assert failure.locations == (
        Location(url=A, focus_node=f"{EX}m2", path=f"{EX}tijd", member=f"{EX}m2"),
    )


def test_members_versioned_needs_the_stream_to_declare_its_paths(build: Builder) -> None:
    crawl = build.crawl(build.page(A, stream(build, versionOfPath=None)))

    with pytest.raises(Failure, match="vermeldt ldes:versionOfPath niet"):
        ldes.members_versioned(crawl)


def test_relations_sound_passes_for_bidirectional_relations(build: Builder) -> None:
    crawl = build.crawl(
        linked(build, A, (GTE, B)),
        linked(build, B, (LTE, A), (GTE, C)),
        linked(build, C, (LTE, B)),
    )

    ldes.relations_sound(crawl)


def test_relations_sound_passes_for_a_mixed_direction_cycle(build: Builder) -> None:
    crawl = build.crawl(
        linked(build, A, (GTE, B)), linked(build, B, (GT, C)), linked(build, C, (LT, A))
    )

    ldes.relations_sound(crawl)


def test_relations_sound_ignores_views_and_plain_relations(build: Builder) -> None:
    crawl = build.crawl(
        linked(build, A, (vocab.TREE_VIEW, A), (vocab.TREE_RELATION_CLASS, B)),
        linked(build, B, (vocab.TREE_RELATION_CLASS, A)),
    )

    ldes.relations_sound(crawl)


def test_relations_sound_reads_aliases_as_the_page_they_name(build: Builder) -> None:
    root = linked(build, ROOT, (GTE, B))
    root.aliases = [A]

    ldes.relations_sound(build.crawl(root, linked(build, B, (LTE, A))))


def test_relations_sound_fails_on_a_self_link(build: Builder) -> None:
    crawl = build.crawl(linked(build, A, (GTE, f"{A}#zelf"), (LTE, B)), linked(build, B))

    with pytest.raises(Failure) as raised:
        ldes.relations_sound(crawl)

    failure = raised.value
    assert failure.message == "de relaties tussen de pagina's spreken elkaar tegen"
    assert failure.expected.startswith("relaties zonder verwijzing naar de eigen pagina")
    assert failure.received == "tree:GreaterThanOrEqualToRelation naar zichzelf"
    assert failure.locations == (
        Location(
            url=A,
            path=vocab.TREE_RELATION,
            value="tree:GreaterThanOrEqualToRelation naar zichzelf",
        ),
    )


def test_relations_sound_fails_on_a_self_link_through_an_alias(build: Builder) -> None:
    root = linked(build, ROOT, (GTE, A))
    root.aliases = [A]

    with pytest.raises(Failure, match="spreken elkaar tegen") as raised:
        ldes.relations_sound(build.crawl(root))

    assert [location.url for location in raised.value.locations] == [ROOT]


def test_relations_sound_fails_on_a_forward_cycle(build: Builder) -> None:
    crawl = build.crawl(
        linked(build, A, (GTE, B)),
        linked(build, B, (GTE, C), (LTE, A)),
        linked(build, C, (GT, A), (LTE, B)),
    )

    with pytest.raises(Failure) as raised:
        ldes.relations_sound(crawl)

    cycle = f"cyclus: {A} -> {B} -> {C} -> {A}"
    assert raised.value.received == cycle
    assert raised.value.locations == (Location(url=A, path=vocab.TREE_RELATION, value=cycle),)


def test_relations_sound_fails_on_a_backward_cycle(build: Builder) -> None:
    crawl = build.crawl(
        linked(build, A, (LTE, C)), linked(build, B, (LT, A)), linked(build, C, (LTE, B))
    )

    with pytest.raises(Failure) as raised:
        ldes.relations_sound(crawl)

    assert raised.value.received == f"cyclus: {A} -> {C} -> {B} -> {A}"


def test_relations_sound_reports_self_links_and_cycles_together(build: Builder) -> None:
    crawl = build.crawl(
        linked(build, A, (GTE, A), (GTE, B)),
        linked(build, B, (GTE, A), (LTE, B)),
    )

    with pytest.raises(Failure) as raised:
        ldes.relations_sound(crawl)

    assert [location.value for location in raised.value.locations] == [
        "tree:GreaterThanOrEqualToRelation naar zichzelf",
        "tree:LessThanOrEqualToRelation naar zichzelf",
        f"cyclus: {A} -> {B} -> {A}",
    ]


def test_relations_sound_cant_tell_without_readable_pages(build: Builder) -> None:
    with pytest.raises(CantTell):
        ldes.relations_sound(build.crawl(build.page(A, "{")))


def test_feed_read_whole_passes(build: Builder) -> None:
    ldes.feed_read_whole(build.crawl(linked(build, A, (GTE, B)), linked(build, B)))


def test_feed_read_whole_fails_on_an_unfollowed_link(build: Builder) -> None:
    link = Link(source=A, target="http://elders.test/p", kind=GTE)
    reason = "host elders.test staat niet in het profiel (toegestaan: vendor.test)"
    crawl = build.crawl(linked(build, A), unfollowed=[(link, reason)])

    with pytest.raises(Failure) as raised:
        ldes.feed_read_whole(crawl)

    failure = raised.value
    assert failure.message == "de feed kon niet volledig gelezen worden"
    assert failure.expected.startswith("elke tree:relation verwijst naar een HTTP-pagina")
    assert "voeg een host toe aan 'hosts'" in failure.expected
    assert failure.received == f"http://elders.test/p: {reason}"
    assert failure.locations == (
        Location(url=A, path=vocab.TREE_NODE, value=f"http://elders.test/p: {reason}"),
    )


def test_feed_read_whole_fails_when_the_crawl_stopped(build: Builder) -> None:
    crawl = build.crawl(
        linked(build, A), start_urls=(ROOT,), stopped="maximum van 1 pagina's bereikt"
    )

    with pytest.raises(Failure) as raised:
        ldes.feed_read_whole(crawl)

    assert raised.value.locations == (
        Location(url=ROOT, value="crawl gestopt: maximum van 1 pagina's bereikt"),
    )
