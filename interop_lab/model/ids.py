"""Identifiers the lab mints: run ids, scorecard IRIs, stable test IRIs, slugs."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

LAB_URN = "urn:interop-lab:"


def new_run_id(now: datetime | None = None) -> str:
    """A sortable, unique run id such as ``20261128T180501Z-3f2a9c``."""
    moment = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"{moment}-{uuid.uuid4().hex[:6]}"


# Fixed for ever: the namespace of the name-based uuids of scorecards.
SCORECARD_NAMESPACE = uuid.UUID("5b0e3f7c-6a1d-5e7b-9d2a-4c8f1e6b3a90")


def scorecard_iri(run_id: str, suite_id: str) -> str:
    """The scorecard of one suite in one run: run ids are unique, and a redone run replaces it."""
    return f"urn:uuid:{uuid.uuid5(SCORECARD_NAMESPACE, f'{run_id}/{suite_id}')}"


def test_iri(suite_id: str, suite_version: str, local_id: str) -> str:
    """The stable IRI of one test of one suite version."""
    return f"{LAB_URN}test:{suite_id}:{suite_version}:{local_id}"


def slug(text: str) -> str:
    """A lower-case, dash-separated name safe for file names and IRIs."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned or "x"
