"""Every reason Veille writes has a French row in `lexicons/web/reasons_fr.tsv` (web/reasons.py):
the reasons are read from the source itself (each `ReadError(origin, reason)`, `HTTPException(code,
detail)`, `found_or_404(value, detail)`, `BudgetExceeded(reason)` and `ValueError(reason)` of the
readers, the stages' driver, the store's ingest, the cleaner, the alerts' search and the web app),
so a reason added without its row fails here. A placeholder of an f-string stands for a number, an
exception's class, a word or a bracketed link; a reason passes when one such filling of it reads in
French. A reason the code builds elsewhere (a variable, ``str(exc)``) is not seen here: the upload
tests (`test_newuser2_walk.py`, `test_web_warc_skipped.py`) meet those through a real server."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

from veille.web.reasons import in_french

SRC = Path(__file__).resolve().parents[1] / "src" / "veille"
FILES = sorted([*SRC.glob("readers/*.py"), SRC / "pipeline.py", SRC / "store_ingest.py", SRC / "clean" / "stage.py",
                SRC / "alerts" / "query.py", *SRC.glob("web/*.py")])
WHERE = {"ReadError": 1, "HTTPException": 1, "found_or_404": 1, "BudgetExceeded": 0, "ValueError": 0}
FILLERS = ("7", "ValueError", "record", " (https://example.org/a)", "'x'")
Shape = list[list[str]]  # a reason as its parts: a literal is one choice, a placeholder any filler


def _shapes(node: ast.AST, consts: dict[str, ast.AST], funcs: dict[str, list[ast.AST]]) -> list[Shape]:
    """The shapes a reason expression can take (none when it is not written out here)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [[[node.value]]]
    if isinstance(node, ast.JoinedStr):
        return [[[v.value] if isinstance(v, ast.Constant) else list(FILLERS) for v in node.values]]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _shapes(node.left, consts, funcs) for b in _shapes(node.right, consts, funcs)]
    if isinstance(node, ast.IfExp):
        return _shapes(node.body, consts, funcs) + _shapes(node.orelse, consts, funcs)
    if isinstance(node, ast.Name) and node.id in consts:
        return _shapes(consts[node.id], consts, funcs)
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr in ("strip", "rstrip"):
            return _shapes(f.value, consts, funcs)
        if isinstance(f, ast.Attribute) and f.attr == "join":
            return [[list(FILLERS)]]
        if isinstance(f, ast.Name) and f.id in funcs:  # a helper of the module that returns the reason
            return [s for ret in funcs[f.id] for s in _shapes(ret, consts, funcs)]
    return []


def _reasons() -> Iterator[tuple[str, int, list[Shape]]]:
    for path in FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        consts = {t.id: n.value for n in tree.body if isinstance(n, ast.Assign)
                  for t in n.targets if isinstance(t, ast.Name)}
        funcs = {f.name: [r.value for r in ast.walk(f) if isinstance(r, ast.Return) and r.value is not None]
                 for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in WHERE and len(node.args) > WHERE[name]:
                shapes = _shapes(node.args[WHERE[name]], consts, funcs)
                if shapes:
                    yield f"{path.relative_to(SRC)}:{node.lineno}", node.lineno, shapes


def _reads_in_french(shape: Shape) -> bool:
    for parts in itertools.islice(itertools.product(*shape), 2000):
        reason = "".join(parts)
        if in_french(reason) != reason:
            return True
    return False


def test_every_reason_written_out_in_the_source_has_a_french_row():
    found = list(_reasons())
    assert len(found) >= 60, "the scan reads the readers, the pipeline and the web app"
    missing = [(where, shape) for where, _, shapes in found for shape in shapes if not _reads_in_french(shape)]
    assert not missing, missing


def test_the_scan_would_see_a_reason_without_a_row():
    """The check above can fail: an invented reason no row knows is seen and left in English."""
    tree = ast.parse('ReadError(origin, f"the moon is {phase}: not read")')
    call = tree.body[0].value
    [shape] = _shapes(call.args[1], {}, {})
    assert not _reads_in_french(shape)
    known = ast.parse('ReadError(origin, f"too slow: no answer within {n:g} s")').body[0].value
    assert _reads_in_french(_shapes(known.args[1], {}, {})[0])


def test_every_kind_of_skipped_record_reads_in_french():
    """The kinds a WARC's skipped-records note names (web/warc_kinds_fr.tsv), each row's example put
    in French with its own kind; a media type stays as it is; "…" (more kinds) is kept."""
    from veille.common.lexicon import rows
    from veille.web.reasons import KINDS

    table = rows(KINDS, min_columns=3)
    for kind, french, example in table:
        assert f"(1 {kind})" in example or f"(2 {kind})" in example, kind
        shown = in_french(example)
        assert shown != example and french in shown, (kind, shown)
    kinds = {kind for kind, *_ in table}
    warc = (SRC / "readers" / "warc.py").read_text(encoding="utf-8")
    assert {"redirect", "untyped", "request", "warcinfo", "revisit", "metadata"} <= kinds
    assert '"redirect"' in warc and '"untyped"' in warc
    mixed = in_french("5 of 9 WARC record(s), not HTML pages (2 image/png, 1 redirect, 1 request, 1 x-odd, …)")
    assert mixed.endswith("(2 image/png, 1 redirection(s), 1 requête(s), 1 x-odd, …)")
