"""``interop-lab run``."""

from __future__ import annotations

import argparse
from pathlib import Path

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
        )
    )
    if code in (0, 1):
        print(f"scorecards: {out_dir}")
    return code
