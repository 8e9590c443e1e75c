"""common: one Failure per check with its findings, and the pages a check can judge."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from interop_lab.checks.common import MAX_LOCATIONS, fail, readable_pages
from interop_lab.model.errors import CantTell, Failure
from interop_lab.model.outcomes import Location

if TYPE_CHECKING:
    from conftest import Builder

DOCUMENT = '{"@context": {"naam": "http://ex.test/naam"}, "naam": "A"}'


def locations(count: int) -> list[Location]:
    return [Location(url=f"http://vendor.test/p{number}") for number in range(count)]


def test_fail_without_findings_passes() -> None:
    fail("niets mis", [], expected="niets")


def test_fail_with_one_finding_counts_it() -> None:
    with pytest.raises(Failure) as raised:
        fail("mis", locations(1), expected="goed")

    assert raised.value.description == "mis; verwacht: goed; ontvangen: 1 afwijking"
    assert raised.value.locations == tuple(locations(1))


def test_fail_with_several_findings_counts_them() -> None:
    with pytest.raises(Failure) as raised:
        fail("mis", locations(3), expected="goed")

    assert raised.value.received == "3 afwijkingen"


def test_fail_uses_the_given_received_text() -> None:
    with pytest.raises(Failure) as raised:
        fail("mis", locations(2), expected="goed", received="twee fouten")

    assert raised.value.received == "twee fouten"


def test_fail_keeps_at_most_max_locations_but_counts_all() -> None:
    with pytest.raises(Failure) as raised:
        fail("mis", locations(MAX_LOCATIONS + 5), expected="goed")

    assert len(raised.value.locations) == MAX_LOCATIONS
    assert raised.value.received == f"{MAX_LOCATIONS + 5} afwijkingen"


def test_readable_pages_keeps_only_pages_read_without_error(build: Builder) -> None:
    good = build.page("http://vendor.test/a", DOCUMENT)
    crawl = build.crawl(
        build.status_page("http://vendor.test/b", 500),
        good,
        build.page("http://vendor.test/c", "{"),
    )

    assert readable_pages(crawl) == [good]


def test_readable_pages_cant_tell_when_nothing_was_read(build: Builder) -> None:
    crawl = build.crawl(
        build.status_page("http://vendor.test/b", 500), build.page("http://vendor.test/c", "{")
    )

    with pytest.raises(CantTell) as raised:
        readable_pages(crawl)

    assert raised.value.message.startswith("geen enkele pagina kon gelezen worden")
