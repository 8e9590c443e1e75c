"""`interop-lab suites` lists the suites without importing the RDF or SHACL libraries."""

from __future__ import annotations

import subprocess
import sys


def test_listing_the_suites_imports_no_rdf_library() -> None:
    probe = (
        "import contextlib, io, sys\n"
        "from interop_lab.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    code = main(['suites'])\n"
        "heavy = {'rdflib', 'pyshacl', 'pyld', 'pyoxigraph', 'pytest'}\n"
        "print(code, 'ipdc-lpdc' in out.getvalue())\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip().splitlines() == ["0 True", "[]"]
