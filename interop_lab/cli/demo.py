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
from http import HTTPStatus
from importlib import resources
from pathlib import Path

import yaml

from interop_lab.catalogue import DEFAULT_CATALOGUE
from interop_lab.model.errors import UsageError
from interop_lab.plugin.launch import RunRequest, run
from interop_lab.reference import IPDC_DEFECTS, IpdcFeed, ReferenceVendor
from interop_lab.reference.adres_defects import ADRES_DEFECTS
from interop_lab.reference.adres_register import LIST_PATH, AdresRegister
from interop_lab.reference.besluit_site import BESLUIT_DEFECTS, BESLUIT_FEED, BesluitPublicatie
from interop_lab.reference.mandaten_site import MANDATEN_DEFECTS, mandaten_site
from interop_lab.reference.organisatie_site import ORGANISATIE_DEFECTS, organisatie_site
from interop_lab.reference.site import Site, SiteRequest, SiteResponse

PROFILE_TEMPLATE = "referentie-ipdc-lpdc.yaml"
DEMO_MEMBERS = 60
DEMO_PAGE_SIZE = 20
DEMO_ADDRESSES = 45
# Suites whose endpoints are documents: the site builder and its defect switches, per suite.
DOCUMENT_SUITES = {
    "mandatendatabank": (mandaten_site, MANDATEN_DEFECTS),
    "organisatie-basis": (organisatie_site, ORGANISATIE_DEFECTS),
}


def demo(args: argparse.Namespace) -> int:
    if args.list_defects:
        for name, description in IPDC_DEFECTS.items():
            print(f"{name:20} {description}")
        for suite_id, (_, known) in DOCUMENT_SUITES.items():
            for name, description in known.items():
                print(f"{name:20} {suite_id}: {description}")
        for name, description in ADRES_DEFECTS.items():
            print(f"{name:20} adresregister: {description}")
        for name, description in BESLUIT_DEFECTS.items():
            print(f"{name:20} besluit-publicatie: {description}")
        return 0
    known_defects = {*IPDC_DEFECTS, *(n for _, known in DOCUMENT_SUITES.values() for n in known)}
    known_defects |= set(ADRES_DEFECTS) | set(BESLUIT_DEFECTS)
    unknown = sorted(set(args.defect) - known_defects)
    if unknown:
        raise UsageError(
            f"unknown defect {', '.join(unknown)}; known: {', '.join(sorted(known_defects))}"
        )
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
    print(f"site: {_build_site(catalogue)}")
    return max(codes) if max(codes) > 1 else 0


def _run_reference(
    release: str, defects: tuple[str, ...], out_dir: Path | None, catalogue: str
) -> tuple[int, Path]:
    token = secrets.token_urlsafe(24)
    template = yaml.safe_load(
        (resources.files("interop_lab.reference") / PROFILE_TEMPLATE).read_text(encoding="utf-8")
    )
    os.environ[template["auth"]["token_env"]] = token
    feed = IpdcFeed(
        members=DEMO_MEMBERS,
        page_size=DEMO_PAGE_SIZE,
        defects=[name for name in defects if name in IPDC_DEFECTS],
    )
    documents = {
        suite_id: build([name for name in defects if name in known])
        for suite_id, (build, known) in DOCUMENT_SUITES.items()
    }
    template["claims"] += [
        {"standard": suite_id, "endpoints": {"documents": list(site.paths)}}
        for suite_id, site in documents.items()
    ]
    register = AdresRegister(
        addresses=DEMO_ADDRESSES,
        page_size=DEMO_PAGE_SIZE,
        defects=[name for name in defects if name in ADRES_DEFECTS],
    )
    template["claims"].append({"standard": "adresregister", "endpoints": {"collection": LIST_PATH}})
    besluit = BesluitPublicatie([name for name in defects if name in BESLUIT_DEFECTS])
    template["claims"].append(
        {
            "standard": "besluit-publicatie",
            "endpoints": {"pages": list(besluit.paths), "feed": BESLUIT_FEED},
        }
    )
    # Last: its own 404s (problem+json, or HTML with plain-404) are the ones its paths get.
    site = _OneHost(feed, *documents.values(), besluit, register)
    with ReferenceVendor(site, token=token) as vendor, tempfile.TemporaryDirectory() as folder:
        template["base_url"] = vendor.base_url
        template["product"]["release"] = release
        profile = Path(folder) / PROFILE_TEMPLATE
        profile.write_text(yaml.safe_dump(template, allow_unicode=True), encoding="utf-8")
        return run(RunRequest(profile=profile, out_dir=out_dir, catalogue=catalogue))


def _build_site(catalogue_url: str) -> Path:
    from interop_lab.catalogue import open_catalogue
    from interop_lab.site import DEFAULT_SITE, build_site

    with open_catalogue(catalogue_url) as catalogue:
        return build_site(catalogue, Path(DEFAULT_SITE)).resolve()


class _OneHost:
    """The reference sites on one host: the first that knows a path answers it."""

    def __init__(self, *sites: Site) -> None:
        self._sites = sites

    def answer(self, request: SiteRequest) -> SiteResponse:
        for site in self._sites:
            response = site.answer(request)
            if response.status != HTTPStatus.NOT_FOUND:
                return response
        return response
