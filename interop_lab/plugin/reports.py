"""Test reports of a lab run, made without pytest's traceback formatting.

A lab test fails or is skipped by raising a result that carries its own Dutch description; the
traceback pytest would format first (reading source files for every frame) is thrown away and
cost more than most tests themselves. Any other exception keeps pytest's full report.
"""

from __future__ import annotations

from typing import Literal

import pytest

from interop_lab.model.errors import LabError, VendorResult


class LabReports:
    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> pytest.TestReport | None:
        if call.excinfo is None or call.when not in ("setup", "call"):
            return None
        when: Literal["setup", "call"] = "setup" if call.when == "setup" else "call"
        error = call.excinfo.value
        longrepr: str | tuple[str, int, str]
        outcome: Literal["failed", "skipped"]
        if isinstance(error, VendorResult) and error.outcome.value != "failed":
            outcome = "skipped"
            where = (str(item.path), item.location[1] or 0)
            longrepr = (*where, f"{error.outcome.value}: {error.description}")
        elif isinstance(error, LabError | AssertionError):
            outcome = "failed"
            longrepr = getattr(error, "description", None) or str(error)
        else:
            return None
        sections = [
            (f"Captured {key} {when}", content) for when, key, content in item._report_sections
        ]
        return pytest.TestReport(
            item.nodeid,
            item.location,
            dict.fromkeys(item.keywords, 1),
            outcome,
            longrepr,
            when,
            sections,
            call.duration,
            call.start,
            call.stop,
            user_properties=item.user_properties,
        )
