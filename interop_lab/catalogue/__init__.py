"""The catalogue: scorecards over time in a SPARQL store (embedded pyoxigraph by default)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from interop_lab.catalogue.embedded import WAIT_S, EmbeddedCatalogue
from interop_lab.catalogue.history import TrendPoint
from interop_lab.catalogue.rdf import vocabulary_turtle
from interop_lab.catalogue.register import (
    REGISTER_GRAPH,
    STATUS_WORDS,
    USAGE_WORDS,
    Register,
    RegisterEntry,
    RegisterError,
    RegisterUsage,
    StandardStatus,
    read_register,
    standard_iri,
    unknown_titles,
)
from interop_lab.catalogue.sparql import SparqlCatalogue
from interop_lab.catalogue.store import Catalogue, ScorecardSummary, UnknownScorecardError
from interop_lab.model.errors import UsageError

DEFAULT_CATALOGUE = "file:.interop-lab/catalogue"

__all__ = [
    "DEFAULT_CATALOGUE",
    "REGISTER_GRAPH",
    "STATUS_WORDS",
    "USAGE_WORDS",
    "Catalogue",
    "EmbeddedCatalogue",
    "Register",
    "RegisterEntry",
    "RegisterError",
    "RegisterUsage",
    "ScorecardSummary",
    "SparqlCatalogue",
    "StandardStatus",
    "TrendPoint",
    "UnknownScorecardError",
    "open_catalogue",
    "read_register",
    "standard_iri",
    "unknown_titles",
    "vocabulary_turtle",
]


def open_catalogue(url: str, *, wait_s: float = WAIT_S) -> Catalogue:
    """``file:PATH`` (relative to the current folder), ``file:///PATH``, or a SPARQL endpoint.

    An endpoint ending in ``/query`` (Oxigraph) takes updates at ``/update`` beside it; any other
    (Virtuoso's ``/sparql``) takes queries and updates at the same URL. ``wait_s``: how long to
    wait for an embedded store another process has open.
    """
    if url.startswith("file:"):
        return EmbeddedCatalogue(_file_path(url), wait_s=wait_s)
    if url.startswith(("http://", "https://")):
        return SparqlCatalogue(url, _update_url(url))
    raise UsageError(
        f"unsupported catalogue {url!r}: use file:PATH (an embedded store, e.g. "
        f"{DEFAULT_CATALOGUE}) or the http(s):// URL of a SPARQL 1.1 endpoint"
    )


def _update_url(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    if parts.path.endswith("/query"):
        return parts._replace(path=parts.path.removesuffix("query") + "update").geturl()
    return endpoint


def _file_path(url: str) -> Path:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise UsageError(f"catalogue {url!r}: a file: URL must name a local folder")
    path = unquote(parts.path) if url.startswith("file://") else url.removeprefix("file:")
    if not path:
        raise UsageError(f"catalogue {url!r}: the folder is missing, e.g. {DEFAULT_CATALOGUE}")
    return Path(path)
