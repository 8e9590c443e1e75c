"""Lab results become test reports with their own Dutch words, without a formatted traceback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest

from interop_lab.model.errors import CantTell, Failure, HarnessError
from interop_lab.plugin.reports import LabReports


@dataclass
class _Item:
    """What the hook reads of a pytest item."""

    nodeid: str = "suite/test_x.py::test_regel"
    location: tuple[str, int, str] = ("suite/test_x.py", 41, "test_regel")
    keywords: dict[str, Any] = field(default_factory=lambda: {"test_regel": 1})
    path: Path = Path("suite/test_x.py")
    user_properties: list[tuple[str, object]] = field(default_factory=list)
    _report_sections: list[tuple[str, str, str]] = field(default_factory=list)


def _report(raise_it: Callable[[], None], when: str = "call") -> pytest.TestReport | None:
    call = pytest.CallInfo.from_call(raise_it, when=when)  # type: ignore[arg-type]
    return LabReports().pytest_runtest_makereport(cast(pytest.Item, _Item()), call)


def _raise(error: BaseException) -> Callable[[], None]:
    def raising() -> None:
        raise error

    return raising


def test_a_failure_is_failed_with_its_dutch_description() -> None:
    report = _report(_raise(Failure("te weinig titels", expected="1", received="0")))

    assert report is not None
    assert (report.outcome, report.when) == ("failed", "call")
    assert report.longrepr == "te weinig titels; verwacht: 1; ontvangen: 0"


def test_cant_tell_is_skipped_naming_its_outcome() -> None:
    report = _report(_raise(CantTell("pagina onbereikbaar")), when="setup")

    assert report is not None
    assert (report.outcome, report.when) == ("skipped", "setup")
    assert report.longrepr == ("suite/test_x.py", 41, "cantTell: pagina onbereikbaar")


def test_a_lab_error_keeps_its_message() -> None:
    report = _report(_raise(HarnessError("suite kapot")))

    assert report is not None
    assert (report.outcome, report.longrepr) == ("failed", "suite kapot")


def test_any_other_exception_gets_pytests_own_report() -> None:
    assert _report(_raise(KeyError("bug"))) is None
    assert _report(lambda: None) is None, "a pass is pytest's too"
    assert _report(_raise(Failure("x")), when="teardown") is None
