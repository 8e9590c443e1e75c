"""Render the site's pages and write them: index, matrix, one page per product, scorecards."""

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
    """Every page by its path relative to the site's root."""
    pages = {
        "index.html": render_index(data, generated),
        "vergelijking.html": render_matrix(data, generated),
    }
    for product in data.products:
        pages[product.href] = render_product(data, product, generated)
    for iri, card in data.cards.items():
        # The evidence stays with the run's files; the site does not carry it.
        pages[scorecard_href(iri)] = scorecard_to_html(card, evidence_beside=False)
    return pages


def render_index(data: SiteData, generated: str) -> str:
    return _render("index.html.j2", data, generated, root="")


def render_matrix(data: SiteData, generated: str) -> str:
    return _render("matrix.html.j2", data, generated, root="")


def render_product(data: SiteData, product: Product, generated: str) -> str:
    plots: list[Plot] = [
        trend_plot(suite, data.levels.get(suite, ()), points)
        for suite, points in product.history.items()
    ]
    return _render("product.html.j2", data, generated, root="../", product=product, plots=plots)


def _render(name: str, data: SiteData, generated: str, root: str, **context: Any) -> str:
    template = _environment().get_template(name)
    return template.render(data=data, generated=generated, root=root, **context)


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
