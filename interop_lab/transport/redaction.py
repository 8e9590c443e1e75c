"""Keeping secrets out of evidence: every recorded string passes through a `Redactor`.

A secret is hidden in every form it is likely to travel in: as given, base64 (HTTP Basic),
percent-encoded (URL queries) and JSON-escaped (echoed in bodies).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Collection, Iterable
from urllib.parse import quote, quote_plus, urlsplit, urlunsplit

from interop_lab.transport.results import FetchError

REDACTED = "[verborgen]"

# Values of these headers are credentials whatever they contain.
SENSITIVE_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        "api-key",
        "x-auth-token",
    }
)

# Query parameters that carry credentials by convention, even when not passed as a secret.
_SENSITIVE_PARAMS = frozenset({"access_token", "api_key", "apikey", "client_secret", "password"})

Headers = tuple[tuple[str, str], ...]


def _forms(secret: str) -> set[str]:
    """The spellings of ``secret`` that can end up in a URL, header or body."""
    raw = secret.encode("utf-8")
    encoded = {base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode()}
    encoded |= {form.rstrip("=") for form in encoded}
    in_json = json.dumps(secret)[1:-1]
    # Some JSON encoders (PHP's, notably) also escape "/" as "\/".
    escaped = {quote(secret, safe=""), quote(secret), quote_plus(secret), in_json}
    escaped.add(in_json.replace("/", "\\/"))
    return {secret} | encoded | escaped


class Redactor:
    """Replaces secrets by ``[verborgen]`` in text, URLs and headers."""

    __slots__ = ("_pattern",)

    def __init__(self, secrets: Collection[str] = ()) -> None:
        forms: set[str] = set()
        for secret in secrets:
            if secret:
                forms |= _forms(secret)
        forms.discard("")
        # Longest first, so a secret that contains another is hidden whole.
        alternatives = sorted(forms, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, alternatives))) if forms else None

    def text(self, value: str) -> str:
        if self._pattern is None:
            return value
        return self._pattern.sub(REDACTED, value)

    def optional(self, value: str | None) -> str | None:
        return None if value is None else self.text(value)

    def url(self, url: str) -> str:
        """``url`` without its password and credential-like query values, then secrets hidden."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return self.text(url)
        netloc = _without_password(parts.netloc)
        query = "&".join(_redact_param(param) for param in parts.query.split("&"))
        if (netloc, query) != (parts.netloc, parts.query):
            url = urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
        return self.text(url)

    def header(self, name: str, value: str) -> str:
        """The whole value is hidden when it is a credential or contains a secret."""
        if name.lower() in SENSITIVE_HEADERS or self.text(value) != value:
            return REDACTED
        return value

    def headers(self, pairs: Iterable[tuple[str, str]]) -> Headers:
        return tuple((self.text(name), self.header(name, value)) for name, value in pairs)

    def error(self, error: FetchError | None) -> FetchError | None:
        if error is None:
            return None
        return FetchError(error.kind, self.text(error.message))


def _without_password(netloc: str) -> str:
    userinfo, at, hostport = netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return netloc
    return f"{userinfo.split(':', 1)[0]}:{REDACTED}@{hostport}"


def _redact_param(param: str) -> str:
    name, equals, _ = param.partition("=")
    return f"{name}={REDACTED}" if equals and name.lower() in _SENSITIVE_PARAMS else param


def without_cookies(pairs: Iterable[tuple[str, str]]) -> Headers:
    """Response headers for callers: as received, but Set-Cookie values hidden."""
    return tuple(
        (name, REDACTED if name.lower() == "set-cookie" else value) for name, value in pairs
    )
