"""The campaign plan: profile files, invalid profiles, shards and the private-address policy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interop_lab.campaign.plan import ALL, Shard, job_keys, parse_shard, plan, profile_files
from interop_lab.model.errors import ProfileError, UsageError
from tests.campaign.support import SUITES, write_profile


def test_profile_files_lists_yaml_and_yml_sorted(tmp_path: Path) -> None:
    b = write_profile(tmp_path, "b.yml")
    a = write_profile(tmp_path, "a.yaml")
    (tmp_path / "notes.txt").write_text("geen profiel", encoding="utf-8")
    (tmp_path / "sub.yaml").mkdir()
    assert profile_files(tmp_path) == [a, b]


def test_profile_files_not_a_folder(tmp_path: Path) -> None:
    path = write_profile(tmp_path, "a.yaml")
    with pytest.raises(UsageError, match="not a folder; give the folder of vendor profiles"):
        profile_files(path)
    with pytest.raises(UsageError, match="not a folder"):
        profile_files(tmp_path / "missing")


def test_profile_files_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "leesmij.md").write_text("# profielen", encoding="utf-8")
    with pytest.raises(UsageError, match=r"no \*\.yaml profiles in it"):
        profile_files(tmp_path)


def test_profile_files_same_stem(tmp_path: Path) -> None:
    write_profile(tmp_path, "acme.yaml")
    write_profile(tmp_path, "acme.yml")
    with pytest.raises(UsageError, match="have the same name") as caught:
        profile_files(tmp_path)
    assert "acme.yaml" in str(caught.value)
    assert "acme.yml" in str(caught.value)
    assert "rename one" in str(caught.value)


@pytest.mark.parametrize(
    ("first", "second"), [("acme_1.yaml", "acme-1.yaml"), ("Acme.yaml", "acme.yaml")]
)
def test_profile_files_same_run_id(tmp_path: Path, first: str, second: str) -> None:
    # run.py names a task's run f"{campaign}-{slug(stem)}" and its scorecard IRIs follow from
    # that run id: two stems with one slug would overwrite each other's scorecards.
    write_profile(tmp_path, first)
    write_profile(tmp_path, second)
    with pytest.raises(UsageError, match="rename one"):
        profile_files(tmp_path)


def test_plan_one_task_per_profile(tmp_path: Path) -> None:
    claims = [
        {"standard": "ipdc-lpdc", "endpoints": {"feed": "/ipdc"}},
        {"standard": "ldes", "endpoints": {"feed": "/ldes"}},
    ]
    write_profile(tmp_path, "acme.yaml", claims=claims)
    write_profile(tmp_path, "beta.yaml", "https://Beta.Example:8443/api")
    tasks = plan(tmp_path, SUITES)
    assert [task.stem for task in tasks] == ["acme", "beta"]
    assert tasks[0].suites == ("ipdc-lpdc", "ldes")
    assert tasks[0].vendor == "Testleverancier"
    assert tasks[0].release == "1.0.0"
    assert tasks[1].host == "https://beta.example:8443"
    assert job_keys(tasks) == ["acme/ipdc-lpdc", "acme/ldes", "beta/ipdc-lpdc"]


def test_plan_invalid_profile_lists_file_and_line(tmp_path: Path) -> None:
    write_profile(tmp_path, "goed.yaml")
    bad = write_profile(
        tmp_path,
        "slecht.yaml",
        vendor={"name": "X", "kbo": "123", "contact": "lab@example.org"},
    )
    line = next(
        number
        for number, text in enumerate(bad.read_text("utf-8").splitlines(), start=1)
        if "kbo:" in text
    )
    with pytest.raises(ProfileError) as caught:
        plan(tmp_path, SUITES)
    assert [(p.file, p.line, p.field) for p in caught.value.problems] == [
        (str(bad), line, "vendor.kbo")
    ]
    assert str(caught.value).startswith(f"{bad}:{line}: vendor.kbo: ")


def test_plan_unknown_suite_is_a_problem(tmp_path: Path) -> None:
    bad = write_profile(tmp_path, "a.yaml", claims=[{"standard": "onbekend", "endpoints": {}}])
    with pytest.raises(ProfileError, match=re.escape(str(bad)) + r":\d+: claims\[0\]\.standard"):
        plan(tmp_path, SUITES)


# --- shards -----------------------------------------------------------------------------------


def test_parse_shard() -> None:
    assert parse_shard("2/4") == Shard(2, 4)
    assert parse_shard(" 1/1 ") == ALL
    assert str(parse_shard("3/5")) == "3/5"


@pytest.mark.parametrize("text", ["0/4", "5/4"])
def test_parse_shard_out_of_range(text: str) -> None:
    with pytest.raises(UsageError, match=r"I must be between 1 and N \(here 1\.\.4\)"):
        parse_shard(text)


@pytest.mark.parametrize("text", ["a/b", "2", "2/", "/4", "-1/4", "2/4/8", ""])
def test_parse_shard_not_i_of_n(text: str) -> None:
    with pytest.raises(UsageError, match=r"write I/N, e\.g\. --shard 2/4"):
        parse_shard(text)


def test_parse_shard_zero_shards() -> None:
    with pytest.raises(UsageError, match="--shard 1/0"):
        parse_shard("1/0")


def _folder_of(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "profielen"
    for number in range(count):
        write_profile(folder, f"leverancier-{number:02}.yaml")
    return folder


def test_shards_partition_the_tasks(tmp_path: Path) -> None:
    folder = _folder_of(tmp_path, 12)
    everything = [task.stem for task in plan(folder, SUITES)]
    assert len(everything) == 12
    for count in range(1, 6):
        shards = [
            [task.stem for task in plan(folder, SUITES, Shard(index, count))]
            for index in range(1, count + 1)
        ]
        held = [stem for shard in shards for stem in shard]
        assert sorted(held) == everything, f"{count} shards"  # each task exactly once
        for shard in shards:
            assert shard == sorted(shard)  # a stable order within a shard


def test_adding_a_profile_moves_no_task(tmp_path: Path) -> None:
    folder = _folder_of(tmp_path, 8)
    before = {
        count: {
            task.stem: index
            for index in range(1, count + 1)
            for task in plan(folder, SUITES, Shard(index, count))
        }
        for count in range(1, 6)
    }
    write_profile(folder, "aaa-nieuw.yaml")
    for count in range(1, 6):
        after = {
            task.stem: index
            for index in range(1, count + 1)
            for task in plan(folder, SUITES, Shard(index, count))
        }
        assert "aaa-nieuw" in after
        assert {stem: after[stem] for stem in before[count]} == before[count]


# --- private addresses ------------------------------------------------------------------------

PRIVATE = [
    "http://127.0.0.1:8080",
    "http://10.1.2.3",
    "https://10.255.0.1:8443/api",
    "http://192.168.1.20",
    "http://169.254.169.254",
    "http://[::1]:8080",
    "http://localhost:8000",
    "http://feed.localhost",
    "http://0.0.0.0",
]


@pytest.mark.parametrize("base_url", PRIVATE)
def test_private_base_url_refused(tmp_path: Path, base_url: str) -> None:
    path = write_profile(tmp_path, "lokaal.yaml", base_url)
    write_profile(tmp_path, "publiek.yaml")
    with pytest.raises(ProfileError) as caught:
        plan(tmp_path, SUITES)
    [problem] = caught.value.problems
    assert (problem.file, problem.field) == (str(path), "base_url")
    assert "loopback, private or link-local" in problem.message
    assert "--allow-private" in problem.message


@pytest.mark.parametrize("base_url", PRIVATE)
def test_private_base_url_allowed_with_allow_private(tmp_path: Path, base_url: str) -> None:
    write_profile(tmp_path, "lokaal.yaml", base_url)
    [task] = plan(tmp_path, SUITES, allow_private=True)
    assert task.stem == "lokaal"


@pytest.mark.parametrize("base_url", ["https://vendor.example", "http://93.184.215.14:8080"])
def test_public_base_url_accepted(tmp_path: Path, base_url: str) -> None:
    write_profile(tmp_path, "publiek.yaml", base_url)
    [task] = plan(tmp_path, SUITES)
    assert task.host == base_url


@pytest.mark.parametrize("base_url", ["http://127.1:8080", "http://2130706433", "http://0x7f.1"])
def test_loopback_in_short_notation_refused(tmp_path: Path, base_url: str) -> None:
    # The resolver reads these as 127.0.0.1 (inet_aton), so httpx would connect to loopback.
    write_profile(tmp_path, "kort.yaml", base_url)
    with pytest.raises(ProfileError, match="base_url"):
        plan(tmp_path, SUITES)


def test_private_endpoint_host_refused(tmp_path: Path) -> None:
    # An absolute endpoint on a host listed under hosts: the lab contacts it as well.
    write_profile(
        tmp_path,
        "omweg.yaml",
        hosts=["169.254.169.254"],
        claims=[
            {
                "standard": "ipdc-lpdc",
                "endpoints": {"feed": "http://169.254.169.254/latest/meta-data"},
            }
        ],
    )
    with pytest.raises(ProfileError, match=r"169\.254\.169\.254"):
        plan(tmp_path, SUITES)


def test_a_missing_secret_stops_the_campaign_before_any_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_profile(tmp_path, "acme.yaml")
    monkeypatch.delenv("INTEROP_LAB_TEST_TOKEN")

    with pytest.raises(UsageError, match=r"acme\.yaml: auth\.token_env: .*INTEROP_LAB_TEST_TOKEN"):
        plan(tmp_path, SUITES)
