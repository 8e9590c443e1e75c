"""Human-facing answers: a small Dutch HTML page per resource, and an SVG badge per standard."""

from __future__ import annotations

from html import escape
from typing import Any

from interop_lab.service.snapshot import Card

LABELS = {
    "naam": "Naam",
    "kbo": "KBO-nummer",
    "versie": "Versie",
    "standaard": "Standaard",
    "oordeel": "Oordeel",
    "niveau": "Niveau",
    "einde": "Getest op",
    "totaal": "Aantal",
}
VERDICTS = {"conformant": "conform", "non-conformant": "niet conform", "error": "fout in het lab"}
COLOURS = {"conformant": "#2e7d32", "non-conformant": "#c62828", "error": "#6d6d6d"}


def html_page(document: dict[str, Any]) -> bytes:
    """The JSON-LD document as a readable page; links stay links."""
    title = str(document.get("naam") or document.get("@type") or "Catalogus")
    rows = "".join(
        f"<tr><th>{escape(LABELS.get(key, key))}</th><td>{_value(value)}</td></tr>"
        for key, value in document.items()
        if not key.startswith("@")
    )
    body = (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{escape(title)} - interop-lab catalogus</title></head><body>"
        f"<h1>{escape(str(document.get('@type', '')))}: {escape(title)}</h1>"
        f'<p>Identificator: <a href="{escape(str(document.get("@id", "")))}">'
        f"{escape(str(document.get('@id', '')))}</a></p>"
        f"<table>{rows}</table>"
        "<p>Ook beschikbaar als JSON-LD (application/ld+json) en Turtle (text/turtle).</p>"
        "</body></html>\n"
    )
    return body.encode()


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "<ul>" + "".join(f"<li>{_value(item)}</li>" for item in value) + "</ul>"
    if isinstance(value, dict):
        iri = escape(str(value.get("@id", "")))
        return f'<a href="{iri}">{escape(str(value.get("naam") or iri))}</a>'
    text = str(value)
    if text.startswith(("http://", "https://")):
        return f'<a href="{escape(text)}">{escape(text)}</a>'
    return escape(VERDICTS.get(text, text))


def badge_svg(product: str, suite: str, card: Card | None) -> bytes:
    """A badge: the standard on the left, the level (or verdict) and the test date on the right."""
    if card is None:
        status, colour, date = "niet getest", COLOURS["error"], ""
    else:
        summary = card.summary
        verdict = VERDICTS.get(summary.verdict, summary.verdict)
        status = f"niveau {summary.level}" if summary.level else verdict
        colour = COLOURS.get(summary.verdict, COLOURS["error"])
        date = summary.ended[:10]
    right = f"{status} ({date})" if date else status
    left_width, right_width = 8 * len(suite) + 12, 7 * len(right) + 12
    width = left_width + right_width
    title = f"{product}: {suite}: {right}"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-labelledby="titel"><title id="titel">{escape(title)}</title>'
        f'<rect width="{left_width}" height="20" fill="#555"/>'
        f'<rect x="{left_width}" width="{right_width}" height="20" fill="{colour}"/>'
        '<g fill="#fff" font-family="Verdana,sans-serif" font-size="11">'
        f'<text x="6" y="14">{escape(suite)}</text>'
        f'<text x="{left_width + 6}" y="14">{escape(right)}</text></g></svg>\n'
    )
    return svg.encode()
