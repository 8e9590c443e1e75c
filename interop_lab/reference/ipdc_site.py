"""How the IPDC reference feed answers HTTP: its pages, with the transport defects switched on."""

from __future__ import annotations

import hashlib
import json
from http import HTTPStatus
from typing import TYPE_CHECKING

from interop_lab.reference.defects import page_failure, served_content_type
from interop_lab.reference.site import SiteRequest, SiteResponse, problem

if TYPE_CHECKING:  # the feed imports this module to answer requests
    from interop_lab.reference.ipdc_feed import IpdcFeed

FEED_PATH = "/ldes/instancesnapshot"
_IMMUTABLE = "public, max-age=604800, immutable"
# The last page still grows (new members, a new relation), so caches must come back soon.
_GROWING = "public, max-age=60"
_FAILURE_STATUS = {"page-404": HTTPStatus.NOT_FOUND, "page-500": HTTPStatus.INTERNAL_SERVER_ERROR}


def answer(feed: IpdcFeed, request: SiteRequest) -> SiteResponse:
    index = _page_index(feed, request)
    if index is None:
        return problem(HTTPStatus.NOT_FOUND, f"no such resource: {request.path}")
    failure = page_failure(feed.defects, index)
    if failure == "never-answers":
        return SiteResponse(status=0, hang=True)
    if failure in _FAILURE_STATUS:
        return problem(_FAILURE_STATUS[failure], f"page {index} is not available")
    body = json.dumps(feed.page(index, request.base_url), ensure_ascii=False).encode()
    if failure == "invalid-json":
        body = body[: len(body) // 2]
    last = index == feed.page_count() - 1
    headers = {
        "ETag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        "Cache-Control": _GROWING if last else _IMMUTABLE,
        "Content-Type": served_content_type(feed.defects),
    }
    return SiteResponse(status=int(HTTPStatus.OK), body=body, headers=headers)


def _page_index(feed: IpdcFeed, request: SiteRequest) -> int | None:
    """The page a request asks for, or None when it names nothing this feed has."""
    if request.path != FEED_PATH:
        return None
    numbers = request.query.get("pageNumber", ["0"])
    if len(numbers) != 1 or not numbers[0].isdigit():
        return None
    index = int(numbers[0])
    return index if index < feed.page_count() else None
