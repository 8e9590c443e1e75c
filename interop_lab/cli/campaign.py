"""``interop-lab campaign`` and ``interop-lab campaign merge ID``."""

from __future__ import annotations

import argparse
from pathlib import Path

from interop_lab.model.errors import UsageError


def campaign(args: argparse.Namespace) -> int:
    if args.words:
        return _merge(args)
    from interop_lab.campaign.plan import ALL, parse_shard
    from interop_lab.campaign.run import CampaignRequest, print_matrix, run_campaign

    if args.resume and (args.profiles or args.shard or args.campaign_id):
        raise UsageError(
            "--resume ID takes the profiles, shard and id of the campaign it resumes: "
            "leave out --profiles, --shard and --id"
        )
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.per_vendor < 1:
        raise UsageError("--per-vendor must be at least 1")
    request = CampaignRequest(
        profiles=Path(args.profiles) if args.profiles else None,
        out=Path(args.out) if args.out else None,
        catalogue=args.catalogue,
        shard=parse_shard(args.shard) if args.shard else ALL,
        resume=args.resume,
        campaign_id=args.campaign_id,
        workers=args.workers,
        per_host=args.per_vendor,
        allow_private=args.allow_private,
        allure=not args.no_allure,
        notify=not args.no_notify,
    )
    result = run_campaign(request)
    print_matrix(result)
    for error in result.errors:
        print(f"fout: {error}")
    print(f"campagne: {result.matrix.campaign}")
    print(f"rapport: {result.folder / 'campaign.html'}")
    return result.exit_code


def _merge(args: argparse.Namespace) -> int:
    if len(args.words) != 2 or args.words[0] != "merge":
        raise UsageError("campaign takes no words, or 'merge ID': interop-lab campaign merge ID")
    from interop_lab.campaign.merge import merge_campaign
    from interop_lab.campaign.report import matrix_lines

    campaign_id = args.words[1]
    out = Path(args.out) if args.out else Path("campaigns") / campaign_id
    matrix, code = merge_campaign(campaign_id, args.catalogue, out)
    for line in matrix_lines(matrix):
        print(line)
    print(f"rapport: {out / 'campaign.html'}")
    return code
