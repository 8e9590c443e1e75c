"""The credentials a submission carries, and keeping them out of everything the lab records.

A submission holds the vendor's key and may hold the username and password, or the OAuth2 client
id and secret, with which Lokaal Beslist fetches a non-public published document. The lab uses
them once, to fetch that document, and records the submission with each of them replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from interop_lab.payloads.traced import Triple
from interop_lab.transport.redaction import REDACTED, Redactor

_SECURITY = "http://lblod.data.gift/vocabularies/security/"
_WOT = "https://www.w3.org/2019/wot/security#"
_OAUTH = "http://kanselarij.vo.data.gift/vocabularies/oauth-2.0-session/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
BASIC = f"{_WOT}BasicSecurityScheme"
OAUTH2 = f"{_WOT}OAuth2SecurityScheme"
# JSON keys whose values are credentials in the context of Lokaal Beslist (and in any sane one).
CREDENTIAL_KEYS = frozenset({"key", "password", "clientSecret"})


@dataclass(frozen=True, slots=True)
class DocumentAccess:
    """How the submission says its published document may be fetched (``authentication``).

    ``scheme`` is ``basic`` or ``oauth2``, or None when the configuration names another one.
    """

    scheme: str | None
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    token_url: str | None = None
    resource: str | None = None

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(value for value in (self.password, self.client_secret) if value)


def access_of(triples: list[Triple]) -> DocumentAccess | None:
    """The authentication configuration the body states, read from its RDF as the real service
    reads it (first value of each property); None when it states none."""

    def first(predicate: str, subject: str | None = None) -> str | None:
        return next(
            (
                str(o)
                for s, p, o in triples
                if str(p) == predicate and (subject is None or str(s) == subject)
            ),
            None,
        )

    if first(f"{_SECURITY}targetAuthenticationConfiguration") is None:
        return None
    configuration = first(f"{_SECURITY}securityConfiguration")
    types = {str(o) for s, p, o in triples if str(s) == configuration and str(p) == _RDF_TYPE}
    scheme = "basic" if BASIC in types else "oauth2" if OAUTH2 in types else None
    return DocumentAccess(
        scheme=scheme,
        username=first("http://rdf.myexperiment.org/ontologies/base/username"),
        password=first("http://mu.semte.ch/vocabularies/account/password"),
        client_id=first(f"{_OAUTH}clientId"),
        client_secret=first(f"{_OAUTH}clientSecret"),
        token_url=first(f"{_WOT}token"),
        resource=first(f"{_OAUTH}resource"),
    )


def secrets_in(data: Any) -> list[str]:
    """Every string value of a credential key anywhere in ``data``."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in CREDENTIAL_KEYS and isinstance(value, str) and value:
                found.append(value)
            else:
                found.extend(secrets_in(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(secrets_in(value))
    return found


def without_secrets(data: Any, secrets: tuple[str, ...]) -> Any:
    """A copy of ``data`` with each credential key's value, and each secret anywhere in a string,
    replaced by ``[verborgen]``: the structure stays, so JSON pointers still point."""
    return _scrubbed(data, Redactor(secrets))


def _scrubbed(data: Any, redactor: Redactor) -> Any:
    if isinstance(data, dict):
        return {
            key: REDACTED
            if key in CREDENTIAL_KEYS and isinstance(value, str)
            else _scrubbed(value, redactor)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_scrubbed(value, redactor) for value in data]
    if isinstance(data, str):
        return redactor.text(data)
    return data
