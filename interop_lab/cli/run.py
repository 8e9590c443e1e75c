"""``interop-lab run``."""

from __future__ import annotations

import argparse
from pathlib import Path

from interop_lab.model.errors import UsageError
from interop_lab.plugin.launch import RunRequest
from interop_lab.plugin.launch import run as run_suites


def run(args: argparse.Namespace) -> int:
    code, out_dir = run_suites(
        RunRequest(
            profile=Path(args.profile),
            suites=tuple(args.suite),
            out_dir=Path(args.out) if args.out else None,
            catalogue=args.catalogue,
            quiet=not args.verbose,
            certify_key=_certify_key(args),
        )
    )
    if code in (0, 1):
        print(f"scorecards: {out_dir}")
    return code


def _certify_key(args: argparse.Namespace) -> Path | None:
    # Both or neither: a key without --certify, or --certify without a key, is a mistake.
    if args.certify and not args.key:
        raise UsageError(
            "--certify needs --key KEYFILE (an Ed25519 private key in PEM; make one with: "
            "openssl genpkey -algorithm ed25519 -out lab.pem)"
        )
    if args.key and not args.certify:
        raise UsageError("--key is only used with --certify (a certified run)")
    return Path(args.key) if args.key else None
