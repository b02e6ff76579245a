"""The project against its own standards (the shape of the code), measured mechanically.

Each check counts the places that break one standard of the README and the design notes:

- ``cross_stage_imports``: a stage package (``clean``, ``metadata``, ``language``, ``entities``,
  ``times``, ``quantities``, ``quotes``, ``events``) importing another stage, or ``common/`` (the
  bottom of the graph) importing a stage; imports under ``if TYPE_CHECKING:`` are not counted;
- ``lexicon_no_source``: a TSV lexicon whose opening comment block has no ``# source:`` line, a
  JSON lexicon without a ``_source`` key;
- ``lexicon_rows_no_example``: a data row with an empty example cell, in a TSV lexicon whose
  column line (``# Columns: a <TAB> b <TAB> invented example``) declares an example column;
- ``lexicon_files_without_example``: a TSV lexicon with no example column whose header shows no
  example either (an ``# Example:`` line or a quoted phrase);
- ``files_over_600`` / ``classes_over_300``: Python files and classes over the size limits;
- ``public_untyped``: a public function or method (name without a leading ``_``, ``__init__`` and
  ``__call__`` included, nested functions and private classes left out) with a parameter or a
  return without a type hint (``__init__`` needs no return hint);
- ``modules_untested``: a module of ``src/veille`` that no file under ``tests/`` imports or names
  (as ``veille.a.b``, ``from veille.a import b``, a name the package ``veille.a`` re-exports from
  it, the path ``a/b.py``, or a test file named after it, ``tests/test_a_b.py``);
- ``stages_not_in_readme``: a stage package the README's "Where to change what" table never points to;
- ``commands_without_help``: a ``veille`` command or subcommand with no help text;
- ``schema_keys_missing``: a key of ``shared/SCHEMA.md``'s example record that is no field of the
  dataclass of ``veille.model`` that writes it (skipped when ``../shared`` is absent);
- ``records_without_rule`` (only with ``--records FILE``): a quote or an event of an ``extract
  --explain`` JSONL output with no ``rule``.

``CEILINGS`` holds the counts main is allowed today: a count above its ceiling is a regression
(exit status 1; ``tests/test_standards.py`` runs the same). Lower a ceiling when you fix something.

    python tools/standards.py                 # one line per check: count / ceiling
    python tools/standards.py --list public_untyped   # every place one check counts
    python tools/standards.py --records out.jsonl     # also the rule check on an --explain output
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "veille"
TESTS = ROOT / "tests"
LEXICONS = SRC / "lexicons"
README = ROOT / "README.md"
STAGES = ("clean", "metadata", "language", "entities", "times", "quantities", "quotes", "events")
MAX_FILE_LINES = 600
MAX_CLASS_LINES = 300
PUBLIC_DUNDERS = ("__init__", "__call__")

# The counts allowed on main (a regression is a count above its ceiling).
CEILINGS: dict[str, int] = {
    "cross_stage_imports": 0,
    "lexicon_no_source": 0,
    "lexicon_rows_no_example": 0,
    "lexicon_files_without_example": 0,
    "files_over_600": 0,
    "classes_over_300": 0,
    "public_untyped": 0,
    "modules_untested": 1,
    "stages_not_in_readme": 0,
    "commands_without_help": 0,
    "schema_keys_missing": 0,
    "records_without_rule": 0,
}


def py_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def module_name(path: Path) -> str:
    """The dotted module name of a file under ``src/`` (a package's ``__init__`` is the package)."""
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def runtime_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every ``veille`` import a file makes at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    out: list[tuple[int, str]] = []
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.append((node.lineno, mod))
            out.extend((node.lineno, f"{mod}.{a.name}") for a in node.names)
    return [(n, m) for n, m in out if m.startswith("veille")]


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def cross_stage_imports() -> list[str]:
    out: list[str] = []
    for path in py_files():
        own = module_name(path)
        own_stage = stage_of(own)
        bottom = own.startswith("veille.common")
        if own_stage is None and not bottom:
            continue
        seen: set[tuple[int, str]] = set()
        for line, mod in runtime_imports(path):
            other = stage_of(mod)
            if other is None or other == own_stage or (line, other) in seen:
                continue
            seen.add((line, other))
            out.append(f"{_rel(path)}:{line}: {own_stage or 'common'} imports {mod}")
    return out


def lexicon_header(path: Path) -> list[str]:
    """The comment lines before a TSV lexicon's first data row."""
    head: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            head.append(line)
        elif line.strip():
            break
    return head


SOURCE_LINE = re.compile(r"^#\s*source\s*:", re.IGNORECASE)


def lexicon_no_source() -> list[str]:
    out: list[str] = []
    for path in sorted(LEXICONS.rglob("*")):
        if path.suffix == ".tsv" and not any(SOURCE_LINE.match(c) for c in lexicon_header(path)):
            out.append(f"{_rel(path)}: no '# source:' line in its header")
        elif path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not (isinstance(data, dict) and data.get("_source")):
                out.append(f"{_rel(path)}: no _source key")
    return out


TAB_MARK = re.compile(r"<tab>", re.IGNORECASE)


def example_column(header: list[str]) -> int | None:
    """The index of the example column the header's column spec declares, if any.

    The spec is the first run of names joined by ``<TAB>`` in the header (it may wrap over comment
    lines); it ends at the first name followed by a full stop or a bracket, and a name is its text
    up to there ("invented example (names are invented)" is an example column)."""
    text = ""
    for line in header:  # a line ends the spec unless it ends on a tab mark or a colon (wrapped)
        sep = " " if text.endswith(":") or TAB_MARK.search(text[-5:]) else ". "
        text += sep + line.lstrip("#").strip()
    cells = TAB_MARK.split(text)
    if len(cells) < 2:
        return None
    for i, cell in enumerate(cells[1:], 1):
        bare = re.sub(r"\([^()]*\)", "", cell)
        name = re.split(r"[.(;:]", bare, maxsplit=1)[0]
        if "example" in name.lower():
            return i
        if name != bare:  # the spec's last column
            return None
    return None


def lexicon_rows_no_example() -> list[str]:
    out: list[str] = []
    for path in sorted(LEXICONS.rglob("*.tsv")):
        col = example_column(lexicon_header(path))
        if col is None:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(("#", "@")) or not line.strip():
                continue
            cells = line.split("\t")
            if len(cells) <= col or not cells[col].strip():
                out.append(f"{_rel(path)}:{n}: no example (column {col + 1})")
    return out


HEADER_EXAMPLE = re.compile(r'example|exemple|e\.g\.|"[^"]{3,}"|«[^»]{3,}»', re.IGNORECASE)


def lexicon_files_without_example() -> list[str]:
    """TSV lexicons whose format has no example column and whose header shows no example either
    (an ``# Example:`` line or a quoted phrase)."""
    out: list[str] = []
    for path in sorted(LEXICONS.rglob("*.tsv")):
        head = lexicon_header(path)
        if example_column(head) is None and not any(HEADER_EXAMPLE.search(line) for line in head):
            out.append(f"{_rel(path)}: no example column and no example in its header")
    return out


def files_over_600() -> list[str]:
    out: list[str] = []
    for path in py_files():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_FILE_LINES:
            out.append(f"{_rel(path)}: {n} lines")
    return out


def classes_over_300() -> list[str]:
    out: list[str] = []
    for path in py_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES:
                out.append(f"{_rel(path)}:{node.lineno}: class {node.name} has {node.end_lineno - node.lineno + 1} lines")
    return out


def _public_defs(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Module-level functions and methods of public classes (nested classes too), not nested functions."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if not child.name.startswith("_") or child.name in PUBLIC_DUNDERS:
                    yield child
            elif isinstance(child, ast.ClassDef) and not child.name.startswith("_"):
                stack.append(child)
            elif isinstance(child, (ast.If, ast.Try)):
                stack.append(child)


def _missing_hints(fn: ast.FunctionDef | ast.AsyncFunctionDef, method: bool) -> list[str]:
    args = fn.args
    params = args.posonlyargs + args.args + args.kwonlyargs
    if method and params and params[0].arg in ("self", "cls"):
        params = params[1:]
    missing = [p.arg for p in params if p.annotation is None]
    missing += [f"*{a.arg}" for a in (args.vararg, args.kwarg) if a is not None and a.annotation is None]
    if fn.returns is None and fn.name != "__init__":
        missing.append("return")
    return missing


def public_untyped() -> list[str]:
    out: list[str] = []
    for path in py_files():
        if path.stem.startswith("_") and path.stem != "__init__":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods = {id(f) for c in ast.walk(tree) if isinstance(c, ast.ClassDef)
                   for f in c.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
        for fn in _public_defs(tree):
            missing = _missing_hints(fn, id(fn) in methods)
            if missing:
                out.append(f"{_rel(path)}:{fn.lineno}: {fn.name} lacks hints for {', '.join(missing)}")
    return out


def _test_texts() -> list[tuple[Path, str]]:
    return [(p, p.read_text(encoding="utf-8")) for p in sorted(TESTS.rglob("*.py"))]


def _named_modules(texts: list[tuple[Path, str]]) -> set[str]:
    """Every ``veille`` module or module attribute a test imports or names: ``from veille.a import
    b`` and ``a.b`` after ``from veille import a`` name ``veille.a.b``; so does the text ``veille.a.b``."""
    out: set[str] = set()
    for _, text in texts:
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
                aliases.update({a.asname: a.name for a in node.names if a.asname})
            elif isinstance(node, ast.ImportFrom) and node.module:
                out.add(node.module)
                out.update(f"{node.module}.{a.name}" for a in node.names)
                aliases.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names})
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
                out.add(f"{aliases[node.value.id]}.{node.attr}")
        out.update(re.findall(r"veille(?:\.\w+)+", text))
    return out


def reexports() -> dict[str, str]:
    """``veille.pkg.name`` -> ``veille.pkg.mod`` for each name a package's ``__init__`` takes from
    one of its modules (a test using the package's name uses that module)."""
    out: dict[str, str] = {}
    for init in SRC.rglob("__init__.py"):
        package = module_name(init)
        for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level == 1 or (node.module or "").startswith(package + ".")):
                source = f"{package}.{node.module}" if node.level == 1 else node.module
                out.update({f"{package}.{a.asname or a.name}": source for a in node.names})
    return out


def modules_untested() -> list[str]:
    texts = _test_texts()
    named = _named_modules(texts)
    exported = reexports()
    named |= {exported[n] for n in named if n in exported}
    blob = "\n".join(t for _, t in texts)
    mirrors = {p.stem for p, _ in texts}
    out: list[str] = []
    for path in py_files():
        if path.name in ("__init__.py", "__main__.py"):
            continue
        mod = module_name(path)
        rel_path = str(path.relative_to(SRC))
        mirror = "test_" + "_".join(path.relative_to(SRC).with_suffix("").parts)
        if mod in named or rel_path in blob or mirror in mirrors:
            continue
        out.append(f"{_rel(path)}: no test imports or names {mod}")
    return out


def readme_table(text: str) -> str:
    """The "Where to change what" table of the README, its rows only."""
    part = text.split("## Where to change what", 1)[-1]
    rows = []
    for line in part.splitlines()[1:]:
        if line.startswith("## "):
            break
        if line.startswith("|"):
            rows.append(line)
    return "\n".join(rows)


def stages_not_in_readme() -> list[str]:
    table = readme_table(README.read_text(encoding="utf-8"))
    go_to = "\n".join(line.rsplit("|", 2)[-2] for line in table.splitlines() if line.count("|") >= 3)
    out: list[str] = []
    for stage in STAGES:
        if not re.search(rf"(?:src/veille/|(?<![\w/.-])){stage}(?:/|\.py\b)", go_to):
            out.append(f"README.md: no row of 'Where to change what' points to {stage}/ or {stage}.py")
    return out


def commands_without_help() -> list[str]:
    import click

    from veille.cli import cli

    out: list[str] = []

    def walk(cmd: click.Command, path: str, ctx: click.Context) -> None:
        if not (cmd.help or cmd.short_help or cmd.callback is None and isinstance(cmd, click.Group)):
            out.append(f"veille {path}: no help text".replace("  ", " "))
        if isinstance(cmd, click.Group):
            for name in cmd.list_commands(ctx):
                sub = cmd.get_command(ctx, name)
                if sub is not None:
                    walk(sub, f"{path} {name}".strip(), click.Context(sub, parent=ctx, info_name=name))

    walk(cli, "", click.Context(cli, info_name="veille"))
    return out


SCHEMA = ROOT.parent / "shared" / "SCHEMA.md"


def schema_keys_missing() -> list[str]:
    """Keys of SCHEMA.md's example record that are no field of the dataclass ``veille.model`` writes
    there (one data model matching the schema); nothing when ``../shared`` is absent."""
    if not SCHEMA.is_file():
        return []
    import dataclasses

    from veille import model

    text = SCHEMA.read_text(encoding="utf-8")
    example = json.loads(text.split("```json", 1)[1].split("```", 1)[0])
    nested = {"source": model.Source, "dateline": model.Dateline, "foreign": model.Foreign,
              "entities": model.Entity, "quotes": model.Quote, "times": model.TimeExpr,
              "quantities": model.Quantity, "events": model.Event}
    out: list[str] = []

    def walk(value: object, cls: type, path: str) -> None:
        items = value if isinstance(value, list) else [value]
        names = {f.name for f in dataclasses.fields(cls)}
        for item in items:
            if not isinstance(item, dict):
                continue
            for key, sub in item.items():
                if key not in names:
                    out.append(f"SCHEMA.md: {path}{key} is no field of model.{cls.__name__}")
                elif key in nested and sub:
                    walk(sub, nested[key], f"{path}{key}.")

    walk(example, model.Article, "")
    return sorted(set(out))


def records_without_rule(records: Path) -> list[str]:
    out: list[str] = []
    for n, line in enumerate(records.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        for kind in ("quotes", "events"):
            for i, item in enumerate(rec.get(kind) or []):
                if not item.get("rule"):
                    out.append(f"{records.name}:{n}: {rec.get('id')} {kind}[{i}] has no rule")
    return out


CHECKS: dict[str, Callable[[], list[str]]] = {
    "cross_stage_imports": cross_stage_imports,
    "lexicon_no_source": lexicon_no_source,
    "lexicon_rows_no_example": lexicon_rows_no_example,
    "lexicon_files_without_example": lexicon_files_without_example,
    "files_over_600": files_over_600,
    "classes_over_300": classes_over_300,
    "public_untyped": public_untyped,
    "modules_untested": modules_untested,
    "stages_not_in_readme": stages_not_in_readme,
    "commands_without_help": commands_without_help,
    "schema_keys_missing": schema_keys_missing,
}


def measure(records: Path | None = None) -> dict[str, list[str]]:
    """Every check's findings (the rule check only when an ``--explain`` output is given)."""
    found = {name: check() for name, check in CHECKS.items()}
    if records is not None:
        found["records_without_rule"] = records_without_rule(records)
    return found


def over_ceiling(found: dict[str, list[str]]) -> dict[str, int]:
    """The checks whose count is above the ceiling main allows."""
    return {k: len(v) for k, v in found.items() if len(v) > CEILINGS.get(k, 0)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", metavar="CHECK", nargs="?", const="all",
                    help="print every place a check counts (all checks when no name is given)")
    ap.add_argument("--records", type=Path, help="an `veille extract --explain` JSONL output: quotes and events without a rule")
    ap.add_argument("--json", action="store_true", help="the findings as one JSON object")
    args = ap.parse_args(argv)
    found = measure(args.records)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        for name, items in found.items():
            flag = "  OVER" if len(items) > CEILINGS.get(name, 0) else ""
            print(f"{name:30} {len(items):5} / {CEILINGS.get(name, 0)}{flag}")
            if args.list in (name, "all"):
                for item in items:
                    print(f"    {item}")
    return 1 if over_ceiling(found) else 0


if __name__ == "__main__":
    sys.exit(main())
