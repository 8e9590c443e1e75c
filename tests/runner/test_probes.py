"""Probes: the extra requests a suite declares, derived from the crawl, made once through the
recording fetcher, and read by tests through ClaimRun.probe."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from interop_lab.crawl import Crawl, CrawlBounds, LinkRules, crawl
from interop_lab.model.errors import CantTell, Inapplicable, SuiteError
from interop_lab.reference import ReferenceVendor
from interop_lab.reference.adres_register import LIST_PATH, AdresRegister
from interop_lab.runner.claim import ClaimRun
from interop_lab.runner.probes import Probe, probe_urls, run_probes
from interop_lab.suites.artefact_set import SuiteArtefacts
from interop_lab.suites.manifest import ProbeSpec
from interop_lab.suites.registry import load_suites
from interop_lab.transport import Limits, Recorder, open_fetcher
from tests.suite_artefacts import suite_artefacts

RULES = LinkRules(
    next=frozenset({"http://www.w3.org/ns/hydra/core#next"}),
    items=frozenset({"http://www.iana.org/assignments/relation/self"}),
)
ContextSource = Callable[[str], Any | None]


@pytest.fixture(scope="module")
def contexts() -> ContextSource:
    return suite_artefacts("adresregister").context


def spec(target: str, **fields: Any) -> ProbeSpec:
    return ProbeSpec.model_validate(
        {"name": target, "role": "collection", "target": target, **fields}
    )


def crawl_and_probe(
    register: AdresRegister, specs: list[ProbeSpec], contexts: ContextSource
) -> tuple[Crawl, dict[str, Probe], Recorder, str]:
    recorder = Recorder()

    async def go(base: str) -> tuple[Crawl, dict[str, Probe]]:
        async with open_fetcher(limits=Limits(retries=0), recorder=recorder) as fetcher:
            crawled = await crawl(
                fetcher,
                role="collection",
                start_urls=[base + LIST_PATH],
                contexts=contexts,
                allowed_hosts=frozenset({base.removeprefix("http://")}),
                bounds=CrawlBounds(),
                links=RULES,
            )
            return crawled, await run_probes(fetcher, specs, {"collection": crawled}, contexts)

    with ReferenceVendor(register) as vendor:
        crawled, probes = asyncio.run(go(vendor.base_url))
        return crawled, probes, recorder, vendor.base_url


def test_probe_urls_are_derived_from_the_crawl(contexts: ContextSource) -> None:
    register = AdresRegister(addresses=6, page_size=5)
    crawled, _, _, base = crawl_and_probe(register, [], contexts)

    assert probe_urls(spec("start"), crawled) == [base + LIST_PATH]
    assert probe_urls(spec("item", limit=2), crawled) == [
        register.item_url(base, 0),
        register.item_url(base, 1),
    ]
    assert probe_urls(spec("item-id"), crawled) == [f"{base}/id/adres/100001"]
    assert probe_urls(spec("unknown-item", unknown_id="0"), crawled) == [f"{base}/v2/adressen/0"]


def test_without_items_a_probe_says_why(contexts: ContextSource) -> None:
    empty = Crawl(role="collection", start_urls=("http://v.test/lijst",), rules=RULES)

    assert probe_urls(spec("item"), empty) == (
        "de crawl vond geen bereikbaar item om dit verzoek op te richten"
    )


def test_probes_are_made_once_each_and_recorded_by_name(contexts: ContextSource) -> None:
    register = AdresRegister(addresses=3, page_size=5)
    specs = [spec("item", accept="application/json"), spec("item-id", limit=3)]

    _, probes, recorder, base = crawl_and_probe(register, specs, contexts)

    (json_answer,) = probes["item"].pages
    assert json_answer.fetched.media_type == "application/json"
    assert [page.fetched.url for page in probes["item-id"].pages] == [
        register.item_url(base, index) for index in range(3)
    ]
    probed = [e for e in recorder.exchanges if ": item" in e.name]
    assert sorted({e.name for e in probed}) == sorted(
        [f"collection: item: {register.item_url(base, 0)}"]
        + [f"collection: item-id: {base}/id/adres/{100001 + i}" for i in range(3)]
    )
    # Each @id is asked once; its 303 to the document is a recorded hop of the same request.
    assert sorted(e.status or 0 for e in probed) == [200] * 4 + [303] * 3


def claim_run(probes: dict[str, Probe]) -> ClaimRun:
    suite = load_suites()["adresregister"]
    return ClaimRun(suite=suite, claim=None, artefacts=SuiteArtefacts(), probes=probes)


def test_claim_run_gives_a_probes_pages() -> None:
    probe = Probe(spec("item"), pages=[])
    run = claim_run({"json": probe})

    assert run.probe("json") is probe.pages


def test_probe_of_an_unclaimed_role_is_inapplicable() -> None:
    with pytest.raises(Inapplicable, match="rol 'collection'"):
        claim_run({}).probe("json")


def test_probe_without_target_cannot_be_told() -> None:
    run = claim_run({"json": Probe(spec("item"), missing="geen items")})

    with pytest.raises(CantTell, match="geen items"):
        run.probe("json")


def test_undeclared_probe_or_schema_is_a_suite_error() -> None:
    with pytest.raises(SuiteError):
        claim_run({}).probe("bestaat-niet")
    with pytest.raises(SuiteError):
        claim_run({}).schema("http://v.test/schema.json")
