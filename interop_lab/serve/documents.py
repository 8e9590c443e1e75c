"""Fetching a submission's published document as Lokaal Beslist does: through the lab's one HTTP
path, asking for HTML, with the authentication the submission gives.

Basic authentication sends the username and password; OAuth2 first asks the token endpoint for a
token with the client credentials grant (RFC 6749 section 4.4: client authentication by HTTP
Basic, which every authorisation server must support, and RFC 8707's ``resource`` when given),
then sends the token as a bearer token. Each request is evidence, with every credential and the
token hidden.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, replace
from urllib.parse import quote_plus

from interop_lab.crawl import fetch_page
from interop_lab.payloads.jsonld import ContextSource
from interop_lab.serve.credentials import DocumentAccess
from interop_lab.serve.records import DocumentFetch
from interop_lab.transport import Deadline, Exchange, Fetched, Limits, Recorder, open_fetcher
from interop_lab.transport.redaction import Redactor

# What Lokaal Beslist's download asks for (its remote data objects carry Accept: text/html).
ACCEPT_HTML = "text/html"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """The limits of the lab's requests for published documents, and where they are recorded."""

    limits: Limits
    recorder: Recorder
    contexts: ContextSource
    deadline_s: float = 120.0


async def fetch_document(
    href: str,
    access: DocumentAccess | None,
    settings: FetchSettings,
    *,
    label: str,
    secrets: tuple[str, ...] = (),
) -> DocumentFetch:
    """The published document at ``href``, fetched with ``access`` (None: a public document)."""
    deadline = Deadline(settings.deadline_s)
    if access is None:
        return await _get(href, {}, secrets, settings, deadline, label)
    if access.scheme == "basic":
        if access.username is None or access.password is None:
            return DocumentFetch(href, problem="basic-authenticatie zonder username of password")
        headers = {"Authorization": _basic(access.username, access.password)}
        return await _get(href, headers, (*secrets, access.password), settings, deadline, label)
    return await _with_token(href, access, settings, deadline, label, secrets)


async def _with_token(
    href: str,
    access: DocumentAccess,
    settings: FetchSettings,
    deadline: Deadline,
    label: str,
    secrets: tuple[str, ...],
) -> DocumentFetch:
    if access.token_url is None or access.client_id is None or access.client_secret is None:
        return DocumentFetch(href, problem="oauth2 zonder token-URL, clientId of clientSecret")
    client = (access.client_id, access.client_secret)
    fetched, token = await _token(
        access.token_url, client, access.resource, settings, deadline, label, secrets
    )
    if token is None:
        problem = "het token-endpoint gaf geen access_token (RFC 6749, 4.4.3)"
        return DocumentFetch(href, token=fetched, problem=problem)
    headers = {"Authorization": f"Bearer {token}"}
    every = (*secrets, access.client_secret, token)
    document = await _get(href, headers, every, settings, deadline, label)
    document.token = fetched
    return document


async def _get(
    href: str,
    headers: dict[str, str],
    secrets: tuple[str, ...],
    settings: FetchSettings,
    deadline: Deadline,
    label: str,
) -> DocumentFetch:
    async with open_fetcher(
        limits=settings.limits,
        recorder=settings.recorder,
        deadline=deadline,
        headers=headers,
        secrets=secrets,
    ) as fetcher:
        page = await fetch_page(
            fetcher,
            href,
            role="documents",
            name=f"{label}: gepubliceerd document",
            contexts=settings.contexts,
            accept=ACCEPT_HTML,
        )
    return DocumentFetch(href, page=page)


async def _token(
    url: str,
    client: tuple[str, str],
    resource: str | None,
    settings: FetchSettings,
    deadline: Deadline,
    label: str,
    secrets: tuple[str, ...],
) -> tuple[Fetched, str | None]:
    """The token request's answer (the token hidden in it) and the token, if one came."""
    client_id, client_secret = client
    form = {"grant_type": "client_credentials"}
    if resource:
        form["resource"] = resource
    # Recorded apart first: the token is only known once the answer is read, and must be hidden
    # in that very answer too.
    own = Recorder()
    async with open_fetcher(
        limits=settings.limits,
        recorder=own,
        deadline=deadline,
        headers={"Authorization": _basic(client_id, client_secret, form=True)},
        secrets=(*secrets, client_secret),
    ) as fetcher:
        fetched = await fetcher.post_form(
            url, form, name=f"{label}: OAuth2-token", accept="application/json"
        )
    token = _access_token(fetched)
    redactor = Redactor((*secrets, client_secret, *([token] if token else [])))
    hidden = tuple(_redacted(exchange, redactor) for exchange in own.exchanges)
    for exchange in hidden:
        settings.recorder.add(exchange)
    return replace(fetched, body=b"", exchanges=hidden), token


def _access_token(fetched: Fetched) -> str | None:
    if not fetched.ok:
        return None
    try:
        answer = json.loads(fetched.body)
    except ValueError:
        return None
    token = answer.get("access_token") if isinstance(answer, dict) else None
    return token if isinstance(token, str) and token else None


def _basic(user: str, password: str, *, form: bool = False) -> str:
    # OAuth2 clients form-encode their id and secret before the Basic scheme (RFC 6749, 2.3.1).
    if form:
        user, password = quote_plus(user), quote_plus(password)
    pair = f"{user}:{password}".encode()
    return f"Basic {base64.b64encode(pair).decode('ascii')}"


def _redacted(exchange: Exchange, redactor: Redactor) -> Exchange:
    return replace(
        exchange,
        name=redactor.text(exchange.name),
        url=redactor.url(exchange.url),
        request_headers=redactor.headers(exchange.request_headers),
        response_headers=redactor.headers(exchange.response_headers),
        body_text=redactor.optional(exchange.body_text),
        error=redactor.optional(exchange.error),
        redirected_to=redactor.optional(exchange.redirected_to),
    )
