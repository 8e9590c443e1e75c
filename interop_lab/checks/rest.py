"""REST practice, judged on the answers to a suite's probes (extra requests made once, before
the tests): content negotiation, RFC 9457 problem details, dereferenceable identifiers."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from interop_lab.checks.collection import describes_not
from interop_lab.checks.common import fail
from interop_lab.crawl import Page
from interop_lab.model.errors import CantTell
from interop_lab.model.outcomes import Location
from interop_lab.payloads.json_text import JsonSyntaxError, parse_json

PROBLEM_JSON = "application/problem+json"
NOT_ACCEPTABLE = 406


def answers_as(pages: Sequence[Page], media_type: str, *, with_context: bool) -> None:
    """Every answer is 2xx in ``media_type`` with a JSON object (holding an ``@context`` when
    ``with_context``): what the request's Accept header asked for."""
    problems = [
        Location(url=page.url, value=problem)
        for page in _asked(pages)
        if (problem := _not_as(page, media_type, with_context))
    ]
    expected = f"HTTP 200, Content-Type {media_type}" + (", met @context" if with_context else "")
    fail(
        f"de server antwoordt niet in {media_type} als daarom gevraagd wordt",
        problems,
        expected=expected,
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:3]),
    )


def refuses_or_defaults(pages: Sequence[Page], defaults: Collection[str]) -> None:
    """An Accept the server cannot serve gets 406 Not Acceptable, or its documented default."""
    problems = [
        Location(url=page.url, value=_answer(page))
        for page in _asked(pages)
        if page.fetched.status != NOT_ACCEPTABLE
        and not (page.fetched.ok and page.fetched.media_type in defaults)
    ]
    fail(
        "een niet-ondersteund mediatype wordt niet correct geweigerd",
        problems,
        expected=f"HTTP 406, of HTTP 200 in het standaardformaat ({', '.join(sorted(defaults))})",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:3]),
    )


def problem_details(pages: Sequence[Page], status: int) -> None:
    """The error is ``status`` as problem+json (RFC 9457) with the members type, title and
    status (equal to the HTTP status), as the Basisregisters API gives them."""
    problems = [
        Location(url=page.url, value=problem)
        for page in _asked(pages)
        if (problem := _not_problem(page, status))
    ]
    fail(
        "een fout wordt niet gemeld als problem+json (RFC 9457)",
        problems,
        expected=f"HTTP {status}, Content-Type {PROBLEM_JSON}, met type, title en status {status}",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:3]),
    )


def dereferences(pages: Sequence[Page]) -> None:
    """Each identifier (@id) answers, after redirects, with a document that describes it."""
    asked = _asked(pages)
    refused = [p for p in asked if p.fetched.error and p.fetched.error.kind == "host-not-allowed"]
    if len(refused) == len(asked):
        raise CantTell(
            f"de @id's liggen buiten de hosts van het profiel ({asked[0].url}); voeg hun host "
            "toe aan 'hosts' in het profiel om ze te testen"
        )
    skipped = {id(page) for page in refused}
    problems = [
        Location(url=page.url, focus_node=page.url, value=problem)
        for page in asked
        if id(page) not in skipped and (problem := describes_not(page, page.url))
    ]
    fail(
        "niet elke @id is opvraagbaar",
        problems,
        expected="elke @id antwoordt (na doorverwijzing) met een document over zichzelf",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:3]),
    )


def _asked(pages: Sequence[Page]) -> Sequence[Page]:
    if not pages:
        raise CantTell("er werd geen verzoek gedaan, dus dit kan niet beoordeeld worden")
    return pages


def _answer(page: Page) -> str:
    if page.fetched.error is not None:
        return page.fetched.error.message
    return f"HTTP {page.fetched.status}, {page.fetched.header('content-type') or '(geen type)'}"


def _json_object(page: Page) -> dict[str, Any] | None:
    try:
        data, _ = parse_json(page.fetched.body)
    except JsonSyntaxError:
        return None
    return data if isinstance(data, dict) else None


def _not_as(page: Page, media_type: str, with_context: bool) -> str | None:
    if not page.fetched.ok or page.fetched.media_type != media_type:
        return _answer(page)
    data = _json_object(page)
    if data is None:
        return "geen JSON-object"
    if with_context and "@context" not in data:
        return "JSON zonder @context"
    return None


def _not_problem(page: Page, status: int) -> str | None:
    if page.fetched.status != status or page.fetched.media_type != PROBLEM_JSON:
        return _answer(page)
    data = _json_object(page) or {}
    missing = [
        name
        for name, kind in (("type", str), ("title", str), ("status", int))
        if not isinstance(data.get(name), kind)
    ]
    if missing:
        return f"{PROBLEM_JSON} zonder {', '.join(missing)}"
    if data["status"] != status:
        return f"status {data['status']} in het antwoord, HTTP {status}"
    return None
