"""Secrets never reach the evidence: not in URLs, headers, bodies, errors or the HAR file."""

from __future__ import annotations

import base64
import json
from dataclasses import astuple
from typing import TYPE_CHECKING

from interop_lab.transport import har_document
from interop_lab.transport.redaction import Redactor

if TYPE_CHECKING:
    from conftest import Conn, Fetch, Serve

TOKEN = "tok-3f9a2c7e51d04b8a"
API_KEY = "key-71c0e5d2aa"
BASIC = "gemeente:Wachtw00rd!"
BASIC_HEADER = "Basic " + base64.b64encode(BASIC.encode()).decode()
FORMS = [
    TOKEN,
    API_KEY,
    BASIC,
    base64.b64encode(BASIC.encode()).decode(),
    base64.b64encode(TOKEN.encode()).decode(),
    "Wachtw00rd",
]


def _echo(conn: Conn) -> None:
    """A vendor that echoes everything it got, sets a cookie and redirects with the token."""
    if conn.path.startswith("/start"):
        conn.respond(302, b"", [("Location", f"/echo?access={TOKEN}")])
        return
    body = json.dumps({"path": conn.path, "headers": conn.headers}).encode()
    headers = [("Content-Type", "application/json"), ("Set-Cookie", "sessie=abc123; HttpOnly")]
    conn.respond(200, body, [*headers, ("X-Echo", conn.headers.get("authorization", ""))])


def _assert_hidden(text: str) -> None:
    for form in FORMS:
        assert form not in text


def test_secrets_are_redacted_in_every_exchange_field_and_in_har(
    serve: Serve, fetch: Fetch
) -> None:
    server = serve({"/start": _echo, "/echo": _echo})
    fetched = fetch(
        server.url(f"/start?api_key={API_KEY}"),
        headers={"Authorization": BASIC_HEADER, "X-Gemeente-Token": TOKEN},
        secrets=(TOKEN, API_KEY, BASIC, BASIC_HEADER),
    )
    assert fetched.ok
    assert TOKEN in fetched.body.decode()  # the caller still gets the real body
    assert fetched.header("set-cookie") == "[verborgen]"
    hop, final = fetched.exchanges
    for exchange in fetched.exchanges:
        _assert_hidden(repr(astuple(exchange)))
    assert "api_key=[verborgen]" in hop.url
    assert hop.redirected_to is not None
    assert "access=[verborgen]" in hop.redirected_to
    assert ("Authorization", "[verborgen]") in final.request_headers
    assert ("X-Gemeente-Token", "[verborgen]") in final.request_headers
    assert ("Set-Cookie", "[verborgen]") in final.response_headers
    assert final.body_text is not None
    assert "[verborgen]" in final.body_text
    _assert_hidden(json.dumps(har_document(fetched.exchanges, creator_version="0.1.0")))


def test_credential_headers_are_hidden_even_without_secrets(serve: Serve, fetch: Fetch) -> None:
    fetched = fetch(serve({"/echo": _echo}).url("/echo"), headers={"X-Api-Key": API_KEY})
    (exchange,) = fetched.exchanges
    assert ("X-Api-Key", "[verborgen]") in exchange.request_headers
    assert exchange.body_text is not None
    assert API_KEY not in exchange.body_text


def test_password_in_url_is_hidden() -> None:
    redactor = Redactor()
    assert (
        redactor.url("https://user:pw@example.be/a?b=1")
        == "https://user:[verborgen]@example.be/a?b=1"
    )
    assert redactor.url("https://example.be/a?access_token=x&b=1") == (
        "https://example.be/a?access_token=[verborgen]&b=1"
    )


def test_secret_is_hidden_in_its_encoded_forms() -> None:
    redactor = Redactor(["a b/c"])
    for form in ["a b/c", "a%20b%2Fc", "a+b%2Fc", "YSBiL2M=", "a b\\/c"]:
        assert redactor.text(f"<{form}>") == "<[verborgen]>"


def test_credentials_are_not_sent_to_another_origin(serve: Serve, fetch: Fetch) -> None:
    elsewhere = serve({"/": _echo})
    home = serve({"/": lambda conn: conn.respond(302, b"", [("Location", elsewhere.url("/"))])})
    fetched = fetch(
        home.url("/"),
        headers={"Authorization": BASIC_HEADER, "X-Gemeente-Token": TOKEN, "X-Trace": "t1"},
        secrets=(TOKEN,),
    )
    assert fetched.ok
    assert "authorization" in home.seen_headers[0]
    assert "x-gemeente-token" in home.seen_headers[0]
    (seen,) = elsewhere.seen_headers
    assert "authorization" not in seen
    assert "x-gemeente-token" not in seen
    assert seen["x-trace"] == "t1"  # ordinary headers still go along
