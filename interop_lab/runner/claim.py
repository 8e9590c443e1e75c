"""Preparing one claim: crawl each claimed endpoint once, read it, validate it once.

Tests only read what this produces: fetch once, validate once, assert many times.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field

from rdflib import Graph

from interop_lab.crawl import Crawl, CrawlBounds, crawl
from interop_lab.model.errors import Inapplicable
from interop_lab.profiles import Claim, VendorProfile
from interop_lab.suites.artefact_set import SuiteArtefacts
from interop_lab.suites.registry import Suite
from interop_lab.transport import Fetcher
from interop_lab.validation import Locator, Validation, validate

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

    def crawl(self, role: str) -> Crawl:
        """The crawl of ``role``; inapplicable when the vendor names no endpoint for it."""
        if role not in self.crawls:
            raise Inapplicable(f"het profiel noemt geen endpoint voor de rol '{role}'")
        return self.crawls[role]


def crawl_bounds(profile: VendorProfile) -> CrawlBounds:
    limits = profile.limits
    default = CrawlBounds()
    return CrawlBounds(
        max_pages=limits.max_pages or default.max_pages,
        max_members=limits.max_members or default.max_members,
    )


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
    run.crawls = asyncio.run(_with_fetcher(fetcher_factory, suite, profile, claim, artefacts))
    pages = [page for crawl_ in run.crawls.values() for page in crawl_.pages]
    run.locator = Locator(pages)
    readable = [p for p in pages if p.payload is not None and p.payload.error is None]
    if artefacts.shapes is not None and readable:
        data = Graph()
        for page in readable:
            for triple in page.payload.graph.triples if page.payload else ():
                data.add(triple)
        data += artefacts.codelists
        run.validation = validate(data, artefacts.shapes, artefacts.constraints)
    return run


async def _with_fetcher(
    factory: FetcherFactory,
    suite: Suite,
    profile: VendorProfile,
    claim: Claim,
    artefacts: SuiteArtefacts,
) -> dict[str, Crawl]:
    async with factory() as fetcher:
        return await _crawl_roles(suite, profile, claim, artefacts, fetcher)
