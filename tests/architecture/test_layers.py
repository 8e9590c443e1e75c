"""The layers of ARCHITECTURE.md: every import of the package points down (or stays inside)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import interop_lab

PACKAGE = Path(interop_lab.__file__).parent
RANKS = {
    "model": 0,
    "transport": 1,
    "payloads": 1,
    "shapes": 1,
    "profiles": 1,
    "reference": 1,
    "artefacts": 2,
    "crawl": 2,
    "suites": 3,
    "validation": 3,
    "checks": 4,
    "serve": 3,
    "runner": 5,
    "reporting": 6,
    "catalogue": 7,
    "plugin": 8,
    "service": 8,
    "site": 8,
    "campaign": 9,
    "cli": 10,
}
# Standard library plus these: the model layer stays free of third-party imports.
MODEL_ALLOWED = {"interop_lab"}


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.parent != PACKAGE)


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_every_layer_has_a_rank() -> None:
    layers = {path.relative_to(PACKAGE).parts[0] for path in _modules()}
    assert layers == set(RANKS)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    layer = path.relative_to(PACKAGE).parts[0]
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] != "interop_lab" or len(parts) < 2 or parts[1] == layer:
            continue
        target = parts[1]
        assert RANKS[target] < RANKS[layer], f"{layer} imports {name}: it may only import below"


@pytest.mark.parametrize(
    "path",
    sorted((PACKAGE / "model").glob("*.py")),
    ids=lambda p: p.name,
)
def test_model_uses_only_the_standard_library(path: Path) -> None:
    import sys

    for name in _imports(path):
        top = name.split(".")[0]
        assert top in sys.stdlib_module_names or top in MODEL_ALLOWED, f"{path.name}: {name}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_plugin_imports_pytest(path: Path) -> None:
    layer = path.relative_to(PACKAGE).parts[0]
    if layer != "plugin":
        assert "pytest" not in {name.split(".")[0] for name in _imports(path)}
