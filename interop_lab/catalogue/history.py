"""The SPARQL behind a product's history: every run of it, oldest first, and its trend per suite."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from interop_lab.catalogue.rdf import PREFIXES

CERTIFIED = "certified"
HISTORY_QUERY = (
    PREFIXES
    + """SELECT ?iri ?vendor ?product ?release ?suite ?verdict ?level ?ended ?mode ?runId WHERE {
  GRAPH ?iri {
    ?iri a lab:Scorecard ; earl:subject ?subject ; lab:standard ?standard ;
         lab:verdict ?verdict ; lab:mode ?mode ; prov:wasGeneratedBy ?run .
    ?subject lab:vendor ?vendor ; lab:product ?product ; lab:release ?release .
    ?standard lab:suite ?suite .
    OPTIONAL { ?iri lab:level ?level }
    OPTIONAL { ?run prov:endedAtTime ?ended }
    %s
  }
  %s
} ORDER BY STR(?ended) STR(?iri)"""
)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One run of one suite, as a plot of a product's level and verdict over time needs it."""

    iri: str
    ended: str
    release: str
    mode: str
    verdict: str
    level: str | None


def history_query(
    *,
    vendor: str | None = None,
    product: str | None = None,
    suite: str | None = None,
    mode: str | None = None,
    run_id: str | None = None,
) -> str:
    """Scorecards matching every given field, ordered by the end of their run (oldest first)."""
    # Names and ids are vendor or user data: they enter the query only as escaped literals.
    fields = {"vendor": vendor, "product": product, "suite": suite, "mode": mode, "runId": run_id}
    restrictions = "\n  ".join(
        f"VALUES ?{name} {{ {ox.Literal(value)} }}"
        for name, value in fields.items()
        if value is not None
    )
    # Required when asked for: Virtuoso would apply the VALUES inside an OPTIONAL that binds it
    # and answer every scorecard, each labelled with the asked id.
    run = "?run lab:runId ?runId ." if run_id is not None else "OPTIONAL { ?run lab:runId ?runId }"
    return HISTORY_QUERY % (run, restrictions)
