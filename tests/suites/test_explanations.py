"""Every test of every suite is explained (meaning, cause, fix in Dutch and English, the rule's
link); hand-written texts live beside the tests, keyed by module and function, with no stale ones.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from interop_lab.model.errors import SuiteError
from interop_lab.suites.explanations import (
    EXPLANATIONS_FILE,
    explanation_of_test,
    written_explanations,
)
from interop_lab.suites.registry import suite_roots

LINK = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3"
KEYS = ("meaning", "cause", "fix")
ENGLISH = "{meaning: a, cause: b, fix: c}"
# Collecting runs pytest; in a process of its own, so this session's pytest is left alone.
COLLECT = """
import json
from interop_lab.plugin.collect import suite_tests
from interop_lab.suites.registry import load_suites

rows = []
for suite in load_suites().values():
    for test in suite_tests(suite):
        explanation = test.explanation
        rows.append({
            "suite": suite.id,
            "test": test.test,
            "local_id": test.local_id,
            "requirement": test.requirement,
            "link": explanation.link if explanation else None,
            "texts": None if explanation is None else {
                language: {key: getattr(getattr(explanation, language), key)
                           for key in ("meaning", "cause", "fix")}
                for language in ("nl", "en")
            },
        })
print(json.dumps(rows))
"""


@cache
def _every_test() -> list[dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-c", COLLECT], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def _generated(row: dict[str, Any]) -> bool:
    return str(row["local_id"]).startswith("shacl/")


def test_every_test_of_every_suite_is_explained_in_dutch_and_english() -> None:
    rows = _every_test()

    unexplained = [f"{row['suite']}::{row['local_id']}" for row in rows if row["texts"] is None]
    assert unexplained == [], "add them to the explanations.yaml beside their module"
    empty = [
        (row["test"], language, key)
        for row in rows
        for language in ("nl", "en")
        for key in KEYS
        if not row["texts"][language][key].strip()
    ]
    assert empty == []
    assert all(row["texts"]["nl"] != row["texts"]["en"] for row in rows)
    assert all(row["link"] == row["requirement"] for row in rows)


def test_hand_written_and_generated_tests_are_all_counted() -> None:
    rows = _every_test()
    suites = {row["suite"] for row in rows}
    hand_written = [row for row in rows if not _generated(row)]
    generated = [row for row in rows if _generated(row)]

    assert {"ipdc-lpdc", "ldes", "besluit-publicatie", "adresregister"} <= suites
    assert len(hand_written) >= 60, "every suite's own and imported tests"
    assert len(generated) >= 800, "one per SHACL constraint"
    print(f"explained: {len(hand_written)} hand-written, {len(generated)} generated")


def test_a_test_imported_by_another_suite_has_one_text() -> None:
    texts = {f"{row['suite']}::{row['local_id']}": row["texts"] for row in _every_test()}

    read_whole = texts["ipdc-lpdc::l1_feed/feed_read_whole"]
    assert read_whole == texts["ldes::structure/feed_read_whole"]
    dropped_keys = texts["adresregister::l2_jsonld/no_dropped_keys"]
    assert dropped_keys == texts["mandatendatabank::mandaten_jsonld/no_dropped_keys"]


def _explanation_files() -> list[Path]:
    return sorted(path for root in suite_roots() for path in root.glob(f"*/{EXPLANATIONS_FILE}"))


@pytest.mark.parametrize("path", _explanation_files(), ids=lambda p: p.parent.name)
def test_every_written_explanation_names_a_test_function_of_its_folder(path: Path) -> None:
    stale = []
    for module, function in written_explanations(path.parent):
        source = path.parent / f"{module}.py"
        defined = (
            {
                node.name
                for node in ast.walk(ast.parse(source.read_text("utf-8")))
                if isinstance(node, ast.FunctionDef)
            }
            if source.is_file()
            else set()
        )
        if function not in defined:
            stale.append(f"{module}.{function}")
    assert stale == [], f"{path}: explanations of tests that do not exist"


def test_a_hand_written_explanation_is_found_by_the_defining_module_and_function() -> None:
    common = next(root for root in suite_roots()) / "common"

    explanation = explanation_of_test(common / "collection_tests.py", "test_pages_answer", LINK)

    assert explanation is not None
    assert explanation.link == LINK
    assert "HTTP 200" in explanation.nl.meaning
    assert "HTTP 200" in explanation.en.meaning
    assert explanation.text("en") is explanation.en
    assert explanation_of_test(common / "collection_tests.py", "test_unknown", LINK) is None
    assert explanation_of_test(common / "document_tests.py", "test_pages_answer", LINK) is None


def test_a_folder_without_explanations_explains_nothing(tmp_path: Path) -> None:
    assert written_explanations(tmp_path) == {}
    assert explanation_of_test(tmp_path / "test_x.py", "test_y", LINK) is None


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (f"test_x: {{test_y: {{nl: {{meaning: a, cause: b}}, en: {ENGLISH}}}}}", "fix"),
        (f"test_x: {{test_y: {{nl: {{meaning: a, cause: b, fix: ' '}}, en: {ENGLISH}}}}}", "fix"),
        ("test_x: {test_y: {nl: {meaning: a, cause: b, fix: c}}}", "en"),
        ("test_x: [", "cannot read"),
    ],
    ids=["missing-fix", "empty-fix", "no-english", "not-yaml"],
)
def test_a_broken_explanations_file_is_a_suite_error_naming_it(
    tmp_path: Path, content: str, problem: str
) -> None:
    (tmp_path / EXPLANATIONS_FILE).write_text(content, encoding="utf-8")

    with pytest.raises(SuiteError, match=problem) as raised:
        written_explanations(tmp_path)

    assert str(tmp_path / EXPLANATIONS_FILE) in str(raised.value)


def test_the_bundled_files_are_valid_yaml_keyed_by_module_and_function() -> None:
    for path in _explanation_files():
        data = yaml.safe_load(path.read_text("utf-8"))
        assert all(module.isidentifier() for module in data), path
        assert all(name.startswith("test_") for tests in data.values() for name in tests), path
