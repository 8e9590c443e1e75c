"""One lab run in progress: the profile, the artefacts, the evidence and the assertions so far."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from pathlib import Path

from interop_lab.artefacts.download import download
from interop_lab.artefacts.store import ArtefactStore
from interop_lab.model.errors import UsageError
from interop_lab.model.ids import new_run_id
from interop_lab.model.scorecard import AssertionRecord
from interop_lab.profiles import SuiteRoles, VendorProfile, load_profile
from interop_lab.runner.claim import ClaimRun, prepare_claim
from interop_lab.runner.served import served_claim
from interop_lab.serve import ServedSession
from interop_lab.suites.artefact_set import SuiteArtefacts, load_suite_artefacts
from interop_lab.suites.registry import Suite, load_suites
from interop_lab.transport import (
    Answers,
    Deadline,
    Fetcher,
    Limits,
    Pacer,
    Recorder,
    open_fetcher,
)

DEFAULT_DEADLINE_S = 600.0


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def suite_roles(suites: Mapping[str, Suite]) -> dict[str, SuiteRoles]:
    return {
        suite_id: SuiteRoles(
            required=frozenset(suite.manifest.roles.required),
            optional=frozenset(suite.manifest.roles.optional),
            levels=tuple(level.id for level in suite.levels),
            client=suite.manifest.tests_a_client,
        )
        for suite_id, suite in suites.items()
    }


class LabSession:
    """Created once per pytest session when a profile is given; tests read it through fixtures."""

    def __init__(
        self,
        profile_path: Path,
        *,
        run_id: str | None = None,
        environ: Mapping[str, str] | None = None,
        public_only: bool = False,
        served: ServedSession | None = None,
    ) -> None:
        # A campaign's run contacts public addresses only; a vendor's own run any it names.
        self.public_only = public_only
        self.suites = load_suites()
        self.profile: VendorProfile = load_profile(profile_path, suite_roles(self.suites))
        self._headers, self._secrets = self.profile.auth_material(environ or os.environ)
        self.store = ArtefactStore.from_environment(download)
        # A served session (the lab as a server) brings its evidence and its start with it.
        self.served = served
        self.recorder = served.recorder if served is not None else Recorder()
        self.deadline = Deadline(self.profile.limits.deadline_s or DEFAULT_DEADLINE_S)
        self.run_id = run_id or new_run_id()
        self.started = served.started if served is not None else now_iso()
        self.records: dict[str, list[AssertionRecord]] = defaultdict(list)
        self._artefacts: dict[str, SuiteArtefacts] = {}
        self._claims: dict[str, ClaimRun] = {}
        self._answers: Answers = {}  # every GET of this run, so two suites never refetch
        limits = self.profile.limits
        self._pacer = Pacer(limits.requests_per_s, limits.max_requests)
        # Artefacts are checked before any test runs: a bad pin is a usage error, not a result.
        for claim in self.profile.claims:
            self.artefacts(self.suites[claim.standard])

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(self._secrets)

    def artefacts(self, suite: Suite) -> SuiteArtefacts:
        if suite.id not in self._artefacts:
            self._artefacts[suite.id] = load_suite_artefacts(suite, self.store)
        return self._artefacts[suite.id]

    def validator(self, suite_id: str) -> str:
        """What validated the suite's claim against its shapes; empty when nothing was."""
        claim = self._claims.get(suite_id)
        validation = claim.validation if claim is not None else None
        return ", ".join(validation.engines) if validation is not None else ""

    def claim_run(self, suite: Suite) -> ClaimRun:
        if suite.id not in self._claims:
            if suite.manifest.tests_a_client:
                self._claims[suite.id] = self._served_claim(suite)
            else:
                self._claims[suite.id] = prepare_claim(
                    suite, self.profile, self.artefacts(suite), self._open_fetcher
                )
        return self._claims[suite.id]

    def _served_claim(self, suite: Suite) -> ClaimRun:
        if self.served is None:
            raise UsageError(
                f"suite {suite.id} tests a client: it judges a session of the lab as a server; "
                f"start one with interop-lab serve --suite {suite.id} --profile FILE"
            )
        return served_claim(suite, self.profile, self.artefacts(suite), self.served)

    def limits(self) -> Limits:
        configured = self.profile.limits
        default = Limits()
        return Limits(
            request_timeout_s=configured.request_timeout_s or default.request_timeout_s,
            max_body_bytes=int((configured.max_body_mb or 0) * 1024 * 1024)
            or default.max_body_bytes,
            allowed_hosts=self.profile.allowed_hosts(),
            verify_tls=self.profile.tls_verify,
            public_only=self.public_only,
        )

    def _open_fetcher(self) -> AbstractAsyncContextManager[Fetcher]:
        return open_fetcher(
            limits=self.limits(),
            recorder=self.recorder,
            deadline=self.deadline,
            headers=self._headers,
            secrets=self._secrets,
            answers=self._answers,
            pacer=self._pacer,
        )
