"""A vendor's publication website on loopback, as Lokaal Beslist meets it after a submission.

It serves the real RDFa examples of the vendor documentation (examples/meldingsplicht-annotaties),
with the document resource set to what the real submission examples submit; one page openly, one
behind HTTP Basic (the credentials of voorbeeld-basic-auth.json), one behind an OAuth2 bearer
token from its own token endpoint (the client of voorbeeld-oauth2.json), and the published,
unparseable Turtle of examples/mandaten-annotaties as a document with invalid RDF.
"""

from __future__ import annotations

import base64
import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qs

PEERS = Path(__file__).resolve().parents[2].parent / "shared" / "peers" / "lokaal-beslist"
EXAMPLES = PEERS / "examples"
MELDING = EXAMPLES / "meldingsplicht"

# What the real examples submit, and the document resource of the RDFa example they replace.
SUBMITTED = "http://data.tielt-winge.be/besluiten/2398230"
SUBMITTED_OAUTH = "http://data.tielt-winge.be/besluiten/2398231"
EXAMPLE_RESOURCE = (
    "http://een.domein.van.mechelen.be/besluitenlijsten/a361ed84-4c47-4ee7-b2f9-2411a15d56ff-6"
)
# The credentials the real examples carry for the published document.
BASIC_USER, BASIC_PASSWORD = "foo", "bar"
CLIENT_ID, CLIENT_SECRET = "foo", "bar"
ACCESS_TOKEN = "toegangstoken-7c1e94b2d0a3"

PUBLIC = "/openbaar/besluitenlijst.html"
BASIC = "/beveiligd/besluitenlijst.html"
OAUTH = "/oauth/besluitenlijst.html"
TOKEN = "/oauth/token"
INVALID_RDF = "/export/besluit.ttl"
MISSING = "/bestaat-niet.html"


def example_page(name: str, resource: str) -> bytes:
    """A real RDFa example with its document resource replaced by ``resource``."""
    text = (EXAMPLES / "meldingsplicht-annotaties" / name).read_text("utf-8")
    return text.replace(EXAMPLE_RESOURCE, resource).encode("utf-8")


class PublicationSite:
    """The site; ``requests`` counts the paths asked for, ``token_forms`` the token requests."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.token_forms: list[dict[str, list[str]]] = []
        self._pages = {
            PUBLIC: example_page("voorbeeld-besluitenlijst.html", SUBMITTED),
            BASIC: example_page("voorbeeld-besluitenlijst.html", SUBMITTED),
            OAUTH: example_page("voorbeeld-besluitenlijst-met-stemming.html", SUBMITTED_OAUTH),
        }
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests[self.path] += 1
                if self.path == INVALID_RDF:
                    body = (EXAMPLES / "mandaten-annotaties" / "besluit.turtle").read_bytes()
                    return self._send(200, "text/turtle", body)
                page = site._pages.get(self.path)
                if page is None:
                    return self._send(404, "text/html", b"<p>niet gevonden</p>")
                if not self._allowed():
                    return self._send(401, "text/html", b"<p>aanmelden</p>")
                return self._send(200, "text/html; charset=utf-8", page)

            def do_POST(self) -> None:
                site.requests[self.path] += 1
                length = int(self.headers.get("Content-Length", "0"))
                form = parse_qs(self.rfile.read(length).decode())
                site.token_forms.append(form)
                client = _basic(CLIENT_ID, CLIENT_SECRET)
                granted = form.get("grant_type") == ["client_credentials"]
                if self.path != TOKEN or self.headers.get("Authorization") != client:
                    return self._send(401, "application/json", b'{"error": "invalid_client"}')
                if not granted:
                    return self._send(
                        400, "application/json", b'{"error": "unsupported_grant_type"}'
                    )
                answer = {"access_token": ACCESS_TOKEN, "token_type": "Bearer", "expires_in": 300}
                return self._send(200, "application/json", json.dumps(answer).encode())

            def _allowed(self) -> bool:
                given = self.headers.get("Authorization")
                if self.path == BASIC:
                    return given == _basic(BASIC_USER, BASIC_PASSWORD)
                if self.path == OAUTH:
                    return given == f"Bearer {ACCESS_TOKEN}"
                return True

            def _send(self, status: int, media_type: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", media_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    def __enter__(self) -> PublicationSite:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def real_example(name: str, **changes: object) -> dict[str, object]:
    """A real submission example (examples/meldingsplicht), with ``changes`` applied."""
    data: dict[str, object] = json.loads((MELDING / name).read_text("utf-8"))
    data.update(changes)
    return data
