"""``interop-lab suites [--requirements SUITE]``."""

from __future__ import annotations

import argparse

from interop_lab.suites.registry import get_suite, load_suites


def suites(args: argparse.Namespace) -> int:
    known = load_suites()
    if args.requirements:
        from interop_lab.cli.requirements import print_requirements

        print_requirements(get_suite(args.requirements, known))
        return 0
    for suite in known.values():
        manifest = suite.manifest
        roles = ", ".join(
            [*manifest.roles.required, *(f"{role} (optioneel)" for role in manifest.roles.optional)]
        )
        if manifest.serve is not None:
            # Nothing to crawl: the lab plays the API and the vendor's client calls it.
            roles = (
                f"geen: het lab speelt {manifest.serve.api} (interop-lab serve --suite {suite.id})"
            )
        print(f"{suite.id}  {manifest.title}")
        print(f"    standaard: {manifest.standard.title} {manifest.standard.version}")
        print(f"               {manifest.standard.iri}")
        print(f"    niveaus:   {', '.join(f'{lvl.id} {lvl.title}' for lvl in manifest.levels)}")
        print(f"    rollen:    {roles}")
        print(f"    suite:     versie {manifest.version}")
    return 0
