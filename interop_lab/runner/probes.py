"""The extra requests a suite declares (probes), made once after the crawl of their role.

They go through the run's recording fetcher like every crawled page, so they are evidence in the
HAR; tests only read them. Where a probe's target cannot be derived (no items were found), the
probe holds the reason instead of pages, and the tests reading it cannot tell.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from rdflib import URIRef

from interop_lab.crawl import ACCEPT, Crawl, Page, fetch_page
from interop_lab.payloads.jsonld import ContextSource
from interop_lab.suites.manifest import ProbeSpec
from interop_lab.transport import Fetcher


@dataclass(slots=True)
class Probe:
    """The answers to one probe: one page per target URL, or why there was nothing to ask."""

    spec: ProbeSpec
    pages: list[Page] = field(default_factory=list)
    missing: str | None = None


async def run_probes(
    fetcher: Fetcher,
    specs: Sequence[ProbeSpec],
    crawls: Mapping[str, Crawl],
    contexts: ContextSource,
) -> dict[str, Probe]:
    """Every probe whose role was crawled (the others are not applicable to this claim)."""
    wanted = [spec for spec in specs if spec.role in crawls]
    probes = await asyncio.gather(
        *(_run(fetcher, spec, crawls[spec.role], contexts) for spec in wanted)
    )
    return {probe.spec.name: probe for probe in probes}


async def _run(fetcher: Fetcher, spec: ProbeSpec, crawl: Crawl, contexts: ContextSource) -> Probe:
    urls = probe_urls(spec, crawl)
    if isinstance(urls, str):
        return Probe(spec, missing=urls)
    accept = spec.accept if spec.accept is not None else ACCEPT
    pages = await asyncio.gather(
        *(
            fetch_page(
                fetcher,
                url,
                role=crawl.role,
                name=f"{crawl.role}: {spec.name}: {url}",
                contexts=contexts,
                accept=accept,
            )
            for url in urls
        )
    )
    return Probe(spec, pages=list(pages))


def probe_urls(spec: ProbeSpec, crawl: Crawl) -> list[str] | str:
    """The URLs a probe asks for, or (in Dutch) why the crawl gives none."""
    if spec.target == "start":
        return list(crawl.start_urls[:1])
    items = [page for page in crawl.item_pages() if page.fetched.ok]
    if not items:
        return "de crawl vond geen bereikbaar item om dit verzoek op te richten"
    if spec.target == "item":
        return [page.url for page in items[: spec.limit]]
    if spec.target == "unknown-item":
        return [_with_last_segment(items[0].url, spec.unknown_id)]
    ids = [str(m) for page in items for m in page.members if isinstance(m, URIRef)]
    return ids[: spec.limit] or "de items van de collectie hebben geen @id"


def _with_last_segment(url: str, segment: str) -> str:
    parts = urlsplit(url)
    head, _, _ = parts.path.rstrip("/").rpartition("/")
    return urlunsplit(parts._replace(path=f"{head}/{segment}"))
