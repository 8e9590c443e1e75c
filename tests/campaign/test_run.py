"""Starting and resuming a campaign: what it refuses before any job runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from interop_lab.campaign.journal import Header, Journal
from interop_lab.campaign.run import CampaignRequest, run_campaign
from interop_lab.model.errors import UsageError

HEADER = Header("c1", "2026-11-28T00:00:00Z", "/nergens", "1/1", (), "file:eerste.db")


def test_a_campaign_resumes_only_into_its_own_catalogue(tmp_path: Path) -> None:
    Journal(tmp_path).start(HEADER)
    request = CampaignRequest(profiles=None, out=tmp_path, resume="c1", catalogue="file:ander.db")

    with pytest.raises(UsageError, match=r"writes to file:eerste\.db; resume it there"):
        run_campaign(request)


def test_resuming_another_campaigns_folder_is_refused(tmp_path: Path) -> None:
    Journal(tmp_path).start(HEADER)

    with pytest.raises(UsageError, match="holds campaign c1, not c2"):
        run_campaign(CampaignRequest(profiles=None, out=tmp_path, resume="c2"))


def test_a_new_campaign_needs_its_profiles(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--profiles DIR"):
        run_campaign(CampaignRequest(profiles=None, out=tmp_path))


def test_a_started_campaign_is_not_started_twice(tmp_path: Path) -> None:
    Journal(tmp_path).start(HEADER)

    with pytest.raises(UsageError, match="resume it with --resume c1"):
        Journal(tmp_path).start(HEADER)
