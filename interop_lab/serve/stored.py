"""A submission as Lokaal Beslist stores it: the defaults the real service adds to the body, and
how it reads a value from the body's triples (jsonld-input.js, support.js)."""

from __future__ import annotations

import uuid
from typing import Any

from rdflib import BNode

from interop_lab.payloads.traced import Triple

CONTEXT_URL = "https://lblod.data.gift/contexts/automatische-melding/v1/context.json"
CONCEPT = "http://lblod.data.gift/concepts/79a52da4-f491-4e2f-9374-89a13cde8ecd"
SUBMITTABLE = "http://lblod.data.gift/concepts/f6330856-e261-430f-b949-8e510d20d0ff"
SUBMISSIONS = "http://data.lblod.info/submissions/"
_UUID = "http://mu.semte.ch/vocabularies/core/uuid"
_XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def enrich(data: dict[str, Any], now: str) -> dict[str, Any]:
    """The body as the real service stores it: its defaults added, nothing given changed.

    Besides what the service adds before reading (context, type, id, uuid, Concept status),
    the submission gets the ``dct:created``/``dct:modified`` and the submitted resource the
    ``foaf:Document, ext:SubmissionDocument`` types it adds when storing, so the submission shapes
    judge the graph Lokaal Beslist keeps.
    """
    enriched = dict(data)
    identifier = str(uuid.uuid4())
    enriched.setdefault("@context", CONTEXT_URL)
    enriched.setdefault("@type", "meb:Submission")
    enriched.setdefault("@id", f"{SUBMISSIONS}{identifier}")
    enriched[_UUID] = identifier
    enriched.setdefault("status", CONCEPT)
    stamp = {"@value": now, "@type": _XSD_DATETIME}
    for moment in ("http://purl.org/dc/terms/created", "http://purl.org/dc/terms/modified"):
        # Added beside what the body gives, as the service's INSERT adds it: both are stored.
        given = enriched.get(moment)
        enriched[moment] = stamp if given is None else [*_as_list(given), stamp]
    resource = data.get("submittedResource")
    if isinstance(resource, str):
        enriched["@included"] = [
            {
                "@id": resource,
                "@type": [
                    "http://xmlns.com/foaf/0.1/Document",
                    "http://mu.semte.ch/vocabularies/ext/SubmissionDocument",
                ],
            }
        ]
    return enriched


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def first_value(triples: list[Triple], predicate: str) -> str | None:
    """The first object of ``predicate`` anywhere in the graph, as the real service reads it
    (a blank node as ``_:label``, as jsonld.js writes it: present, but naming nothing)."""
    value = next((o for _, p, o in triples if str(p) == predicate), None)
    if value is None:
        return None
    return f"_:{value}" if isinstance(value, BNode) else str(value)
