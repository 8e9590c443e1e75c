"""``interop-lab init``: a profile proposed from an OpenAPI document or a base URL, checked by the
lab's own loader, never holding a secret; bad input is a usage error (exit 2)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from interop_lab.cli.main import main
from interop_lab.reference import IpdcFeed, ReferenceVendor

VENDOR = ["--vendor", "Proef NV", "--kbo", "0202239951", "--contact", "lab@example.org"]
SECRETS = ("eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.abc123XYZ", "sk_live_51HxYz0123456789abcdef", "hunter2!")
# An event stream whose view only its Link header names.
STREAM_WITHOUT_VIEW = (
    b"<s> <https://w3id.org/ldes#timestampPath> <http://purl.org/dc/terms/created> ."
)
TURTLE = "@prefix tree: <https://w3id.org/tree#> . <s> tree:view <p> ."


def spec(**extra: Any) -> dict[str, Any]:
    """OpenAPI 3.1: an LDES feed, a secured item with a credential-like path parameter."""
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Proef API", "version": "2.0.1"},
        "servers": [{"url": "https://api.proef.example/v2"}],
        "security": [{"jwt": []}],
        "components": {
            "securitySchemes": {
                "jwt": {"type": "http", "scheme": "bearer", "x-example": SECRETS[0]},
                "unused": {"type": "apiKey", "in": "query", "name": "key"},
            }
        },
        "paths": {
            "/ldes/stroom": {
                "get": {
                    "parameters": [
                        {"name": "Authorization", "in": "header", "example": f"Bearer {SECRETS[0]}"}
                    ],
                    "responses": {"200": {"content": {"text/turtle": {"example": TURTLE}}}},
                }
            },
            "/sleutels/{apiKey}/stroom": {
                "get": {
                    "parameters": [{"name": "apiKey", "in": "path", "example": SECRETS[1]}],
                    "responses": {"200": {"content": {"text/turtle": {"example": TURTLE}}}},
                }
            },
            "/login": {"post": {"requestBody": {"content": {"application/json": {
                "example": {"user": "admin", "password": SECRETS[2]}}}}}},
        },
    }  # fmt: skip
    document.update(extra)
    return document


def init(tmp_path: Path, *args: str) -> int:
    return main(["init", *args, "--output", str(tmp_path / "profiel.yaml")])


def written(tmp_path: Path) -> tuple[str, Any]:
    text = (tmp_path / "profiel.yaml").read_text("utf-8")
    return text, yaml.safe_load(text)


def test_an_openapi_yaml_document_gives_a_checked_profile_without_secrets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "openapi.yaml"
    document.write_text(yaml.safe_dump(spec()), encoding="utf-8")

    assert init(tmp_path, "--openapi", str(document), "--yes", "--suite", "ldes", *VENDOR) == 0

    text, profile = written(tmp_path)
    assert profile["base_url"] == "https://api.proef.example/v2"
    assert profile["product"] == {"name": "Proef API", "release": "2.0.1"}
    assert profile["auth"] == {"type": "bearer", "token_env": "INTEROP_LAB_TOKEN"}
    assert profile["claims"] == [{"standard": "ldes", "endpoints": {"feed": "/ldes/stroom"}}]
    assert not [secret for secret in SECRETS if secret in text]
    assert "# note: security scheme unused" not in text  # only the schemes the API asks for
    assert "no example for path parameter apiKey" in text
    assert main(["profile", "check", str(tmp_path / "profiel.yaml")]) == 0
    assert "written:" in capsys.readouterr().out


def test_an_existing_file_is_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(spec()), encoding="utf-8")
    (tmp_path / "profiel.yaml").write_text("mijn profiel\n", encoding="utf-8")
    arguments = ["--openapi", str(document), "--yes", "--suite", "ldes", *VENDOR]

    assert init(tmp_path, *arguments) == 2
    assert "profiel.yaml: already exists" in capsys.readouterr().err
    assert written(tmp_path)[0] == "mijn profiel\n"
    assert init(tmp_path, *arguments, "--force") == 0
    assert written(tmp_path)[1]["claims"][0]["standard"] == "ldes"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "cannot read the OpenAPI document"),
        ("{niet: [json", "not JSON or YAML"),
        (json.dumps({"swagger": "2.0", "paths": {}}), "not an OpenAPI 3.0 or 3.1 document"),
        ("a: &x [1]\nb: *x\n", "YAML aliases"),
        (json.dumps(spec(paths={"/x": {"get": {"responses": {}}}})), "no endpoint matches"),
    ],
    ids=["missing", "not-json", "swagger-2", "yaml-alias", "nothing-matches"],
)
def test_bad_input_is_a_usage_error_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, problem: str
) -> None:
    document = tmp_path / "openapi.yaml"
    if content is not None:
        document.write_text(content, encoding="utf-8")

    assert init(tmp_path, "--openapi", str(document), "--yes", *VENDOR) == 2

    error = capsys.readouterr().err
    assert problem in error
    assert error.startswith(f"interop-lab: {document}: ") or "no endpoint" in error
    assert not (tmp_path / "profiel.yaml").exists()


def test_without_a_terminal_it_needs_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)

    assert init(tmp_path, "--base-url", "http://127.0.0.1:9") == 2
    assert "add --yes" in capsys.readouterr().err


def test_a_vendor_field_the_source_does_not_give_is_needed_in_ci(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(spec()), encoding="utf-8")

    assert init(tmp_path, "--openapi", str(document), "--yes", "--suite", "ldes") == 2
    assert "--vendor is needed" in capsys.readouterr().err


def test_on_a_terminal_each_endpoint_and_missing_field_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(spec()), encoding="utf-8")
    answers = iter(["", "Proef NV", "0202239951", "lab@example.org", "", "3.0"])
    questions: list[str] = []

    def ask(question: str) -> str:
        questions.append(question)
        return next(answers)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", ask)

    assert init(tmp_path, "--openapi", str(document), "--suite", "ldes") == 0

    assert questions[0].startswith("  feed: /ldes/stroom  <- GET /ldes/stroom (text/turtle)")
    assert questions[4:] == ["product [Proef API]: ", "release [2.0.1]: "]
    assert written(tmp_path)[1]["product"] == {"name": "Proef API", "release": "3.0"}


def test_declining_a_required_endpoint_leaves_the_suite_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(spec()), encoding="utf-8")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _: "n")

    assert init(tmp_path, "--openapi", str(document), "--suite", "ldes", *VENDOR) == 2
    assert "every proposal was declined" in capsys.readouterr().err


def test_a_base_url_serving_an_event_stream_is_proposed_as_a_feed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ReferenceVendor(IpdcFeed(members=3, page_size=3)) as vendor:
        base = vendor.base_url
        code = init(tmp_path, "--base-url", f"{base}/ldes/instancesnapshot", "--yes",
                    "--product", "Referentie", "--release", "1.0", *VENDOR)  # fmt: skip

    assert code == 0, capsys.readouterr().err
    profile = written(tmp_path)[1]
    assert profile["base_url"] == base
    claimed = {claim["standard"]: claim["endpoints"] for claim in profile["claims"]}
    # The feed's own words name the IPDC standard (its context) and LDES.
    assert claimed == {
        "ipdc-lpdc": {"feed": "/ldes/instancesnapshot"},
        "ldes": {"feed": "/ldes/instancesnapshot"},
    }


@contextlib.contextmanager
def answering(routes: dict[str, tuple[str, bytes, dict[str, str]]]) -> Iterator[str]:
    """A loopback server answering GET per path with a media type, body and extra headers."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            media_type, body, headers = routes.get(self.path, ("text/plain", b"nee", {}))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", media_type)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_link_headers_lead_to_a_feed_and_to_the_openapi_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    routes = {
        "/stroom": (
            "text/turtle",
            STREAM_WITHOUT_VIEW,
            {"Link": '</stroom/p1>; rel="https://w3id.org/tree#view"'},
        ),
        "/": ("text/html", b"<p>hallo</p>", {"Link": '</openapi.json>; rel="service-desc"'}),
        "/openapi.json": ("application/json", json.dumps(spec(servers=[])).encode(), {}),
    }
    with answering(routes) as base:
        by_link = init(tmp_path, "--base-url", f"{base}/stroom", "--yes", "--suite", "ldes",
                       "--product", "P", "--release", "1", *VENDOR)  # fmt: skip
        feed = written(tmp_path)[1]["claims"]
        (tmp_path / "profiel.yaml").unlink()
        by_spec = init(tmp_path, "--base-url", f"{base}/", "--yes", "--suite", "ldes", *VENDOR)
        described = written(tmp_path)[1]

    assert (by_link, by_spec) == (0, 0), capsys.readouterr().err
    assert feed == [{"standard": "ldes", "endpoints": {"feed": "/stroom"}}]
    assert described["base_url"] == base
    assert described["claims"] == [{"standard": "ldes", "endpoints": {"feed": "/ldes/stroom"}}]


def test_the_help_imports_nothing_heavy() -> None:
    probe = (
        "import sys; from interop_lab.cli.main import _parser; _parser(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'rdflib', 'pydantic', 'yaml', 'httpx', 'pyshacl', 'pyld'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"
