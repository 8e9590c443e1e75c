"""``interop-lab profile check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interop_lab.profiles import check_profiles
from interop_lab.runner.session import suite_roles
from interop_lab.suites.registry import load_suites


def check(args: argparse.Namespace) -> int:
    problems = check_profiles([Path(name) for name in args.files], suite_roles(load_suites()))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    for name in args.files:
        print(f"{name}: ok")
    return 0
