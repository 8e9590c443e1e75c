"""``interop-lab serve --suite ID --profile FILE``: the lab as a server for a vendor's client.

The lab plays the API the suite names (for ``lokaal-beslist-melding``: Lokaal Beslist's
``POST /melding``) on ``--listen``, until Ctrl-C or SIGTERM, ``--until-idle`` seconds without a
request, or ``--submissions`` submissions; then the suite's tests judge the session through the
same pytest plugin as ``run``, which writes the scorecard, JUnit, the evidence and the catalogue
entry. Exit codes as ``run``: 0 conformant, 1 not, 2 usage error (nothing served), 3 lab error.

Only the standard library is imported here, so ``interop-lab --help`` stays fast.
"""

from __future__ import annotations

import argparse

DEFAULT_LISTEN = "127.0.0.1:8810"


def add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``serve`` subcommand and its arguments."""
    serve = commands.add_parser(
        "serve",
        help="the lab as a server: play an API for the product's client (e.g. Lokaal Beslist's "
        "submission API), then write the client's scorecard",
    )
    serve.add_argument("--suite", required=True, metavar="ID", help="a suite that tests a client")
    serve.add_argument("--profile", required=True, metavar="FILE", help="the vendor profile")
    serve.add_argument(
        "--listen",
        default=DEFAULT_LISTEN,
        metavar="HOST:PORT",
        help=f"address to listen on (default {DEFAULT_LISTEN}; port 0: any free port, printed)",
    )
    serve.add_argument(
        "--out",
        metavar="DIR",
        help="output folder (default: reports/<vendor>/<product>/<release>/<run-id>/)",
    )
    serve.add_argument("--catalogue", metavar="URL", help="also store the scorecard there")
    end = serve.add_mutually_exclusive_group()
    end.add_argument(
        "--until-idle",
        type=float,
        metavar="SECONDS",
        help="end the session after this many seconds without a request",
    )
    end.add_argument(
        "--submissions",
        type=int,
        metavar="N",
        help="end the session once N submissions are answered and followed up",
    )
    serve.add_argument("-v", "--verbose", action="store_true", help="list every test")
    serve.set_defaults(handler=serve_command)


def serve_command(args: argparse.Namespace) -> int:
    from interop_lab.cli.serving import serve

    return serve(args)
