"""A served session as a claim: the submissions a client sent, read and validated as the
documents of a crawl are, so the suite's JSON-LD and shape tests work on them unchanged.

Nothing is fetched: each submission's body (as the API stores it, credentials hidden) is handed
to `prepare_claim` as the answer to a request for its location, so the submissions are read by
the same reader and validated once, by the same validation, as any crawled document.
"""

from __future__ import annotations

import json
from contextlib import AbstractAsyncContextManager

from interop_lab.crawl import ACCEPT
from interop_lab.profiles import Claim, VendorProfile
from interop_lab.runner.claim import ClaimRun, prepare_claim
from interop_lab.serve import ServedSession, Submission
from interop_lab.suites.artefact_set import SuiteArtefacts
from interop_lab.suites.registry import Suite
from interop_lab.transport import Answers, Fetched, Fetcher, Limits, Recorder, open_fetcher

SUBMISSIONS = "submissions"  # the role under which a suite's tests find the submissions


def served_claim(
    suite: Suite, profile: VendorProfile, artefacts: SuiteArtefacts, served: ServedSession
) -> ClaimRun:
    """The claim run of a client suite: its role ``submissions`` holds every JSON submission."""
    answers: Answers = {}
    for submission in served.snapshot():
        if submission.enriched is not None:
            answers[(submission.location, ACCEPT)] = _as_answer(submission)
    urls = tuple(url for url, _ in answers)
    claim = Claim(standard=suite.id, endpoints={SUBMISSIONS: urls} if urls else {})
    as_crawled = profile.model_copy(update={"claims": (claim,)})

    def no_network() -> AbstractAsyncContextManager[Fetcher]:
        # Every answer is given; a request the answers do not hold goes nowhere (no host is
        # allowed), so reading a session can never contact anything.
        return open_fetcher(
            limits=Limits(allowed_hosts=frozenset()), recorder=Recorder(), answers=answers
        )

    return prepare_claim(suite, as_crawled, artefacts, no_network)


def _as_answer(submission: Submission) -> Fetched:
    body = json.dumps(submission.enriched, ensure_ascii=False).encode("utf-8")
    return Fetched(
        requested_url=submission.location,
        url=submission.location,
        status=200,
        headers=(("Content-Type", "application/ld+json"),),
        body=body,
        error=None,
        exchanges=(),
    )
