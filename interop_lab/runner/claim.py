"""Preparing one claim: crawl each claimed endpoint once, make the suite's probes once, read
them, validate once.

Tests only read what this produces: fetch once, validate once, assert many times.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from rdflib import Graph

from interop_lab.artefacts.pins import SCHEMA
from interop_lab.crawl import Crawl, CrawlBounds, LinkRules, Page, crawl
from interop_lab.model.collector import collector_paused
from interop_lab.model.errors import CantTell, Inapplicable, SuiteError
from interop_lab.profiles import Claim, VendorProfile
from interop_lab.runner.probes import Probe, run_probes
from interop_lab.suites.artefact_set import SuiteArtefacts
from interop_lab.suites.registry import Suite
from interop_lab.transport import Fetcher
from interop_lab.validation import Locator, Validation, validate
from interop_lab.validation.engine import supported, validate_fast

FetcherFactory = Callable[[], AbstractAsyncContextManager[Fetcher]]


@dataclass(slots=True)
class ClaimRun:
    """Everything the tests of one suite read about one vendor's claim."""

    suite: Suite
    claim: Claim | None
    artefacts: SuiteArtefacts
    crawls: dict[str, Crawl] = field(default_factory=dict)
    validation: Validation | None = None
    locator: Locator = field(default_factory=lambda: Locator([]))
    probes: dict[str, Probe] = field(default_factory=dict)

    def crawl(self, role: str) -> Crawl:
        """The crawl of ``role``; inapplicable when the vendor names no endpoint for it."""
        if role not in self.crawls:
            raise Inapplicable(f"het profiel noemt geen endpoint voor de rol '{role}'")
        return self.crawls[role]

    def everything(self) -> Crawl:
        """Every page of every claimed role, as one crawl: for checks on all documents alike."""
        if not self.crawls:
            raise Inapplicable("het profiel noemt geen enkel endpoint voor deze standaard")
        crawls = list(self.crawls.values())
        return Crawl(
            role="*",
            start_urls=tuple(url for crawl in crawls for url in crawl.start_urls),
            pages=[page for crawl in crawls for page in crawl.pages],
        )

    def probe(self, name: str) -> list[Page]:
        """The answers to the suite's probe ``name``; inapplicable when its role is unclaimed."""
        spec = next((p for p in self.suite.manifest.probes if p.name == name), None)
        if spec is None:
            raise SuiteError(f"suite {self.suite.id} declares no probe '{name}'")
        if name not in self.probes:
            raise Inapplicable(f"het profiel noemt geen endpoint voor de rol '{spec.role}'")
        probe = self.probes[name]
        if probe.missing is not None:
            raise CantTell(probe.missing)
        return probe.pages

    def schema(self, url: str) -> Any:
        """The pinned JSON Schema published at ``url``, parsed."""
        artefact = next(
            (a for a in self.artefacts.used if a.pin.url == url and a.pin.role == SCHEMA), None
        )
        if artefact is None:
            raise SuiteError(f"suite {self.suite.id} pins no JSON Schema {url}")
        return json.loads(artefact.data)


def crawl_bounds(profile: VendorProfile) -> CrawlBounds:
    limits = profile.limits
    default = CrawlBounds()
    return CrawlBounds(
        max_pages=limits.max_pages or default.max_pages,
        max_members=limits.max_members or default.max_members,
    )


def link_rules(suite: Suite, role: str) -> LinkRules | None:
    """The collection links the suite declares for ``role``; None means TREE relations."""
    spec = suite.manifest.roles.links.get(role)
    if spec is None:
        return None
    return LinkRules(next=frozenset(spec.next), items=frozenset(spec.items))


async def _crawl_roles(
    suite: Suite, profile: VendorProfile, claim: Claim, artefacts: SuiteArtefacts, fetcher: Fetcher
) -> dict[str, Crawl]:
    roles = [role for role in claim.endpoints if profile.endpoint_urls(claim, role)]
    crawls = await asyncio.gather(
        *(
            crawl(
                fetcher,
                role=role,
                start_urls=profile.endpoint_urls(claim, role),
                contexts=artefacts.context,
                allowed_hosts=profile.allowed_hosts(),
                bounds=crawl_bounds(profile),
                follow=role in suite.manifest.roles.follow,
                links=link_rules(suite, role),
            )
            for role in roles
        )
    )
    return dict(zip(roles, crawls, strict=True))


def prepare_claim(
    suite: Suite,
    profile: VendorProfile,
    artefacts: SuiteArtefacts,
    fetcher_factory: FetcherFactory,
) -> ClaimRun:
    claim = profile.claim_for(suite.id)
    run = ClaimRun(suite=suite, claim=claim, artefacts=artefacts)
    if claim is None:
        return run
    with collector_paused():
        asyncio.run(_with_fetcher(fetcher_factory, suite, profile, claim, artefacts, run))
    pages = [page for crawl_ in run.crawls.values() for page in crawl_.pages]
    run.locator = Locator(_items_first(run.crawls))
    readable = [p for p in pages if p.payload is not None and p.payload.error is None]
    if artefacts.shape_sets and readable:
        run.validation = _validate(readable, artefacts)
    return run


def _items_first(crawls: dict[str, Crawl]) -> list[Page]:
    """A node's home is the first page that mentions it: an item's own document, not its list."""
    items = [page for crawl_ in crawls.values() for page in crawl_.item_pages()]
    listed = {id(page) for page in items}
    return items + [p for c in crawls.values() for p in c.pages if id(p) not in listed]


def _validate(readable: list[Page], artefacts: SuiteArtefacts) -> Validation:
    """One validation per shape set, over the data of the roles it covers: the lab's SHACL
    engine when it implements every feature of the shapes (its results are pySHACL's, see
    tests/validation/test_engine_differential.py), else pySHACL itself."""
    validation = Validation()
    for shape_set in artefacts.shape_sets:
        pages = [p for p in readable if shape_set.covers(p.role) and p.payload is not None]
        shapes = {s for s, _, _ in shape_set.graph}
        constraints = [c for c in artefacts.constraints if c.node_shape in shapes]
        if supported(shape_set.graph) is None:
            triples = chain(
                (t for page in pages if page.payload for t in page.payload.graph.triples),
                artefacts.codelists,
            )
            validation.merge(validate_fast(triples, shape_set.graph, constraints))
            continue
        data = Graph()
        for page in pages:
            for triple in page.payload.graph.triples if page.payload else ():
                data.add(triple)
        data += artefacts.codelists
        validation.merge(validate(data, shape_set.graph, constraints))
    return validation


async def _with_fetcher(
    factory: FetcherFactory,
    suite: Suite,
    profile: VendorProfile,
    claim: Claim,
    artefacts: SuiteArtefacts,
    run: ClaimRun,
) -> None:
    # The crawl goes into ``run``, not into the coroutine's result: Python 3.11's asyncio.run
    # formats the main task (and so a finished task's result, the whole crawl) when it
    # restores the Ctrl-C handler; 10,000 members cost seconds and hundreds of MB there.
    async with factory() as fetcher:
        run.crawls = await _crawl_roles(suite, profile, claim, artefacts, fetcher)
        run.probes = await run_probes(fetcher, suite.manifest.probes, run.crawls, artefacts.context)
