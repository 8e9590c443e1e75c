"""Which network addresses a run may connect to, checked where the connection is made.

With `Limits.public_only` (a campaign) the lab contacts public internet addresses only: the host
of every connection, each redirect hop included, is resolved once, every address it resolves to
must be globally routable, and the socket connects to a vetted address itself, so no second DNS
answer (rebinding) is ever asked for. TLS still checks the certificate against the host name:
httpcore starts TLS with the URL's host as server name, whatever address the socket reached.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

import anyio
import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host and port -> the addresses (as text) the host resolves to; raises OSError when it cannot.
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
# an address -> why the lab may not connect to it (Dutch), or None when it may.
Judge = Callable[[IPAddress], str | None]

# IPv6 prefixes that carry an IPv4 address in their last 32 bits: judged by that address.
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))
_THIS_NETWORK = ipaddress.IPv4Network("0.0.0.0/8")
_PROTOCOL_ASSIGNMENTS = ipaddress.IPv4Network("192.0.0.0/24")
_POOL = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)


def not_public(address: IPAddress) -> str | None:
    """Why ``address`` is no public internet address (Dutch), or None when it is one.

    `ipaddress`'s ``is_global`` plus explicit checks: it calls some multicast, site-local and
    IETF-assigned addresses global, and judges IPv4 inside IPv6 by the IPv6 prefix alone.
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or _nat64(address)
        if embedded is not None:
            return not_public(embedded)
        inside = None if address.sixtofour is None else not_public(address.sixtofour)
        if inside is not None:
            return inside
        if address.is_site_local:
            return "site-local"
    if address.is_unspecified or address in _THIS_NETWORK:
        return "niet-gespecificeerd adres"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_private:
        return "privé-netwerk"
    if address.is_reserved:
        return "gereserveerd"
    if not address.is_global or address in _PROTOCOL_ASSIGNMENTS:
        return "niet publiek routeerbaar"
    return None


def shown(address: IPAddress) -> str:
    """An address as a reader recognises it: IPv4-mapped IPv6 with its IPv4 part dotted."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return f"::ffff:{address.ipv4_mapped}"
    return str(address)


def _nat64(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if any(address in network for network in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


async def system_resolve(host: str, port: int) -> list[str]:
    """The operating system's answer for ``host`` (getaddrinfo), TCP addresses only."""
    answers = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(sockaddr[0]) for _, _, _, _, sockaddr in answers]


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """How a public-only fetcher finds and judges addresses; tests inject both."""

    resolve: Resolver = system_resolve
    judge: Judge = not_public


class AddressNotAllowedError(Exception):
    """A connection the policy refused; raised before any socket is opened."""

    def __init__(self, host: str, address: IPAddress, reason: str) -> None:
        super().__init__(f"{host} -> {address}: {reason}")
        self.host = host
        self.address = address
        self.reason = reason


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that resolves once, vets every answer, connects to it."""

    def __init__(
        self, policy: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None
    ) -> None:
        self._policy = policy
        self._inner = inner if inner is not None else httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        started = time.monotonic()
        addresses = await self.vetted(host, port, timeout)
        failure: httpcore.ConnectError | None = None
        for address in addresses:
            left = None if timeout is None else max(0.0, timeout - (time.monotonic() - started))
            try:
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=left,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:  # the next vetted address may answer
                failure = exc
        assert failure is not None  # vetted() never returns an empty list
        raise failure

    async def vetted(self, host: str, port: int, timeout: float | None) -> list[IPAddress]:
        """The addresses ``host`` resolves to, once; refused if any one is not allowed."""
        addresses = _literal(host)
        if addresses is None:
            addresses = await self._resolve(host, port, timeout)
        for address in addresses:
            reason = self._policy.judge(address)
            if reason is not None:
                raise AddressNotAllowedError(host, address, reason)
        return addresses

    async def _resolve(self, host: str, port: int, timeout: float | None) -> list[IPAddress]:
        try:
            with anyio.fail_after(timeout):
                answers = await self._policy.resolve(host, port)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(f"DNS lookup of {host} timed out") from exc
        except OSError as exc:
            raise httpcore.ConnectError(f"DNS lookup of {host} failed: {exc}") from exc
        addresses: list[IPAddress] = []
        for answer in answers:
            address = ipaddress.ip_address(answer)
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            nothing = socket.gaierror(socket.EAI_NONAME, "no addresses")
            raise httpcore.ConnectError(f"DNS lookup of {host} gave no address") from nothing
        return addresses

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        # The lab never configures a Unix socket; a public-only fetcher must not reach one.
        raise httpcore.ConnectError(f"Unix socket {path} refused: public addresses only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _literal(host: str) -> list[IPAddress] | None:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        return None


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, over a `PinnedBackend` (httpx 0.28 takes no backend argument)."""

    def __init__(self, *, verify: bool, policy: AddressPolicy) -> None:
        super().__init__(verify=verify, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=_POOL.max_connections,
            max_keepalive_connections=_POOL.max_keepalive_connections,
            keepalive_expiry=_POOL.keepalive_expiry,
            network_backend=PinnedBackend(policy),
        )
