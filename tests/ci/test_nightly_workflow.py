"""The ready nightly workflow (ci/nightly-campaign.github.yml) runs commands the CLI accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from interop_lab.cli.main import _parser

WORKFLOW = Path(__file__).resolve().parents[2] / "ci" / "nightly-campaign.github.yml"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def _workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    return loaded


def _lab_commands(shard: int) -> list[list[str]]:
    commands = []
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            for line in str(step.get("run", "")).splitlines():
                if not line.strip().startswith("interop-lab "):
                    continue
                line = EXPRESSION.sub(lambda m: str(shard) if "shard" in m[1] else "X", line)
                words = shlex.split(line.replace("$CAMPAIGN_ID", "nightly-1").split("||")[0])
                commands.append(words[1:])
    return commands


def test_the_workflow_runs_nightly_in_four_shards_then_merges() -> None:
    workflow = _workflow()
    # PyYAML reads the key "on" as True (YAML 1.1).
    assert workflow[True]["schedule"][0]["cron"] == "17 1 * * *"
    assert workflow["jobs"]["shard"]["strategy"]["matrix"]["shard"] == [1, 2, 3, 4]
    assert workflow["jobs"]["report"]["needs"] == "shard"


def test_every_lab_command_of_the_workflow_is_accepted_by_the_cli() -> None:
    commands = _lab_commands(shard=3)
    assert [command[:2] for command in commands] == [
        ["campaign", "--profiles"],
        ["campaign", "merge"],
    ]
    run, merge = (_parser().parse_args(command) for command in commands)
    assert (run.shard, run.campaign_id, run.catalogue) == ("3/4", "nightly-1", "X")
    assert merge.words == ["merge", "nightly-1"]
