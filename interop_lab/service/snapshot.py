"""What the service serves: a read-only copy of the catalogue, taken when the server starts.

The copy is an in-memory pyoxigraph store (the SPARQL endpoint can never change the catalogue,
and the embedded catalogue's lock is released at once, so runs can keep writing to it), plus the
vendors, products, releases and scorecards under the slugs of their HTTP IRIs.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field

import pyoxigraph as ox

from interop_lab.catalogue import Catalogue, ScorecardSummary
from interop_lab.model.ids import slug


@dataclass(slots=True)
class Vendor:
    key: str
    name: str
    kbo: str
    products: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Product:
    key: str  # "<vendor slug>/<product slug>"
    vendor: str
    name: str
    releases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Release:
    key: str  # "<vendor slug>/<product slug>/<release slug>"
    product: str
    version: str
    cards: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Card:
    key: str  # the uuid of urn:uuid:...
    summary: ScorecardSummary
    release: str
    document: str  # the scorecard's JSON-LD text as stored


@dataclass(slots=True)
class Snapshot:
    store: ox.Store
    version: str  # changes whenever the catalogue's content does (part of every ETag)
    vendors: dict[str, Vendor] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    releases: dict[str, Release] = field(default_factory=dict)
    cards: dict[str, Card] = field(default_factory=dict)

    def latest(self, product: str, suite: str) -> Card | None:
        """The product's most recent scorecard of the suite, over all its releases."""
        cards = [
            self.cards[key]
            for release in self.products[product].releases
            for key in self.releases[release].cards
            if self.cards[key].summary.suite == suite
        ]
        return max(cards, key=lambda card: card.summary.ended, default=None)


def card_key(iri: str) -> str:
    return slug(iri.removeprefix("urn:uuid:"))


def take_snapshot(catalogue: Catalogue) -> Snapshot:
    dump = io.BytesIO()
    catalogue.export(dump)
    store = ox.Store()
    store.load(dump.getvalue(), ox.RdfFormat.N_QUADS)
    snapshot = Snapshot(store, hashlib.sha256(dump.getvalue()).hexdigest()[:16])
    for summary in reversed(catalogue.scorecards()):  # the oldest first
        document = catalogue.document(summary.iri)
        kbo = str(json.loads(document).get("subject", {}).get("kbo", ""))
        _add(snapshot, summary, kbo, document)
    return snapshot


def _add(snapshot: Snapshot, summary: ScorecardSummary, kbo: str, document: str) -> None:
    vendor_key = slug(summary.vendor)
    product_key = f"{vendor_key}/{slug(summary.product)}"
    release_key = f"{product_key}/{slug(summary.release)}"
    vendor = snapshot.vendors.setdefault(vendor_key, Vendor(vendor_key, summary.vendor, kbo))
    if product_key not in snapshot.products:
        snapshot.products[product_key] = Product(product_key, vendor_key, summary.product)
        vendor.products.append(product_key)
    product = snapshot.products[product_key]
    if release_key not in snapshot.releases:
        snapshot.releases[release_key] = Release(release_key, product_key, summary.release)
        product.releases.append(release_key)
    key = card_key(summary.iri)
    snapshot.releases[release_key].cards.append(key)
    snapshot.cards[key] = Card(key, summary, release_key, document)
