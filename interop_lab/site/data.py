"""What the site shows, gathered from the catalogue once: plain data the templates render."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from interop_lab.catalogue import (
    STATUS_WORDS,
    USAGE_WORDS,
    Catalogue,
    Register,
    RegisterEntry,
    TrendPoint,
)
from interop_lab.model.scorecard import Scorecard
from interop_lab.reporting.html import VERDICTS

NO_LEVEL = "geen"
ICONS = {"conformant": "✔", "non-conformant": "✘"}


@dataclass(frozen=True, slots=True)
class Cell:
    """One scorecard as a line or a matrix cell: level, verdict, date and its page."""

    suite: str
    standard: str
    vendor: str
    product: str
    release: str
    verdict: str
    level: str | None
    date: str
    mode: str
    href: str  # relative to the site's root folder

    @property
    def verdict_text(self) -> str:
        return VERDICTS.get(self.verdict, self.verdict)

    @property
    def icon(self) -> str:
        return ICONS.get(self.verdict, "⚠")

    @property
    def level_text(self) -> str:
        return self.level or NO_LEVEL

    @property
    def product_href(self) -> str:
        return product_href(self.vendor, self.product)


@dataclass(frozen=True, slots=True)
class ReleaseRow:
    """One release of a product: a row of the matrix, with its latest scorecard per suite."""

    vendor: str
    product: str
    release: str
    product_href: str
    cells: dict[str, Cell]


@dataclass(frozen=True, slots=True)
class Product:
    vendor: str
    product: str
    href: str
    latest: tuple[Cell, ...]
    certified: tuple[Cell, ...]
    history: dict[str, tuple[TrendPoint, ...]]
    municipalities: tuple[str, ...] = ()  # as its newest scorecard names them


@dataclass(frozen=True, slots=True)
class StandardFacts:
    """A tested standard with what the OSLO standards register says of it (None: not found)."""

    suite: str
    title: str  # the suite's title of the standard
    register_title: str  # the register entry the suite names; "" when it names none
    entry: RegisterEntry | None

    @property
    def usage_words(self) -> str:
        return USAGE_WORDS[self.entry.usage][0] if self.entry else ""

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.entry.status][0] if self.entry else ""

    @property
    def organisations(self) -> str:
        return ", ".join(o.name for o in self.entry.organisations) if self.entry else ""


@dataclass
class SiteData:
    standards: dict[str, str] = field(default_factory=dict)  # suite id -> title
    levels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # suite id -> level ids
    cards: dict[str, Scorecard] = field(default_factory=dict)  # iri -> card, the newest first
    cells: list[Cell] = field(default_factory=list)  # latest per release and suite
    rows: list[ReleaseRow] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    register: Register | None = None  # None until `catalogue standards` loaded one
    register_titles: dict[str, str] = field(default_factory=dict)  # suite id -> entry title

    @property
    def standard_facts(self) -> list[StandardFacts]:
        """Every tested standard, by suite id, with its register entry when there is one."""
        return [
            StandardFacts(suite, title, self.register_titles.get(suite, ""), self._entry(suite))
            for suite, title in sorted(self.standards.items())
        ]

    def _entry(self, suite: str) -> RegisterEntry | None:
        title = self.register_titles.get(suite)
        return self.register.find(title) if self.register and title else None

    @property
    def vendors(self) -> list[str]:
        return sorted({cell.vendor for cell in self.cells}, key=str.casefold)

    @property
    def level_ids(self) -> list[str]:
        seen = dict.fromkeys(level for ids in self.levels.values() for level in ids)
        return sorted(seen)


def slug(*parts: str) -> str:
    """A safe file name for vendor data: readable letters and digits plus a short hash."""
    text = " ".join(parts)
    readable = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40].strip("-")
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{readable}-{digest}" if readable else digest


def scorecard_href(iri: str) -> str:
    return f"scorecards/{slug(iri.removeprefix('urn:uuid:'))}.html"


def product_href(vendor: str, product: str) -> str:
    return f"producten/{slug(vendor, product)}.html"


def collect(catalogue: Catalogue) -> SiteData:
    data = SiteData()
    for summary in catalogue.scorecards():  # the most recent first
        card = catalogue.get(summary.iri)
        data.cards[card.iri] = card
        data.standards.setdefault(card.standard.suite, card.standard.title)
        if card.standard.register:
            data.register_titles.setdefault(card.standard.suite, card.standard.register)
        data.levels.setdefault(card.standard.suite, tuple(level.id for level in card.levels))
    rows: dict[tuple[str, str, str], ReleaseRow] = {}
    for card in data.cards.values():
        subject = card.subject
        key = (subject.vendor, subject.product, subject.release)
        row = rows.setdefault(
            key, ReleaseRow(*key, product_href(subject.vendor, subject.product), {})
        )
        if card.standard.suite not in row.cells:
            row.cells[card.standard.suite] = cell_of(card)
    data.rows = sorted(rows.values(), key=lambda r: (r.vendor.casefold(), r.product, r.release))
    data.cells = [cell for row in data.rows for cell in _by_suite(row.cells)]
    products = sorted({(row.vendor, row.product) for row in data.rows}, key=str)
    data.products = [_product(catalogue, data, vendor, name) for vendor, name in products]
    data.register = catalogue.register()
    return data


def cell_of(card: Scorecard) -> Cell:
    return Cell(
        suite=card.standard.suite,
        standard=card.standard.title,
        vendor=card.subject.vendor,
        product=card.subject.product,
        release=card.subject.release,
        verdict=card.verdict,
        level=card.level,
        date=card.run.ended[:10],
        mode=card.mode,
        href=scorecard_href(card.iri),
    )


def _by_suite(cells: dict[str, Cell]) -> list[Cell]:
    return [cells[suite] for suite in sorted(cells)]


def _product(catalogue: Catalogue, data: SiteData, vendor: str, name: str) -> Product:
    history = {
        suite: tuple(points) for suite, points in sorted(catalogue.trend(vendor, name).items())
    }
    latest = []
    certified = []
    for suite in history:
        newest = history[suite][-1]
        if newest.iri in data.cards:
            latest.append(cell_of(data.cards[newest.iri]))
        last = catalogue.last_certified(vendor, name, suite)
        if last is not None and last.iri in data.cards:
            certified.append(cell_of(data.cards[last.iri]))
    # The newest scorecard's profile says who uses the product now (cards are newest first).
    newest_card = next(
        card
        for card in data.cards.values()
        if (card.subject.vendor, card.subject.product) == (vendor, name)
    )
    return Product(
        vendor,
        name,
        product_href(vendor, name),
        tuple(latest),
        tuple(certified),
        history,
        newest_card.subject.municipalities,
    )
