"""The lab as a server, for suites that test a vendor's client (``interop-lab serve``).

The lab plays a real API (for now Lokaal Beslist's submission API, ``POST /melding``): it answers
each request as that API does, records every exchange as evidence (credentials hidden), does what
the API does after answering (fetch the published document, through the lab's one HTTP path)
and keeps it all in a `ServedSession`. When the session ends, the suite's tests judge that
session through the same plugin as a run: scorecard, EARL, JUnit, HAR, catalogue.
"""

from __future__ import annotations

from interop_lab.serve.api import MELDING_PATH, MeldingApi, now_iso
from interop_lab.serve.documents import FetchSettings
from interop_lab.serve.melding import Registration
from interop_lab.serve.records import (
    Answer,
    DocumentFetch,
    Fields,
    Refusal,
    ServedSession,
    Submission,
)
from interop_lab.serve.server import Activity, Inbound, Reply, ServedApi, ServedServer
from interop_lab.serve.stored import CONCEPT, CONTEXT_URL, SUBMITTABLE

APIS = frozenset({"lokaal-beslist-melding"})  # the APIs a suite's `serve.api` may name

__all__ = [
    "APIS",
    "CONCEPT",
    "CONTEXT_URL",
    "MELDING_PATH",
    "SUBMITTABLE",
    "Activity",
    "Answer",
    "DocumentFetch",
    "FetchSettings",
    "Fields",
    "Inbound",
    "MeldingApi",
    "Refusal",
    "Registration",
    "Reply",
    "ServedApi",
    "ServedServer",
    "ServedSession",
    "Submission",
    "now_iso",
]
