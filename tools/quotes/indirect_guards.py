"""The form rules of indirect quotes judged by site: on how many distinct dev sites each guard and cut that
``quotes/indirect.py`` calls fires, and what dev loses when the guards that fire on fewer than
``--min-sites`` sites are switched off (the part of the dev score those rules were fitted to).

    PYTHONPATH=src .venv/bin/python tools/quotes/indirect_guards.py [--min-sites 3] [--keep DIR]

One extraction of the dev who pages, body given, in this process (one worker, so the wrappers see it): every rule below is wrapped where
``quotes/indirect.py`` looks it up (its module namespace; calls made inside ``report_forms`` itself are
not seen), its firings counted by page and site; then, unless ``--log-only``, a second extraction with
the narrow rules switched off (a guard answers False, a cut returns the end it was given, a form rule
finds nothing), both scored by ``../shared/eval/score.py``. Only dev material is read; nothing is written
but ``--keep``'s predictions.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.real_eval import _gold, _scorer  # noqa: E402

from tools.real_pages.gold import sites as page_sites  # noqa: E402
from tools.real_pages.materialize import body_inputs, materialize  # noqa: E402

# rule name -> what it is; "guard": True suppresses or changes a clause; "cut": returns a clause end
# (its last argument) it may move; "form": returns a span (None: no clause of that form)
RULES = {
    "aside_cue": "guard", "not_a_report": "guard", "question": "guard", "bare_participle": "guard",
    "reflexive_incise": "guard", "predicate_adjective": "guard", "restrictive_ne": "guard",
    "object_before_que": "guard", "causal_subjunctive": "guard", "reports_a_report": "guard",
    "clause_break": "guard", "writer_aside": "guard", "addressee_verb": "guard", "time_noun": "guard",
    "title_in_marks": "guard", "before_is_incise": "guard",
    "main_clause_cut": "cut", "subordinate_cut": "cut", "trailing_aside": "cut",
    "as_report_clause": "form", "clause_before": "form",
}
PAGE: list[str] = [""]


def wrap(name: str, kind: str, fn: Callable, fired: dict, off: set[str]) -> Callable:
    def wrapped(*args: Any, **kw: Any) -> Any:
        if name in off:
            return False if kind == "guard" else args[-1] if kind == "cut" else None
        out = fn(*args, **kw)
        hit = bool(out) if kind == "guard" else out != args[-1] if kind == "cut" else out is not None
        if hit:
            fired[name].add(PAGE[0])
        return out
    return wrapped


def extract(paths: list[str], pred: Path, off: set[str]) -> dict[str, set[str]]:
    """Runs ``veille extract`` in this process with the rules wrapped; the pages each rule fired on."""
    import veille.quotes.indirect as ind
    from veille import cli
    from veille.quotes.stage import QuoteStage

    fired: dict[str, set[str]] = defaultdict(set)
    saved = {n: getattr(ind, n) for n in RULES}
    call = QuoteStage.__call__

    def stage_call(self: Any, article: Any, doc: Any, ctx: Any = None) -> None:
        PAGE[0] = Path(article.source.path or "").stem
        return call(self, article, doc, ctx)

    try:
        for n, kind in RULES.items():
            setattr(ind, n, wrap(n, kind, saved[n], fired, off))
        QuoteStage.__call__ = stage_call
        sys.argv = ["veille", "extract", *paths, "--output", str(pred), "--explain", "--workers", "1"]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            with contextlib.suppress(SystemExit):
                cli.main()
    finally:
        for n, f in saved.items():
            setattr(ind, n, f)
        QuoteStage.__call__ = call
    return fired


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-sites", type=int, default=3)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--log-only", action="store_true")
    args = ap.parse_args()
    entries, who, _ = _gold("who", "dev")
    site_of = page_sites()
    scorer = _scorer()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        materialize(entries, tmp_dir / "gold", who=who)
        body_inputs(entries, tmp_dir / "inputs")
        paths = sorted(str(p) for p in (tmp_dir / "inputs").iterdir())
        fired = extract(paths, tmp_dir / "on.jsonl", set())
        print(f"{'rule':<22}{'kind':<7}{'pages':>6}{'sites':>6}")
        narrow = set()
        for n, kind in RULES.items():
            sites = {site_of.get(p, p) for p in fired.get(n, ())}
            if len(sites) < args.min_sites:
                narrow.add(n)
            print(f"{n:<22}{kind:<7}{len(fired.get(n, ())):>6}{len(sites):>6}"
                  f"  {'NARROW' if 0 < len(sites) < args.min_sites else 'never' if not sites else ''}")
        on = scorer.score(tmp_dir / "gold", tmp_dir / "on.jsonl")
        rows = [("shipped", on)]
        fired_narrow = {n for n in narrow if fired.get(n)}
        if not args.log_only and fired_narrow:
            extract(paths, tmp_dir / "off.jsonl", fired_narrow)
            rows.append((f"narrow off ({', '.join(sorted(fired_narrow))})", scorer.score(tmp_dir / "gold",
                                                                                        tmp_dir / "off.jsonl")))
        for label, res in rows:
            q, s = res["quotes_indirect"], res["speaker_indirect"]
            print(f"{label}: indirect F1 {q['f1']:.3f} (P {q['precision']:.3f} R {q['recall']:.3f}), "
                  f"speaker {s['accuracy']:.3f}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("on.jsonl", "off.jsonl"):
                if (tmp_dir / name).exists():
                    (args.keep / name).write_text((tmp_dir / name).read_text(encoding="utf-8"), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
