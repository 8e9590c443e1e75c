"""Checks of single profile values; each failure is a PydanticCustomError whose text names the fix.

Error types start with ``profile_`` so the message layer shows our text as is. Values read from
``auth`` are never echoed: a mistyped secret must not end up in a CI log.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import SplitResult, urlsplit

from pydantic import AfterValidator, BeforeValidator, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError

ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # RFC 9110 token
_EMAIL = re.compile(r"[^@\s<>,;]+@[^@\s<>,;]+\.[A-Za-z]{2,}")
_RELEASE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")
_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?|\[[0-9a-f:.]+\]"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
SECRET_HINT = (
    "secrets never go in a profile: put the value in an environment variable "
    "and name it here with {field}: NAME"
)


def _fail(kind: str, message: str, **context: object) -> PydanticCustomError:
    return PydanticCustomError(f"profile_{kind}", message, context or None)


def looks_like_secret(value: str) -> bool:
    """A token, key or password pasted where a variable name belongs (a cautious guess)."""
    if len(value) < 8:
        return False
    if re.search(r"[^A-Za-z0-9_-]", value):
        return True  # '.', '=', '+', '/' and spaces occur in tokens, never in variable names
    mixed = any(c.isdigit() for c in value) and any(c.islower() for c in value)
    return len(value) >= 20 and mixed


def _env_name(value: str, info: ValidationInfo) -> str:
    field = info.field_name or "token_env"
    if ENV_NAME.fullmatch(value):
        return value
    if looks_like_secret(value):
        raise _fail("inline_secret", SECRET_HINT.format(field=field))
    raise _fail(
        "env_name",
        "not a valid environment variable name: use capitals, digits and _ "
        "(matching ^[A-Z_][A-Z0-9_]*$), e.g. VOORBEELD_TOKEN",
    )


def _header_name(value: str) -> str:
    if _HEADER_NAME.fullmatch(value):
        return value
    raise _fail(
        "header_name",
        "not an HTTP header name: write only the name, e.g. X-API-Key; "
        "the key itself goes in the environment variable named by key_env",
    )


def _kbo(value: str) -> str:
    """Accept 0123456789, 0123.456.789 and BE0123456789; keep the ten digits."""
    digits = re.sub(r"[\s.]", "", value.strip().upper()).removeprefix("BE")
    if re.fullmatch(r"[0-9]{10}", digits):
        return digits
    raise _fail(
        "kbo",
        "a KBO number has 10 digits, e.g. 0123456789 or 0123.456.789; got '{value}'",
        value=value[:40],
    )


def _email(value: str) -> str:
    if _EMAIL.fullmatch(value.strip()):
        return value.strip()
    raise _fail(
        "email",
        "'{value}' is not an e-mail address; write one like interop@voorbeeld.be",
        value=value[:80],
    )


def _release(value: str) -> str:
    if _RELEASE.fullmatch(value):
        return value
    raise _fail(
        "release",
        "a release is a version such as 4.2.0 or 2024.05-rc1: letters, digits and . _ + - only, "
        "at most 64 characters",
    )


def _plain_text(value: str) -> str:
    if _CONTROL.search(value):
        raise _fail("control_character", "contains a control character; remove it")
    return value


def _http_url(value: str, what: str) -> SplitResult:
    """Split an absolute http(s) URL, or fail with a message saying how to write one."""
    if re.search(r"\s", value) or _CONTROL.search(value):
        # urlsplit silently drops tabs and line breaks, so the URL checked would not be the
        # URL used.
        raise _fail(
            "url_space",
            "{what} must not contain spaces, tabs or line breaks (write a space as %20)",
            what=what,
        )
    parts = urlsplit(value)
    if not parts.scheme:
        raise _fail(
            "relative_url",
            "{what} must be an absolute URL with scheme and host, e.g. https://api.voorbeeld.be "
            "(endpoint paths are written relative to base_url)",
            what=what,
        )
    if parts.scheme.lower() not in ("http", "https"):
        raise _fail(
            "url_scheme",
            "scheme '{scheme}' is not allowed in {what}; use http:// or https://",
            scheme=parts.scheme,
            what=what,
        )
    if not parts.hostname or "@" in parts.netloc:
        raise _fail(
            "url_host",
            "{what} needs a host and no user name or password, e.g. https://api.voorbeeld.be "
            "(credentials go in auth, through environment variables)",
            what=what,
        )
    try:
        parts.port  # noqa: B018 - urlsplit only checks the port when it is read
    except ValueError:
        raise _fail("url_port", "{what} has an invalid port number", what=what) from None
    return parts


def _base_url(value: str) -> str:
    parts = _http_url(value, "base_url")
    if parts.query or parts.fragment:
        raise _fail(
            "base_url_query",
            "base_url must not have a query or fragment; put those in the endpoint paths",
        )
    return value


def _endpoint(value: str) -> str:
    if not value.strip() or re.search(r"\s", value):
        raise _fail(
            "endpoint",
            "an endpoint is a path such as /ldes/feed or an http(s) URL, "
            "without spaces (write a space as %20)",
        )
    if value.startswith("//"):
        raise _fail(
            "endpoint",
            "a path must start with a single /; for another host write the full https:// URL",
        )
    if urlsplit(value).scheme:
        _http_url(value, "an endpoint URL")
    return value


def _iri(value: str) -> str:
    """An absolute http(s) IRI, as Lokaal Beslist names vendors and bestuurseenheden."""
    if re.search(r"\s", value) or _CONTROL.search(value):
        raise _fail("iri", "an IRI has no spaces, tabs or line breaks")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise _fail(
            "iri",
            "expected an absolute http(s) IRI, e.g. "
            "http://data.lblod.info/id/bestuurseenheden/2498239",
        )
    return value


def _one_or_many(value: object) -> object:
    """A role names one path or a list of paths; both become a tuple."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return value
    raise _fail("endpoint_type", "expected a path such as /ldes/feed or a list of paths")


def _non_empty(value: tuple[str, ...]) -> tuple[str, ...]:
    if not value:
        raise _fail("empty_endpoints", "list at least one path for this role")
    return value


def _host(value: str) -> str:
    text = value.strip().lower()
    host, port = text.rsplit(":", 1) if _has_port(text) else (text, "")
    if _HOST.fullmatch(host) and (not port or (port.isdigit() and 0 < int(port) < 65536)):
        return text
    raise _fail(
        "host",
        "write only a host name with an optional port, e.g. data.voorbeeld.be or "
        "data.voorbeeld.be:8443 (no scheme, no path)",
    )


def _has_port(value: str) -> bool:
    return value.rfind(":") > value.rfind("]")


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_plain_text),
]
EnvName = Annotated[str, AfterValidator(_env_name)]
HeaderName = Annotated[str, AfterValidator(_header_name)]
Kbo = Annotated[str, AfterValidator(_kbo)]
Email = Annotated[str, AfterValidator(_email)]
Release = Annotated[str, AfterValidator(_release)]
BaseUrl = Annotated[str, AfterValidator(_base_url)]
Endpoint = Annotated[str, AfterValidator(_endpoint)]
Endpoints = Annotated[
    tuple[Endpoint, ...], BeforeValidator(_one_or_many), AfterValidator(_non_empty)
]
Host = Annotated[str, AfterValidator(_host)]
Iri = Annotated[str, AfterValidator(_iri)]
