"""``interop-lab demo``: the lab tested against its own reference vendor, end to end.

The reference vendors serve their feeds and documents on a free loopback port; the demo writes a
profile per product release with that address, runs every claimed suite, stores the scorecards in
the catalogue, builds the site and says where everything is. The line-up has several products,
conformant and not, self-tested and certified (signed with a demo key kept in ``.interop-lab``).
With ``--defect``, one more release of the reference product with those defects is tested too.
"""

from __future__ import annotations

import argparse
import os
import secrets
import tempfile
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import yaml

from interop_lab.catalogue import DEFAULT_CATALOGUE
from interop_lab.model.errors import UsageError
from interop_lab.model.ids import slug
from interop_lab.plugin.launch import RunRequest, run
from interop_lab.reference import FEED_PATH, IPDC_DEFECTS, IpdcFeed, ReferenceVendor
from interop_lab.reference.adres_defects import ADRES_DEFECTS
from interop_lab.reference.adres_register import LIST_PATH, AdresRegister
from interop_lab.reference.besluit_site import BESLUIT_DEFECTS, BESLUIT_FEED, BesluitPublicatie
from interop_lab.reference.ldes_server_site import ENDPOINTS, LDES_SERVER_DEFECTS, LdesServerAdmin
from interop_lab.reference.mandaten_site import MANDATEN_DEFECTS, mandaten_site
from interop_lab.reference.organisatie_site import ORGANISATIE_DEFECTS, organisatie_site
from interop_lab.reference.site import OneHost
from interop_lab.reporting.signing import write_key_pair

PROFILE_TEMPLATE = "referentie-ipdc-lpdc.yaml"
DEMO_MEMBERS = 60
DEMO_PAGE_SIZE = 20
DEMO_ADDRESSES = 45
# Suites whose endpoints are documents: the site builder and its defect switches, per suite.
DOCUMENT_SUITES = {
    "mandatendatabank": (mandaten_site, MANDATEN_DEFECTS),
    "organisatie-basis": (organisatie_site, ORGANISATIE_DEFECTS),
}
ALL_SUITES = (
    "ipdc-lpdc",
    "ldes",
    "mandatendatabank",
    "organisatie-basis",
    "adresregister",
    "besluit-publicatie",
    "ldes-server-beheer",
)
# The demo's own signing key, kept beside the catalogue so that every demo signs with one key.
DEMO_KEY = Path(".interop-lab") / "demo-sleutel.pem"
DEMO_PUBLIC_KEY = Path(".interop-lab") / "demo-sleutel.pub.pem"


@dataclass(frozen=True, slots=True)
class DemoRelease:
    """One product release the demo tests: who makes it, what it claims, what is wrong with it."""

    vendor: str
    kbo: str
    product: str
    release: str
    suites: tuple[str, ...]
    defects: tuple[str, ...] = ()
    certified: bool = False
    municipalities: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        with_defects = f" met {', '.join(self.defects)}" if self.defects else ""
        mode = " (gecertificeerd)" if self.certified else ""
        return f"{self.product} release {self.release}{with_defects}{mode}"


REFERENCE = DemoRelease(
    vendor="Referentieleverancier interop-lab",
    kbo="0202239951",
    product="Referentie Productencatalogus",
    release="1.0.0",
    suites=ALL_SUITES,
    municipalities=("Voorbeeldgemeente",),
)
# Several products over time, so the catalogue and the site have something to compare: releases
# that fail and are fixed later, certified and self-tested runs, different standards claimed.
LINEUP = (
    REFERENCE,
    replace(REFERENCE, release="1.1.0", certified=True),
    DemoRelease(
        vendor="Voorbeeld Software NV",
        kbo="1234567894",
        product="Voorbeeld Loket",
        release="2.3.0",
        suites=("ipdc-lpdc", "ldes", "besluit-publicatie"),
        defects=("missing-title", "bad-email", "invalid-rdfa"),
        municipalities=("Voorbeeldgemeente", "Proefstad"),
    ),
    DemoRelease(
        vendor="Voorbeeld Software NV",
        kbo="1234567894",
        product="Voorbeeld Loket",
        release="2.4.0",
        suites=("ipdc-lpdc", "ldes", "besluit-publicatie"),
        certified=True,
        municipalities=("Voorbeeldgemeente", "Proefstad"),
    ),
    DemoRelease(
        vendor="Gemeentelijke Toepassingen BV",
        kbo="8765432120",
        product="Mandatenbeheer",
        release="5.0",
        suites=("mandatendatabank", "organisatie-basis", "adresregister"),
        defects=("missing-postinfo",),
        certified=True,
        municipalities=("Proefstad",),
    ),
)


def demo(args: argparse.Namespace) -> int:
    if args.list_defects:
        _list_defects()
        return 0
    known_defects = {*IPDC_DEFECTS, *(n for _, known in DOCUMENT_SUITES.values() for n in known)}
    known_defects |= set(ADRES_DEFECTS) | set(BESLUIT_DEFECTS) | set(LDES_SERVER_DEFECTS)
    unknown = sorted(set(args.defect) - known_defects)
    if unknown:
        raise UsageError(
            f"unknown defect {', '.join(unknown)}; known: {', '.join(sorted(known_defects))}"
        )
    catalogue = args.catalogue or DEFAULT_CATALOGUE
    lineup = list(LINEUP)
    if args.defect:
        lineup.append(replace(REFERENCE, release="1.0.1-gebreken", defects=tuple(args.defect)))
    if args.register:
        _load_register(Path(args.register), catalogue)
    key = _demo_key() if any(release.certified for release in lineup) else None
    codes = []
    for release in lineup:
        out = Path(args.out) / slug(release.product) / release.release if args.out else None
        code, out_dir = _run_reference(release, out, catalogue, key if release.certified else None)
        codes.append(code)
        verdict = "conform" if code == 0 else "niet conform" if code == 1 else "fout"
        print(f"{release.label}: {verdict}")
        for card in sorted(out_dir.glob("*/scorecard.html")):
            print(f"  scorecard: {card}")
    if key is not None:
        print(
            f"gecertificeerd met de demosleutel {DEMO_KEY}; controleer een scorecard met: "
            f"interop-lab verify SCORECARD.jsonld --key {DEMO_PUBLIC_KEY}"
        )
    print(f"catalogus: {catalogue}")
    print(f"site: {_build_site(catalogue)}")
    return max(codes) if max(codes) > 1 else 0


def _list_defects() -> None:
    for name, description in IPDC_DEFECTS.items():
        print(f"{name:20} {description}")
    for suite_id, (_, known) in DOCUMENT_SUITES.items():
        for name, description in known.items():
            print(f"{name:20} {suite_id}: {description}")
    for name, description in ADRES_DEFECTS.items():
        print(f"{name:20} adresregister: {description}")
    for name, description in BESLUIT_DEFECTS.items():
        print(f"{name:20} besluit-publicatie: {description}")
    for name, description in LDES_SERVER_DEFECTS.items():
        print(f"{name:20} ldes-server-beheer: {description}")


def _load_register(path: Path, catalogue_url: str) -> None:
    from interop_lab.cli.catalogue import standards

    standards(argparse.Namespace(register=str(path), catalogue=catalogue_url))


def _demo_key() -> Path:
    """The demo's Ed25519 key pair, made once: a demo is a demo, never the lab's real key."""
    if not DEMO_KEY.exists():
        write_key_pair(DEMO_KEY, DEMO_PUBLIC_KEY)
    return DEMO_KEY


def _run_reference(
    release: DemoRelease, out_dir: Path | None, catalogue: str, key: Path | None
) -> tuple[int, Path]:
    token = secrets.token_urlsafe(24)
    template = yaml.safe_load(
        (resources.files("interop_lab.reference") / PROFILE_TEMPLATE).read_text(encoding="utf-8")
    )
    os.environ[template["auth"]["token_env"]] = token
    defects = release.defects
    feed = IpdcFeed(
        members=DEMO_MEMBERS,
        page_size=DEMO_PAGE_SIZE,
        defects=[name for name in defects if name in IPDC_DEFECTS],
    )
    documents = {
        suite_id: build([name for name in defects if name in known])
        for suite_id, (build, known) in DOCUMENT_SUITES.items()
    }
    register = AdresRegister(
        addresses=DEMO_ADDRESSES,
        page_size=DEMO_PAGE_SIZE,
        defects=[name for name in defects if name in ADRES_DEFECTS],
    )
    besluit = BesluitPublicatie([name for name in defects if name in BESLUIT_DEFECTS])
    admin = LdesServerAdmin([name for name in defects if name in LDES_SERVER_DEFECTS])
    endpoints: dict[str, dict[str, object]] = {
        "ipdc-lpdc": {"feed": FEED_PATH},
        "ldes": {"feed": FEED_PATH},
        "adresregister": {"collection": LIST_PATH},
        "besluit-publicatie": {"pages": list(besluit.paths), "feed": BESLUIT_FEED},
        "ldes-server-beheer": dict(ENDPOINTS),
        **{suite_id: {"documents": list(site.paths)} for suite_id, site in documents.items()},
    }
    template["vendor"].update(name=release.vendor, kbo=release.kbo)
    template["product"].update(name=release.product, release=release.release)
    template["municipalities"] = list(release.municipalities)
    template["claims"] = [
        {"standard": suite_id, "endpoints": endpoints[suite_id]} for suite_id in release.suites
    ]
    # Last: its own 404s (problem+json, or HTML with plain-404) are the ones its paths get.
    site = OneHost(feed, *documents.values(), admin, besluit, register)
    with ReferenceVendor(site, token=token) as vendor, tempfile.TemporaryDirectory() as folder:
        template["base_url"] = vendor.base_url
        profile = Path(folder) / PROFILE_TEMPLATE
        profile.write_text(yaml.safe_dump(template, allow_unicode=True), encoding="utf-8")
        request = RunRequest(profile=profile, out_dir=out_dir, catalogue=catalogue, certify_key=key)
        return run(request)


def _build_site(catalogue_url: str) -> Path:
    from interop_lab.catalogue import open_catalogue
    from interop_lab.site import DEFAULT_SITE, build_site

    with open_catalogue(catalogue_url) as catalogue:
        return build_site(catalogue, Path(DEFAULT_SITE)).resolve()
