"""The shape of the code: small files and classes, no stage importing another, no import cycle."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# one reading of the import graph for this test and for tools/standards.py's report
from tools.standards import MAX_CLASS_LINES, MAX_FILE_LINES, SRC, module_name, runtime_imports, stage_of  # noqa: E402

PY_FILES = sorted(SRC.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    return {module for _, module in runtime_imports(path)}


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_file_is_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_FILE_LINES, f"{path.relative_to(SRC)} has {lines} lines (limit {MAX_FILE_LINES})"


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_classes_are_small(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            size = node.end_lineno - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"{path.relative_to(SRC)}: class {node.name} has {size} lines"


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_stage_imports_another_stage(path: Path) -> None:
    own = stage_of(module_name(path))
    if own is None:
        return
    foreign = sorted(m for m in _imports(path) if stage_of(m) not in (None, own))
    assert not foreign, f"stage {own} imports another stage: {foreign}"


def test_common_imports_no_stage() -> None:
    for path in (SRC / "common").rglob("*.py"):
        stages = sorted(m for m in _imports(path) if stage_of(m))
        assert not stages, f"{path.relative_to(SRC)} (bottom of the graph) imports {stages}"


def test_no_import_cycle() -> None:
    modules = {module_name(p): p for p in PY_FILES}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        # A submodule importing its own package (``from veille.x import y``) runs no new code:
        # the package is already being imported, so that edge is no cycle.
        graph[name] = {m for m in _imports(path) if m in modules and m != name and not name.startswith(m + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if not state.get(nxt):
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if not state.get(node):
            visit(node)
