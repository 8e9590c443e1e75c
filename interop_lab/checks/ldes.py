"""LDES and TREE checks: the event stream is described, and its relations form a sound structure.

TREE lets relations point back (bidirectional paging is common), so a cycle as such is fine.
What is not: a page that links to itself, and a cycle made only of relations of one ordering
direction (A >= B >= A), which claims an order no set of members can have.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import URIRef
from rdflib.term import Node

from interop_lab.checks.common import fail, readable_pages
from interop_lab.crawl import Crawl, Link
from interop_lab.model import vocab
from interop_lab.model.errors import Failure
from interop_lab.model.outcomes import Location
from interop_lab.model.prefixes import short


def _objects(crawl: Crawl, predicate: str) -> list[tuple[str, Node, Node]]:
    return [
        (page.url, subject, value)
        for page in readable_pages(crawl)
        if page.payload
        for subject, pred, value in page.payload.graph.triples
        if str(pred) == predicate
    ]


def event_stream_described(crawl: Crawl) -> None:
    """The feed describes an ``ldes:EventStream``."""
    streams = [
        s for _, s, t in _objects(crawl, vocab.RDF_TYPE) if str(t) == vocab.LDES_EVENT_STREAM
    ]
    if not streams:
        raise Failure(
            "de feed beschrijft geen event stream",
            expected="een knoop van type ldes:EventStream",
            received="geen ldes:EventStream op de opgehaalde pagina's",
            locations=tuple(Location(url=url) for url in crawl.start_urls),
        )


def stream_property(crawl: Crawl, predicate: str) -> None:
    """The event stream states ``predicate`` (e.g. ldes:timestampPath) with an IRI value."""
    event_stream_described(crawl)
    values = [v for _, _, v in _objects(crawl, predicate) if isinstance(v, URIRef)]
    if not values:
        raise Failure(
            f"de event stream vermeldt {short(predicate)} niet",
            expected=f"{short(predicate)} met een eigenschap als waarde",
            received="geen waarde",
            locations=tuple(Location(url=url) for url in crawl.start_urls),
        )


def view_declared(crawl: Crawl) -> None:
    """The event stream links to its pages with ``tree:view``."""
    stream_property(crawl, vocab.TREE_VIEW)


def members_present(crawl: Crawl) -> None:
    """The feed publishes members (``tree:member``)."""
    readable_pages(crawl)
    if crawl.member_count == 0:
        raise Failure(
            "de feed bevat geen leden",
            expected="minstens één tree:member",
            received="0 leden",
            locations=tuple(Location(url=url) for url in crawl.start_urls),
        )


def relations_sound(crawl: Crawl) -> None:
    """No page relates to itself and no cycle of one ordering direction exists."""
    links = [
        Link(crawl.canonical(link.source), crawl.canonical(link.target), link.kind)
        for page in readable_pages(crawl)
        for link in page.links
        if link.kind != vocab.TREE_VIEW
    ]
    problems = [
        Location(
            url=link.source, path=vocab.TREE_RELATION, value=f"{short(link.kind)} naar zichzelf"
        )
        for link in links
        if link.source == link.target
    ]
    for direction in (vocab.FORWARD_RELATIONS, vocab.BACKWARD_RELATIONS):
        cycle = _cycle(
            [link for link in links if link.kind in direction and link.source != link.target]
        )
        if cycle:
            problems.append(
                Location(
                    url=cycle[0], path=vocab.TREE_RELATION, value="cyclus: " + " -> ".join(cycle)
                )
            )
    fail(
        "de relaties tussen de pagina's spreken elkaar tegen",
        problems,
        expected="relaties zonder verwijzing naar de eigen pagina en zonder cyclus in één richting",
        received="; ".join(p.value or "" for p in problems[:3]),
    )


def feed_read_whole(crawl: Crawl) -> None:
    """The lab read the whole feed: every relation led to a page it could follow (HTTP, on the
    profile's hosts) and no bound of the profile cut the crawl short. A feed read in part cannot
    be judged conformant: its unread pages may break every rule."""
    problems = [
        Location(url=link.source, path=vocab.TREE_NODE, value=f"{link.target}: {reason}")
        for link, reason in crawl.unfollowed
    ]
    if crawl.stopped:
        problems.append(Location(url=crawl.start_urls[0], value=f"crawl gestopt: {crawl.stopped}"))
    fail(
        "de feed kon niet volledig gelezen worden",
        problems,
        expected="elke tree:relation verwijst naar een HTTP-pagina op de hosts van het profiel "
        "en de hele feed past binnen de limieten van het profiel (voeg een host toe aan "
        "'hosts' of verhoog limits.max_pages / limits.max_members als de feed zo groot is)",
        received="; ".join(p.value or "" for p in problems[:3]),
    )


def _cycle(links: list[Link]) -> list[str] | None:
    """One cycle in the directed graph of ``links`` (as a list of URLs), or None."""
    edges: dict[str, list[str]] = defaultdict(list)
    for link in links:
        edges[link.source].append(link.target)
    state: dict[str, int] = {}
    for start in sorted(edges):
        if start in state:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        trail: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                trail.append(node)
            targets = edges.get(node, [])
            if index < len(targets):
                stack.append((node, index + 1))
                target = targets[index]
                if state.get(target) == 1:
                    return [*trail[trail.index(target) :], target]
                if target not in state:
                    stack.append((target, 0))
            else:
                state[node] = 2
                trail.pop()
    return None


def members_versioned(crawl: Crawl) -> None:
    """Every member states its timestamp and what it is a version of, as the stream declares."""
    stream_property(crawl, vocab.LDES_TIMESTAMP_PATH)
    stream_property(crawl, vocab.LDES_VERSION_OF_PATH)
    paths = {
        str(v)
        for predicate in (vocab.LDES_TIMESTAMP_PATH, vocab.LDES_VERSION_OF_PATH)
        for _, _, v in _objects(crawl, predicate)
    }
    problems = []
    for page in readable_pages(crawl):
        stated = {(s, str(p)) for s, p, _ in page.payload.graph.triples} if page.payload else set()
        problems += [
            Location(url=page.url, focus_node=str(member), member=str(member), path=path)
            for member in page.members
            for path in sorted(paths)
            if (member, path) not in stated
        ]
    fail(
        "niet elk lid vermeldt zijn tijdstip en de versie waarvan het een versie is",
        problems,
        expected=f"elk lid heeft {', '.join(short(p) for p in sorted(paths))}",
        received=f"{len(problems)} ontbrekende {'waarde' if len(problems) == 1 else 'waarden'}",
    )


def pages_cacheable(crawl: Crawl) -> None:
    """Every page states a freshness lifetime and a validator, so clients need not refetch it."""
    problems = []
    for page in crawl.pages:
        if not page.fetched.ok:
            continue
        control = (page.fetched.header("cache-control") or "").lower()
        lifetime = "max-age" in control or "immutable" in control
        validator = page.fetched.header("etag") or page.fetched.header("last-modified")
        if not (lifetime and validator):
            problems.append(
                Location(
                    url=page.url,
                    value=f"Cache-Control: {control or '(geen)'}; "
                    f"validator: {'ja' if validator else 'geen'}",
                )
            )
    fail(
        "pagina's zeggen niet hoe lang ze geldig zijn",
        problems,
        expected="Cache-Control met max-age (of immutable) en een ETag of Last-Modified",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:3]),
    )


def retention_declared(crawl: Crawl) -> None:
    """The stream or its view declares an ``ldes:retentionPolicy``."""
    if not _objects(crawl, vocab.LDES_RETENTION_POLICY):
        raise Failure(
            "de feed vermeldt geen bewaarbeleid",
            expected="ldes:retentionPolicy op de view",
            received="geen bewaarbeleid",
            locations=tuple(Location(url=url) for url in crawl.start_urls),
        )
