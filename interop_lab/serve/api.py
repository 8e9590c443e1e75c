"""The submission API of Lokaal Beslist as a `ServedApi`: each request judged (`melding.judge`),
kept as a `Submission`, and, once answered, its published document fetched."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from interop_lab.payloads.json_text import JsonSyntaxError, parse_json
from interop_lab.payloads.jsonld import ContextSource
from interop_lab.serve.credentials import secrets_in
from interop_lab.serve.documents import FetchSettings, fetch_document
from interop_lab.serve.melding import Judgement, Registration, judge
from interop_lab.serve.records import Answer, Refusal, ServedSession, Submission
from interop_lab.serve.server import Inbound, Reply

MELDING_PATH = "/melding"
# The server's answers for a body it would not read, as refusals of the submission.
_BODY_REFUSALS = {
    413: Refusal("too-large", "de body is groter dan de 100 kB die de API aanvaardt"),
    411: Refusal("length", "het verzoek geeft geen Content-Length (het lab leest dan niets)"),
}


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class MeldingApi:
    """``POST /melding`` of Lokaal Beslist (automatische melding), for one registered vendor."""

    path = MELDING_PATH

    def __init__(
        self,
        session: ServedSession,
        registration: Registration,
        contexts: ContextSource,
        fetching: FetchSettings,
    ) -> None:
        self._session = session
        self._registration = registration
        self._contexts = contexts
        self._fetching = fetching

    def receive(self, inbound: Inbound, refused: Answer | None = None) -> Reply:
        number = self._session.next_number()
        if refused is not None:
            judgement = Judgement(refused, refusal=_BODY_REFUSALS[refused.status])
        else:
            judgement = judge(
                inbound.body,
                inbound.header("Content-Type"),
                self._registration,
                self._contexts,
                self._session.first_submission_of,
                base=self._session.endpoint,
                now=now_iso(),
            )
        submission = Submission(
            number=number,
            location=f"{self._session.endpoint}?inzending={number}",
            received=inbound.started,
            content_type=inbound.header("Content-Type"),
            data=judgement.data,
            answer=judgement.answer,
            refusal=judgement.refusal,
            fields=judgement.fields,
            enriched=judgement.enriched,
            submission_iri=judgement.submission_iri,
            job_iri=judgement.job_iri,
        )
        self._session.add(submission)
        return Reply(
            judgement.answer,
            name=f"{submission.label}: {inbound.method} {inbound.path}",
            secrets=judgement.secrets,
            follow_up=self._follow_up(submission, judgement),
            counts=True,
        )

    def hidden(self, inbound: Inbound) -> tuple[str, ...]:
        """The vendor's key, and every credential a JSON body holds, whatever the request."""
        try:
            data, _ = parse_json(inbound.body)
        except JsonSyntaxError:
            data = None
        return (self._registration.key, *secrets_in(data))

    def _follow_up(self, submission: Submission, judgement: Judgement) -> Callable[[], None] | None:
        href = submission.fields.href
        if not submission.accepted or href is None:
            return None

        def fetch() -> None:
            # The real service downloads after answering; so does the lab, in this request's
            # thread, with an event loop of its own.
            submission.document = asyncio.run(
                fetch_document(
                    href,
                    judgement.access,
                    self._fetching,
                    label=submission.label,
                    secrets=judgement.secrets,
                )
            )

        return fetch
