"""``interop-lab init``: write a vendor profile from an OpenAPI document or from a base URL.

This module is imported to build the parser, so only the standard library is imported at its
top; the command imports the rest when it runs (``interop-lab --help`` stays fast).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interop_lab.profiles.proposal import Proposal, SuiteOffer

Ask = Callable[[str], str]


def add_init(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``init`` subcommand and its arguments."""
    init = commands.add_parser(
        "init", help="write a vendor profile from an OpenAPI document or a base URL"
    )
    init.add_argument("--openapi", metavar="FILE_OR_URL", help="OpenAPI 3.0/3.1, JSON or YAML")
    init.add_argument(
        "--base-url", metavar="URL", help="where the product runs (without --openapi: explored)"
    )
    init.add_argument(
        "--suite", action="append", default=[], metavar="ID", help="propose only this suite"
    )
    init.add_argument("--vendor", metavar="NAME", help="the vendor's name")
    init.add_argument("--kbo", metavar="NUMBER", help="the vendor's KBO number")
    init.add_argument("--contact", metavar="EMAIL", help="the address the lab writes to")
    init.add_argument("--product", metavar="NAME", help="default: the OpenAPI document's title")
    init.add_argument("--release", metavar="VERSION", help="default: the document's version")
    init.add_argument(
        "--output", "--out", default="profiel.yaml", metavar="FILE", help="default: profiel.yaml"
    )
    init.add_argument("--force", action="store_true", help="overwrite FILE when it exists")
    init.add_argument(
        "--yes", action="store_true", help="accept every proposal without asking (CI)"
    )
    init.set_defaults(handler=init_command)


def init_command(args: argparse.Namespace, ask: Ask | None = None) -> int:
    """Propose, confirm (on a terminal), check and write; exit 2 with ``file: problem``."""
    from interop_lab.model.errors import UsageError

    output = Path(args.output)
    if output.exists() and not args.force:
        raise UsageError(f"{output}: already exists; choose another --output or add --force")
    if not (args.openapi or args.base_url):
        raise UsageError("init: give --openapi FILE_OR_URL, --base-url URL, or both")
    interactive = not args.yes and sys.stdin.isatty()
    if not (args.yes or interactive):
        raise UsageError("init: no terminal to confirm the proposals; add --yes to accept them")
    _write(args, output, (ask or input) if interactive else None)
    return 0


def _write(args: argparse.Namespace, output: Path, ask: Ask | None) -> None:
    from interop_lab.cli.init_sources import explore
    from interop_lab.model.errors import UsageError
    from interop_lab.profiles.proposal import ProfileDraft, auth_of, propose, render

    offers = _offers(args.suite)
    found = explore(args.openapi, args.base_url)
    proposals = propose(offers, found.candidates)
    if not proposals:
        names = ", ".join(offer.id for offer in offers)
        raise UsageError(f"{found.source}: no endpoint matches the roles of {names}")
    if ask is not None:
        proposals = _confirm(proposals, ask)
    auth, notes = auth_of(found.api.schemes if found.api else ())
    title, version = (found.api.title, found.api.api_version) if found.api else ("", "")
    draft = ProfileDraft(
        vendor=(
            _value(args.vendor, "", "--vendor", ask),
            _value(args.kbo, "", "--kbo", ask),
            _value(args.contact, "", "--contact", ask),
        ),
        product=(
            _value(args.product, title, "--product", ask),
            _value(args.release, version, "--release", ask),
        ),
        base_url=found.base_url,
        auth=auth,
        claims=proposals,
        source=found.source,
        notes=notes,
    )
    _save(output, render(draft))
    _report(output, proposals)


def _offers(wanted: Sequence[str]) -> list[SuiteOffer]:
    from interop_lab.profiles.proposal import SuiteOffer
    from interop_lab.suites.registry import get_suite, load_suites

    suites = load_suites()
    chosen = [get_suite(name, suites) for name in wanted] if wanted else list(suites.values())
    return [
        SuiteOffer(
            id=suite.id,
            title=suite.manifest.title,
            required=suite.manifest.roles.required,
            optional=suite.manifest.roles.optional,
            media_types=suite.manifest.media_types,
        )
        for suite in chosen
    ]


def _confirm(proposals: list[Proposal], ask: Ask) -> list[Proposal]:
    """Each endpoint asked for, suite by suite; a suite that loses a required role is left out."""
    from dataclasses import replace

    kept = []
    for proposal in proposals:
        print(f"\n{proposal.suite.id}: {proposal.suite.title}")
        endpoints = {
            role: candidate
            for role, candidate in proposal.endpoints.items()
            if _yes(ask(f"  {role}: {candidate.path}  <- {candidate.origin}  keep? [Y/n] "))
        }
        missing = [role for role in proposal.suite.required if role not in endpoints]
        if missing:
            print(f"  left out: it needs {', '.join(missing)}")
            continue
        kept.append(replace(proposal, endpoints=endpoints))
    if not kept:
        from interop_lab.model.errors import UsageError

        raise UsageError("init: every proposal was declined; nothing to write")
    return kept


def _yes(answer: str) -> bool:
    return answer.strip().lower() in ("", "y", "yes", "j", "ja")


def _value(given: str | None, default: str, option: str, ask: Ask | None) -> str:
    """An option's value, else the document's, else asked on a terminal; in CI it must be given."""
    if given:
        return given
    if ask is not None:
        typed = ask(f"{option.lstrip('-')}{f' [{default}]' if default else ''}: ").strip()
        if typed or default:
            return typed or default
    if default:
        return default
    from interop_lab.model.errors import UsageError

    raise UsageError(f"init: {option} is needed (the source does not say it)")


def _save(output: Path, text: str) -> None:
    """Written beside the target and checked with the lab's own loader before it takes its name."""
    from interop_lab.model.errors import ProfileError, UsageError
    from interop_lab.profiles import load_profile
    from interop_lab.runner.session import suite_roles
    from interop_lab.suites.registry import load_suites

    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{output.name}.", suffix=".yaml", dir=output.parent
        )
    except OSError as error:
        raise UsageError(f"{output}: cannot write here: {error.strerror}") from None
    draft = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        load_profile(draft, suite_roles(load_suites()))
        draft.replace(output)
    except ProfileError as error:
        # Vendor, KBO or contact as typed; the message names the field and the fix.
        raise UsageError(str(error).replace(str(draft), str(output))) from None
    finally:
        draft.unlink(missing_ok=True)


def _report(output: Path, proposals: list[Proposal]) -> None:
    for proposal in proposals:
        for role, candidate in proposal.endpoints.items():
            print(f"{proposal.suite.id}: {role}: {candidate.path}")
        for note in proposal.notes:
            print(f"{proposal.suite.id}: not proposed: {note}")
    print(f"written: {output}; next: interop-lab profile check {output}")
