"""What a campaign runs: one job per profile x claimed suite, grouped per profile into tasks.

A task is what one worker runs in one pytest session (all the profile's unfinished suites), so
two suites on one feed share its pages; a job is what the journal, the matrix and resuming count.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import re
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from interop_lab.model.errors import Problem, ProfileError, UsageError
from interop_lab.model.ids import slug
from interop_lab.profiles import VendorProfile, check_profiles, load_profile
from interop_lab.profiles.claims import SuiteRoles
from interop_lab.transport.addresses import not_public

PROFILE_SUFFIXES = (".yaml", ".yml")
SHARD = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True, slots=True)
class Job:
    """One claimed suite of one profile."""

    stem: str  # the profile file's stem: unique in the folder, names the job's output folder
    suite: str

    @property
    def key(self) -> str:
        return f"{self.stem}/{self.suite}"


@dataclass(frozen=True, slots=True)
class Task:
    """The jobs of one profile, run together by one worker."""

    profile: Path
    stem: str
    vendor: str
    kbo: str
    product: str
    release: str
    host: str  # scheme://host:port of base_url: the unit of the per-vendor limits
    suites: tuple[str, ...]

    @property
    def jobs(self) -> tuple[Job, ...]:
        return tuple(Job(self.stem, suite) for suite in self.suites)


@dataclass(frozen=True, slots=True)
class Shard:
    index: int  # 1-based, as a CI matrix counts
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def holds(self, task: Task) -> bool:
        # By a hash of the profile's stem, not its position: adding a profile to the folder
        # moves no other profile to another shard.
        digest = hashlib.sha256(task.stem.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


ALL = Shard(1, 1)


def parse_shard(text: str) -> Shard:
    match = SHARD.match(text.strip())
    if match is None:
        raise UsageError(f"--shard {text!r}: write I/N, e.g. --shard 2/4 (the second of four)")
    index, count = int(match[1]), int(match[2])
    if count < 1:
        raise UsageError(f"--shard {text}: N, the number of shards, must be at least 1")
    if not 1 <= index <= count:
        raise UsageError(f"--shard {text}: I must be between 1 and N (here 1..{count})")
    return Shard(index, count)


def profile_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise UsageError(f"--profiles {folder}: not a folder; give the folder of vendor profiles")
    files = sorted(
        path for path in folder.iterdir() if path.suffix in PROFILE_SUFFIXES and path.is_file()
    )
    if not files:
        raise UsageError(f"--profiles {folder}: no *.yaml profiles in it")
    names: dict[str, Path] = {}
    for path in files:
        # The run id, and so the scorecard IRIs, come from the slug of the name: two profiles
        # with one slug would overwrite each other's results.
        name = slug(path.stem)
        if name in names:
            raise UsageError(
                f"{path} and {names[name]} have the same name once written as {name!r}: each "
                "job's run and files are named after the profile, so rename one"
            )
        names[name] = path
    return files


def plan(
    folder: Path,
    suites: dict[str, SuiteRoles],
    shard: Shard = ALL,
    *,
    allow_private: bool = False,
) -> list[Task]:
    """Every task of the shard, in a stable order; any invalid profile stops the campaign."""
    files = profile_files(folder)
    problems: list[Problem] = check_profiles(files, suites)
    if problems:
        raise ProfileError(problems)
    profiles = {path: load_profile(path, suites) for path in files}
    if not allow_private:
        problems = [
            problem
            for path, profile in profiles.items()
            for problem in _private_targets(path, profile)
        ]
        if problems:
            raise ProfileError(problems)
    # Secrets are checked for every profile before any job starts, as `run` checks them.
    missing = []
    for profile in profiles.values():
        try:
            profile.auth_material(os.environ)
        except UsageError as error:
            missing.append(str(error))
    if missing:
        raise UsageError("\n".join(missing))
    tasks = [_task(path, profile, suites) for path, profile in profiles.items()]
    # A profile that claims only suites testing its client has nothing a campaign can run.
    return [task for task in tasks if task.suites and shard.holds(task)]


def _private_targets(path: Path, profile: VendorProfile) -> list[Problem]:
    """Every address the profile makes the lab contact that is loopback, private or local."""
    file = str(path)
    targets = [("base_url", str(profile.base_url))]
    targets += [("hosts", f"//{host}") for host in profile.hosts]
    base_host = urlsplit(str(profile.base_url)).hostname
    # Endpoints given as paths live on base_url's host, already checked; absolute ones may not.
    targets += [
        (f"claims.{claim.standard}.endpoints.{role}", url)
        for claim in profile.claims
        for role in claim.endpoints
        for url in profile.endpoint_urls(claim, role)
        if urlsplit(url).hostname != base_host
    ]
    if profile.notify is not None:
        targets.append(("notify.webhook", str(profile.notify.webhook)))
    return [
        Problem(
            file,
            None,
            field,
            f"{urlsplit(url).hostname} is a loopback, private or link-local address; a campaign "
            "tests public endpoints only, unless it runs with --allow-private (the lab's own "
            "test hosts)",
        )
        for field, url in targets
        if private_host(urlsplit(url).hostname or "")
    ]


def private_host(host: str) -> bool:
    """An IP literal in any form a resolver accepts (``127.1``, ``0x7f.1``, ``2130706433``)
    that is not public, or ``localhost``. Names are not resolved here."""
    host = host.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(host)
    except ValueError:
        try:
            # inet_aton reads the short and numeric forms the system resolver also reads.
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return False
    # The same judgement the transport applies when it connects.
    return not_public(address) is not None


def _task(path: Path, profile: VendorProfile, suites: dict[str, SuiteRoles]) -> Task:
    parts = urlsplit(str(profile.base_url))
    return Task(
        profile=path,
        stem=path.stem,
        vendor=profile.vendor.name,
        kbo=profile.vendor.kbo,
        product=profile.product.name,
        release=profile.product.release,
        host=f"{parts.scheme}://{parts.netloc}".lower(),
        # A suite that tests the product's client needs the client to call the lab
        # (interop-lab serve): a campaign, which calls the vendors, leaves it out.
        suites=tuple(
            claim.standard
            for claim in profile.claims
            if not (claim.standard in suites and suites[claim.standard].client)
        ),
    )


def job_keys(tasks: Sequence[Task]) -> list[str]:
    return [job.key for task in tasks for job in task.jobs]
