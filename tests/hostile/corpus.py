"""The hostile corpus: each case a body (or a feed) a vendor could serve, the suite and role that
read it, and the words the failed assertion must name.

Big bodies are streamed in chunks or built from a few repeated pieces, so the server costs little
time and memory; the lab, not the test, is what must stay within bounds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from interop_lab.reference import IpdcFeed
from interop_lab.reference.ipdc_site import FEED_PATH
from tests.hostile.server import HostileServer, Reply

MIB = 1024 * 1024
FEED_CONTEXTS = [
    "https://raw.githubusercontent.com/Informatievlaanderen/ipdc-lpdc/main/jsonld/ipdc-lpdc-im.jsonld",
    "https://raw.githubusercontent.com/Informatievlaanderen/ipdc-lpdc/main/jsonld/ldes.jsonld",
]
CONTEXT_PATH = "/ctx/"
ELSEWHERE_PATH = "/elders/"
PAGE_PATH = "/zitting/notulen.html"
DEADLINE_S = 30.0  # each case's profile: limits.deadline_s
MAX_PAGES = 25  # the endless stream's profile: limits.max_pages
MAX_RSS_MB = 512
WALL_MARGIN_S = 15.0  # start-up of the interpreter, pytest and the suite, and the report


@dataclass(frozen=True)
class Case:
    category: str
    name: str
    suite: str
    role: str
    path: str
    serve: Callable[[HostileServer], None]
    words: tuple[str, ...]  # all in one failed assertion (its JSON, description included)
    limits: dict[str, Any] = field(default_factory=dict)
    never_asked: tuple[str, ...] = ()  # path prefixes the lab must never request

    @property
    def id(self) -> str:
        return f"{self.category}/{self.name}"

    def claim(self) -> dict[str, Any]:
        endpoint: str | list[str] = [self.path] if self.role == "pages" else self.path
        return {"standard": self.suite, "endpoints": {self.role: endpoint}}


def _fixed(path: str, media_type: str, body: bytes) -> Callable[[HostileServer], None]:
    def serve(server: HostileServer) -> None:
        server.routes[path] = lambda _: Reply(media_type, body)

    return serve


def _streamed(
    path: str, media_type: str, chunks: Callable[[], Iterator[bytes]]
) -> Callable[[HostileServer], None]:
    def serve(server: HostileServer) -> None:
        server.routes[path] = lambda _: Reply(media_type, chunks)

    return serve


def _with_base(
    path: str, media_type: str, build: Callable[[str], bytes]
) -> Callable[[HostileServer], None]:
    """A body that names the server's own URLs (built once, when the server is known)."""

    def serve(server: HostileServer) -> None:
        body = build(server.base_url)
        server.routes[path] = lambda _: Reply(media_type, body)
        # A context a hostile document names: served, so a fetch would succeed and be counted.
        server.routes[CONTEXT_PATH + "a"] = lambda _: Reply(
            "application/ld+json", json.dumps({"@context": server.base_url + "/ctx/b"}).encode()
        )
        server.routes[CONTEXT_PATH + "b"] = lambda _: Reply(
            "application/ld+json", json.dumps({"@context": server.base_url + "/ctx/a"}).encode()
        )

    return serve


def _json(data: Any) -> bytes:
    return json.dumps(data).encode()


# --- JSON ---------------------------------------------------------------------------------


def _deep_json() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


def _fifty_mib_string() -> Iterator[bytes]:
    yield b'{"@context": ' + _json(FEED_CONTEXTS) + b', "titel": "'
    chunk = b"a" * MIB
    for _ in range(50):
        yield chunk
    yield b'"}'


def _duplicate_keys(base_url: str) -> bytes:
    page = IpdcFeed(members=2, page_size=2).page(0, base_url)
    text = json.dumps(page)
    # The same key twice in the document's top object: JSON parsers keep one without a word.
    duplicated = '{"@type": "Node", ' + text[1:]
    return duplicated.encode()


def _nan(base_url: str) -> bytes:
    page = IpdcFeed(members=1, page_size=1).page(0, base_url)
    return json.dumps(page).replace('"view": {', '"view": {"tree:value": NaN, ', 1).encode()


# --- JSON-LD ------------------------------------------------------------------------------


def _context_chain(base_url: str) -> bytes:
    return _json({"@context": [base_url + "/ctx/a"], "@id": base_url + FEED_PATH, "@type": "x"})


def _context_recursion(base_url: str) -> bytes:
    # Relative: resolved against the page, it names the page itself, which names it again.
    return _json({"@context": FEED_PATH, "@id": base_url + FEED_PATH, "@type": "EventStream"})


def _import(base_url: str) -> bytes:
    context = {
        "@version": 1.1,
        "@import": base_url + "/ctx/b",
        "titel": "http://purl.org/dc/terms/title",
    }
    return _json({"@context": context, "@id": base_url + FEED_PATH, "titel": "x"})


def _huge_graph(base_url: str) -> bytes:
    context = {"tree": "https://w3id.org/tree#", "dct": "http://purl.org/dc/terms/"}
    nodes = (
        b'{"@id": "n%d", "@type": "tree:Node", "dct:title": "knoop %d"}' % (i, i)
        for i in range(200_000)
    )
    return b'{"@context": ' + _json(context) + b', "@graph": [' + b", ".join(nodes) + b"]}"


def _million_members(base_url: str) -> bytes:
    head = IpdcFeed(members=0).page(0, base_url)
    head["member"] = []
    text = json.dumps(head).encode()
    members = b", ".join(b'"m%d"' % i for i in range(1_000_000))
    return text.replace(b'"member": []', b'"member": [' + members + b"]")


# --- Turtle, RDF/XML, HTML ----------------------------------------------------------------


def _turtle_laughs() -> bytes:
    # One 64 KiB prefix, used a million times: 4 bytes each that expand to 64 KiB (64 GiB).
    prefix = b"http://example.org/" + b"lol" * (64 * 1024 // 3) + b"#"
    uses = b", ".join([b"l:x"] * 1_000_000)
    return b"@prefix l: <" + prefix + b"> .\n<http://example.org/s> l:p " + uses + b" .\n"


def _turtle_members() -> bytes:
    members = b", ".join(b"<m%d>" % i for i in range(1_000_000))
    return (
        b"<http://example.org/strm> a <https://w3id.org/ldes#EventStream> ;\n"
        b"  <https://w3id.org/tree#member> " + members + b" .\n"
    )


def _rdf_xml_entities() -> bytes:
    entities = [b'<!ENTITY lol0 "lol">']
    entities += [
        b'<!ENTITY lol%d "%s">' % (level, b"".join([b"&lol%d;" % (level - 1)] * 10))
        for level in range(1, 10)
    ]
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [' + b"\n".join(entities) + b"]>\n"
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns:dct="http://purl.org/dc/terms/">'
        b'<rdf:Description rdf:about="http://example.org/s"><dct:title>&lol9;</dct:title>'
        b"</rdf:Description></rdf:RDF>\n"
    )


def _html_attribute() -> Iterator[bytes]:
    yield b'<!DOCTYPE html><html><head><title>Notulen</title></head><body><div title="'
    chunk = b"a" * MIB
    for _ in range(10):
        yield chunk
    yield b'" property="http://purl.org/dc/terms/title">Notulen</div></body></html>'


# --- LDES ---------------------------------------------------------------------------------


def _relation(kind: str, target: str) -> dict[str, str]:
    return {
        "@type": f"{kind}Relation",
        "node": target,
        "path": "http://www.w3.org/ns/prov#generatedAtTime",
        "value": "2024-01-01T00:00:00Z",
    }


def _feed_route(
    change: Callable[[dict[str, Any], int, str], None], feed: IpdcFeed | None = None
) -> Callable[[HostileServer], None]:
    """The reference feed's pages, each changed by ``change(page, index, base_url)``."""
    feed = feed or IpdcFeed(members=8, page_size=4)

    def serve(server: HostileServer) -> None:
        def route(path: str) -> Reply | None:
            number = parse_qs(urlsplit(path).query).get("pageNumber", ["0"])[0]
            index = int(number) if number.isdigit() else -1
            if not 0 <= index < feed.page_count():
                return None
            page = feed.page(index, server.base_url)
            change(page, index, server.base_url)
            return Reply("application/ld+json", _json(page))

        server.routes[FEED_PATH] = route

    return serve


def _self_link(page: dict[str, Any], index: int, base_url: str) -> None:
    if index == 0:
        page["view"]["relation"].append(_relation("GreaterThanOrEqualTo", page["view"]["@id"]))


def _other_host(page: dict[str, Any], index: int, base_url: str) -> None:
    if index == 0:
        # The same server, named by another host: the lab must not follow it.
        elsewhere = base_url.replace("127.0.0.1", "localhost") + ELSEWHERE_PATH + "pagina"
        page["view"]["relation"].append(_relation("GreaterThanOrEqualTo", elsewhere))


class _EndlessFeed(IpdcFeed):
    """Always one more page: the stream is generated as it is read."""

    def page_count(self) -> int:
        return 10**9

    def _member_range(self, index: int) -> range:
        return range(index * 2 % 1000, index * 2 % 1000 + 2)


def _endless(page: dict[str, Any], index: int, base_url: str) -> None:
    return


CASES = (
    Case(
        "json",
        "nested-100000-deep",
        "ipdc-lpdc",
        "feed",
        FEED_PATH,
        _fixed(FEED_PATH, "application/ld+json", _deep_json()),
        ("te diep genest",),
    ),
    Case(
        "json",
        "string-50-mib",
        "ipdc-lpdc",
        "feed",
        FEED_PATH,
        _streamed(FEED_PATH, "application/ld+json", _fifty_mib_string),
        ("groter dan 20 MiB",),
    ),
    Case(
        "json",
        "duplicate-keys",
        "ipdc-lpdc",
        "feed",
        FEED_PATH,
        _with_base(FEED_PATH, "application/ld+json", _duplicate_keys),
        ("herhalen een sleutel",),
    ),
    Case(
        "json",
        "nan",
        "ipdc-lpdc",
        "feed",
        FEED_PATH,
        _with_base(FEED_PATH, "application/ld+json", _nan),
        ("NaN is geen geldige JSON-waarde",),
    ),
    Case(
        "jsonld",
        "remote-context-chain",
        "ipdc-lpdc",
        "feed",
        FEED_PATH,
        _with_base(FEED_PATH, "application/ld+json", _context_chain),
        ("/ctx/a",),
        never_asked=(CONTEXT_PATH,),
    ),
    Case(
        "jsonld",
        "context-recursion",
        "ipdc-lpdc",
        "feed",
        FEED_PATH,
        _with_base(FEED_PATH, "application/ld+json", _context_recursion),
        ("officiële JSON-LD-context",),
    ),
    Case(
        "jsonld",
        "import",
        "ipdc-lpdc",
        "feed",
        FEED_PATH,
        _with_base(FEED_PATH, "application/ld+json", _import),
        ("/ctx/b",),
        never_asked=(CONTEXT_PATH,),
    ),
    Case(
        "jsonld",
        "graph-200000-nodes",
        "ipdc-lpdc",
        "feed",
        FEED_PATH,
        _with_base(FEED_PATH, "application/ld+json", _huge_graph),
        ("meer dan 100.000 waarden",),
    ),
    Case(
        "jsonld",
        "page-of-a-million-members",
        "ldes",
        "feed",
        FEED_PATH,
        _with_base(FEED_PATH, "application/ld+json", _million_members),
        ("meer dan 100.000 waarden",),
    ),
    Case(
        "turtle",
        "prefix-laughs",
        "ldes",
        "feed",
        FEED_PATH,
        _fixed(FEED_PATH, "text/turtle", _turtle_laughs()),
        ("prefixen van dit Turtle-document",),
    ),
    Case(
        "turtle",
        "page-of-a-million-members",
        "ldes",
        "feed",
        FEED_PATH,
        _fixed(FEED_PATH, "text/turtle", _turtle_members()),
        ("meer dan 200.000 triples",),
    ),
    Case(
        "rdfxml",
        "entity-expansion",
        "ldes",
        "feed",
        FEED_PATH,
        _fixed(FEED_PATH, "application/rdf+xml", _rdf_xml_entities()),
        ("application/rdf+xml",),
    ),
    Case(
        "html",
        "attribute-10-mib",
        "besluit-publicatie",
        "pages",
        PAGE_PATH,
        _streamed(PAGE_PATH, "text/html", _html_attribute),
        ("zonder RDFa-annotaties",),
    ),
    Case(
        "ldes",
        "relation-cycle",
        "ldes",
        "feed",
        FEED_PATH,
        _feed_route(_endless, IpdcFeed(members=8, page_size=4, defects=("relation-cycle",))),
        ("cyclus",),
    ),
    Case(
        "ldes",
        "self-link",
        "ldes",
        "feed",
        FEED_PATH,
        _feed_route(_self_link),
        ("naar zichzelf",),
    ),
    Case(
        "ldes",
        "relation-to-another-host",
        "ldes",
        "feed",
        FEED_PATH,
        _feed_route(_other_host),
        ("staat niet in het profiel",),
        never_asked=(ELSEWHERE_PATH,),
    ),
    Case(
        "ldes",
        "endless-stream",
        "ldes",
        "feed",
        FEED_PATH,
        _feed_route(_endless, _EndlessFeed(members=2, page_size=2)),
        (f"maximum van {MAX_PAGES} pagina's bereikt",),
        limits={"max_pages": MAX_PAGES},
    ),
)
