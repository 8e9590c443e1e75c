"""Malformed profiles through the real CLI: exit 2, `file:line: field: problem`, nothing written.

The variants are the loader-level cases of ``tests/profiles/test_malformed.py`` (imported, not
copied) plus a few more; here they go through ``interop-lab profile check`` and ``interop-lab run
--profile``: in-process through the CLI's ``main`` for every variant, and as real subprocesses
(one ``profile check`` of every file, one ``run`` per kind the issue names).
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from interop_lab.cli.main import main
from tests.e2e.support import run_lab
from tests.profiles.conftest import MINIMAL
from tests.profiles.test_malformed import AUTH, CASES, append, sub, whole

# A bound per variant, far above what a check takes (well under a second), far below a hang.
SECONDS_PER_VARIANT = 5.0
# `run` prints its usage error after this prefix; a problem line may carry it.
RUN_PREFIX = "interop-lab: "

EXTRA_CASES = [
    ("anchor without alias", append("x: &eenmaal 1\n"), 11, "yaml", "YAML aliases are not allowed"),
    (
        "merge key alias",
        append("base: &b {max_pages: 3}\nlimits:\n  <<: *b\n"),
        11,
        "yaml",
        "YAML aliases are not allowed",
    ),
    (
        "inline webhook secret",
        append("notify: {webhook: 'https://hook.example/x', secret: s3cr3t-w3bh00k}\n"),
        11,
        "notify.secret",
        "name it here with secret_env: NAME",
    ),
    (
        "inline bearer token, no name",
        sub(AUTH, "{type: bearer, token: abc123}"),
        5,
        "auth.token",
        "secrets never go in a profile",
    ),
    (
        "claims a list of text",
        sub("claims:\n", "claims: [ipdc-lpdc]\nx:\n"),
        6,
        "claims[0]",
        "expected a mapping",
    ),
    (
        "non-UTF-8 on a later line",
        lambda base: base.encode("utf-8") + b"# commentaar \xff\xfe\n",
        11,
        "encoding",
        "the file is not UTF-8 (byte 0xff)",
    ),
    (
        "base URL with a line break",
        sub("http://127.0.0.1:8801", '"http://127.0.0.1:8801/\\nx"'),
        4,
        "base_url",
        "must not contain spaces, tabs or line breaks",
    ),
    (
        "a key with a line break cannot forge a line",
        append('"x\\nprofiel.yaml:1: ok": 1\n'),
        11,
        "x\\x0aprofiel.yaml:1: ok",
        "unknown field 'x\\x0aprofiel.yaml:1: ok'",
    ),
    (
        "a value with a line break cannot forge a line",
        sub("standard: ipdc-lpdc", 'standard: "ipdc\\nprofiel.yaml:1: ok"'),
        7,
        "claims[0].standard",
        "unknown suite 'ipdc\\x0aprofiel.yaml:1: ok'",
    ),
    (
        "a binary file",
        whole(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        1,
        "encoding",
        "the file is not UTF-8 (byte 0x89)",
    ),
]
VARIANTS = [*CASES, *EXTRA_CASES]

# The kinds the issue names, each by a variant that is here: the `run` subprocesses take these.
NAMED_KINDS = {
    "YAML anchors bomb": "billion laughs",
    "non-UTF-8 file": "non-UTF-8 bytes",
    "inline secret": "inline token",
    "relative base URL": "relative base URL",
    "unknown suite": "unknown suite",
    "missing claims": "missing claims",
    "unknown keys": "unknown top-level key",
    "wrong types": "kbo as number",
}


@dataclass(frozen=True)
class Variant:
    name: str
    path: Path
    line: int | None
    field: str
    phrase: str

    def pattern(self, prefix: str = "") -> re.Pattern[str]:
        """``^<file>:<line>: <field>: <problem>$`` (``<file>: <field>: ...`` when no line)."""
        where = f"{re.escape(str(self.path))}" + (f":{self.line}" if self.line else "")
        return re.compile(f"^{prefix}{where}: {re.escape(self.field)}: (?P<problem>.+)$")

    def problem_in(self, output: str, *, prefix: str = "") -> str | None:
        for text in output.splitlines():
            match = self.pattern(prefix).match(text)
            if match and self.phrase in match["problem"]:
                return text
        return None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Variant]:
    folder = tmp_path_factory.mktemp("profielen")
    written: dict[str, Variant] = {}
    for number, (name, edit, line, field, phrase) in enumerate(VARIANTS):
        content = edit(MINIMAL)
        path = folder / f"{number:03d}-{_slug(name)}.yaml"
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        written[name] = Variant(name, path, line, field, phrase)
    return written


def _contents(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_there_are_at_least_thirty_variants_of_every_named_kind() -> None:
    names = [case[0] for case in VARIANTS]
    assert len(names) >= 30
    assert len(set(names)) == len(names)
    assert set(NAMED_KINDS.values()) <= set(names)


@pytest.mark.parametrize("name", [case[0] for case in VARIANTS])
def test_profile_check_and_run_refuse_the_variant(
    name: str,
    variants: dict[str, Variant],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    variant = variants[name]
    before = variant.path.read_bytes()
    workdir = tmp_path / "werk"
    workdir.mkdir()
    monkeypatch.chdir(workdir)

    started = time.monotonic()
    code = main(["profile", "check", str(variant.path)])
    checked = capsys.readouterr()
    assert code == 2, checked.err
    assert checked.out == "", "no 'ok' for a file with a problem"
    assert variant.problem_in(checked.err), checked.err

    code = main(["run", "--profile", str(variant.path)])
    ran = capsys.readouterr()
    elapsed = time.monotonic() - started
    assert code == 2, ran.err
    assert variant.problem_in(ran.err, prefix=f"(?:{RUN_PREFIX})?"), ran.err
    assert "scorecards:" not in ran.out
    assert _contents(workdir) == [], "nothing written: no reports/, no .interop-lab/"
    assert variant.path.read_bytes() == before
    assert elapsed < SECONDS_PER_VARIANT


def test_one_profile_check_reports_every_file(variants: dict[str, Variant], tmp_path: Path) -> None:
    files = [str(variant.path) for variant in variants.values()]
    started = time.monotonic()
    result = run_lab("profile", "check", *files, cwd=tmp_path)
    elapsed = time.monotonic() - started

    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    missing = [v.name for v in variants.values() if v.problem_in(result.stderr) is None]
    assert missing == [], result.stderr
    shape = re.compile(f"^(?:{'|'.join(map(re.escape, files))})(?::\\d+)?: .+?: .+$")
    odd = [text for text in result.stderr.splitlines() if not shape.match(text)]
    assert odd == [], "every line is file:line: field: problem"
    assert _contents(tmp_path) == []
    assert elapsed < SECONDS_PER_VARIANT * 2


@pytest.fixture(scope="module")
def named_runs(
    variants: dict[str, Variant], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[subprocess.CompletedProcess[str], float, Path]]:
    """``interop-lab run --profile FILE`` as a subprocess, one per kind the issue names."""

    def one(name: str) -> tuple[subprocess.CompletedProcess[str], float, Path]:
        workdir = tmp_path_factory.mktemp("run")
        started = time.monotonic()
        result = run_lab("run", "--profile", str(variants[name].path), cwd=workdir)
        return result, time.monotonic() - started, workdir

    run: Callable[[str], tuple[subprocess.CompletedProcess[str], float, Path]] = one
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(NAMED_KINDS.values(), pool.map(run, NAMED_KINDS.values()), strict=True))


@pytest.mark.parametrize("kind", list(NAMED_KINDS))
def test_run_refuses_each_named_kind_before_writing_anything(
    kind: str,
    variants: dict[str, Variant],
    named_runs: dict[str, tuple[subprocess.CompletedProcess[str], float, Path]],
) -> None:
    name = NAMED_KINDS[kind]
    result, elapsed, workdir = named_runs[name]
    assert result.returncode == 2, result.stdout + result.stderr
    assert variants[name].problem_in(result.stderr, prefix=f"(?:{RUN_PREFIX})?"), result.stderr
    assert "Traceback" not in result.stderr
    assert _contents(workdir) == [], "nothing written"
    assert elapsed < SECONDS_PER_VARIANT * 2  # two at a time on a small machine
