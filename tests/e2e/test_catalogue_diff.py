"""Two runs of the reference vendor into one catalogue, the second with a defect: diff names it."""

from __future__ import annotations

import json
from pathlib import Path

from interop_lab.reference import IpdcFeed, ReferenceVendor
from tests.e2e.support import TOKEN, run_lab, scorecard, write_profile

DEFECT_TEST = "InstancePublicServiceShape/dct-title/minCount"
PRODUCT = "Testleverancier/Testcatalogus"


def _run_into(workdir: Path, catalogue: str, name: str, defects: tuple[str, ...]) -> str:
    """Run the lab once into the catalogue; the scorecard's IRI."""
    with ReferenceVendor(
        IpdcFeed(members=25, page_size=10, defects=defects), token=TOKEN
    ) as vendor:
        profile = write_profile(workdir, vendor.base_url)
        out = workdir / name
        result = run_lab(
            "run",
            "--profile",
            str(profile),
            "--out",
            str(out),
            "--catalogue",
            catalogue,
            cwd=workdir,
        )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    iri: str = scorecard(out)["@id"]
    return iri


def test_diff_of_the_last_two_runs_names_the_new_failure(workdir: Path) -> None:
    catalogue = f"file:{workdir / 'catalogus'}"
    good = _run_into(workdir, catalogue, "goed", ())
    bad = _run_into(workdir, catalogue, "fout", ("missing-title",))

    by_product = run_lab(
        "catalogue", "diff", "--product", PRODUCT, "--suite", "ipdc-lpdc",
        "--catalogue", catalogue, cwd=workdir,
    )  # fmt: skip

    assert by_product.returncode == 0, by_product.stderr
    text = by_product.stdout
    assert "nieuw gefaald" in text
    assert DEFECT_TEST in _section(text, "nieuw gefaald")
    assert "oordeel: conformant -> non-conformant" in text
    assert good in text
    assert bad in text

    as_json = run_lab(
        "catalogue", "diff", good, bad, "--json", "--catalogue", catalogue, cwd=workdir
    )

    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert (data["before"]["iri"], data["after"]["iri"]) == (good, bad)
    new = [c["test"] for c in data["changes"] if c["kind"] == "new-failure"]
    assert any(test.endswith(DEFECT_TEST) for test in new), new

    same = run_lab("catalogue", "diff", bad, bad, "--catalogue", catalogue, cwd=workdir)
    assert same.returncode == 0, same.stderr
    assert same.stdout.rstrip().endswith("geen wijzigingen")


def _section(text: str, label: str) -> str:
    """The indented lines under the heading that starts with ``label``."""
    lines = text.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(label)) + 1
    end = next(
        (index for index in range(start, len(lines)) if not lines[index].startswith(" ")),
        len(lines),
    )
    return "\n".join(lines[start:end])


def test_diff_without_two_runs_is_a_usage_error(workdir: Path) -> None:
    catalogue = f"file:{workdir / 'catalogus'}"

    result = run_lab(
        "catalogue", "diff", "--product", PRODUCT, "--catalogue", catalogue, cwd=workdir
    )

    assert result.returncode == 2
    assert "two are needed" in result.stderr
