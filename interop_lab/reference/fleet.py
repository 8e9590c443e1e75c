"""A fleet of reference vendors on loopback and a folder of their profiles, for campaigns.

Vendor N serves an IPDC feed and an address register with the defects of ``defects_of(N)``;
its profile ``vNN.yaml`` authenticates with a bearer token from the variable ``token_env``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from interop_lab.reference.adres_register import LIST_PATH, AdresRegister
from interop_lab.reference.ipdc_feed import FEED_PATH, IpdcFeed
from interop_lab.reference.server import ReferenceVendor
from interop_lab.reference.site import OneHost

ENDPOINTS = {
    "ipdc-lpdc": {"feed": FEED_PATH},
    "ldes": {"feed": FEED_PATH},
    "adresregister": {"collection": LIST_PATH},
}
# Vendor number -> (IPDC feed defects, address register defects); the others are conformant.
DEFECTS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    1: (("missing-title",), ()),
    2: (("bad-email",), ()),
    3: ((), ("missing-postinfo",)),
    4: (("undefined-key",), ()),
}
HANGS = 7  # never answers its second pages
FAILS = 8  # answers 500 on its second pages
DEADLINE_S = 15


@dataclass(frozen=True)
class Fleet:
    profiles: Path
    expected: dict[tuple[str, str], str]  # (profile stem, suite) -> verdict


Defects = dict[int, tuple[tuple[str, ...], tuple[str, ...]]]


def defects_of(
    number: int, override: Defects | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if override is not None:
        return override.get(number, ((), ()))
    if number == HANGS:
        return ("never-answers",), ("never-answers",)
    if number == FAILS:
        return ("page-500",), ("page-500",)
    return DEFECTS.get(number % 10, ((), ()))


def expected_verdict(number: int, suite: str, override: Defects | None = None) -> str:
    feed, register = defects_of(number, override)
    broken = {
        "ipdc-lpdc": bool(feed),
        "ldes": bool({"never-answers", "page-500"} & set(feed)),
        "adresregister": bool(register),
    }[suite]
    return "non-conformant" if broken else "conformant"


@contextlib.contextmanager
def fleet(
    folder: Path,
    count: int,
    suites: tuple[str, ...],
    *,
    token: str,
    token_env: str,
    defects: Defects | None = None,
    notify: dict[str, str] | None = None,
    members: int = 20,
    addresses: int = 15,
    page_size: int = 10,
) -> Iterator[Fleet]:
    """``count`` vendors, each its own server, profile ``vNN.yaml`` claiming ``suites``.

    ``defects`` replaces the default defects by vendor number; ``notify`` is every profile's
    webhook setting.
    """
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[tuple[str, str], str] = {}
    with contextlib.ExitStack() as stack:
        for number in range(count):
            feed, register = defects_of(number, defects)
            site = OneHost(
                IpdcFeed(members=members, page_size=page_size, defects=list(feed)),
                AdresRegister(addresses=addresses, page_size=page_size, defects=list(register)),
            )
            vendor = stack.enter_context(ReferenceVendor(site, token=token))
            stem = f"v{number:02d}"
            profile: dict[str, object] = {
                "profile_version": 1,
                "vendor": {
                    "name": f"Leverancier {number}",
                    "kbo": "0202239951",
                    "contact": "lab@example.org",
                },
                "product": {"name": f"Product {number}", "release": "1.0.0"},
                "base_url": vendor.base_url,
                "auth": {"type": "bearer", "token_env": token_env},
                "limits": {"request_timeout_s": 2, "deadline_s": DEADLINE_S},
                "claims": [{"standard": suite, "endpoints": ENDPOINTS[suite]} for suite in suites],
            }
            if notify is not None:
                profile["notify"] = notify
            (folder / f"{stem}.yaml").write_text(yaml.safe_dump(profile), encoding="utf-8")
            for suite in suites:
                expected[(stem, suite)] = expected_verdict(number, suite, defects)
        yield Fleet(folder, expected)
