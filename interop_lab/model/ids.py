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


def new_scorecard_iri() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def test_iri(suite_id: str, suite_version: str, local_id: str) -> str:
    """The stable IRI of one test of one suite version."""
    return f"{LAB_URN}test:{suite_id}:{suite_version}:{local_id}"


def slug(text: str) -> str:
    """A lower-case, dash-separated name safe for file names and IRIs."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned or "x"
