"""From an RDF node back to where a vendor published it: page URL, member, JSON pointer."""

from __future__ import annotations

from rdflib import BNode, Literal
from rdflib.term import Node

from interop_lab.crawl import Page
from interop_lab.model.outcomes import Location


class Locator:
    """Knows, for every node read during a crawl, the page and JSON pointer it came from."""

    def __init__(self, pages: list[Page]) -> None:
        # Indexed on first use: a run with nothing to locate never pays for the index.
        self._pages: list[Page] | None = pages
        self._home: dict[Node, Page] = {}
        self._parent: dict[Node, Node] = {}
        self._members: set[Node] = set()

    def _index(self) -> None:
        pages, self._pages = self._pages, None
        for page in pages or ():
            if page.payload is None:
                continue
            self._members.update(page.members)
            for subject, _, value in page.payload.graph.triples:
                self._home.setdefault(subject, page)
                if not isinstance(value, Literal) and value not in self._members:
                    self._parent.setdefault(value, subject)

    def locate(self, focus: Node, path: str | None = None, value: Node | None = None) -> Location:
        if self._pages is not None:
            self._index()
        page = self._home.get(focus)
        pointer = page.payload.graph.pointer_of(focus, path) if page and page.payload else None
        member = self.member_of(focus)
        return Location(
            url=page.fetched.url if page else "",
            pointer=pointer,
            focus_node=None if isinstance(focus, BNode) else str(focus),
            path=path,
            member=str(member) if member is not None and not isinstance(member, BNode) else None,
            value=_text(value),
        )

    def member_of(self, node: Node) -> Node | None:
        """The feed member whose description contains ``node`` (itself when it is a member)."""
        if self._pages is not None:
            self._index()
        seen: set[Node] = set()
        current: Node | None = node
        while current is not None and current not in seen:
            if current in self._members:
                return current
            seen.add(current)
            current = self._parent.get(current)
        return None


def _text(value: Node | None) -> str | None:
    if value is None or isinstance(value, BNode):
        return None
    text = str(value)
    return text if len(text) <= 200 else text[:197] + "..."
