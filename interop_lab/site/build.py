"""Render the site's pages and write them: index, matrix, standards, products, scorecards.

Every page but the scorecards twice from the same templates: in Dutch and, under ``en/``, in
English (``interop_lab.site.words``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from interop_lab.catalogue import Catalogue
from interop_lab.reporting.html import scorecard_to_html
from interop_lab.reporting.text import printable
from interop_lab.site.data import Product, SiteData, collect, scorecard_href
from interop_lab.site.plot import Plot, trend_plot
from interop_lab.site.words import DUTCH, LANGUAGES, Words, other

DEFAULT_SITE = ".interop-lab/site"


def build_site(catalogue: Catalogue, out_dir: Path) -> Path:
    """Write every page under ``out_dir``; returns the index page's path."""
    data = collect(catalogue)
    pages = render_pages(data, _now())
    for relative, html in pages.items():
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return out_dir / "index.html"


def render_pages(data: SiteData, generated: str) -> dict[str, str]:
    """Every page by its path relative to the site's root: Dutch at the root, English in en/."""
    pages: dict[str, str] = {}
    for words in LANGUAGES.values():
        pages[f"{words.folder}index.html"] = render_index(data, generated, words)
        pages[f"{words.folder}vergelijking.html"] = render_matrix(data, generated, words)
        pages[f"{words.folder}standaarden.html"] = render_standards(data, generated, words)
        for product in data.products:
            pages[f"{words.folder}{product.href}"] = render_product(data, product, generated, words)
    for iri, card in data.cards.items():
        # The lab's own report, in Dutch only: the English pages link here and say so.
        # The evidence stays with the run's files; the site does not carry it.
        pages[scorecard_href(iri)] = scorecard_to_html(card, evidence_beside=False)
    return pages


def render_index(data: SiteData, generated: str, words: Words = DUTCH) -> str:
    return _render("index.html.j2", data, generated, words, "index.html")


def render_matrix(data: SiteData, generated: str, words: Words = DUTCH) -> str:
    return _render("matrix.html.j2", data, generated, words, "vergelijking.html")


def render_standards(data: SiteData, generated: str, words: Words = DUTCH) -> str:
    return _render("standards.html.j2", data, generated, words, "standaarden.html")


def render_product(data: SiteData, product: Product, generated: str, words: Words = DUTCH) -> str:
    plots: list[Plot] = [
        trend_plot(suite, data.levels.get(suite, ()), points, words)
        for suite, points in product.history.items()
    ]
    return _render(
        "product.html.j2", data, generated, words, product.href, product=product, plots=plots
    )


def _render(
    name: str, data: SiteData, generated: str, words: Words, path: str, **context: Any
) -> str:
    """``path``: the page's place in its language's folder, the same in every language."""
    root = "../" * path.count("/")  # from the page to its language's folder
    site_root = root + "../" * words.folder.count("/")  # ... and to the site's root
    switch = other(words)
    template = _environment().get_template(name)
    return template.render(
        data=data,
        generated=generated,
        t=words,
        root=root,
        card_root=site_root,  # scorecard pages exist once, in Dutch, under the site's root
        switch=switch,
        switch_href=switch.href(path, site_root),
        alternates=[
            (each.lang, root + path if each is words else each.href(path, site_root))
            for each in LANGUAGES.values()
        ],
        **context,
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.PackageLoader("interop_lab.site", "templates"),
                jinja2.PackageLoader("interop_lab.reporting", "templates"),  # scorecard.css
            ]
        ),
        autoescape=True,  # vendor data is hostile: every value is escaped, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_printable_output,
    )


def _printable_output(value: object) -> object:
    # Markup (a macro's output) is already escaped and cleaned: kept as it is.
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return printable(value)
    return value
