"""``interop-lab serve`` as a vendor meets it: the lab plays Lokaal Beslist's submission API on a
free loopback port, a client posts the real submission examples (only href changed, to a loopback
publication site) and broken ones, the session is stopped with SIGTERM and the client's scorecard
names every broken submission, with the answers the real API gives."""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.e2e.support import failed, run_lab, scorecard
from tests.serve import publication as site
from tests.serve.publication import PublicationSite, real_example

KEY_ENV = "LOKAAL_BESLIST_SLEUTEL"
KEY = "AE86-GT86"  # the key of the real examples, registered for their publisher here
WRONG_KEY = "AE86-GT87-vergeten"
PUBLISHER = "http://data.lblod.info/vendors/cipal-schaubroeck"
ORGANIZATION = "http://data.lblod.info/id/bestuurseenheden/2498239"
SUITE = "lokaal-beslist-melding"
CREDENTIAL_FIELD = re.compile(r'(password|clientSecret)\\*"\s*:\s*\\*"bar')
AUTH_FAILED = (
    "Authentication failed, vendor does not have access to the organization or does not exist. "
    "If this should not be the case, please contact us at digitaalABB@vlaanderen.be for login "
    "credentials."
)


@dataclass(frozen=True)
class Session:
    """One finished ``serve`` session: its output folder, its answers and its own output."""

    out: Path
    answers: list[httpx.Response]
    locations: dict[str, str]  # name of the submission -> its location on the scorecard
    code: int
    output: str
    seconds: float


def _profile(folder: Path, base_url: str, closed: str) -> Path:
    data = {
        "profile_version": 1,
        "vendor": {"name": "Notulenleverancier", "kbo": "0202239951", "contact": "lab@example.org"},
        "product": {"name": "Notulenpakket", "release": "2.1.0"},
        "base_url": base_url,
        "hosts": [closed],
        "limits": {"request_timeout_s": 2, "deadline_s": 30},
        "claims": [
            {
                "standard": SUITE,
                "client": {
                    "publisher": PUBLISHER,
                    "key_env": KEY_ENV,
                    "organizations": [ORGANIZATION],
                },
            }
        ],
    }
    path = folder / "profiel.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _closed_port() -> str:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{probe.getsockname()[1]}"  # closed again when the block ends


def _submissions(pub: PublicationSite, closed: str) -> list[tuple[str, dict[str, Any]]]:
    """The real examples (href changed only), then one valid OAuth2 submission of another
    resource, then the broken ones, each a different resource so only its own fault counts."""
    token = {"token": pub.url(site.TOKEN)}
    oauth = real_example("voorbeeld-oauth2.json", href=pub.url(site.OAUTH))
    oauth["authentication"]["configuration"].update(token)  # type: ignore[index]
    fresh_oauth = json.loads(json.dumps(oauth))
    fresh_oauth["submittedResource"] = site.SUBMITTED_OAUTH
    draft = real_example("voorbeeld-body-met-draft-status.json", href=pub.url(site.PUBLIC))
    wrong_key = {**draft, "submittedResource": f"{site.SUBMITTED}1"}
    wrong_key["publisher"] = {"uri": PUBLISHER, "key": WRONG_KEY}
    missing = {k: v for k, v in draft.items() if k != "submittedResource"}
    wrong_context = {**draft, "@context": {"@vocab": "http://schema.org/"}}
    wrong_context["submittedResource"] = f"{site.SUBMITTED}2"
    return [
        ("basic-auth", real_example("voorbeeld-basic-auth.json", href=pub.url(site.BASIC))),
        ("body", real_example("voorbeeld-body.json", href=pub.url(site.PUBLIC))),
        ("draft", draft),
        ("oauth2", oauth),
        ("oauth2-other-resource", fresh_oauth),
        ("wrong-key", wrong_key),
        ("missing-resource", missing),
        ("wrong-context", wrong_context),
        ("document-404", {**draft, "submittedResource": f"{site.SUBMITTED}3",
                          "href": pub.url(site.MISSING)}),
        ("document-closed-port", {**draft, "submittedResource": f"{site.SUBMITTED}4",
                                  "href": f"http://{closed}/besluitenlijst.html"}),
        ("document-invalid-rdf", {**draft, "submittedResource": f"{site.SUBMITTED}5",
                                  "href": pub.url(site.INVALID_RDF)}),
    ]  # fmt: skip


def _endpoint(process: subprocess.Popen[str]) -> tuple[str, list[str]]:
    """The address the session announces on stderr (the port was chosen by the OS)."""
    lines: list[str] = []
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        lines.append(line)
        if " op http://" in line:
            return line.split(" op ", 1)[1].split()[0], lines
        if not line and process.poll() is not None:
            break
    raise AssertionError("serve announced no address:\n" + "".join(lines))


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    folder = tmp_path_factory.mktemp("serve")
    out = folder / "rapport"
    closed = _closed_port()
    with PublicationSite() as pub:
        profile = _profile(folder, pub.base_url, closed)
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "interop_lab.cli.main", "serve", "--suite", SUITE,
             "--profile", str(profile), "--listen", "127.0.0.1:0", "--out", str(out),
             "--catalogue", f"file:{folder / 'katalogus'}"],
            cwd=folder,
            env={**os.environ, KEY_ENV: KEY},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        try:
            endpoint, announced = _endpoint(process)
            answers, locations = [], {}
            for number, (name, body) in enumerate(_submissions(pub, closed), start=1):
                answers.append(httpx.post(endpoint, json=body, timeout=30))
                locations[name] = f"{endpoint}?inzending={number}"
            process.send_signal(signal.SIGTERM)
            stdout, stderr = process.communicate(timeout=240)
        finally:
            if process.poll() is None:
                process.kill()
        seconds = time.monotonic() - started
    output = "".join(announced) + stderr + stdout
    return Session(out, answers, locations, process.returncode, output, seconds)


def _by_name(session: Session, name: str) -> httpx.Response:
    return session.answers[list(session.locations).index(name)]


def test_answers_are_the_real_apis(session: Session) -> None:
    for name in ("basic-auth", "oauth2-other-resource", "document-404", "document-invalid-rdf"):
        answer = _by_name(session, name)
        assert answer.status_code == 201, (name, answer.text)
        body = answer.json()
        assert body["submission"] == body["uri"]
        assert body["submission"].startswith("http://data.lblod.info/submissions/")
        assert body["job"].startswith("http://data.lblod.info/id/automatic-submission-job/")
    for name in ("body", "draft", "oauth2"):  # the real examples all submit one resource
        answer = _by_name(session, name)
        assert answer.status_code == 409
        title = f"The given submittedResource <{site.SUBMITTED}> has already been submitted."
        assert answer.json() == {"errors": [{"title": title}]}
    assert _by_name(session, "wrong-key").status_code == 401
    assert _by_name(session, "wrong-key").json() == {"errors": [{"title": AUTH_FAILED}]}
    missing = 'Invalid JSON-LD payload: property "submittedResource" is missing or invalid.'
    assert _by_name(session, "missing-resource").status_code == 400
    assert _by_name(session, "missing-resource").json() == {"errors": [{"title": missing}]}
    wrong_context = 'Invalid JSON-LD payload: property "key" is missing or invalid.'
    assert _by_name(session, "wrong-context").status_code == 400
    assert _by_name(session, "wrong-context").json() == {"errors": [{"title": wrong_context}]}


def test_the_scorecard_names_each_broken_submission(session: Session) -> None:
    assert session.code == 1, session.output
    card = scorecard(session.out, SUITE)
    assert card["verdict"] == "non-conformant"
    named = {
        assertion["test"].rsplit(":", 1)[1]: {
            location["url"] for location in assertion["result"].get("locations", [])
        }
        for assertion in failed(card)
    }
    where = session.locations
    assert where["wrong-key"] in named["melding_aanvaard/authenticated"]
    assert where["missing-resource"] in named["melding_aanvaard/required_properties"]
    assert where["wrong-context"] in named["melding_aanvaard/required_properties"]
    assert where["wrong-context"] in named["melding_jsonld/context"]
    assert {where["body"], where["draft"], where["oauth2"]} <= named[
        "melding_aanvaard/not_resubmitted"
    ]
    fetched = named["melding_documenten/document_fetched"]
    assert {where["document-404"], where["document-closed-port"]} <= fetched
    assert where["document-invalid-rdf"] in named["melding_documenten/document_rdfa"]
    assert where["document-invalid-rdf"] in named["melding_documenten/document_html"]
    everywhere = set().union(*named.values())
    assert where["basic-auth"] not in everywhere
    assert where["oauth2-other-resource"] not in everywhere


def test_the_valid_submissions_pass(session: Session) -> None:
    card = scorecard(session.out, SUITE)
    outcomes = {a["test"].rsplit(":", 1)[1]: a["result"]["outcome"] for a in card["assertions"]}
    assert outcomes["melding_aanvaard/submissions_sent"] == "passed"
    assert outcomes["melding_aanvaard/status"] == "passed"
    assert outcomes["melding_jsonld/no_dropped_keys"] == "passed"
    assert outcomes["melding_documenten/document_describes_resource"] == "passed"
    assert outcomes["melding_documenten/document_type"] == "passed"
    assert outcomes["shacl/Submission/pav-providedBy/nodeKind"] == "passed"
    assert outcomes["shacl/Submission/dct-subject/or"] == "passed"


def test_the_evidence_holds_every_exchange(session: Session) -> None:
    har = json.loads((session.out / "evidence.har").read_text("utf-8"))
    entries = har["log"]["entries"]
    posts = [e for e in entries if e["request"]["url"].split("?")[0].endswith("/melding")]
    assert len(posts) == len(session.answers)
    assert all(e["request"]["postData"]["text"] for e in posts)
    assert sorted(e["response"]["status"] for e in posts) == sorted(
        a.status_code for a in session.answers
    )
    fetched = [e["request"]["url"] for e in entries if e["request"]["method"] == "GET"]
    for path in (site.BASIC, site.OAUTH, site.MISSING, site.INVALID_RDF):
        assert any(url.endswith(path) for url in fetched), path
    tokens = [e for e in entries if e["request"]["url"].endswith(site.TOKEN)]
    assert [e["request"]["method"] for e in tokens] == ["POST"]
    assert (session.out / SUITE / "scorecard.html").is_file()
    assert (session.out / "junit.xml").is_file()


def test_the_scorecard_is_stored_in_the_catalogue(session: Session) -> None:
    card = scorecard(session.out, SUITE)
    exported = run_lab(
        "catalogue", "export", "--catalogue", f"file:{session.out.parent / 'katalogus'}",
        cwd=session.out.parent,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert card["@id"] in exported.stdout
    assert KEY not in exported.stdout
    assert WRONG_KEY not in exported.stdout


def test_no_secret_appears_in_any_output(session: Session) -> None:
    secrets = [
        KEY,
        WRONG_KEY,
        site.ACCESS_TOKEN,
        base64.b64encode(f"{site.BASIC_USER}:{site.BASIC_PASSWORD}".encode()).decode(),
        base64.b64encode(KEY.encode()).decode(),
    ]
    outputs = {path: path.read_text("utf-8") for path in session.out.rglob("*") if path.is_file()}
    outputs[Path("serve-uitvoer")] = session.output
    assert len(outputs) >= 5
    for path, text in outputs.items():
        for secret in secrets:
            assert secret not in text, f"{secret!r} in {path}"
        # The documents' password and client secret ("bar") are short words: what can be
        # checked without matching every "bar" in CSS is that no field holds them, in any JSON
        # (also JSON quoted inside JSON, as a HAR holds a request body).
        assert not CREDENTIAL_FIELD.search(text), path


def _serve(folder: Path, profile: Path, *ending: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "interop_lab.cli.main", "serve", "--suite", SUITE, "--profile",
         str(profile), "--listen", "127.0.0.1:0", "--out", str(folder / "rapport"), *ending],
        cwd=folder,
        env={**os.environ, KEY_ENV: KEY},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def test_a_client_sending_a_real_example_well_is_conformant(tmp_path: Path) -> None:
    with PublicationSite() as pub:
        process = _serve(
            tmp_path, _profile(tmp_path, pub.base_url, _closed_port()), "--submissions", "1"
        )
        endpoint, _ = _endpoint(process)
        body = real_example("voorbeeld-basic-auth.json", href=pub.url(site.BASIC))
        assert httpx.post(endpoint, json=body, timeout=30).status_code == 201
        stdout, stderr = process.communicate(timeout=240)  # the session ends by itself
    assert process.returncode == 0, stdout + stderr
    card = scorecard(tmp_path / "rapport", SUITE)
    assert (card["verdict"], card["level"]) == ("conformant", "L3")


def test_an_idle_session_without_submissions_is_not_conformant(tmp_path: Path) -> None:
    with PublicationSite() as pub:
        process = _serve(
            tmp_path, _profile(tmp_path, pub.base_url, _closed_port()), "--until-idle", "0.5"
        )
        stdout, stderr = process.communicate(timeout=240)
    assert process.returncode == 1, stdout + stderr
    card = scorecard(tmp_path / "rapport", SUITE)
    assert [a["test"].rsplit(":", 1)[1] for a in failed(card)] == [
        "melding_aanvaard/submissions_sent"
    ]
