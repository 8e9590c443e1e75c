"""Secrets never leave the process: every output of a run or a campaign is scanned for them.

A bearer token, a webhook secret and a basic-auth password are used for real (the reference
vendors refuse requests without them, the webhook gets a signed call), then every file the lab
wrote (scorecards, HAR, JUnit, allure results, pytest.log, campaign.json/html, journal,
notifications.json, the catalogue store itself), the catalogue export and every process's
stdout and stderr are searched for the secret, its base64 forms (also inside a longer base64
text), its URL-encoded and its HTML-escaped form.
"""

from __future__ import annotations

import base64
import html
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
import yaml

from interop_lab.reference.fleet import Defects, Fleet, fleet
from interop_lab.reference.ipdc_feed import FEED_PATH, IpdcFeed
from interop_lab.reference.server import ReferenceVendor
from interop_lab.reference.site import Site, SiteRequest, SiteResponse, problem
from tests.e2e.support import Call, run_lab, webhook_receiver

# Characters that base64, URL and HTML encode differently, so each form is really looked for.
TOKEN_ENV = "INTEROP_LAB_HOSTILE_TOKEN"
TOKEN = "tok3n/Geheim+x=y&z?%20~9f8e7d6c5b4a"
HOOK_ENV = "INTEROP_LAB_HOSTILE_HOOK"
HOOK_SECRET = "hook/Geheim+q=r&s<t>-42a9b8c7d6"
USER_ENV = "INTEROP_LAB_HOSTILE_USER"
USER = "labgebruiker"
PASSWORD_ENV = "INTEROP_LAB_HOSTILE_PASSWORD"
PASSWORD = "pa55/w0rd+Geheim&x=1%41-7e6d5c"


def forms(secret: str) -> dict[str, bytes]:
    """The secret as it could leak: raw, URL-encoded, HTML-escaped, base64 (alone or inside)."""
    raw = secret.encode("utf-8")
    found = {
        "raw": raw,
        "url-encoded": quote(secret, safe="").encode(),
        "form-encoded": quote_plus(secret).encode(),
        "html-escaped": html.escape(secret).encode(),
    }
    for name, encode in (("base64", base64.b64encode), ("base64url", base64.urlsafe_b64encode)):
        found[name] = encode(raw).rstrip(b"=")
        # Inside a longer base64 text the secret starts at one of three offsets; the characters
        # that depend on its bytes only are the ones between the first and last partial group.
        for offset in (1, 2):
            encoded = encode(b"\0" * offset + raw).rstrip(b"=")
            found[f"{name} at offset {offset}"] = encoded[4 : len(encoded) - 4]
    return found


def leaks(secrets: Mapping[str, str], outputs: Mapping[str, bytes]) -> list[str]:
    return [
        f"{secret_name} ({form}) in {where}"
        for secret_name, secret in secrets.items()
        for form, needle in forms(secret).items()
        for where, content in outputs.items()
        if needle in content
    ]


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def process_output(name: str, result: subprocess.CompletedProcess[str]) -> dict[str, bytes]:
    return {f"{name} stdout": result.stdout.encode(), f"{name} stderr": result.stderr.encode()}


def export(catalogue: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = run_lab("catalogue", "export", "--catalogue", catalogue, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert "scorecard" in result.stdout.lower(), "the export holds the scorecards"
    return result


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[Call]]]:
    with webhook_receiver() as receiver:
        yield receiver


def test_a_campaign_leaks_neither_the_token_nor_the_webhook_secret(
    tmp_path: Path, webhook: tuple[str, list[Call]]
) -> None:
    url, received = webhook
    catalogue = f"file:{tmp_path / 'catalogus'}"
    env = {TOKEN_ENV: TOKEN, HOOK_ENV: HOOK_SECRET}
    notify = {"webhook": url, "secret_env": HOOK_ENV}
    suites = ("ldes", "adresregister")
    outputs: dict[str, bytes] = {}

    def campaign(profiles: Path, out: str) -> subprocess.CompletedProcess[str]:
        result = run_lab(
            "campaign",
            "--allow-private",
            "--profiles",
            str(profiles),
            "--out",
            out,
            "--catalogue",
            catalogue,
            cwd=tmp_path,
            env=env,
        )
        outputs.update(process_output(f"campaign {out}", result))
        return result

    def vendors(folder: str, defects: Defects) -> AbstractContextManager[Fleet]:
        return fleet(
            tmp_path / folder, 2, suites, token=TOKEN, token_env=TOKEN_ENV, defects=defects,
            notify=notify,
        )  # fmt: skip

    with vendors("eerst", {}) as first:
        before = campaign(first.profiles, "eerst-uit")
    assert before.returncode == 0, before.stdout + before.stderr
    worse: Defects = {1: ((), ("missing-postinfo",))}
    with vendors("later", worse) as later:
        after = campaign(later.profiles, "later-uit")
    assert after.returncode == 1, "the vendor fails something: " + after.stdout + after.stderr

    # The secrets were used: the vendors answered (they refuse requests without the token) and
    # the webhook got its signed call.
    assert len(received) == 1, "the regression was notified"
    assert received[0][0]["X-Interop-Lab-Signature"].startswith("sha256=")
    written = files_under(tmp_path)
    for out in ("eerst-uit", "later-uit"):
        for name in ("campaign.json", "campaign.html", "journal.jsonl"):
            assert str(tmp_path / out / name) in written
        for leaf in ("evidence.har", "junit.xml", "pytest.log", "adresregister/scorecard.jsonld"):
            assert str(tmp_path / out / "v01" / leaf) in written
        assert any("allure-results" in path for path in written if out in path)
    assert str(tmp_path / "later-uit" / "notifications.json") in written
    har = written[str(tmp_path / "later-uit" / "v01" / "evidence.har")]
    assert b'"status": 200' in har or b'"status":200' in har, "the vendor let the lab in"

    outputs.update(written)
    outputs.update(process_output("catalogue export", export(catalogue, tmp_path)))
    outputs.update(
        {
            f"webhook call {n}": str(headers).encode() + body
            for n, (headers, body) in enumerate(received)
        }
    )
    secrets = {"bearer token": TOKEN, "webhook secret": HOOK_SECRET}
    assert leaks(secrets, outputs) == []


class BasicAuthGate:
    """A reference site behind HTTP basic authentication; counts the requests it let in."""

    def __init__(self, site: Site, user: str, password: str) -> None:
        self._site = site
        pair = base64.b64encode(f"{user}:{password}".encode()).decode()
        self._expected = f"Basic {pair}"
        self.admitted = 0

    def answer(self, request: SiteRequest) -> SiteResponse:
        offered = {name.lower(): value for name, value in request.headers.items()}
        if offered.get("authorization") != self._expected:
            return problem(HTTPStatus.UNAUTHORIZED, "basic authentication required")
        self.admitted += 1
        return self._site.answer(request)


def test_a_run_with_basic_auth_leaks_neither_password_nor_credentials(tmp_path: Path) -> None:
    gate = BasicAuthGate(
        IpdcFeed(members=12, page_size=5, defects=["missing-title"]), USER, PASSWORD
    )
    catalogue = f"file:{tmp_path / 'catalogus'}"
    env = {USER_ENV: USER, PASSWORD_ENV: PASSWORD}
    with ReferenceVendor(gate) as vendor:
        profile = {
            "profile_version": 1,
            "vendor": {"name": "Basis NV", "kbo": "0202239951", "contact": "lab@example.org"},
            "product": {"name": "Basisloket", "release": "1.0.0"},
            "base_url": vendor.base_url,
            "auth": {"type": "basic", "username_env": USER_ENV, "password_env": PASSWORD_ENV},
            "limits": {"request_timeout_s": 2, "deadline_s": 60},
            "claims": [{"standard": "ipdc-lpdc", "endpoints": {"feed": FEED_PATH}}],
        }
        path = tmp_path / "profiel.yaml"
        path.write_text(yaml.safe_dump(profile), encoding="utf-8")
        result = run_lab(
            "run", "--profile", str(path), "--out", "uit", "--catalogue", catalogue,
            cwd=tmp_path, env=env,
        )  # fmt: skip

    assert result.returncode == 1, "missing-title fails: " + result.stdout + result.stderr
    assert gate.admitted > 0, "the lab authenticated"
    outputs = files_under(tmp_path)
    for name in ("evidence.har", "junit.xml", "ipdc-lpdc/scorecard.jsonld"):
        assert str(tmp_path / "uit" / name) in outputs
    outputs.update(process_output("run", result))
    outputs.update(process_output("catalogue export", export(catalogue, tmp_path)))
    secrets = {"password": PASSWORD, "user:password": f"{USER}:{PASSWORD}"}
    assert leaks(secrets, outputs) == []


@pytest.mark.parametrize("prefix", [b"", b"a", b"ab", b"abc", b'{"headers": "Basic '])
def test_the_scan_finds_each_form_of_a_secret(prefix: bytes) -> None:
    secret = PASSWORD.encode()
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        text = {"har": b"x" + encode(prefix + secret + b"-tail") + b"y"}
        assert leaks({"password": PASSWORD}, text), (prefix, encode)
    for written in (quote(PASSWORD, safe=""), quote_plus(PASSWORD), html.escape(PASSWORD)):
        assert leaks({"password": PASSWORD}, {"log": f"..{written}..".encode()})
    assert leaks({"password": PASSWORD}, {"log": b"..." + secret})
    assert leaks({"password": PASSWORD}, {"log": b"nothing to see"}) == []
