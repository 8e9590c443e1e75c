"""How the reference address register answers HTTP: content negotiation, redirects from @id,
problem+json errors, and the defect switches that change them."""

from __future__ import annotations

import hashlib
import json
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from interop_lab.reference.adres_defects import page_failure
from interop_lab.reference.site import SiteRequest, SiteResponse, problem

if TYPE_CHECKING:  # the register imports this module to answer requests
    from interop_lab.reference.adres_register import AdresRegister

LIST_PATH = "/v2/adressen"
DETAIL_PATH = LIST_PATH + "/"
ID_PATH = "/id/adres/"
JSON_LD = "application/ld+json"
JSON = "application/json"
# An address changes rarely; a day is what the Basisregisters API allows caches too.
_CACHE = "public, max-age=86400"
_FAILURE_STATUS = {"page-404": HTTPStatus.NOT_FOUND, "page-500": HTTPStatus.INTERNAL_SERVER_ERROR}
_CONTEXT_LINK = '<{}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"'


def answer(register: AdresRegister, request: SiteRequest) -> SiteResponse:
    if request.path.startswith(ID_PATH):
        return _see_detail(register, request)
    if request.path != LIST_PATH and not request.path.startswith(DETAIL_PATH):
        return problem(HTTPStatus.NOT_FOUND, f"onbekende bron: {request.path}")
    media_type = negotiate(_header(request, "accept"), register.defects)
    if media_type is None:
        return problem(HTTPStatus.NOT_ACCEPTABLE, f"biedt enkel {JSON_LD} en {JSON} aan")
    if request.path == LIST_PATH:
        return _list_page(register, request, media_type)
    return _item(register, request, media_type)


def negotiate(accept: str, defects: frozenset[str]) -> str | None:
    """The media type to answer with for ``accept``; None when none is acceptable (406)."""
    if "no-negotiation" in defects or not accept.strip():
        return JSON_LD
    ranges = [_media_range(part) for part in accept.split(",") if part.strip()]
    best = max((JSON_LD, JSON), key=lambda offer: _quality(offer, ranges))
    return best if _quality(best, ranges) > 0 else None


def _media_range(part: str) -> tuple[str, float]:
    media, *parameters = (piece.strip() for piece in part.split(";"))
    quality = 1.0
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                quality = 0.0
    return media.lower(), quality


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching ``offer`` (RFC 9110 section 12.5.1)."""
    kind = offer.split("/")[0]
    for wanted in (offer, f"{kind}/*", "*/*"):
        matches = [quality for media, quality in ranges if media == wanted]
        if matches:
            return max(matches)
    return 0.0


def _list_page(register: AdresRegister, request: SiteRequest, media_type: str) -> SiteResponse:
    offsets = request.query.get("offset", ["0"])
    offset = int(offsets[0]) if len(offsets) == 1 and offsets[0].isdigit() else -1
    index, rest = divmod(offset, register.page_size)
    if offset < 0 or rest or index >= register.page_count():
        return problem(HTTPStatus.NOT_FOUND, f"geen lijstpagina met offset {offsets[0]}")
    failure = page_failure(register.defects, index)
    if failure == "never-answers":
        return SiteResponse(status=0, hang=True)
    if failure in _FAILURE_STATUS:
        return problem(_FAILURE_STATUS[failure], f"lijstpagina {index} is niet beschikbaar")
    return _document(register, register.list_page(index, request.base_url), media_type)


def _item(register: AdresRegister, request: SiteRequest, media_type: str) -> SiteResponse:
    local_id = request.path.removeprefix(DETAIL_PATH)
    index = register.index_of(local_id)
    if index is None:
        return _unknown(register, local_id)
    return _document(register, register.item(index, request.base_url), media_type)


def _see_detail(register: AdresRegister, request: SiteRequest) -> SiteResponse:
    local_id = request.path.removeprefix(ID_PATH)
    index = register.index_of(local_id)
    if index is None or "id-not-dereferenceable" in register.defects:
        return _unknown(register, local_id)
    location = register.item_url(request.base_url, index)
    return SiteResponse(status=int(HTTPStatus.SEE_OTHER), headers={"Location": location})


def _unknown(register: AdresRegister, local_id: str) -> SiteResponse:
    if "plain-404" in register.defects:
        body = b"<html><body><h1>Niet gevonden</h1></body></html>"
        headers = {"Content-Type": "text/html; charset=utf-8"}
        return SiteResponse(status=int(HTTPStatus.NOT_FOUND), body=body, headers=headers)
    return problem(HTTPStatus.NOT_FOUND, f"onbekend adres: {local_id}")


def _document(register: AdresRegister, document: dict[str, Any], media_type: str) -> SiteResponse:
    headers = {"Cache-Control": _CACHE, "Vary": "Accept", "Content-Type": media_type}
    if media_type == JSON:
        # Plain JSON: the same keys, with the context named in a Link header (JSON-LD 1.1 6.1).
        headers["Link"] = _CONTEXT_LINK.format(document.pop("@context"))
    if "wrong-content-type" in register.defects:
        headers["Content-Type"] = "text/plain; charset=utf-8"
    body = json.dumps(document, ensure_ascii=False).encode()
    headers["ETag"] = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return SiteResponse(status=int(HTTPStatus.OK), body=body, headers=headers)


def _header(request: SiteRequest, name: str) -> str:
    return next((v for k, v in request.headers.items() if k.lower() == name), "")
