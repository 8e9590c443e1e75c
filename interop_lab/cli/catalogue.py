"""``interop-lab catalogue list | query | export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interop_lab.catalogue import DEFAULT_CATALOGUE, open_catalogue


def list(args: argparse.Namespace) -> int:
    with open_catalogue(args.catalogue or DEFAULT_CATALOGUE) as catalogue:
        for row in catalogue.scorecards():
            print(
                f"{row.ended}  {row.vendor} / {row.product} {row.release}  {row.suite}: "
                f"{row.verdict}, niveau {row.level or '-'}  {row.iri}"
            )
    return 0


def query(args: argparse.Namespace) -> int:
    with open_catalogue(args.catalogue or DEFAULT_CATALOGUE) as catalogue:
        rows = catalogue.query(args.sparql)
    names = sorted({name for row in rows for name in row})
    print("\t".join(names))
    for row in rows:
        print("\t".join(row.get(name, "") for name in names))
    return 0


def export(args: argparse.Namespace) -> int:
    with open_catalogue(args.catalogue or DEFAULT_CATALOGUE) as catalogue:
        if args.output:
            with Path(args.output).open("wb") as out:
                catalogue.export(out)
        else:
            catalogue.export(sys.stdout.buffer)
    return 0
