"""One served session, from the command line: check everything, listen, wait for the end, judge.

Everything a session needs is checked before the lab listens (profile, suite, the client's key in
its environment variable, the pinned artefacts, the address): a usage error serves nothing.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from interop_lab.artefacts.download import download
from interop_lab.artefacts.store import ArtefactStore
from interop_lab.model.errors import SuiteError, UsageError
from interop_lab.plugin.launch import RunRequest, run
from interop_lab.profiles import Claim, VendorProfile, load_profile
from interop_lab.runner.session import suite_roles
from interop_lab.serve import (
    APIS,
    Activity,
    FetchSettings,
    MeldingApi,
    Registration,
    ServedServer,
    ServedSession,
    now_iso,
)
from interop_lab.suites.artefact_set import SuiteArtefacts, load_suite_artefacts
from interop_lab.suites.registry import Suite, get_suite, load_suites
from interop_lab.transport import Limits

_POLL_S = 0.1
_DOCUMENT_DEADLINE_S = 120.0  # per published document: token, redirects and retries together


@dataclass(frozen=True, slots=True)
class _Plan:
    """A session ready to listen: what to play, for whom, where, until when."""

    profile_path: Path
    profile: VendorProfile
    suite: Suite
    claim: Claim
    key: str
    artefacts: SuiteArtefacts
    host: str
    port: int


def serve(args: argparse.Namespace) -> int:
    plan = _plan(args)
    session = ServedSession(api=_api_name(plan.suite), endpoint="", started=now_iso())
    api = _melding_api(plan, session)
    try:
        server = ServedServer(api, session, host=plan.host, port=plan.port)
    except OSError as error:
        raise UsageError(f"--listen {args.listen}: cannot listen there ({error})") from None
    session.endpoint = f"{server.base_url}{api.path}"
    with server, _stop_on_signals() as stopped:
        publisher = plan.claim.client.publisher if plan.claim.client else "-"
        _say(f"het lab speelt {session.api} op {session.endpoint} (leverancier {publisher})")
        _say(_until_text(args))
        reason = _wait(server.activity, stopped, args.until_idle, args.submissions)
        _say(f"sessie beëindigd: {reason}; de lopende verzoeken worden afgewerkt")
    session.ended = now_iso()
    _say(f"{len(session.snapshot())} melding(en) ontvangen; de suite {plan.suite.id} beoordeelt ze")
    code, out_dir = run(
        RunRequest(
            profile=plan.profile_path,
            suites=(plan.suite.id,),
            out_dir=Path(args.out) if args.out else None,
            catalogue=args.catalogue,
            quiet=not args.verbose,
            served=session,
            # httpx (and with it anyio, a pytest plugin) was imported for the session, before
            # pytest starts: pytest's note that it cannot rewrite anyio's asserts is noise here.
            pytest_args=("-W", "ignore::pytest.PytestAssertRewriteWarning"),
        )
    )
    if code in (0, 1):
        print(f"scorecards: {out_dir}", flush=True)
    return code


def _plan(args: argparse.Namespace) -> _Plan:
    if args.until_idle is not None and not args.until_idle > 0:
        raise UsageError("--until-idle needs a positive number of seconds")
    if args.submissions is not None and args.submissions < 1:
        raise UsageError("--submissions needs a number of at least 1")
    suites = load_suites()
    profile_path = Path(args.profile)
    profile = load_profile(profile_path, suite_roles(suites))
    suite = get_suite(args.suite, suites)
    _api_name(suite)
    claim = profile.claim_for(suite.id)
    if claim is None:
        claimed = ", ".join(c.standard for c in profile.claims)
        raise UsageError(f"the profile does not claim '{suite.id}'; claimed: {claimed}")
    key = profile.client_key(claim, os.environ)
    # Pinned artefacts are checked before listening: a bad pin serves nothing (exit 2).
    artefacts = load_suite_artefacts(suite, ArtefactStore.from_environment(download))
    host, port = parse_listen(args.listen)
    return _Plan(profile_path, profile, suite, claim, key, artefacts, host, port)


def _api_name(suite: Suite) -> str:
    spec = suite.manifest.serve
    if spec is None:
        raise UsageError(
            f"suite {suite.id} tests what a product publishes, not its client: "
            f"run it with interop-lab run --profile FILE --suite {suite.id}"
        )
    if spec.api not in APIS:
        raise SuiteError(
            f"{suite.folder}: serve.api '{spec.api}' is not an API the lab plays; "
            f"known: {', '.join(sorted(APIS))}"
        )
    return spec.api


def _melding_api(plan: _Plan, session: ServedSession) -> MeldingApi:
    client = plan.claim.client
    assert client is not None  # the profile loader requires it for a client suite
    registration = Registration(client.publisher, plan.key, frozenset(client.organizations))
    fetching = FetchSettings(
        limits=_limits(plan.profile),
        recorder=session.recorder,
        contexts=plan.artefacts.context,
        deadline_s=min(
            plan.profile.limits.deadline_s or _DOCUMENT_DEADLINE_S, _DOCUMENT_DEADLINE_S
        ),
    )
    return MeldingApi(session, registration, plan.artefacts.context, fetching)


def _limits(profile: VendorProfile) -> Limits:
    """The limits of a run, for the published documents: the profile's hosts only."""
    configured, default = profile.limits, Limits()
    return Limits(
        request_timeout_s=configured.request_timeout_s or default.request_timeout_s,
        max_body_bytes=int((configured.max_body_mb or 0) * 1024 * 1024) or default.max_body_bytes,
        allowed_hosts=profile.allowed_hosts(),
        verify_tls=profile.tls_verify,
    )


def parse_listen(value: str) -> tuple[str, int]:
    """``HOST:PORT`` or ``[IPv6]:PORT``; a usage error that says how to write it otherwise."""
    host, colon, port = value.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not colon or not host or not port.isdigit() or int(port) > 65535:
        raise UsageError(f"--listen {value}: write HOST:PORT, e.g. 127.0.0.1:8810 (port 0: any)")
    return host, int(port)


def _until_text(args: argparse.Namespace) -> str:
    if args.submissions is not None:
        return f"de sessie eindigt na {args.submissions} melding(en), of met Ctrl-C of SIGTERM"
    if args.until_idle is not None:
        return (
            f"de sessie eindigt na {args.until_idle:g} s zonder verzoek, of met Ctrl-C of SIGTERM"
        )
    return "de sessie eindigt met Ctrl-C of SIGTERM"


def _wait(
    activity: Activity, stopped: threading.Event, until_idle: float | None, submissions: int | None
) -> str:
    """Block until the session ends; returns why, in Dutch."""
    while not stopped.wait(_POLL_S):
        with activity.changed:
            if submissions is not None and activity.finished >= submissions:
                return f"{activity.finished} melding(en) beantwoord"
            idle = time.monotonic() - activity.last
            if until_idle is not None and activity.busy == 0 and idle >= until_idle:
                return f"{until_idle:g} s zonder verzoek"
    return "gestopt (Ctrl-C of SIGTERM)"


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """Ctrl-C and SIGTERM end the session (and are judged), instead of killing the lab."""
    stopped = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopped.set()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stopped
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _say(text: str) -> None:
    print(f"interop-lab serve: {text}", file=sys.stderr, flush=True)
