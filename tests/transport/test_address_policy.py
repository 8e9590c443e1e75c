"""Public only (a campaign): every connection's resolved address is vetted, then pinned.

The tests give the fetcher their own resolver (a scripted DNS) and judge. Names end in
``.invalid``, which no real resolver answers: a request that reaches the loopback test server
through such a name proves the socket went to the vetted address, without a second lookup.
Where a test server must stand in for a public host, the judge calls exactly 127.0.0.1 public;
every other address is judged by the lab's own `not_public`.
"""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import socket
import ssl
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from interop_lab.transport import AddressPolicy, Limits
from interop_lab.transport.addresses import IPAddress, PinnedBackend, not_public, shown

if TYPE_CHECKING:
    from conftest import Conn, Fetch, Handler, Serve

PUBLIC_ONLY = Limits(request_timeout_s=2.0, retries=0, backoff_s=0.01, public_only=True)
STAND_IN = ipaddress.IPv4Address("127.0.0.1")  # the test server, judged public where needed
VENDOR = "leverancier.invalid"
FIX = "een campagne test alleen publieke adressen; --allow-private voor de eigen testhosts"


class Dns:
    """A scripted resolver: each name answers its next list of addresses (the last repeats)."""

    def __init__(self, answers: dict[str, Sequence[Sequence[str]]]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, int]] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        script = self.answers.get(host)
        if not script:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        count = sum(1 for name, _ in self.asked if name == host)
        return list(script[min(count, len(script)) - 1])


def stand_in_public(address: IPAddress) -> str | None:
    return None if address == STAND_IN else not_public(address)


def policy(dns: Dns) -> AddressPolicy:
    return AddressPolicy(resolve=dns, judge=stand_in_public)


def _ok(conn: Conn) -> None:
    conn.respond(200, b"publiek", [("Content-Type", "text/plain")])


def _to(location: str) -> Handler:
    def handler(conn: Conn) -> None:
        conn.respond(302, b"", [("Location", location)])

    return handler


# --- the judge -------------------------------------------------------------------------------

NOT_PUBLIC = {
    "127.0.0.1": "loopback",
    "127.8.9.10": "loopback",
    "::1": "loopback",
    "10.1.2.3": "privé-netwerk",
    "172.16.0.1": "privé-netwerk",
    "192.168.1.1": "privé-netwerk",
    "fd00::1": "privé-netwerk",
    "169.254.169.254": "link-local",  # cloud metadata
    "fe80::1": "link-local",
    "0.0.0.0": "niet-gespecificeerd adres",
    "0.1.2.3": "niet-gespecificeerd adres",
    "::": "niet-gespecificeerd adres",
    "224.0.0.1": "multicast",
    "ff02::1": "multicast",
    "240.0.0.1": "privé-netwerk",
    "255.255.255.255": "privé-netwerk",
    "100.64.0.1": "niet publiek routeerbaar",  # carrier-grade NAT
    "192.0.0.8": "niet publiek routeerbaar",
    "fec0::1": "site-local",
    "::ffff:127.0.0.1": "loopback",  # IPv4-mapped
    "::ffff:10.0.0.1": "privé-netwerk",
    "64:ff9b::a9fe:a9fe": "link-local",  # NAT64 of 169.254.169.254
    "2002:7f00:1::": "loopback",  # 6to4 of 127.0.0.1
    "::127.0.0.1": "gereserveerd",  # IPv4-compatible (deprecated)
    "2001:db8::1": "privé-netwerk",  # documentation
}
PUBLIC = ["8.8.8.8", "193.191.245.90", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]


@pytest.mark.parametrize(("address", "reason"), NOT_PUBLIC.items())
def test_every_non_public_class_is_named(address: str, reason: str) -> None:
    assert not_public(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert not_public(ipaddress.ip_address(address)) is None


# --- the connection ----------------------------------------------------------------------------


def test_a_public_answer_is_pinned(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": _ok})
    dns = Dns({VENDOR: [["127.0.0.1"]]})
    fetched = fetch(f"http://{VENDOR}:{server.port}/", limits=PUBLIC_ONLY, addresses=policy(dns))
    assert fetched.ok, fetched.error
    assert fetched.body == b"publiek"
    assert dns.asked == [(VENDOR, server.port)]  # one lookup; the socket used its answer
    assert server.seen_headers[0]["host"] == f"{VENDOR}:{server.port}"  # the name, not the IP


def test_one_private_answer_among_public_ones_is_refused(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": _ok})
    dns = Dns({VENDOR: [["127.0.0.1", "10.0.0.7"]]})
    fetched = fetch(f"http://{VENDOR}:{server.port}/", limits=PUBLIC_ONLY, addresses=policy(dns))
    assert fetched.error is not None
    assert fetched.error.kind == "address-not-allowed"
    assert "10.0.0.7" in fetched.error.message
    assert server.requests == []


def test_dns_rebinding_is_refused_at_the_next_connection(serve: Serve, fetch: Fetch) -> None:
    # The answer is public for the first connection and private for the next one (the server
    # closes each connection): the redirect's hop resolves again and is refused.
    server = serve({"/a": _to("/b"), "/b": _ok})
    dns = Dns({VENDOR: [["127.0.0.1"], ["169.254.169.254"]]})
    fetched = fetch(f"http://{VENDOR}:{server.port}/a", limits=PUBLIC_ONLY, addresses=policy(dns))
    assert fetched.error is not None
    assert fetched.error.kind == "address-not-allowed"
    assert server.requests == ["GET /a"]
    assert len(dns.asked) == 2
    first, second = fetched.exchanges
    assert (first.status, first.error) == (302, None)
    assert (second.status, second.error) == (None, fetched.error.message)
    assert "169.254.169.254" in fetched.error.message


def test_a_rebinding_answer_is_never_asked_for_within_one_connection(serve: Serve) -> None:
    # The backend itself: one lookup per connection, and it connects to that lookup's answer
    # even though the resolver would now say something else.
    server = serve({"/": _ok})
    dns = Dns({VENDOR: [["127.0.0.1"], ["10.9.9.9"]]})
    backend = PinnedBackend(policy(dns))

    async def connect() -> str:
        stream = await backend.connect_tcp(VENDOR, server.port, timeout=2.0)
        try:
            peer = stream.get_extra_info("server_addr")
            await stream.write(f"GET / HTTP/1.1\r\nHost: {VENDOR}\r\n\r\n".encode())
            return f"{peer[0]} {(await stream.read(1024)).split(b' ')[1].decode()}"
        finally:
            await stream.aclose()

    assert asyncio.run(connect()) == "127.0.0.1 200"
    assert dns.asked == [(VENDOR, server.port)]


@pytest.mark.parametrize(("address", "reason"), NOT_PUBLIC.items())
def test_every_non_public_answer_is_refused_with_the_fix(
    address: str, reason: str, fetch: Fetch
) -> None:
    dns = Dns({VENDOR: [[address]]})
    lab_judge = AddressPolicy(resolve=dns)  # the lab's own judge: 127.0.0.1 too is refused
    fetched = fetch(f"http://{VENDOR}/pagina", limits=PUBLIC_ONLY, addresses=lab_judge)
    assert fetched.error is not None
    assert fetched.error.kind == "address-not-allowed"
    written = shown(ipaddress.ip_address(address))
    assert fetched.error.message == (
        f"verbinding met {VENDOR} geweigerd: adres {written} is niet publiek ({reason}); "
        f"{FIX} van het lab"
    )
    (exchange,) = fetched.exchanges  # recorded like any refusal, and never retried
    assert (exchange.url, exchange.status, exchange.error) == (
        f"http://{VENDOR}/pagina",
        None,
        fetched.error.message,
    )


def test_a_literal_private_address_is_refused_without_a_lookup(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": _ok})
    dns = Dns({})
    fetched = fetch(server.url("/"), limits=PUBLIC_ONLY, addresses=AddressPolicy(resolve=dns))
    assert fetched.error is not None
    assert fetched.error.kind == "address-not-allowed"
    assert fetched.error.message.startswith(
        "verbinding met 127.0.0.1 geweigerd: adres 127.0.0.1 is niet publiek (loopback); "
    )
    assert dns.asked == []
    assert server.requests == []


def test_the_default_policy_refuses_localhost(serve: Serve, fetch: Fetch) -> None:
    # The system's resolver: localhost is loopback whatever else it resolves to.
    server = serve({"/": _ok})
    fetched = fetch(f"http://localhost:{server.port}/", limits=PUBLIC_ONLY)
    assert fetched.error is not None
    assert fetched.error.kind == "address-not-allowed"
    assert "(loopback)" in fetched.error.message
    assert server.requests == []


def test_a_redirect_to_a_private_address_is_refused(serve: Serve, fetch: Fetch) -> None:
    internal = serve({"/geheim": _ok})
    vendor = serve({"/": _to(f"http://intern.invalid:{internal.port}/geheim")})
    # ::ffff:127.0.0.1 reaches the internal server on a dual-stack host: only the policy stops it.
    dns = Dns({VENDOR: [["127.0.0.1"]], "intern.invalid": [["::ffff:127.0.0.1"]]})
    fetched = fetch(f"http://{VENDOR}:{vendor.port}/", limits=PUBLIC_ONLY, addresses=policy(dns))
    assert fetched.error is not None
    assert fetched.error.kind == "address-not-allowed"
    assert fetched.error.message.startswith(
        "verbinding met intern.invalid geweigerd: adres ::ffff:127.0.0.1 is niet publiek (loopback)"
    )
    assert vendor.requests == ["GET /"]
    assert internal.requests == []
    assert [exchange.redirected_to for exchange in fetched.exchanges] == [
        f"http://intern.invalid:{internal.port}/geheim",
        None,
    ]


def test_a_redirect_to_a_literal_loopback_address_is_refused(serve: Serve, fetch: Fetch) -> None:
    internal = serve({"/admin": _ok})
    vendor = serve({"/": _to(f"http://127.0.0.2:{internal.port}/admin")})
    dns = Dns({VENDOR: [["127.0.0.1"]]})
    fetched = fetch(f"http://{VENDOR}:{vendor.port}/", limits=PUBLIC_ONLY, addresses=policy(dns))
    assert fetched.error is not None
    assert fetched.error.kind == "address-not-allowed"
    assert "adres 127.0.0.2 is niet publiek (loopback)" in fetched.error.message
    assert internal.requests == []


def test_a_name_that_does_not_resolve_is_an_unknown_host(fetch: Fetch) -> None:
    fetched = fetch(f"http://{VENDOR}/", limits=PUBLIC_ONLY, addresses=policy(Dns({})))
    assert fetched.error is not None
    assert (fetched.error.kind, fetched.error.message) == (
        "connect",
        f"host {VENDOR} niet gevonden (DNS)",
    )


def test_a_lookup_that_hangs_is_bounded_by_the_request_timeout(fetch: Fetch) -> None:
    async def never(host: str, port: int) -> list[str]:
        await asyncio.sleep(30)
        return []

    limits = Limits(request_timeout_s=0.3, retries=0, public_only=True)
    fetched = fetch(f"http://{VENDOR}/", limits=limits, addresses=AddressPolicy(resolve=never))
    assert fetched.error is not None
    assert fetched.error.kind == "timeout"
    assert fetched.exchanges[0].elapsed_ms < 2000


def test_without_public_only_every_address_is_contacted(serve: Serve, fetch: Fetch) -> None:
    # A vendor's own run (self-test): loopback, redirects to loopback, all allowed.
    assert Limits().public_only is False
    internal = serve({"/geheim": _ok})
    vendor = serve({"/": _to(internal.url("/geheim"))})
    fetched = fetch(vendor.url("/"), limits=Limits(request_timeout_s=2.0, retries=0))
    assert fetched.ok, fetched.error
    assert (vendor.requests, internal.requests) == (["GET /"], ["GET /geheim"])


# --- TLS: the certificate is checked against the name, while the socket goes to the address --


def _certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed CA certificate for ``name`` (and its key), to trust and to serve."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / f"{name}.pem", folder / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.mark.parametrize(("certified", "works"), [(VENDOR, True), ("ander.invalid", False)])
def test_tls_is_verified_against_the_host_name(
    certified: str,
    works: bool,
    serve: Serve,
    fetch: Fetch,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cert_file, key_file = _certificate(tmp_path, certified)
    names: list[str | None] = []
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert_file, key_file)

    def note_name(_sock: ssl.SSLObject, name: str | None, _context: ssl.SSLContext) -> None:
        names.append(name)

    server_side.sni_callback = note_name
    server = serve({"/": _ok}, tls=server_side)
    trusted = ssl.create_default_context(cafile=str(cert_file))
    # Only this test's certificate is trusted; verification itself stays on.
    monkeypatch.setattr(httpx, "create_ssl_context", lambda **_: trusted)
    dns = Dns({VENDOR: [["127.0.0.1"]]})
    fetched = fetch(f"https://{VENDOR}:{server.port}/", limits=PUBLIC_ONLY, addresses=policy(dns))
    assert names == [VENDOR]  # SNI carries the name, though the socket went to 127.0.0.1
    if works:
        assert fetched.ok, fetched.error
    else:
        assert fetched.error is not None
        assert fetched.error.kind == "tls"
        assert VENDOR in fetched.error.message or "certificaat" in fetched.error.message
