"""``interop-lab demo``: the lab tested against its own reference vendor, end to end.

The reference vendor serves a conformant feed on a free loopback port; the demo writes its
profile with that address, runs every claimed suite, stores the scorecards in the catalogue and
says where everything is. With ``--defect``, a second release with those defects is tested too.
"""

from __future__ import annotations

import argparse
import os
import secrets
import tempfile
from importlib import resources
from pathlib import Path

import yaml

from interop_lab.catalogue import DEFAULT_CATALOGUE
from interop_lab.model.errors import UsageError
from interop_lab.plugin.launch import RunRequest, run
from interop_lab.reference import IPDC_DEFECTS, IpdcFeed, ReferenceVendor

PROFILE_TEMPLATE = "referentie-ipdc-lpdc.yaml"
DEMO_MEMBERS = 60
DEMO_PAGE_SIZE = 20


def demo(args: argparse.Namespace) -> int:
    if args.list_defects:
        for name, description in IPDC_DEFECTS.items():
            print(f"{name:20} {description}")
        return 0
    unknown = sorted(set(args.defect) - set(IPDC_DEFECTS))
    if unknown:
        raise UsageError(f"unknown defect {', '.join(unknown)}; known: {', '.join(IPDC_DEFECTS)}")
    catalogue = args.catalogue or DEFAULT_CATALOGUE
    releases = [("1.0.0", ())] + ([("1.0.1-gebreken", tuple(args.defect))] if args.defect else [])
    codes = []
    for release, defects in releases:
        out = Path(args.out) / release if args.out else None
        code, out_dir = _run_reference(release, defects, out, catalogue)
        codes.append(code)
        print(
            f"release {release}{' met ' + ', '.join(defects) if defects else ''}: "
            f"{'conform' if code == 0 else 'niet conform' if code == 1 else 'fout'}"
        )
        for card in sorted(out_dir.glob("*/scorecard.html")):
            print(f"  scorecard: {card}")
    print(f"catalogus: {catalogue}")
    return max(codes) if max(codes) > 1 else 0


def _run_reference(
    release: str, defects: tuple[str, ...], out_dir: Path | None, catalogue: str
) -> tuple[int, Path]:
    token = secrets.token_urlsafe(24)
    template = yaml.safe_load(
        (resources.files("interop_lab.reference") / PROFILE_TEMPLATE).read_text(encoding="utf-8")
    )
    os.environ[template["auth"]["token_env"]] = token
    feed = IpdcFeed(members=DEMO_MEMBERS, page_size=DEMO_PAGE_SIZE, defects=defects)
    with ReferenceVendor(feed, token=token) as vendor, tempfile.TemporaryDirectory() as folder:
        template["base_url"] = vendor.base_url
        template["product"]["release"] = release
        profile = Path(folder) / PROFILE_TEMPLATE
        profile.write_text(yaml.safe_dump(template, allow_unicode=True), encoding="utf-8")
        return run(RunRequest(profile=profile, out_dir=out_dir, catalogue=catalogue))
