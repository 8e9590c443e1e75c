"""Checks that span fields: claims against the known suites, absolute endpoints against hosts.

They read the raw YAML data, so they still run (and report) when other fields fail validation.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple, cast

from interop_lab.model.errors import Problem
from interop_lab.profiles.models import VendorProfile, netloc_of
from interop_lab.profiles.yaml_lines import DataPath, YamlDocument, dotted


class SuiteRoles(NamedTuple):
    """What the loader needs to know of a suite to check a claim, without importing suites."""

    required: frozenset[str]
    optional: frozenset[str]
    levels: tuple[str, ...]
    client: bool = False  # the suite tests the vendor's client (interop-lab serve)


class _Reporter:
    """Collects problems at the line of a path in one document."""

    def __init__(self, doc: YamlDocument, file: str) -> None:
        self.doc = doc
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: DataPath, message: str) -> None:
        self.problems.append(Problem(self.file, self.doc.line_of(path), dotted(path), message))


def claim_problems(
    doc: YamlDocument, file: str, suites: Mapping[str, SuiteRoles] | None
) -> list[Problem]:
    """Duplicate standards; with suites: unknown suites, roles and levels, missing roles."""
    report = _Reporter(doc, file)
    claims = doc.data.get("claims") if isinstance(doc.data, dict) else None
    seen: dict[str, int] = {}
    for index, claim in enumerate(claims if isinstance(claims, list) else []):
        standard = claim.get("standard") if isinstance(claim, dict) else None
        if not isinstance(standard, str):
            continue  # the model reports a missing or mistyped standard
        path = ("claims", index)
        if standard in seen:
            report.add(
                (*path, "standard"),
                f"standard '{standard}' is claimed twice (also claims[{seen[standard]}]); "
                "merge the two claims into one",
            )
        seen.setdefault(standard, index)
        if suites is not None:
            _check_against_suite(report, path, claim, standard, suites)
    return report.problems


def _check_against_suite(
    report: _Reporter,
    path: DataPath,
    claim: dict[str, object],
    standard: str,
    suites: Mapping[str, SuiteRoles],
) -> None:
    suite = suites.get(standard)
    if suite is None:
        report.add((*path, "standard"), _unknown("suite", standard, "", suites))
        return
    endpoints = claim.get("endpoints", {})
    if suite.client:
        _check_client_claim(report, path, claim, standard)
    elif "client" in claim:
        report.add(
            (*path, "client"),
            f"suite {standard} tests what the product publishes, not a client: remove client "
            "(it is only for suites run with interop-lab serve)",
        )
    if isinstance(endpoints, dict) and not suite.client:
        _check_roles(report, (*path, "endpoints"), endpoints, standard, suite)
    level = claim.get("level")
    if isinstance(level, str) and level not in suite.levels:
        report.add(
            (*path, "level"),
            f"unknown level '{level}' for suite {standard}; use one of: {', '.join(suite.levels)}",
        )


def _check_client_claim(
    report: _Reporter, path: DataPath, claim: dict[str, object], standard: str
) -> None:
    """A client suite's claim says who the client is, and has no endpoints to crawl."""
    if "client" not in claim:
        report.add(
            path,
            f"suite {standard} tests the product's client (interop-lab serve): add client: "
            "{publisher: URI, key_env: NAME, organizations: [URI]}",
        )
    if claim.get("endpoints"):
        report.add(
            (*path, "endpoints"),
            f"suite {standard} has no endpoints to crawl: the lab receives what the client "
            "sends (interop-lab serve); remove endpoints",
        )


def _check_roles(
    report: _Reporter,
    path: DataPath,
    endpoints: dict[str, object],
    standard: str,
    suite: SuiteRoles,
) -> None:
    roles = suite.required | suite.optional
    for role in endpoints:
        if role not in roles:
            report.add((*path, role), _unknown("role", role, f" for suite {standard}", roles))
    for role in sorted(suite.required - endpoints.keys()):
        report.add(path, f"suite {standard} needs the role '{role}'; add {role}: PATH")


def _unknown(what: str, name: str, where: str, known: Mapping[str, object] | frozenset[str]) -> str:
    names = sorted(known)
    suggestion = difflib.get_close_matches(name, names, n=1)
    hint = f" (did you mean '{suggestion[0]}'?)" if suggestion else ""
    return f"unknown {what} '{name}'{where}{hint}; known: {', '.join(names) or 'none'}"


def host_problems(profile: VendorProfile, doc: YamlDocument, file: str) -> list[Problem]:
    """Absolute endpoint URLs must point at base_url's host or one listed under hosts."""
    report = _Reporter(doc, file)
    allowed = profile.allowed_hosts()
    for path, url in _endpoint_urls(profile, doc):
        host = netloc_of(url)
        if host not in allowed:
            report.add(
                path,
                f"host '{host}' is neither base_url's host nor listed under hosts; "
                f"add it to hosts: [{host}] if the lab may contact it",
            )
    return report.problems


def _endpoint_urls(profile: VendorProfile, doc: YamlDocument) -> Iterator[tuple[DataPath, str]]:
    """Every endpoint URL with the path of the YAML value it came from."""
    raw_claims = cast(dict[str, Any], doc.data)["claims"]  # validated: a list of mappings
    for index, claim in enumerate(profile.claims):
        for role in claim.endpoints:
            where: DataPath = ("claims", index, "endpoints", role)
            single = isinstance(raw_claims[index]["endpoints"][role], str)
            for position, url in enumerate(profile.endpoint_urls(claim, role)):
                yield (where if single else (*where, position)), url
