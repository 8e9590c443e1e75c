"""The read-only SPARQL endpoint: queries run on the snapshot; any update is refused."""

from __future__ import annotations

import io
import re

import pyoxigraph as ox

RESULTS_JSON = "application/sparql-results+json"
TURTLE = "text/turtle"
UPDATE_KEYWORDS = {
    "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH",
}  # fmt: skip
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*\n|(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>))", re.I)


class QueryRefusedError(ValueError):
    """An update: the endpoint is read-only."""


def is_update(text: str) -> bool:
    """Whether the first keyword after the prologue (PREFIX, BASE, comments) is an update's."""
    rest = text
    while match := _PROLOGUE.match(rest):
        rest = rest[match.end() :]
    word = re.match(r"\s*([A-Za-z]+)", rest)
    return word is not None and word.group(1).upper() in UPDATE_KEYWORDS


def run_query(store: ox.Store, text: str) -> tuple[bytes, str]:
    """The answer's body and media type; a syntax error raises SyntaxError."""
    if is_update(text):
        raise QueryRefusedError("dit SPARQL-eindpunt is alleen-lezen: updates worden geweigerd")
    result = store.query(text, use_default_graph_as_union=True)
    out = io.BytesIO()
    if isinstance(result, ox.QueryTriples):
        result.serialize(out, ox.RdfFormat.TURTLE)
        return out.getvalue(), TURTLE
    result.serialize(out, ox.QueryResultsFormat.JSON)
    return out.getvalue(), RESULTS_JSON
