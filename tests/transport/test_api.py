"""The public face of the transport package."""

from __future__ import annotations

import types

import pytest

import interop_lab.transport as transport
from interop_lab.transport import Deadline, Fetched, FetchError, Limits


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(transport).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"  # from __future__ import annotations
    }
    assert sorted(transport.__all__) == sorted(public)


def test_limits_normalise_allowed_hosts() -> None:
    limits = Limits(allowed_hosts=frozenset({"Example.BE.", "127.0.0.1:8801"}))
    assert limits.allowed_hosts == frozenset({"example.be", "127.0.0.1:8801"})


@pytest.mark.parametrize(
    "bad", [{"request_timeout_s": 0}, {"max_body_bytes": -1}, {"retries": -1}, {"backoff_s": -1}]
)
def test_limits_refuse_nonsense(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must"):
        Limits(**bad)  # type: ignore[arg-type]


def test_deadline_counts_down_and_expires() -> None:
    assert not Deadline(60).expired
    assert 0 < Deadline(60).remaining() <= 60
    assert Deadline(0).expired
    assert Deadline(-1).remaining() == 0.0


def test_fetch_error_kind_is_checked() -> None:
    with pytest.raises(ValueError, match="unknown fetch error kind"):
        FetchError("oops", "boodschap")


def test_fetched_reads_headers_case_insensitively() -> None:
    fetched = Fetched(
        requested_url="http://x/",
        url="http://x/",
        status=200,
        headers=(("Content-Type", "Application/LD+JSON; charset=utf-8"), ("X-A", "1")),
        body=b"{}",
        error=None,
        exchanges=(),
    )
    assert fetched.header("content-type") == "Application/LD+JSON; charset=utf-8"
    assert fetched.header("x-missing") is None
    assert fetched.media_type == "application/ld+json"
    assert fetched.ok
