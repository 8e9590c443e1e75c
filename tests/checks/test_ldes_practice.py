"""LDES practice checks: cacheable pages and a declared retention policy."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest

from interop_lab.checks import ldes
from interop_lab.crawl import Page
from interop_lab.model import vocab
from interop_lab.model.errors import CantTell, Failure

if TYPE_CHECKING:
    from conftest import Builder

PAGE = "http://vendor.test/feed?page=0"


def _with_headers(page: Page, *headers: tuple[str, str]) -> Page:
    return replace(page, fetched=replace(page.fetched, headers=page.fetched.headers + headers))


def _stream(build: Builder, **extra: Any) -> dict[str, Any]:
    return {"@context": build.tree_terms, "@id": "ex:stroom", "@type": "EventStream", **extra}


def test_pages_cacheable_passes(build: Builder) -> None:
    page = _with_headers(
        build.page(PAGE, _stream(build)),
        ("Cache-Control", "public, max-age=604800, immutable"),
        ("ETag", '"v1"'),
    )

    ldes.pages_cacheable(build.crawl(page))


def test_pages_cacheable_fails_without_a_lifetime(build: Builder) -> None:
    page = _with_headers(build.page(PAGE, _stream(build)), ("ETag", '"v1"'))

    with pytest.raises(Failure) as raised:
        ldes.pages_cacheable(build.crawl(page))

    assert raised.value.expected is not None
    assert "max-age" in raised.value.expected
    assert raised.value.received == f"{PAGE}: Cache-Control: (geen); validator: ja"


def test_pages_cacheable_fails_without_a_validator(build: Builder) -> None:
    page = _with_headers(build.page(PAGE, _stream(build)), ("Cache-Control", "max-age=60"))

    with pytest.raises(Failure) as raised:
        ldes.pages_cacheable(build.crawl(page))

    assert raised.value.received == f"{PAGE}: Cache-Control: max-age=60; validator: geen"
    assert raised.value.locations[0].url == PAGE


def test_pages_cacheable_ignores_pages_that_did_not_answer(build: Builder) -> None:
    ldes.pages_cacheable(build.crawl(build.status_page(PAGE, 500)))


def test_retention_declared_passes(build: Builder) -> None:
    policy = {vocab.LDES_RETENTION_POLICY: {"@type": vocab.LDES + "DurationAgoPolicy"}}

    ldes.retention_declared(build.crawl(build.page(PAGE, _stream(build, **policy))))


def test_retention_declared_fails_without_a_policy(build: Builder) -> None:
    with pytest.raises(Failure) as raised:
        ldes.retention_declared(build.crawl(build.page(PAGE, _stream(build))))

    assert raised.value.message == "de feed vermeldt geen bewaarbeleid"
    assert raised.value.received == "geen bewaarbeleid"


def test_retention_declared_cant_tell_without_readable_pages(build: Builder) -> None:
    with pytest.raises(CantTell):
        ldes.retention_declared(build.crawl(build.status_page(PAGE, 404)))
