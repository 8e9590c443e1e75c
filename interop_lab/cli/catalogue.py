"""``interop-lab catalogue list | query | export | diff | site | serve | standards``."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from interop_lab.catalogue import DEFAULT_CATALOGUE, Catalogue, open_catalogue
from interop_lab.model.errors import UsageError
from interop_lab.model.scorecard import Scorecard


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


def diff(args: argparse.Namespace) -> int:
    """Two runs compared: named by scorecard IRI or run id, or a product's last two runs."""
    from interop_lab.catalogue.diff import diff_json, diff_lines, diff_scorecards

    with open_catalogue(args.catalogue or DEFAULT_CATALOGUE) as catalogue:
        before, after = _two_cards(catalogue, args)
    result = diff_scorecards(before, after)
    if args.json:
        print(json.dumps(diff_json(result), ensure_ascii=False, indent=2))
    else:
        print("\n".join(diff_lines(result)))
    return 0


def _two_cards(catalogue: Catalogue, args: argparse.Namespace) -> tuple[Scorecard, Scorecard]:
    if args.product is not None:
        if args.runs:
            raise UsageError("catalogue diff: give two runs (A B) or --product, not both")
        return _last_two(catalogue, args.product, args.suite)
    if len(args.runs) != 2:
        raise UsageError(
            "catalogue diff: give two scorecard IRIs or run ids (A B), "
            'or --product "VENDOR/PRODUCT" --suite ID for its last two runs'
        )
    first, second = (_card(catalogue, ref, args.suite) for ref in args.runs)
    return first, second


def _last_two(catalogue: Catalogue, product: str, suite: str | None) -> tuple[Scorecard, Scorecard]:
    vendor, slash, name = product.partition("/")
    if not slash or not vendor.strip() or not name.strip():
        raise UsageError(f'catalogue diff: --product {product!r} must read "VENDOR/PRODUCT"')
    runs = catalogue.history(vendor.strip(), name.strip(), suite)
    suites = sorted({run.suite for run in runs})
    if len(suites) > 1:
        raise UsageError(
            f"catalogue diff: {product} was tested on several suites; name one with --suite "
            f"({', '.join(suites)})"
        )
    if len(runs) < 2:
        raise UsageError(
            f"catalogue diff: the catalogue holds {len(runs)} run(s) of {product}"
            f"{f' for {suite}' if suite else ''}; two are needed"
        )
    return catalogue.get(runs[-2].iri), catalogue.get(runs[-1].iri)


def _card(catalogue: Catalogue, ref: str, suite: str | None) -> Scorecard:
    # Scorecard IRIs are URNs (urn:uuid:...); run ids never hold a colon.
    if ":" in ref:
        return catalogue.get(ref)
    cards = catalogue.runs(ref, suite)
    if not cards:
        raise UsageError(f"catalogue diff: no run {ref}{f' of {suite}' if suite else ''}")
    if len(cards) > 1:
        suites = ", ".join(sorted(card.suite for card in cards))
        raise UsageError(f"catalogue diff: run {ref} tested several suites; use --suite ({suites})")
    return catalogue.get(cards[0].iri)


def site(args: argparse.Namespace) -> int:
    """The static Dutch site built from the catalogue; prints where its index page is."""
    from interop_lab.site import DEFAULT_SITE, build_site

    with open_catalogue(args.catalogue or DEFAULT_CATALOGUE) as catalogue:
        index = build_site(catalogue, Path(args.out or DEFAULT_SITE))
    print(f"site: {index.resolve()}")
    return 0


def serve(args: argparse.Namespace) -> int:
    """The catalogue over HTTP until interrupted, refreshed when new scorecards arrive."""
    from interop_lab.service import CatalogueServer, CatalogueSite, Refresher, take_snapshot

    host, _, port = str(args.listen).rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--listen {args.listen!r}: use HOST:PORT, e.g. 127.0.0.1:8800")
    if args.refresh < 0:
        raise UsageError(f"--refresh {args.refresh}: give seconds (0 never refreshes)")
    url = args.catalogue or DEFAULT_CATALOGUE
    with open_catalogue(url) as catalogue:
        snapshot = take_snapshot(catalogue)
    site = CatalogueSite(snapshot)
    try:
        server = CatalogueServer(site, host=host.strip("[]"), port=int(port))
    except OSError as error:
        raise UsageError(f"--listen {args.listen}: cannot listen there: {error}") from error
    # Never wait for a writer: a busy round is skipped and the next one tries again.
    refresher = Refresher(site, lambda: open_catalogue(url, wait_s=0), args.refresh)
    if args.refresh > 0:
        refresher.start()
    print(f"catalogus: {server.base_url}/catalogus (stoppen met Ctrl+C)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    if args.refresh > 0:
        refresher.stop()
    return 0


def standards(args: argparse.Namespace) -> int:
    """Load the standards register, replacing the one loaded before; warn about unknown titles."""
    from interop_lab.catalogue import read_register, unknown_titles
    from interop_lab.suites.registry import load_suites

    register = read_register(Path(args.register))
    named = {
        suite_id: suite.manifest.standard.register_title
        for suite_id, suite in load_suites().items()
        if suite.manifest.standard.register_title
    }
    with open_catalogue(args.catalogue or DEFAULT_CATALOGUE) as catalogue:
        catalogue.set_register(register)
    problems = unknown_titles(register, named)
    linked = len(named) - len(problems)
    print(f"standards register: {len(register.entries)} standards, {linked} suites linked")
    for placeholder in register.placeholders:
        print(f"left out an empty template entry: {placeholder}")
    for problem in problems:
        print(f"interop-lab: warning: {problem}", file=sys.stderr)
    return 0
