"""The catalogue as a ``Site``: IRIs per resource with content negotiation, the index, badges,
SPARQL, and caching headers. Errors are RFC 9457 problem+json."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from http import HTTPStatus

from interop_lab.catalogue import vocabulary_turtle
from interop_lab.reference.site import SiteRequest, SiteResponse, problem
from interop_lab.service import documents, negotiate
from interop_lab.service.render import badge_svg, html_page
from interop_lab.service.snapshot import Snapshot
from interop_lab.service.sparql import QueryRefusedError, run_query

CACHE_CONTROL = "public, max-age=60"
PAGE_SIZE = 50
VOCABULARY_PATH = "/vocab"
Builder = Callable[[Snapshot, str, str], documents.Document]
RESOURCES: dict[str, tuple[str, Builder]] = {
    "/id/leverancier/": ("vendors", documents.vendor_document),
    "/id/product/": ("products", documents.product_document),
    "/id/release/": ("releases", documents.release_document),
    "/id/scorecard/": ("cards", documents.card_document),
}


class CatalogueSite:
    def __init__(self, snapshot: Snapshot, *, page_size: int = PAGE_SIZE) -> None:
        self.snapshot = snapshot
        self.page_size = page_size

    def answer(self, request: SiteRequest) -> SiteResponse:
        path, base = request.path, request.base_url
        if path == "/sparql":
            return self._sparql(request)
        if request.method not in ("GET", "HEAD"):
            return problem(HTTPStatus.METHOD_NOT_ALLOWED, "alleen GET en HEAD (en POST op /sparql)")
        if path in ("/", "/catalogus"):
            return self._index(request)
        if path == "/context.jsonld":
            return self._ok(documents.context_text().encode(), negotiate.JSONLD)
        if path == VOCABULARY_PATH:
            # The lab: namespace is a URN, which nothing dereferences: its definition lives here.
            return self._ok(vocabulary_turtle().encode(), negotiate.TURTLE)
        if path.startswith("/badge/") and path.endswith(".svg"):
            return self._badge(path.removeprefix("/badge/").removesuffix(".svg"))
        if path.startswith("/scorecard/") and path.endswith(".jsonld"):
            card = self.snapshot.cards.get(path.removeprefix("/scorecard/").removesuffix(".jsonld"))
            if card is not None:
                return self._ok(card.document.encode(), negotiate.JSONLD)
        for prefix, (table, build) in RESOURCES.items():
            key = path.removeprefix(prefix)
            if path.startswith(prefix) and key in getattr(self.snapshot, table):
                return self._negotiated(request, build(self.snapshot, base, key))
        return problem(HTTPStatus.NOT_FOUND, f"{path} is niet bekend in de catalogus")

    def _index(self, request: SiteRequest) -> SiteResponse:
        try:
            page = int(request.query.get("pagina", ["1"])[0])
        except ValueError:
            return problem(HTTPStatus.BAD_REQUEST, "pagina moet een geheel getal zijn")
        document = documents.index_page(self.snapshot, request.base_url, page, self.page_size)
        if document is None:
            return problem(HTTPStatus.NOT_FOUND, f"de catalogus heeft geen pagina {page}")
        return self._negotiated(request, document)

    def _negotiated(self, request: SiteRequest, document: documents.Document) -> SiteResponse:
        media = negotiate.choose(_header(request, "Accept"))
        if media is None:
            offered = ", ".join(negotiate.OFFERED)
            return problem(HTTPStatus.NOT_ACCEPTABLE, f"beschikbare mediatypes: {offered}")
        if media == negotiate.TURTLE:
            body = documents.to_turtle(document)
        elif media == negotiate.HTML:
            body = html_page(document)
        else:
            body = json.dumps(document, ensure_ascii=False, indent=2).encode()
        return self._ok(body, media, vary=True)

    def _badge(self, name: str) -> SiteResponse:
        product, _, suite = name.rpartition("/")
        if product not in self.snapshot.products:
            return problem(HTTPStatus.NOT_FOUND, f"geen product {product} in de catalogus")
        card = self.snapshot.latest(product, suite)
        svg = badge_svg(self.snapshot.products[product].name, suite, card)
        return self._ok(svg, "image/svg+xml")

    def _sparql(self, request: SiteRequest) -> SiteResponse:
        kind = _header(request, "Content-Type").split(";")[0].strip().lower()
        if request.method == "POST" and kind == "application/sparql-update":
            return problem(HTTPStatus.FORBIDDEN, "dit SPARQL-eindpunt is alleen-lezen")
        if request.method not in ("GET", "HEAD", "POST"):
            return problem(HTTPStatus.METHOD_NOT_ALLOWED, "gebruik GET of POST")
        if "update" in request.query:
            return problem(HTTPStatus.FORBIDDEN, "dit SPARQL-eindpunt is alleen-lezen")
        text = request.query.get("query", [""])[0]
        if not text:
            return problem(HTTPStatus.BAD_REQUEST, "geef een SPARQL-query (?query=...)")
        try:
            body, media = run_query(self.snapshot.store, text)
        except QueryRefusedError as error:
            return problem(HTTPStatus.FORBIDDEN, str(error))
        except SyntaxError as error:
            return problem(HTTPStatus.BAD_REQUEST, f"ongeldige SPARQL-query: {error}")
        return SiteResponse(200, body, {"Content-Type": media, "Cache-Control": "no-store"})

    def _ok(self, body: bytes, media: str, *, vary: bool = False) -> SiteResponse:
        digest = hashlib.sha256(self.snapshot.version.encode() + body).hexdigest()[:20]
        headers = {
            "Content-Type": media if media != "text/html" else "text/html; charset=utf-8",
            "ETag": f'"{digest}"',
            "Cache-Control": CACHE_CONTROL,
        }
        if vary:
            headers["Vary"] = "Accept"
        return SiteResponse(200, body, headers)


def _header(request: SiteRequest, name: str) -> str:
    wanted = name.lower()
    return next((v for k, v in request.headers.items() if k.lower() == wanted), "")
