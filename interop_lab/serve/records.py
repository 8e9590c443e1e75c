"""What a served session keeps: every request a vendor's client sent, how the lab answered it and,
for an accepted submission, the published document the lab then fetched.

Everything here is already redacted: the vendor's key and the credentials a submission carries
for its published document never reach a record, so no report made from one can show them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from interop_lab.crawl import Page
from interop_lab.transport import Fetched, Recorder


@dataclass(frozen=True, slots=True)
class Answer:
    """The lab's answer to one request: the status and JSON body the real API would give."""

    status: int
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why the lab refused a submission, as the real API refuses it.

    ``kind``: ``content-type``, ``json``, ``array``, ``jsonld``, ``missing``, ``status``,
    ``auth``, ``duplicate``, ``authentication``, ``too-large``, ``length``; ``detail`` says it
    in Dutch;
    ``pointer`` is the JSON pointer of the value at fault, when there is one.
    """

    kind: str
    detail: str
    pointer: str | None = None


@dataclass(frozen=True, slots=True)
class Fields:
    """The values the real API extracts from a submission's JSON-LD (first triple of each
    predicate, as it does); None where the body gives none."""

    href: str | None = None
    organization: str | None = None
    publisher: str | None = None
    key_given: bool = False
    submitted_resource: str | None = None
    status: str | None = None
    scheme: str | None = None  # the published document's authentication: basic, oauth2


@dataclass(slots=True)
class DocumentFetch:
    """The published document as the lab fetched it for an accepted submission.

    ``page`` holds the answer and, when it answered 2xx, its RDFa as read; ``token`` the OAuth2
    token request when the submission asked for one; ``problem`` why the lab could not even ask
    (an authentication it cannot use).
    """

    href: str
    page: Page | None = None
    token: Fetched | None = None
    problem: str | None = None


@dataclass(slots=True)
class Submission:
    """One request to the submission endpoint, its answer and what followed."""

    number: int
    location: str  # names this submission on a scorecard: the endpoint with ?inzending=N
    received: str
    content_type: str | None
    data: Any | None  # the JSON body, credentials replaced; None when it is not JSON
    answer: Answer
    refusal: Refusal | None = None
    fields: Fields = field(default_factory=Fields)
    enriched: Any | None = None  # the JSON-LD the real API stores (its defaults added)
    submission_iri: str | None = None
    job_iri: str | None = None
    document: DocumentFetch | None = None

    @property
    def label(self) -> str:
        """How a scorecard names this submission, in Dutch."""
        return f"inzending {self.number}"

    @property
    def accepted(self) -> bool:
        return self.refusal is None


@dataclass(slots=True)
class ServedSession:
    """One session of the lab as a server: the API it played, at which address, what came in.

    ``recorder`` holds every exchange, the client's requests to the lab and the lab's own
    requests for the published documents, in the order they happened: the run's evidence.
    """

    api: str
    endpoint: str
    started: str
    recorder: Recorder = field(default_factory=Recorder)
    ended: str | None = None
    submissions: list[Submission] = field(default_factory=list)
    other_requests: int = 0  # requests to anything but the submission endpoint
    _issued: int = 0
    _submitted: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def next_number(self) -> int:
        """The number of the next submission, in the order requests arrive."""
        with self._lock:
            self._issued += 1
            return self._issued

    def count_other_request(self) -> None:
        with self._lock:
            self.other_requests += 1

    def first_submission_of(self, resource: str) -> bool:
        """Whether ``resource`` was not submitted before in this session; from now on it is.

        One atomic step, so two requests for one resource at once cannot both be accepted.
        """
        with self._lock:
            if resource in self._submitted:
                return False
            self._submitted.add(resource)
            return True

    def add(self, submission: Submission) -> None:
        with self._lock:
            self.submissions.append(submission)
            self.submissions.sort(key=lambda s: s.number)

    def snapshot(self) -> list[Submission]:
        with self._lock:
            return list(self.submissions)
