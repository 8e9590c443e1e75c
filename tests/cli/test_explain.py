"""``interop-lab explain TEST``: by IRI, SUITE::NAME or a bare name; Dutch and English; exit 2
with close matches for a name that is unknown or names tests with different explanations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.e2e.support import run_lab

FEED_READ_WHOLE = "urn:interop-lab:test:ldes:1.0.0:structure/feed_read_whole"
TITLE_RULE = "shacl/InstancePublicServiceShape/dct-title/minCount"


def test_a_test_iri_prints_meaning_cause_fix_and_link_in_dutch_then_english(
    tmp_path: Path,
) -> None:
    result = run_lab("explain", FEED_READ_WHOLE, cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    headings = [
        "Wat betekent deze regel",
        "Gebruikelijke oorzaak",
        "Zo los je het op",
        "Regel in de standaard",
        "What the rule means",
        "Usual cause",
        "How to fix it",
        "Rule in the standard",
    ]
    positions = [out.index(f"\n{heading}\n") for heading in headings]
    assert positions == sorted(positions)
    assert FEED_READ_WHOLE in out
    assert "    https://treecg.github.io/specification/#traversing" in out
    assert "limits.max_pages" in out


def test_suite_and_name_in_english_only(tmp_path: Path) -> None:
    result = run_lab("explain", f"ipdc-lpdc::{TITLE_RULE}", "--lang", "en", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert f"urn:interop-lab:test:ipdc-lpdc:1.0.0:{TITLE_RULE}" in result.stdout
    assert "at least 1 time(s)" in " ".join(result.stdout.split())
    assert "Wat betekent deze regel" not in result.stdout


def test_a_name_shared_by_suites_with_one_text_is_printed_once(tmp_path: Path) -> None:
    result = run_lab("explain", "test_feed_read_whole", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert FEED_READ_WHOLE in result.stdout
    assert "urn:interop-lab:test:ipdc-lpdc:1.0.0:l1_feed/feed_read_whole" in result.stdout
    assert result.stdout.count("Wat betekent deze regel") == 1


def test_a_generated_test_by_its_pytest_name(tmp_path: Path) -> None:
    result = run_lab(
        "explain", f"test_shape_constraint[{TITLE_RULE}]", "--lang", "nl", cwd=tmp_path
    )

    assert result.returncode == 0, result.stderr
    assert "minstens 1 keer" in result.stdout


def test_an_unknown_name_is_a_usage_error_with_close_matches(tmp_path: Path) -> None:
    result = run_lab("explain", "feed_read_hole", cwd=tmp_path)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "no test 'feed_read_hole'" in result.stderr
    assert "did you mean:" in result.stderr
    assert "    feed_read_whole" in result.stderr


def test_a_name_with_different_explanations_lists_them(tmp_path: Path) -> None:
    result = run_lab("explain", "media_type", cwd=tmp_path)

    assert result.returncode == 2
    assert "names" in result.stderr
    assert "ipdc-lpdc::l1_feed/media_type" in result.stderr
    assert "besluit-publicatie::n0_pages/media_type" in result.stderr


def test_an_unknown_suite_is_a_usage_error(tmp_path: Path) -> None:
    result = run_lab("explain", "geen-suite::media_type", cwd=tmp_path)

    assert result.returncode == 2
    assert "unknown suite 'geen-suite'" in result.stderr


def test_the_commands_help_imports_no_rdf_or_test_library() -> None:
    # `interop-lab --help` must stay fast: the explain command imports its libraries when it runs.
    probe = (
        "import sys\n"
        "from interop_lab.cli.main import main\n"
        "for argv in (['--help'], ['explain', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = {'rdflib', 'pyshacl', 'pytest', 'pyld', 'pyoxigraph', 'yaml', 'pydantic'}\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert "explain" in result.stdout
