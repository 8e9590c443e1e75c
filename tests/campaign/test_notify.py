"""Webhooks: the HMAC signature, delivery with retries on loopback, and what is (not) sent."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from interop_lab.campaign.matrix import Cell, Change, Matrix, Row
from interop_lab.campaign.notify import (
    EVENT_HEADER,
    NOTIFICATIONS,
    SIGNATURE_HEADER,
    Delivery,
    deliver,
    deliveries,
    notify_vendors,
    signature,
)
from interop_lab.campaign.plan import Task, plan
from tests.campaign.support import SUITES, write_profile

SECRET_ENV = "INTEROP_LAB_TEST_HOOK_SECRET"
SECRET = "hook-geheim-4b3a29f1e0"
FAILED = "urn:interop-lab:test:ipdc-lpdc:1.0.0:naam-verplicht"


class Hook:
    """A loopback webhook answering POSTs with the given statuses in turn (the last repeats)."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = statuses
        self.seen: list[tuple[dict[str, str], bytes]] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                hook.seen.append((dict(self.headers.items()), body))
                index = min(len(hook.seen), len(hook.statuses)) - 1
                self.send_response(hook.statuses[index])
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}/lab"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def hook_factory() -> Iterator[list[Hook]]:
    hooks: list[Hook] = []
    yield hooks
    for hook in hooks:
        hook.close()


def _hook(hooks: list[Hook], statuses: list[int]) -> Hook:
    hook = Hook(statuses)
    hooks.append(hook)
    return hook


def _hmac(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_signature_is_hmac_sha256_of_the_body() -> None:
    body = '{"event":"regression","vendor":"Acme – é"}'.encode()
    assert signature(body, SECRET.encode()) == _hmac(body, SECRET)
    assert signature(body + b" ", SECRET.encode()) != _hmac(body, SECRET)


def test_deliver_retries_until_success(hook_factory: list[Hook]) -> None:
    hook = _hook(hook_factory, [500, 200])
    body = b'{"event":"regression","vendor":"Acme"}'
    result = deliver(Delivery("acme", hook.url, body, SECRET.encode()), time.monotonic() + 30)
    assert result == {"profile": "acme", "delivered": True, "tries": ["500", "200"]}
    assert len(hook.seen) == 2
    for headers, received in hook.seen:
        assert received == body
        assert headers[SIGNATURE_HEADER] == _hmac(received, SECRET)
        assert headers[EVENT_HEADER] == "regression"
        assert headers["Content-Type"] == "application/json"


def test_deliver_gives_up_after_three_tries(hook_factory: list[Hook]) -> None:
    hook = _hook(hook_factory, [500])
    started = time.monotonic()
    result = deliver(Delivery("acme", hook.url, b"{}", SECRET.encode()), started + 30)
    assert result == {"profile": "acme", "delivered": False, "tries": ["500", "500", "500"]}
    assert len(hook.seen) == 3
    assert time.monotonic() - started < 5


def test_deliver_stops_at_the_deadline(hook_factory: list[Hook]) -> None:
    hook = _hook(hook_factory, [503])
    started = time.monotonic()
    result = deliver(Delivery("acme", hook.url, b"{}", SECRET.encode()), started + 0.2)
    assert result["delivered"] is False
    assert result["tries"] == ["503"]
    assert time.monotonic() - started < 2


def test_deliver_to_nobody_is_not_delivered() -> None:
    # A port nobody listens on: the connection is refused at once, three times.
    with ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as server:
        port = server.server_address[1]
    result = deliver(
        Delivery("acme", f"http://127.0.0.1:{port}/", b"{}", SECRET.encode()),
        time.monotonic() + 30,
    )
    assert result == {"profile": "acme", "delivered": False, "tries": ["ConnectError"] * 3}


def _tasks(folder: Path, webhook: str, *, notify: bool = True) -> list[Task]:
    extra: dict[str, Any] = {}
    if notify:
        extra["notify"] = {"webhook": webhook, "secret_env": SECRET_ENV}
    write_profile(folder, "acme.yaml", **extra)
    write_profile(folder, "beta.yaml", **extra)
    # The webhooks listen on loopback here: the lab's own test hosts.
    return plan(folder, SUITES, allow_private=True)


def _matrix(*, change: Change = Change.WORSE, certified: tuple[str, ...] = ()) -> Matrix:
    worse = Cell(
        "acme",
        "ipdc-lpdc",
        "non-conformant",
        "L2",
        change,
        scorecard="urn:uuid:1",
        previous="urn:uuid:0",
        previous_level="L4",
        new_failures=(FAILED,),
        certified_regressions=certified,
    )
    same = Cell("beta", "ipdc-lpdc", "conformant", "L4", Change.SAME, scorecard="urn:uuid:2")
    rows = (
        Row("acme", "Acme NV", "0123456789", "Loket", "4.2.0", {"ipdc-lpdc": worse}),
        Row("beta", "Beta BV", "0987654321", "Portaal", "1.0", {"ipdc-lpdc": same}),
    )
    return Matrix("c1", ("ipdc-lpdc",), rows)


def test_deliveries_signs_with_the_secret_and_keeps_it_out_of_the_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    tasks = _tasks(tmp_path, "https://hooks.vendor.example/lab")
    planned, problems = deliveries(_matrix(), tasks)
    assert problems == []
    [delivery] = planned  # beta has no regression
    assert (delivery.profile, delivery.url) == ("acme", "https://hooks.vendor.example/lab")
    assert delivery.secret == SECRET.encode()
    assert SECRET.encode() not in delivery.body
    document = json.loads(delivery.body)
    assert document["event"] == "regression"
    assert (document["campaign"], document["vendor"], document["kbo"]) == (
        "c1",
        "Acme NV",
        "0123456789",
    )
    [standard] = document["standards"]
    assert standard == {
        "suite": "ipdc-lpdc",
        "verdict": "non-conformant",
        "level": "L2",
        "previousLevel": "L4",
        "newFailures": [FAILED],
        "certifiedRegressions": [],
        "scorecard": "urn:uuid:1",
    }


def test_deliveries_without_the_secret_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    planned, problems = deliveries(_matrix(), _tasks(tmp_path, "https://hooks.vendor.example/"))
    assert planned == []
    assert problems == [f"acme: not sent, the variable {SECRET_ENV} is not set"]


def test_deliveries_skip_what_is_not_to_be_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    tasks = _tasks(tmp_path / "met", "https://hooks.vendor.example/")
    # Network trouble only: not a regression, nobody is told.
    assert deliveries(_matrix(change=Change.NETWORK), tasks) == ([], [])
    # ... unless a certified rule fails now.
    planned, _ = deliveries(_matrix(change=Change.NETWORK, certified=(FAILED,)), tasks)
    assert [delivery.profile for delivery in planned] == ["acme"]
    # A profile of another shard: that shard tells its vendor.
    assert deliveries(_matrix(), [task for task in tasks if task.stem != "acme"]) == ([], [])
    # A profile without notify.
    assert deliveries(_matrix(), _tasks(tmp_path / "zonder", "", notify=False)) == ([], [])


def test_notify_vendors_writes_the_outcomes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hook_factory: list[Hook]
) -> None:
    hook = _hook(hook_factory, [200])
    monkeypatch.setenv(SECRET_ENV, SECRET)
    tasks = _tasks(tmp_path / "profielen", hook.url)
    results = notify_vendors(_matrix(), tasks, tmp_path / "campagne")
    assert results == [{"profile": "acme", "delivered": True, "tries": ["200"]}]
    [(headers, body)] = hook.seen
    assert headers[SIGNATURE_HEADER] == _hmac(body, SECRET)
    assert SECRET.encode() not in body
    written = (tmp_path / "campagne" / NOTIFICATIONS).read_text("utf-8")
    assert json.loads(written) == results
    assert SECRET not in written


def test_notify_vendors_records_a_missing_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    tasks = _tasks(tmp_path / "profielen", "https://hooks.vendor.example/")
    results = notify_vendors(_matrix(), tasks, tmp_path / "campagne")
    expected = [{"problem": f"acme: not sent, the variable {SECRET_ENV} is not set"}]
    assert results == expected
    assert json.loads((tmp_path / "campagne" / NOTIFICATIONS).read_text("utf-8")) == expected


def test_notify_vendors_without_anything_to_tell_writes_nothing(tmp_path: Path) -> None:
    tasks = _tasks(tmp_path / "profielen", "https://hooks.vendor.example/")
    assert notify_vendors(_matrix(change=Change.SAME), tasks, tmp_path / "campagne") == []
    assert not (tmp_path / "campagne" / NOTIFICATIONS).exists()


def test_deliver_public_only_refuses_a_private_webhook_at_connect_time(
    hook_factory: list[Hook],
) -> None:
    hook = _hook(hook_factory, [200])

    result = deliver(
        Delivery("acme", hook.url, b"{}", SECRET.encode()),
        time.monotonic() + 30,
        public_only=True,
    )

    assert result["delivered"] is False
    (refusal,) = result["tries"]
    assert refusal.startswith("refused: ")
    assert hook.seen == []  # nothing reached the loopback receiver
