"""Which URLs the lab may contact: the first one of a fetch and every redirect target."""

from __future__ import annotations

from collections.abc import Set

import httpx

from interop_lab.transport import messages
from interop_lab.transport.limits import Limits
from interop_lab.transport.results import FetchError

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_SCHEMES = ("http", "https")


def parse_start(url: str, limits: Limits) -> httpx.URL | FetchError:
    """The URL a fetch starts from, or why the lab will not contact it."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        return FetchError("invalid-url", messages.invalid_url(url, str(exc)))
    if parsed.scheme not in _SCHEMES:
        reason = (
            f"schema {parsed.scheme}: is geen http of https" if parsed.scheme else "geen schema"
        )
        return FetchError("invalid-url", messages.invalid_url(url, reason))
    problem = _address_problem(parsed)
    if problem is not None:
        return FetchError("invalid-url", messages.invalid_url(url, problem))
    if not host_allowed(parsed, limits.allowed_hosts):
        return FetchError("host-not-allowed", messages.host_not_allowed(parsed.host))
    return parsed


def _address_problem(url: httpx.URL) -> str | None:
    if not url.host:
        return "geen host"
    if url.port is not None and not 0 < url.port < 65536:
        return f"ongeldige poort {url.port}"
    return None


def host_allowed(url: httpx.URL, allowed_hosts: frozenset[str] | None) -> bool:
    """Whether ``url``'s host (or host:port) is in ``allowed_hosts``; None allows every host."""
    if allowed_hosts is None:
        return True
    port = url.port or (443 if url.scheme == "https" else 80)
    # Both spellings of an internationalised name: as written and as sent (punycode).
    hosts = {url.host.lower().rstrip("."), url.raw_host.decode("ascii").lower().rstrip(".")}
    names = {form for host in hosts for form in (host, f"{host}:{port}", f"[{host}]:{port}")}
    return not names.isdisjoint(allowed_hosts)


def origin(url: httpx.URL) -> tuple[str, str, int]:
    """Scheme, host and port: what decides whether credentials may go along."""
    return (url.scheme, url.host.lower(), url.port or (443 if url.scheme == "https" else 80))


def visit_key(url: httpx.URL) -> str:
    """What makes two redirect targets the same place: the URL without its fragment."""
    return str(url.copy_with(fragment=None))


def is_redirect(status: int, location: str | None) -> bool:
    return status in REDIRECT_STATUSES and bool(location and location.strip())


def resolve(current: httpx.URL, location: str) -> httpx.URL | None:
    """The absolute target of a Location header, or None if it cannot be a URL."""
    try:
        return current.join(location.strip())
    except httpx.InvalidURL:
        return None


def next_hop(
    current: httpx.URL, location: str, limits: Limits, visited: Set[str], followed: int
) -> httpx.URL | FetchError:
    """The redirect target to request next, or why the lab stops following."""
    target = resolve(current, location)
    if target is None:
        return FetchError("invalid-url", messages.redirect_invalid(location))
    if target.scheme not in _SCHEMES:
        return FetchError("scheme", messages.redirect_scheme(target.scheme))
    problem = _address_problem(target)
    if problem is not None:
        return FetchError("invalid-url", messages.redirect_invalid(location))
    if not host_allowed(target, limits.allowed_hosts):
        return FetchError("host-not-allowed", messages.redirect_host(target.host))
    if visit_key(target) in visited:
        return FetchError("redirect-loop", messages.redirect_loop(str(target)))
    if followed >= limits.max_redirects:
        return FetchError("redirects", messages.too_many_redirects(limits.max_redirects))
    return target
