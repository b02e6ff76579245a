"""The shape of the code: small files and classes, no stage importing another, no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "veille"
STAGES = ("clean", "metadata", "language", "entities", "times", "quantities", "quotes", "events")
MAX_FILE_LINES = 600
MAX_CLASS_LINES = 300
PY_FILES = sorted(SRC.rglob("*.py"))


def _module(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST):
    """Every node but those under ``if TYPE_CHECKING:`` (imports for annotations only)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)
    return {m for m in out if m.startswith("veille")}


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


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
    own = _stage_of(_module(path))
    if own is None:
        return
    foreign = sorted(m for m in _imports(path) if _stage_of(m) not in (None, own))
    assert not foreign, f"stage {own} imports another stage: {foreign}"


def test_common_imports_no_stage() -> None:
    for path in (SRC / "common").rglob("*.py"):
        stages = sorted(m for m in _imports(path) if _stage_of(m))
        assert not stages, f"{path.relative_to(SRC)} (bottom of the graph) imports {stages}"


def test_no_import_cycle() -> None:
    modules = {_module(p): p for p in PY_FILES}
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
