"""The ``interop-lab`` command. Heavy libraries are imported by each command, not at start-up."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from interop_lab import __version__

# These three register their own options; they import only the standard library at this point.
from interop_lab.cli.explain import add_explain
from interop_lab.cli.init import add_init
from interop_lab.cli.serve import add_serve
from interop_lab.model.errors import HarnessError, LabError, UsageError

Handler = Callable[[argparse.Namespace], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interop-lab",
        description="Interoperability test lab for OSLO standards: test a product, get a scorecard",
    )
    parser.add_argument("--version", action="version", version=f"interop-lab {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_demo(commands)
    _add_suites(commands)
    _add_profile(commands)
    _add_run(commands)
    _add_campaign(commands)
    _add_catalogue(commands)
    add_init(commands)
    _add_artefacts(commands)
    _add_verify(commands)
    _add_badge(commands)
    add_serve(commands)
    add_explain(commands)
    return parser


def _add_demo(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser("demo", help="run every suite against the bundled reference vendors")
    demo.add_argument(
        "--defect",
        action="append",
        default=[],
        metavar="NAME",
        help="switch on a defect of the reference vendor (repeatable; see --list-defects)",
    )
    demo.add_argument("--list-defects", action="store_true", help="list the defect switches")
    demo.add_argument(
        "--out", metavar="DIR", help="folder for the run's files (default: reports/...)"
    )
    demo.add_argument(
        "--catalogue",
        default=None,
        metavar="URL",
        help="catalogue URL (default: file:.interop-lab/catalogue)",
    )
    demo.add_argument(
        "--register",
        metavar="FILE",
        help="the OSLO standards register (standards.json) to load into the catalogue first",
    )
    demo.set_defaults(handler=_lazy("interop_lab.cli.demo", "demo"))


def _add_suites(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    suites = commands.add_parser("suites", help="list the conformance suites")
    suites.add_argument(
        "--requirements",
        metavar="SUITE",
        help="list every requirement of SUITE and the tests covering it",
    )
    suites.set_defaults(handler=_lazy("interop_lab.cli.suites", "suites"))


def _add_profile(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    profile = commands.add_parser("profile", help="work with vendor profiles")
    actions = profile.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser("check", help="validate vendor profiles (exit 0 or 2)")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.set_defaults(handler=_lazy("interop_lab.cli.profile", "check"))


def _add_run(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser("run", help="test a product against the standards its profile claims")
    run.add_argument("--profile", required=True, metavar="FILE")
    run.add_argument(
        "--suite",
        action="append",
        default=[],
        metavar="ID",
        help="run only this claimed suite (repeatable)",
    )
    run.add_argument(
        "--out",
        metavar="DIR",
        help="output folder (default: reports/<vendor>/<product>/<release>/<run-id>/)",
    )
    run.add_argument("--catalogue", metavar="URL", help="also store the scorecards there")
    run.add_argument("-v", "--verbose", action="store_true", help="list every test")
    run.add_argument(
        "--certify",
        action="store_true",
        help="a certified run: the lab signs each scorecard (needs --key)",
    )
    run.add_argument(
        "--key",
        metavar="KEYFILE",
        help="the lab's Ed25519 private key in PEM, read from this file (with --certify)",
    )
    run.set_defaults(handler=_lazy("interop_lab.cli.run", "run"))


def _add_campaign(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    campaign = commands.add_parser(
        "campaign",
        help="run every profile x claimed suite (journaled, resumable, sharded); "
        "'campaign merge ID' builds the report of a sharded campaign from the catalogue",
    )
    campaign.add_argument(
        "words", nargs="*", metavar="merge ID", help="merge ID: the report from the catalogue"
    )
    campaign.add_argument("--profiles", metavar="DIR", help="the folder of vendor profiles")
    campaign.add_argument(
        "--out", metavar="DIR", help="campaign folder (default: campaigns/<campaign-id>/)"
    )
    campaign.add_argument(
        "--catalogue", metavar="URL", help="catalogue URL (default: file:.interop-lab/catalogue)"
    )
    campaign.add_argument("--shard", metavar="I/N", help="run only shard I of N (e.g. 2/4)")
    campaign.add_argument("--resume", metavar="ID", help="finish an interrupted campaign")
    campaign.add_argument(
        "--id", dest="campaign_id", metavar="ID", help="the campaign id (shards share one)"
    )
    campaign.add_argument("--workers", type=int, metavar="N", help="worker processes")
    campaign.add_argument(
        "--per-vendor",
        type=int,
        default=1,
        metavar="N",
        help="tasks at once per vendor host (default 1)",
    )
    campaign.add_argument(
        "--allow-private",
        action="store_true",
        help="allow profiles whose base URL is a loopback, private or link-local address",
    )
    campaign.add_argument("--no-allure", action="store_true", help="write no allure results")
    campaign.add_argument("--no-notify", action="store_true", help="call no vendor webhooks")
    campaign.set_defaults(handler=_lazy("interop_lab.cli.campaign", "campaign"))


def _add_badge(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    badge = commands.add_parser(
        "badge", help="draw a scorecard's SVG badge (standard, level or verdict, test date)"
    )
    badge.add_argument("scorecard", metavar="SCORECARD", help="a scorecard.jsonld")
    badge.add_argument("--out", metavar="FILE", help="the SVG file (default: standard output)")
    badge.set_defaults(handler=_lazy("interop_lab.cli.badge", "badge_command"))


def _add_verify(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = commands.add_parser(
        "verify", help="check a certified scorecard's signature (exit 0 valid, 1 invalid)"
    )
    verify.add_argument("file", metavar="FILE", help="a scorecard.jsonld")
    verify.add_argument(
        "--evidence",
        metavar="PATH",
        help="the run's evidence.har (default: the scorecard's run.evidence in its run folder)",
    )
    verify.add_argument(
        "--key",
        metavar="PUBKEYFILE",
        help="require a signature by this Ed25519 public key (PEM)",
    )
    verify.set_defaults(handler=_lazy("interop_lab.cli.verify", "verify"))


def _add_catalogue(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    catalogue = commands.add_parser("catalogue", help="query or dump the solution catalogue")
    actions = catalogue.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, help_text in (
        ("list", "list the stored scorecards"),
        ("query", "run a SPARQL SELECT query"),
        ("export", "dump the store as N-Quads"),
        ("diff", "what changed between two runs (per test, verdict and level)"),
        ("site", "build the static Dutch catalogue site"),
        ("serve", "serve the catalogue over HTTP (JSON-LD, Turtle, HTML, SPARQL, badges)"),
        ("standards", "load the OSLO standards register (standards.json) into the catalogue"),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument(
            "--catalogue",
            default=None,
            metavar="URL",
            help="catalogue URL (default: file:.interop-lab/catalogue)",
        )
        if name == "query":
            action.add_argument("sparql", metavar="QUERY")
        if name == "export":
            action.add_argument("--output", metavar="FILE", help="file to write (default: stdout)")
        if name == "diff":
            _diff_arguments(action)
        if name == "site":
            action.add_argument(
                "--out", metavar="DIR", help="site folder (default: .interop-lab/site)"
            )
        if name == "standards":
            action.add_argument(
                "register",
                metavar="FILE",
                help="the register: a JSON array of {source_path, configuration} objects",
            )
        if name == "serve":
            action.add_argument(
                "--listen",
                default="127.0.0.1:8800",
                metavar="HOST:PORT",
                help="address to listen on (default: 127.0.0.1:8800, loopback only)",
            )
            action.add_argument(
                "--refresh",
                type=float,
                default=10.0,
                metavar="SECONDS",
                help="look for new scorecards this often (default 10; 0: never, serve the start)",
            )
        action.set_defaults(handler=_lazy("interop_lab.cli.catalogue", name))


def _diff_arguments(diff: argparse.ArgumentParser) -> None:
    diff.add_argument(
        "runs",
        nargs="*",
        metavar="RUN",
        help="two scorecard IRIs (urn:uuid:...) or run ids, the earlier first",
    )
    diff.add_argument(
        "--product", metavar="VENDOR/PRODUCT", help="compare this product's last two runs"
    )
    diff.add_argument("--suite", metavar="ID", help="the suite (needed when there are several)")
    diff.add_argument("--json", action="store_true", help="print the changes as JSON")


def _add_artefacts(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    artefacts = commands.add_parser("artefacts", help="inspect the pinned OSLO artefacts")
    actions = artefacts.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check",
        help="report what is wrong with each pinned artefact and which repair the suite "
        "applies (exit 0: every defect that breaks a run is repaired; 1: one is not)",
    )
    what = check.add_mutually_exclusive_group()
    what.add_argument("suite", nargs="?", metavar="SUITE", help="only this suite's artefacts")
    what.add_argument(
        "--mirror", metavar="DIR", help="check every artefact listed in DIR/index.json instead"
    )
    check.set_defaults(handler=_lazy("interop_lab.cli.artefacts", "check"))


def _lazy(module: str, function: str) -> Handler:
    def handler(args: argparse.Namespace) -> int:
        from importlib import import_module

        result: int = getattr(import_module(module), function)(args)
        return result

    return handler


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except UsageError as error:
        print(f"interop-lab: {error}", file=sys.stderr)
        return UsageError.exit_code
    except HarnessError as error:
        print(f"interop-lab: harness error: {error}", file=sys.stderr)
        return HarnessError.exit_code
    except LabError as error:  # a VendorResult escaping a run would be a lab bug
        print(f"interop-lab: harness error: {error!r}", file=sys.stderr)
        return HarnessError.exit_code


if __name__ == "__main__":
    sys.exit(main())
