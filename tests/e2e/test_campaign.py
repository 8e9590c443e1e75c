"""``interop-lab campaign`` over fleets of reference vendors on loopback, as the lab runs it."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from interop_lab.catalogue import EmbeddedCatalogue
from interop_lab.reference.fleet import DEADLINE_S, HANGS, Fleet
from interop_lab.reference.fleet import fleet as start_fleet
from tests.catalogue.servers import start_oxigraph, stop
from tests.e2e.support import TOKEN, TOKEN_ENV, Call, run_lab, webhook_receiver

THREE_SUITES = ("ipdc-lpdc", "ldes", "adresregister")
KILL_TRIALS = 10
# The trials start the campaign 20 times: two workers and no allure keep that short.
QUICK = ("--workers", "2", "--no-allure")
ENV = {**os.environ, TOKEN_ENV: TOKEN}


def _campaign(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_lab("campaign", "--allow-private", *args, cwd=cwd)


def _started(*args: str, cwd: Path, output: int) -> subprocess.Popen[str]:
    """The campaign as a process of its own, to run beside others or to kill."""
    command = [sys.executable, "-m", "interop_lab.cli.main", "campaign", "--allow-private"]
    return subprocess.Popen(
        [*command, *args],
        cwd=cwd,
        env=ENV,
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _report(folder: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((folder / "campaign.json").read_text("utf-8"))
    return loaded


def _journaled(folder: Path) -> list[str]:
    lines = (folder / "journal.jsonl").read_text("utf-8").splitlines()
    return [entry["stem"] for entry in map(json.loads, lines) if entry["type"] == "task"]


def _verdicts(report: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {
        (row["profile"], suite): cell["verdict"]
        for row in report["rows"]
        for suite, cell in row["cells"].items()
    }


def _judged(report: dict[str, Any]) -> set[tuple[str, str, str, str | None, str | None]]:
    """What an uninterrupted and a resumed campaign must agree on, scorecard by scorecard."""
    return {
        (row["profile"], suite, cell["verdict"], cell["level"], cell["scorecard"])
        for row in report["rows"]
        for suite, cell in row["cells"].items()
    }


def fleet(
    folder: Path, count: int, suites: tuple[str, ...], **options: Any
) -> contextlib.AbstractContextManager[Fleet]:
    return start_fleet(folder, count, suites, token=TOKEN, token_env=TOKEN_ENV, **options)


def test_fifty_vendors_three_suites_every_job_judged(tmp_path: Path) -> None:
    with fleet(tmp_path / "profielen", 50, THREE_SUITES) as vendors:
        result = _campaign(
            "--profiles", str(vendors.profiles), "--out", "uit", "--no-allure", cwd=tmp_path
        )

    assert result.returncode == 1, result.stdout + result.stderr
    report = _report(tmp_path / "uit")
    assert len(report["rows"]) == 50
    assert _verdicts(report) == vendors.expected, "every job judged, the matrix right"
    assert report["errors"] == []
    hanging = f"v{HANGS:02d}"
    for suite in THREE_SUITES:
        card = json.loads((tmp_path / "uit" / hanging / suite / "scorecard.jsonld").read_bytes())
        started, ended = (datetime.fromisoformat(card["run"][key]) for key in ("started", "ended"))
        assert (ended - started).total_seconds() <= DEADLINE_S + 5, "within its deadline"
    for number in range(50):
        assert (tmp_path / "uit" / f"v{number:02d}" / "junit.xml").exists(), "JUnit per vendor"
    journal = (tmp_path / "uit" / "journal.jsonl").read_text("utf-8").splitlines()
    assert len(journal) == 1 + 50, "the header and one line per profile"
    assert "Leverancier 1 / Product 1 1.0.0 (v01)" in result.stdout


def test_a_killed_campaign_resumes_to_the_same_scorecards(tmp_path: Path) -> None:
    broken = {1: (("page-500",), ())}
    with fleet(tmp_path / "profielen", 5, ("ldes",), defects=broken) as vendors:
        profiles = str(vendors.profiles)
        begin = time.monotonic()
        whole = _campaign(
            "--profiles",
            profiles,
            "--id",
            "c",
            "--out",
            "heel",
            "--catalogue",
            "file:heel.db",
            cwd=tmp_path,
        )
        uninterrupted = time.monotonic() - begin
        assert whole.returncode == 1, whole.stdout + whole.stderr
        expected = _judged(_report(tmp_path / "heel"))
        assert len(expected) == 5
        assert list((tmp_path / "heel" / "v00" / "allure-results").glob("*-result.json"))

        pick = random.Random(20261128)
        for trial in range(KILL_TRIALS):
            out, store = f"t{trial}", f"file:t{trial}.db"
            where = ("--out", out, "--catalogue", store, *QUICK)
            fresh = ("--profiles", profiles, "--id", "c", *where)
            started = _started(*fresh, cwd=tmp_path, output=subprocess.DEVNULL)
            time.sleep(pick.uniform(0.3, uninterrupted))
            started.send_signal(signal.SIGKILL)
            started.wait()
            # Killed before the journal existed: nothing to resume, start it again.
            again = (
                ("--resume", "c", *where) if (tmp_path / out / "journal.jsonl").exists() else fresh
            )
            resumed = _campaign(*again, cwd=tmp_path)
            assert resumed.returncode == 1, f"trial {trial}: " + resumed.stdout + resumed.stderr
            assert _judged(_report(tmp_path / out)) == expected, f"trial {trial}"
            _assert_once_and_whole(tmp_path / out, tmp_path / f"t{trial}.db", expected)


def _assert_once_and_whole(out: Path, store: Path, expected: set[Any]) -> None:
    with EmbeddedCatalogue(store) as catalogue:
        stored = catalogue.scorecards()
        assert sorted(card.iri for card in stored) == sorted(row[4] for row in expected), (
            "each scorecard once, no other"
        )
        for card in stored:
            row = next(row for row in expected if row[4] == card.iri)
            written = out / row[0] / row[1] / "scorecard.jsonld"
            assert catalogue.document(card.iri) == written.read_text("utf-8"), "none partial"


def test_four_shards_into_one_oxigraph_give_the_unsharded_matrix(tmp_path: Path) -> None:
    server, endpoint = start_oxigraph()
    try:
        broken = {1: (("page-500",), ()), 6: (("never-answers",), ())}
        with fleet(tmp_path / "profielen", 8, ("ldes",), defects=broken) as vendors:
            profiles = str(vendors.profiles)
            shards = [
                _started(
                    "--profiles",
                    profiles,
                    "--id",
                    "nacht",
                    "--shard",
                    f"{index}/4",
                    "--out",
                    f"scherf{index}",
                    "--catalogue",
                    endpoint,
                    "--workers",
                    "1",
                    "--no-allure",
                    cwd=tmp_path,
                    output=subprocess.PIPE,
                )
                for index in range(1, 5)
            ]
            outputs = [shard.communicate(timeout=300)[0] for shard in shards]
            whole = _campaign(
                "--profiles",
                profiles,
                "--id",
                "nacht",
                "--out",
                "heel",
                "--catalogue",
                "file:heel.db",
                "--no-allure",
                cwd=tmp_path,
            )
        assert all(shard.returncode in (0, 1) for shard in shards), outputs
        merged = run_lab(
            "campaign", "merge", "nacht", "--catalogue", endpoint, "--out", "samen", cwd=tmp_path
        )
    finally:
        stop(server)

    assert merged.returncode == 1, merged.stdout + merged.stderr
    assert whole.returncode == 1, whole.stdout + whole.stderr
    ran = [_journaled(tmp_path / f"scherf{index}") for index in range(1, 5)]
    assert sorted(stem for stems in ran for stem in stems) == [f"v{n:02d}" for n in range(8)], (
        "every profile in exactly one shard"
    )
    assert _report(tmp_path / "samen")["rows"] == _report(tmp_path / "heel")["rows"]
    assert _verdicts(_report(tmp_path / "samen")) == vendors.expected


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[Call]]]:
    with webhook_receiver() as receiver:
        yield receiver


def test_a_regression_is_reported_and_the_vendor_told(
    tmp_path: Path, webhook: tuple[str, list[Call]]
) -> None:
    url, received = webhook
    secret = "webhook-geheim-42"
    notify = {"webhook": url, "secret_env": "INTEROP_LAB_TEST_HOOK"}
    env = {"INTEROP_LAB_TEST_HOOK": secret}
    suites = ("ldes", "adresregister")
    with fleet(tmp_path / "eerst", 2, suites, defects={}, notify=notify) as first:
        before = run_lab(
            "campaign",
            "--allow-private",
            "--profiles",
            str(first.profiles),
            "--out",
            "eerst-uit",
            "--no-allure",
            cwd=tmp_path,
            env=env,
        )
    assert before.returncode == 0, before.stdout + before.stderr
    assert received == [], "nothing got worse: no call"

    worse = {1: ((), ("missing-postinfo",))}
    with fleet(tmp_path / "later", 2, suites, defects=worse, notify=notify) as later:
        after = run_lab(
            "campaign",
            "--allow-private",
            "--profiles",
            str(later.profiles),
            "--out",
            "later-uit",
            "--no-allure",
            cwd=tmp_path,
            env=env,
        )

    assert after.returncode == 1, after.stdout + after.stderr
    report = _report(tmp_path / "later-uit")
    [regression] = report["regressions"]
    assert (regression["profile"], regression["suite"]) == ("v01", "adresregister")
    assert regression["change"] == "worse"
    assert regression["previous_level"] == "L4"
    assert any("heeftPostinfo" in test for test in regression["new_failures"])
    assert "achteruitgang: 1" in after.stdout
    [(headers, body)] = received
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Interop-Lab-Signature"] == signature
    sent = json.loads(body)
    assert (sent["vendor"], sent["standards"][0]["suite"]) == ("Leverancier 1", "adresregister")
    for path in (tmp_path / "later-uit").rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
