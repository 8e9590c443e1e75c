"""Where ``interop-lab init`` finds endpoints: an OpenAPI document (file or URL) or a base URL.

Every fetch goes through the lab's one HTTP client (``transport``), with its default limits.
A base URL that links its OpenAPI document (``Link: <...>; rel="service-desc"``) is read as that
document; otherwise its own answer says what it is (see ``crawl.discover``).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from interop_lab.crawl.discover import Discovered, discover
from interop_lab.model.errors import UsageError
from interop_lab.profiles.openapi import ApiDocument, OpenApiError, parse_openapi
from interop_lab.profiles.proposal import Candidate, candidates_of, path_words
from interop_lab.transport import Fetched, Limits, Recorder, fetch_once, open_fetcher

SPEC_ACCEPT = (
    "application/vnd.oai.openapi+json, application/json, application/vnd.oai.openapi, "
    "application/yaml, text/yaml;q=0.9, */*;q=0.1"
)
_ROLES_BY_KIND = {
    "stream": frozenset({"feed"}),
    "collection": frozenset({"collection"}),
    "document": frozenset({"documents"}),
    "page": frozenset({"pages"}),
}


@dataclass(frozen=True, slots=True)
class Found:
    """The candidates found, the profile's base URL, and the OpenAPI document when there was one."""

    source: str
    base_url: str
    candidates: list[Candidate]
    api: ApiDocument | None


def explore(openapi: str | None, base_url: str | None) -> Found:
    if openapi:
        text, location = read_spec(openapi)
        return from_openapi(openapi, text, location, base_url)
    assert base_url is not None  # the command asks for one of the two
    return from_base_url(base_url)


def read_spec(where: str) -> tuple[str, str | None]:
    """The document's text and, when fetched, its URL (relative servers resolve against it)."""
    if urlsplit(where).scheme in ("http", "https"):
        fetched = fetch_once(where, name="init: openapi", limits=Limits(), accept=SPEC_ACCEPT)
        if not fetched.ok:
            raise UsageError(f"{where}: cannot fetch the OpenAPI document: {_problem(fetched)}")
        return fetched.body.decode("utf-8", "replace"), fetched.url
    try:
        return Path(where).read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{where}: cannot read the OpenAPI document: {error}") from None


def from_openapi(source: str, text: str, location: str | None, base_url: str | None) -> Found:
    try:
        api = parse_openapi(text)
    except OpenApiError as error:
        raise UsageError(f"{source}: {error}") from None
    base = api_base(source, api.server, location, base_url)
    label = f"{api.title or source} {api.api_version} (OpenAPI {api.version})"
    return Found(label, base, candidates_of(api), api)


def api_base(source: str, server: str, location: str | None, base_url: str | None) -> str:
    """--base-url replaces an absolute server URL; a relative one resolves against it (or
    against the document's own URL), as OpenAPI says."""
    if urlsplit(server).scheme and not base_url:
        return server.rstrip("/")
    anchor = base_url or location
    if anchor is None:
        raise UsageError(f"{source}: the document names no absolute server URL; give --base-url")
    if urlsplit(server).scheme or not server.strip("/"):
        return anchor.rstrip("/") if base_url else _origin(anchor)
    return urljoin(anchor, server).rstrip("/")


def from_base_url(base_url: str) -> Found:
    found = asyncio.run(_discover(base_url))
    if found.service_desc is not None:
        text, location = read_spec(found.service_desc)
        return from_openapi(found.service_desc, text, location, _origin(found.fetched.url))
    if not found.fetched.ok:
        raise UsageError(f"{base_url}: cannot explore it: {_problem(found.fetched)}")
    parts = urlsplit(found.fetched.url)
    media_type = found.fetched.media_type or ""
    candidate = Candidate(
        path=(parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
        origin=f"{found.fetched.url} ({media_type or 'no Content-Type'}: {found.kind or '?'})",
        media_types=(media_type,),
        words=path_words(parts.path),
        item=False,
        text=found.text,
        shows=_ROLES_BY_KIND.get(found.kind or "", frozenset()),
    )
    return Found(base_url, _origin(found.fetched.url), [candidate], None)


async def _discover(url: str) -> Discovered:
    async with open_fetcher(limits=Limits(), recorder=Recorder()) as fetcher:
        return await discover(fetcher, url)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _problem(fetched: Fetched) -> str:
    return fetched.error.message if fetched.error is not None else f"HTTP {fetched.status}"
