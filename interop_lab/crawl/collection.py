"""Paged collections: the links a suite declares (next page, items), read from a page's triples.

A REST collection does not speak TREE. Its suite names, as expanded IRIs, the properties that
lead to the next page (e.g. ``hydra:next``, what the Basisregisters context makes of ``volgende``)
and those that lead to an item's own document (e.g. ``iana:self``, from ``detail``).
"""

from __future__ import annotations

from urllib.parse import urljoin

from rdflib import Literal, URIRef
from rdflib.term import Node

from interop_lab.crawl.pages import Link, LinkRules
from interop_lab.payloads.read import Payload


def collection_links(page_url: str, payload: Payload, rules: LinkRules) -> list[Link]:
    """Every next-page and item link of a page, in the order of its triples."""
    links = []
    for subject, predicate, value in payload.graph.triples:
        kind = str(predicate)
        target = _target(page_url, value)
        if target is None or (kind not in rules.next and kind not in rules.items):
            continue
        about = str(subject) if isinstance(subject, URIRef) else None
        links.append(Link(page_url, target, kind, subject=about))
    return links


def _target(page_url: str, value: Node) -> str | None:
    if isinstance(value, URIRef):
        return str(value)
    # The Basisregisters contexts map `detail` and `volgende` without "@type": "@id", so their
    # URLs arrive as string literals; they mean the same link.
    if isinstance(value, Literal) and str(value).strip():
        return urljoin(page_url, str(value).strip())
    return None
