"""The JSON-LD of every resource the service serves, under the server's base URL.

Documents refer to the catalogue's context by its stable public URL (``CONTEXT_URL``): a pinned
lab artefact, also served by the server itself at ``/context.jsonld``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox

from interop_lab.service.snapshot import Card, Snapshot

CONTEXT_URL = "https://w3id.org/interop-lab/catalogus/context.jsonld"
CONTEXT_RESOURCE = "catalogus-context.jsonld"
Document = dict[str, Any]


@cache
def context_text() -> str:
    return (resources.files("interop_lab.service") / CONTEXT_RESOURCE).read_text("utf-8")


def vendor_iri(base: str, key: str) -> str:
    return f"{base}/id/leverancier/{key}"


def product_iri(base: str, key: str) -> str:
    return f"{base}/id/product/{key}"


def release_iri(base: str, key: str) -> str:
    return f"{base}/id/release/{key}"


def card_iri(base: str, key: str) -> str:
    return f"{base}/id/scorecard/{key}"


def vendor_document(snapshot: Snapshot, base: str, key: str) -> Document:
    vendor = snapshot.vendors[key]
    return {
        "@context": CONTEXT_URL,
        "@id": vendor_iri(base, key),
        "@type": "Leverancier",
        "naam": vendor.name,
        "kbo": vendor.kbo,
        "producten": [product_iri(base, product) for product in vendor.products],
    }


def product_document(snapshot: Snapshot, base: str, key: str) -> Document:
    product = snapshot.products[key]
    suites = sorted(
        {snapshot.cards[c].summary.suite for r in product.releases for c in _cards(snapshot, r)}
    )
    return {
        "@context": CONTEXT_URL,
        "@id": product_iri(base, key),
        "@type": "Product",
        "naam": product.name,
        "uitgever": vendor_iri(base, product.vendor),
        "releases": [release_iri(base, release) for release in product.releases],
        "badge": [f"{base}/badge/{key}/{suite}.svg" for suite in suites],
    }


def _cards(snapshot: Snapshot, release: str) -> list[str]:
    return snapshot.releases[release].cards


def release_document(snapshot: Snapshot, base: str, key: str) -> Document:
    release = snapshot.releases[key]
    return {
        "@context": CONTEXT_URL,
        "@id": release_iri(base, key),
        "@type": "Release",
        "versie": release.version,
        "versieVan": product_iri(base, release.product),
        "scorecards": [card_iri(base, card) for card in release.cards],
    }


def card_document(snapshot: Snapshot, base: str, key: str) -> Document:
    card = snapshot.cards[key]
    return {"@context": CONTEXT_URL, **card_summary(card, base)}


def card_summary(card: Card, base: str) -> Document:
    summary = card.summary
    data: Document = {
        "@id": card_iri(base, card.key),
        "@type": "Scorecard",
        "sameAs": summary.iri,
        "release": release_iri(base, card.release),
        "standaard": summary.suite,
        "oordeel": summary.verdict,
        "einde": summary.ended,
        "document": f"{base}/scorecard/{card.key}.jsonld",
    }
    if summary.level:
        data["niveau"] = summary.level
    return data


def index_entries(snapshot: Snapshot, base: str) -> list[Document]:
    """Every resource of the catalogue, in a stable order: vendors, products, releases, cards."""
    kinds = (
        ("Leverancier", vendor_iri, snapshot.vendors, lambda k: snapshot.vendors[k].name),
        ("Product", product_iri, snapshot.products, lambda k: snapshot.products[k].name),
        ("Release", release_iri, snapshot.releases, lambda k: snapshot.releases[k].version),
        ("Scorecard", card_iri, snapshot.cards, lambda k: snapshot.cards[k].summary.suite),
    )
    return [
        {"@id": iri(base, key), "@type": kind, "naam": name(key), "self": iri(base, key)}
        for kind, iri, items, name in kinds
        for key in sorted(items)
    ]


def index_page(snapshot: Snapshot, base: str, page: int, size: int) -> Document | None:
    """Page ``page`` (from 1) of the catalogue as a hydra collection, or None past the end."""
    entries = index_entries(snapshot, base)
    last = max(1, -(-len(entries) // size))
    if not 1 <= page <= last:
        return None
    view: Document = {
        "@id": f"{base}/catalogus?pagina={page}",
        "@type": "Paginaweergave",
        "eerste": f"{base}/catalogus?pagina=1",
    }
    if page < last:
        view["volgende"] = f"{base}/catalogus?pagina={page + 1}"
    if page > 1:
        view["vorige"] = f"{base}/catalogus?pagina={page - 1}"
    return {
        "@context": CONTEXT_URL,
        "@id": f"{base}/catalogus",
        "@type": "Collectie",
        "totaal": len(entries),
        "leden": entries[(page - 1) * size : page * size],
        "weergave": view,
    }


def with_inline_context(document: Document) -> Document:
    return {**document, "@context": json.loads(context_text())["@context"]}


def to_turtle(document: Document) -> bytes:
    """The document as Turtle (read with the inline context: nothing is fetched)."""
    text = json.dumps(with_inline_context(document))
    triples = [quad.triple for quad in ox.parse(text, ox.RdfFormat.JSON_LD)]
    prefixes = {
        "lab": "urn:interop-lab:vocab#",
        "hydra": "http://www.w3.org/ns/hydra/core#",
        "dcterms": "http://purl.org/dc/terms/",
        "prov": "http://www.w3.org/ns/prov#",
        "owl": "http://www.w3.org/2002/07/owl#",
    }
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""
