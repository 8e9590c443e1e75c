"""The evidence file: HAR 1.2, one entry per exchange."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from interop_lab.transport import Deadline, har_document

if TYPE_CHECKING:
    from conftest import Conn, Fetch, Serve

REQUEST_FIELDS = {"method", "url", "httpVersion", "cookies", "headers", "queryString"}
REQUEST_FIELDS |= {"headersSize", "bodySize"}
RESPONSE_FIELDS = {"status", "statusText", "httpVersion", "cookies", "headers", "content"}
RESPONSE_FIELDS |= {"redirectURL", "headersSize", "bodySize"}


def _pages(conn: Conn) -> None:
    if conn.path == "/":
        conn.respond(303, b"", [("Location", "/feed?page=1")])
    else:
        conn.respond(200, b'{"items": []}', [("Content-Type", "application/ld+json")])


def test_har_document_has_the_required_shape(serve: Serve, fetch: Fetch) -> None:
    fetched = fetch(serve({"/": _pages, "/feed": _pages}).url("/"), test="suite/test_feed.py::t")
    document = json.loads(json.dumps(har_document(fetched.exchanges, creator_version="0.1.0")))
    log = document["log"]
    assert log["version"] == "1.2"
    assert log["creator"] == {"name": "interop-lab", "version": "0.1.0"}
    assert len(log["entries"]) == 2
    for entry in log["entries"]:
        assert {"startedDateTime", "time", "request", "response", "cache", "timings"} <= set(entry)
        assert set(entry["request"]) >= REQUEST_FIELDS
        assert set(entry["response"]) >= RESPONSE_FIELDS
        assert {"send", "wait", "receive"} <= set(entry["timings"])
        assert {"size", "mimeType"} <= set(entry["response"]["content"])
        assert (entry["_name"], entry["_test"]) == ("testverzoek", "suite/test_feed.py::t")
        assert entry["_attempt"] == 1
    hop, page = log["entries"]
    assert (hop["response"]["status"], hop["response"]["redirectURL"]) == (303, fetched.url)
    assert page["request"]["queryString"] == [{"name": "page", "value": "1"}]
    assert page["response"]["content"]["text"] == '{"items": []}'
    assert page["_bodySha256"] == fetched.exchanges[1].body_sha256
    assert page["_error"] is None


def test_har_entry_of_a_request_never_sent(fetch: Fetch) -> None:
    fetched = fetch("http://example.be/", deadline=Deadline(0))
    (entry,) = har_document(fetched.exchanges, creator_version="0.1.0")["log"]["entries"]
    assert entry["response"]["status"] == 0
    assert entry["_error"] == fetched.exchanges[0].error
    assert "text" not in entry["response"]["content"]
