"""Checks on a served session (the lab as a server): what a vendor's client sent and how the lab,
playing the real API, answered; and the published documents the accepted submissions point at.

Each finding names the submission (``inzending N``, its location ``...?inzending=N``) with the
lab's answer, so a vendor can find the request in its own logs and in the evidence.
"""

from __future__ import annotations

from collections.abc import Collection

from rdflib import URIRef

from interop_lab.checks.common import fail
from interop_lab.crawl import Page
from interop_lab.model.errors import CantTell, Failure, Inapplicable
from interop_lab.model.outcomes import Location
from interop_lab.serve import ServedSession, Submission

_DCT_TYPE = URIRef("http://purl.org/dc/terms/type")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def some_submissions(served: ServedSession) -> None:
    """The client sent at least one submission during the session."""
    if not served.snapshot():
        raise Failure(
            "de client stuurde geen enkele melding naar het lab",
            expected=f"minstens één POST naar {served.endpoint}",
            received=f"{served.other_requests} verzoek(en) naar andere adressen",
        )


def not_refused_for(
    served: ServedSession, kinds: Collection[str], message: str, expected: str
) -> None:
    """No submission was refused for one of ``kinds`` (see `Refusal`)."""
    submissions = _submissions(served)
    refused = [s for s in submissions if s.refusal is not None and s.refusal.kind in kinds]
    fail(
        message,
        [_location(s, s.refusal.detail if s.refusal else "") for s in refused],
        expected=expected,
        received="; ".join(f"{s.label}: {_answer(s)}" for s in refused[:5]),
    )


def documents_fetched(served: ServedSession) -> None:
    """The published document of every accepted submission answered 2xx to the lab."""
    problems = []
    for submission in _accepted(served):
        document = submission.document
        if document is None:
            problems.append(_location(submission, "niet opgehaald"))
        elif document.problem is not None:
            problems.append(_location(submission, f"{document.href}: {document.problem}"))
        elif document.page is not None and not document.page.fetched.ok:
            fetched = document.page.fetched
            answer = fetched.error.message if fetched.error else f"HTTP {fetched.status}"
            problems.append(_location(submission, f"{document.href}: {answer}"))
    fail(
        "het gepubliceerde document van een aanvaarde melding kon niet opgehaald worden",
        problems,
        expected="elk document (href) antwoordt met HTTP 200, met de authenticatie van de melding",
        received=_listed(problems),
    )


def documents_html(served: ServedSession) -> None:
    """Every fetched document is served as HTML (what Lokaal Beslist asks for and reads)."""
    problems = [
        _location(s, f"{page.url}: {page.fetched.header('content-type') or '(geen Content-Type)'}")
        for s, page in _fetched_pages(served)
        if page.fetched.media_type not in HTML_TYPES
    ]
    fail(
        "gepubliceerde documenten worden niet als HTML geserveerd",
        problems,
        expected="Content-Type text/html (of application/xhtml+xml)",
        received=_listed(problems),
    )


def documents_rdfa(served: ServedSession) -> None:
    """Every fetched document can be read as HTML+RDFa and holds RDFa annotations."""
    problems = []
    for submission, page in _fetched_pages(served):
        payload = page.payload
        if payload is None or payload.error is not None:
            reason = payload.error if payload is not None else "niet gelezen"
            problems.append(_location(submission, f"{page.url}: {reason}"))
        elif payload.syntax != "rdfa":
            problems.append(_location(submission, f"{page.url}: {payload.syntax}, geen HTML+RDFa"))
        elif not payload.graph.triples:
            problems.append(_location(submission, f"{page.url}: geen RDFa-annotaties"))
    fail(
        "gepubliceerde documenten zijn geen leesbare HTML+RDFa",
        problems,
        expected="HTML met RDFa-annotaties die Lokaal Beslist kan oogsten",
        received=_listed(problems),
    )


def documents_describe(served: ServedSession, *, typed: bool) -> None:
    """The document describes the submitted resource; with ``typed``, gives it a dct:type."""
    problems = []
    for submission, page in _readable_pages(served):
        resource = URIRef(submission.fields.submitted_resource or "")
        triples = page.payload.graph.triples if page.payload else []
        said = [(p, o) for s, p, o in triples if s == resource]
        if not said:
            problems.append(_location(submission, f"{page.url} zegt niets over {resource}"))
        elif typed and not any(p == _DCT_TYPE for p, _ in said):
            problems.append(_location(submission, f"{resource} heeft geen dct:type in {page.url}"))
    what = "met een documenttype (dct:type)" if typed else "als onderwerp van RDFa-annotaties"
    fail(
        "het gepubliceerde document beschrijft de gemelde resource (submittedResource) niet"
        + (" met een documenttype" if typed else ""),
        problems,
        expected=f"de gemelde resource staat in het document {what}",
        received=_listed(problems),
    )


def _submissions(served: ServedSession) -> list[Submission]:
    submissions = served.snapshot()
    if not submissions:
        raise CantTell("de client stuurde geen enkele melding: er valt niets te beoordelen")
    return submissions


def _accepted(served: ServedSession) -> list[Submission]:
    accepted = [s for s in _submissions(served) if s.accepted and s.fields.href]
    if not accepted:
        raise Inapplicable("geen enkele melding werd aanvaard: er was geen document op te halen")
    return accepted


def _fetched_pages(served: ServedSession) -> list[tuple[Submission, Page]]:
    pages = [
        (s, s.document.page)
        for s in _accepted(served)
        if s.document is not None and s.document.page is not None and s.document.page.fetched.ok
    ]
    if not pages:
        raise CantTell("geen enkel gepubliceerd document kon opgehaald worden")
    return pages


def _readable_pages(served: ServedSession) -> list[tuple[Submission, Page]]:
    readable = [
        (s, page)
        for s, page in _fetched_pages(served)
        if page.payload is not None and page.payload.error is None
    ]
    if not readable:
        raise CantTell("geen enkel gepubliceerd document kon gelezen worden")
    return readable


def _location(submission: Submission, value: str) -> Location:
    pointer = submission.refusal.pointer if submission.refusal else None
    return Location(url=submission.location, pointer=pointer, value=f"{submission.label}: {value}")


def _answer(submission: Submission) -> str:
    detail = submission.refusal.detail if submission.refusal else ""
    return (
        f"HTTP {submission.answer.status} ({detail})"
        if detail
        else f"HTTP {submission.answer.status}"
    )


def _listed(problems: list[Location]) -> str:
    return "; ".join(p.value or "" for p in problems[:5])
