"""``interop-lab artefacts check [SUITE | --mirror DIR]``: what is wrong with each artefact.

For the lab team, in English. Per artefact: its URL, what it is, each defect and either the
documented repair that removes it or what the defect does to a run. Exit 0 when every defect that
would break a run is repaired, 1 otherwise, 2 for a usage error (unknown suite, no mirror index).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from interop_lab.artefacts.download import download
from interop_lab.artefacts.health import ArtefactHealth, assess, unavailable
from interop_lab.artefacts.pins import Pin, sha256_hex
from interop_lab.artefacts.store import ArtefactStore, MirrorEntry, read_mirror_index
from interop_lab.model.errors import ArtefactError
from interop_lab.suites.registry import Suite, get_suite, load_suites


@dataclass(frozen=True, slots=True)
class Checked:
    """One artefact's health, with where it was found and whose repairs were tried."""

    health: ArtefactHealth
    also: tuple[str, ...] = ()  # other URLs of the same bytes
    file: Path | None = None  # the mirror file, in --mirror mode
    suite: str | None = None  # the suite whose pin (and repairs) applies


def check(args: argparse.Namespace) -> int:
    suites = load_suites()
    if args.mirror:
        checked = list(_mirror(Path(args.mirror), suites))
    else:
        chosen = [get_suite(args.suite, suites)] if args.suite else list(suites.values())
        checked = [item for suite in chosen for item in _suite(suite)]
    for item in checked:
        print(_render(item))
    print(_summary(checked))
    return 1 if any(item.health.blocking for item in checked) else 0


def _suite(suite: Suite) -> Iterable[Checked]:
    store = ArtefactStore.from_environment(download)
    pins = [spec.pin() for spec in suite.manifest.artefacts]
    known = {url for pin in pins for url in (pin.url, *pin.aliases)}
    for pin in pins:
        try:
            data = store.original(pin)
        except ArtefactError as error:
            yield Checked(unavailable(pin.url, str(error)), pin.aliases, suite=suite.id)
            continue
        health = assess(pin.url, data, pin=pin, known_urls=known)
        yield Checked(health, pin.aliases, suite=suite.id)


def _mirror(folder: Path, suites: dict[str, Suite]) -> Iterable[Checked]:
    index = read_mirror_index(folder)
    by_file: dict[Path, list[str]] = {}
    for url, entry in index.items():
        by_file.setdefault(entry.path, []).append(url)
    pinned = _pins_by_url(suites)
    for file, urls in sorted(by_file.items()):
        entry = index[urls[0]]
        suite, pin = next(
            (
                pinned[url]
                for url in urls
                if url in pinned and pinned[url][1].sha256 == entry.sha256
            ),
            (None, None),
        )
        health = _mirrored(urls[0], entry, pin, frozenset(index))
        yield Checked(health, tuple(urls[1:]), file=file.relative_to(folder), suite=suite)


def _mirrored(
    url: str, entry: MirrorEntry, pin: Pin | None, known: frozenset[str]
) -> ArtefactHealth:
    try:
        data = entry.path.read_bytes()
    except OSError as error:
        return unavailable(url, f"the mirror lists {entry.path} but it cannot be read: {error}")
    if sha256_hex(data) != entry.sha256:
        return unavailable(url, f"{entry.path} does not have the sha256 the mirror index lists")
    return assess(url, data, pin=pin, known_urls=known)


def _pins_by_url(suites: dict[str, Suite]) -> dict[str, tuple[str, Pin]]:
    return {
        url: (suite.id, spec.pin())
        for suite in suites.values()
        for spec in suite.manifest.artefacts
        for url in (spec.url, *spec.aliases)
    }


def _render(item: Checked) -> str:
    health = item.health
    lines = [health.url]
    lines += [f"  also {url}" for url in item.also]
    if item.file is not None:
        lines.append(f"  file {item.file}")
    lines.append(f"  {health.kind}" + (f"; pinned by suite {item.suite}" if item.suite else ""))
    if not health.assessed:
        lines.append("  no defects found")
    for assessed in health.assessed:
        lines.append(f"  - {assessed.finding.message}")
        lines.append(f"    {assessed.verdict}")
    return "\n".join(lines) + "\n"


def _summary(checked: list[Checked]) -> str:
    with_findings = [item for item in checked if item.health.assessed]
    blocking = [a for item in checked for a in item.health.assessed if a.blocking]
    repaired = [a for item in checked for a in item.health.assessed if a.repaired_by]
    return (
        f"{len(checked)} artefacts checked, {len(with_findings)} with defects; "
        f"{len(repaired)} defects repaired; {len(blocking)} defects that break a run "
        "are not repaired"
    )
