"""What one URL publishes, for ``interop-lab init`` when there is no OpenAPI document.

One GET through the lab's fetcher, then the answer itself says what it is: ``Link`` headers
(``service-desc``: an OpenAPI document, RFC 8631; ``tree:view``: an event stream's view), and
the body: a ``tree:view`` makes an event stream, ``hydra:member``/``hydra:next`` a paged
collection, other RDF a document, HTML a page. Remote JSON-LD contexts are never fetched, so a
JSON-LD body is judged by its keys, whatever context it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from rdflib import RDF, URIRef

from interop_lab.crawl.crawler import ACCEPT
from interop_lab.payloads.json_text import JsonSyntaxError, parse_json
from interop_lab.payloads.read import JSON_LD, RDFA, read_payload, sniff_syntax
from interop_lab.transport import Fetched, Fetcher

STREAM, COLLECTION, DOCUMENT, PAGE = "stream", "collection", "document", "page"
MAX_TEXT = 64 * 1024
TREE_VIEW = "https://w3id.org/tree#view"
LDES_EVENT_STREAM = URIRef("https://w3id.org/ldes#EventStream")
HYDRA = "http://www.w3.org/ns/hydra/core#"
_LINK = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
_REL = re.compile(r"""rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))""", re.IGNORECASE)
_VIEW_KEYS = {"view", "tree:view", TREE_VIEW}
_COLLECTION_KEYS = {"member", "hydra:member", f"{HYDRA}member", "hydra:next", f"{HYDRA}next"}


@dataclass(frozen=True, slots=True)
class Discovered:
    """What the answer at ``url`` is, or why nothing could be told."""

    url: str
    fetched: Fetched
    kind: str | None  # stream, collection, document, page; None: nothing the lab reads
    service_desc: str | None  # the OpenAPI document the answer links to
    views: tuple[str, ...]  # the event stream's views, from the body or Link headers
    text: str  # the start of the body, for the words it uses


async def discover(fetcher: Fetcher, url: str) -> Discovered:
    """Ask ``url`` once and tell what it publishes."""
    fetched = await fetcher.get(url, name=f"init: {url}", accept=ACCEPT)
    links = link_relations(fetched.header("link") or "", fetched.url)
    service_desc = next((target for rel, target in links if rel == "service-desc"), None)
    linked_views = tuple(target for rel, target in links if rel in ("tree:view", TREE_VIEW))
    if not fetched.ok:
        return Discovered(url, fetched, None, service_desc, linked_views, "")
    kind, views = _body_kind(fetched)
    if linked_views:
        kind = STREAM
    text = fetched.body[:MAX_TEXT].decode("utf-8", "replace")
    return Discovered(url, fetched, kind, service_desc, linked_views + views, text)


def link_relations(header: str, base: str) -> list[tuple[str, str]]:
    """(relation, absolute target) for each relation of each link in a ``Link`` header."""
    found = []
    for target, parameters in _LINK.findall(header):
        for rel in _REL.findall(parameters):
            for name in (rel[0] or rel[1]).split():
                found.append((name.lower() if ":" not in name else name, urljoin(base, target)))
    return found


def _body_kind(fetched: Fetched) -> tuple[str | None, tuple[str, ...]]:
    syntax = sniff_syntax(fetched.media_type, fetched.body)
    if syntax == RDFA:
        return PAGE, ()
    if syntax == JSON_LD:
        return _json_kind(fetched.body)
    payload = read_payload(
        fetched.body, url=fetched.url, media_type=fetched.media_type, contexts=lambda _: None
    )
    if payload.error is not None:
        return None, ()
    triples = payload.graph.triples
    views = tuple(str(o) for _, p, o in triples if str(p) == TREE_VIEW)
    if views or any(p == RDF.type and o == LDES_EVENT_STREAM for _, p, o in triples):
        return STREAM, views
    if any(
        str(p).startswith(HYDRA) and str(p)[len(HYDRA) :] in ("member", "next")
        for _, p, _ in triples
    ):
        return COLLECTION, ()
    return (DOCUMENT if triples else None), ()


def _json_kind(body: bytes) -> tuple[str | None, tuple[str, ...]]:
    try:
        data, _ = parse_json(body)
    except JsonSyntaxError:
        return None, ()
    nodes = [node for node in _top_nodes(data) if isinstance(node, dict)]
    views = tuple(_ids(node[key]) for node in nodes for key in node if key in _VIEW_KEYS)
    if views:
        return STREAM, tuple(view for view in views if view)
    if any(key in _COLLECTION_KEYS for node in nodes for key in node):
        return COLLECTION, ()
    return (DOCUMENT if any("@context" in node for node in nodes) else None), ()


def _top_nodes(data: Any) -> list[Any]:
    nodes = data if isinstance(data, list) else [data]
    graphs = [node["@graph"] for node in nodes if isinstance(node, dict) and "@graph" in node]
    return nodes + [node for graph in graphs if isinstance(graph, list) for node in graph]


def _ids(value: Any) -> str:
    first = value[0] if isinstance(value, list) and value else value
    if isinstance(first, dict):
        first = first.get("@id", "")
    return first if isinstance(first, str) else ""
