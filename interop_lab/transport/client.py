"""The lab's one way to make HTTP requests: `open_fetcher` gives a `Fetcher` over one client.

Redirects are followed here, not by httpx, so every hop is checked against the limits and
recorded; retries happen per hop. Every failure becomes a `FetchError` in the result: a hostile
endpoint is a finding about the vendor, never an exception.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from http.cookiejar import CookieJar, DefaultCookiePolicy

import httpx

from interop_lab import __version__
from interop_lab.transport import messages, retry, urls
from interop_lab.transport.addresses import AddressPolicy, PinnedTransport
from interop_lab.transport.attempt import Attempt, Context, Wire, stamp_request
from interop_lab.transport.limits import Deadline, Limits
from interop_lab.transport.pacing import Pacer
from interop_lab.transport.recording import Exchange, Recorder
from interop_lab.transport.redaction import SENSITIVE_HEADERS, Redactor, without_cookies
from interop_lab.transport.results import Fetched, FetchError

DEFAULT_USER_AGENT = f"interop-lab/{__version__}"
# Only codings the lab can decode within its limits (httpx would also offer zstd).
_ACCEPT_ENCODING = "gzip, deflate, br"
_MIN_DERIVED_SECRET = 6


@dataclass(slots=True)
class _Trail:
    """The hops and tries of one fetch so far."""

    url: httpx.URL
    origin: tuple[str, str, int] = ("", "", 0)
    form: Mapping[str, str] | None = None  # a form POST's fields: sent, never recorded
    exchanges: list[Exchange] = field(default_factory=list)
    last: Attempt | None = None
    error: FetchError | None = None

    def add(self, attempt: Attempt) -> None:
        self.exchanges.append(attempt.exchange)
        self.last = attempt
        self.error = attempt.error

    def stop(self, error: FetchError, redactor: Redactor) -> None:
        """End the walk at the last hop, and say why in that hop's evidence too."""
        self.error = error
        self.exchanges[-1] = replace(self.exchanges[-1], error=redactor.text(error.message))


Answers = dict[tuple[str, str | None], Fetched]


class Fetcher:
    """Fetches URLs within the limits, recording every exchange; made by `open_fetcher`."""

    def __init__(
        self,
        wire: Wire,
        recorder: Recorder,
        credentials: frozenset[str],
        answers: Answers | None = None,
        pacer: Pacer | None = None,
    ) -> None:
        self._wire = wire
        self._recorder = recorder
        self._credentials = credentials  # header names never sent to another origin
        self._answers = answers
        self._pacer = pacer

    async def get(
        self, url: str, *, name: str, accept: str | None = None, test: str | None = None
    ) -> Fetched:
        # Within one run a URL is fetched once per media type, whichever suite asks again.
        if self._answers is not None and (url, accept) in self._answers:
            return self._answers[(url, accept)]
        fetched = await self._fetch("GET", url, self._context(name, test), accept)
        if self._answers is not None:
            self._answers[(url, accept)] = fetched
        return fetched

    async def head(
        self, url: str, *, name: str, accept: str | None = None, test: str | None = None
    ) -> Fetched:
        return await self._fetch("HEAD", url, self._context(name, test), accept)

    async def post_form(
        self, url: str, form: Mapping[str, str], *, name: str, accept: str | None = None
    ) -> Fetched:
        """POST ``form`` urlencoded (an OAuth2 token request): one hop, no redirect followed and
        no retry, as a POST may change something; the fields are never recorded."""
        return await self._fetch("POST", url, self._context(name, None), accept, form)

    def _context(self, name: str, test: str | None) -> Context:
        # A name may quote a URL with a token in it: it is evidence like any other field.
        redact = self._wire.redactor
        return Context(redact.text(name), redact.optional(test))

    async def _fetch(
        self,
        method: str,
        url: str,
        context: Context,
        accept: str | None,
        form: Mapping[str, str] | None = None,
    ) -> Fetched:
        start = urls.parse_start(url, self._wire.limits)
        if isinstance(start, FetchError):
            attempt = self._wire.skipped(method, url, context, start)
            self._recorder.add(attempt.exchange)
            return self._fetched(url, url, attempt, start, (attempt.exchange,))
        trail = _Trail(start, urls.origin(start), form=form)
        await self._walk(method, trail, context, accept)
        for exchange in trail.exchanges:
            self._recorder.add(exchange)
        assert trail.last is not None
        return self._fetched(url, str(trail.url), trail.last, trail.error, tuple(trail.exchanges))

    async def _walk(self, method: str, trail: _Trail, context: Context, accept: str | None) -> None:
        visited = {urls.visit_key(trail.url)}
        for followed in range(self._wire.limits.max_redirects + 1):
            attempt = await self._tries(method, trail, context, accept)
            if attempt.error is not None or attempt.location is None or trail.form is not None:
                return
            target = urls.next_hop(
                trail.url, attempt.location, self._wire.limits, visited, followed
            )
            if isinstance(target, FetchError):
                trail.stop(target, self._wire.redactor)
                return
            visited.add(urls.visit_key(target))
            trail.url = target
        # next_hop refuses the hop after max_redirects, so the loop always returns above.
        raise AssertionError("redirect walk did not end")

    async def _tries(
        self, method: str, trail: _Trail, context: Context, accept: str | None
    ) -> Attempt:
        """The tries of one hop: the first, then retries while they are allowed and useful."""
        number = 1
        while True:
            if self._wire.deadline.expired:
                if number > 1 and trail.last is not None:
                    return trail.last  # keep the answer we have rather than none
                return self._no_time(method, trail, context)
            refused = await self._pacer.admit() if self._pacer is not None else None
            if refused is not None:
                attempt = self._wire.skipped(method, str(trail.url), context, refused)
                trail.add(attempt)
                return attempt
            request = self._request(method, trail, accept)
            attempt = await self._wire.attempt(request, context, number)
            trail.add(attempt)
            wait = self._retry_wait(method, attempt, number)
            if wait is None:
                return attempt
            await asyncio.sleep(wait)
            number += 1

    def _no_time(self, method: str, trail: _Trail, context: Context) -> Attempt:
        error = FetchError("deadline", messages.deadline(self._wire.deadline.seconds))
        attempt = self._wire.skipped(method, str(trail.url), context, error)
        trail.add(attempt)
        return attempt

    def _retry_wait(self, method: str, attempt: Attempt, number: int) -> float | None:
        if not retry.retryable(method, attempt.status, attempt.error):
            return None
        retry_after = dict((k.lower(), v) for k, v in attempt.headers).get("retry-after")
        remaining = self._wire.deadline.remaining()
        return retry.delay(number, retry_after, self._wire.limits, remaining)

    def _request(self, method: str, trail: _Trail, accept: str | None) -> httpx.Request:
        headers = {"Accept": accept} if accept is not None else None
        request = self._wire.client.build_request(
            method, trail.url, headers=headers, data=trail.form
        )
        if urls.origin(trail.url) != trail.origin:
            # A redirect elsewhere must not hand the vendor's credentials to a third party.
            for name in self._credentials:
                request.headers.pop(name, None)
        return request

    def _fetched(
        self,
        requested: str,
        final: str,
        last: Attempt,
        error: FetchError | None,
        exchanges: tuple[Exchange, ...],
    ) -> Fetched:
        return Fetched(
            requested_url=requested,
            url=final,
            status=last.status,
            headers=without_cookies(last.headers),
            body=b"" if error is not None else last.body,
            error=self._wire.redactor.error(error),
            exchanges=exchanges,
        )


def _secrets(secrets: Collection[str], headers: Mapping[str, str]) -> list[str]:
    """The given secrets plus credentials in the default headers, also without their scheme."""
    found = [secret for secret in secrets if secret]
    for name, value in headers.items():
        if name.lower() in SENSITIVE_HEADERS and value:
            found.append(value)
            credential = value.partition(" ")[2].strip()
            # Too short a fragment would blank out ordinary words all over the evidence.
            found.extend([credential] if len(credential) >= _MIN_DERIVED_SECRET else [])
    return found


def _credential_names(headers: Mapping[str, str], redactor: Redactor) -> frozenset[str]:
    """Names of the given headers that carry credentials: by name, or holding a secret."""
    return frozenset(
        name.lower()
        for name, value in headers.items()
        if name.lower() in SENSITIVE_HEADERS or redactor.text(value) != value
    )


def _client(
    limits: Limits, headers: Mapping[str, str], user_agent: str, addresses: AddressPolicy | None
) -> httpx.AsyncClient:
    # Public only: every connection, each redirect hop's too, goes through the address check.
    transport = (
        PinnedTransport(verify=limits.verify_tls, policy=addresses or AddressPolicy())
        if limits.public_only
        else None
    )
    # A bare CookieJar that accepts nothing: each request stands alone, so results do not
    # depend on order (wrapped in httpx.Cookies it would be copied with the default policy).
    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    return httpx.AsyncClient(
        headers={"User-Agent": user_agent, "Accept-Encoding": _ACCEPT_ENCODING, **headers},
        cookies=no_cookies,
        timeout=httpx.Timeout(limits.request_timeout_s),
        follow_redirects=False,  # each hop is checked and recorded by the Fetcher
        verify=limits.verify_tls,
        trust_env=False,  # no proxy or certificate settings leaking in from the environment
        event_hooks={"request": [stamp_request]},
        transport=transport,
    )


@asynccontextmanager
async def open_fetcher(
    *,
    limits: Limits,
    recorder: Recorder,
    deadline: Deadline | None = None,
    headers: Mapping[str, str] | None = None,
    secrets: Collection[str] = (),
    user_agent: str = DEFAULT_USER_AGENT,
    answers: Answers | None = None,
    pacer: Pacer | None = None,
    addresses: AddressPolicy | None = None,
) -> AsyncIterator[Fetcher]:
    """A `Fetcher` over one httpx client, closed when the block ends.

    ``answers``, when given, keeps every GET answer by (URL, Accept) and is shared by the
    fetchers of one run, so a second GET of the same resource is answered without a request.
    ``pacer``, shared the same way, spaces the requests and ends them when the run's request
    budget is spent.

    ``headers`` are sent with every request to the origin a fetch starts at; those carrying
    credentials (by name, or because their value is one of ``secrets``) are dropped when a
    redirect leads elsewhere, and redacted in the evidence.

    With ``limits.public_only`` every connection is checked by ``addresses`` (default: the
    system's resolver, public addresses only); tests give their own resolver and judge.
    """
    given = dict(headers or {})
    redactor = Redactor(_secrets(secrets, given))
    async with _client(limits, given, user_agent, addresses) as client:
        wire = Wire(client, limits, deadline or Deadline(math.inf), redactor)
        yield Fetcher(wire, recorder, _credential_names(given, redactor), answers, pacer)


async def _fetch_one(
    url: str, name: str, limits: Limits, recorder: Recorder, accept: str | None
) -> Fetched:
    async with open_fetcher(limits=limits, recorder=recorder) as fetcher:
        return await fetcher.get(url, name=name, accept=accept)


def fetch_once(
    url: str,
    *,
    name: str,
    limits: Limits,
    recorder: Recorder | None = None,
    accept: str | None = None,
) -> Fetched:
    """Fetch one URL from synchronous code (e.g. an artefact download), with its own loop."""
    coroutine = _fetch_one(url, name, limits, Recorder() if recorder is None else recorder, accept)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    # Called from sync code that runs inside an event loop: asyncio.run needs a thread of its own.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="interop-lab-fetch") as pool:
        return pool.submit(asyncio.run, coroutine).result()
