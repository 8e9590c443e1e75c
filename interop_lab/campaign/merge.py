"""``campaign merge ID``: the report of a campaign whose shards ran on several machines.

Every shard stored its scorecards and job graphs in one SPARQL catalogue; the matrix is built
from there alone, exactly as the unsharded campaign builds it.
"""

from __future__ import annotations

from pathlib import Path

from interop_lab.campaign.journal import Header
from interop_lab.campaign.matrix import Matrix, build_matrix, exit_code
from interop_lab.campaign.report import write_report
from interop_lab.catalogue import DEFAULT_CATALOGUE, open_catalogue
from interop_lab.model.errors import UsageError
from interop_lab.runner.session import now_iso
from interop_lab.suites.registry import load_suites


def merge_campaign(campaign_id: str, catalogue_url: str | None, out: Path) -> tuple[Matrix, int]:
    with open_catalogue(catalogue_url or DEFAULT_CATALOGUE) as catalogue:
        matrix = build_matrix(catalogue, campaign_id, sorted(load_suites()))
    if not matrix.rows:
        raise UsageError(
            f"no job of campaign {campaign_id} in the catalogue; check the id and --catalogue"
        )
    jobs = tuple(f"{row.profile}/{suite}" for row in matrix.rows for suite in row.cells)
    header = Header(campaign_id, now_iso(), "", "merged", jobs)
    write_report(out, matrix, header, [])
    return matrix, exit_code(matrix, [])
