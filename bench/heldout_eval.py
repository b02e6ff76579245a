"""Scores the pipeline on the held-out set (tests/data/heldout): articles written for Veille by
the team, never looked at while writing rules, with hand gold in the shared gold format.

The seed set is small and the rules have been read against it; this set tells whether they carry
over to other outlets, layouts, years and phrasings. Uses the shared scorer (../shared/eval/score.py).

    .venv/bin/python bench/heldout_eval.py [--set heldout|dev2] [--verbose] [--json] [--keep FILE.jsonl]
    .venv/bin/python bench/heldout_eval.py --add-stage veille.events:EventStage   # a stage not registered yet
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "data" / "heldout"
CORPUS = HELDOUT / "corpus"
GOLD = HELDOUT / "gold"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path = SCORER) -> ModuleType | None:
    """The shared scorer as a module, or None when ../shared is not there."""
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("shared_score_heldout", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_predictions(pipeline: Any, out: Path, corpus: Path = CORPUS) -> int:
    """Runs the real pipeline over the held-out corpus; one record a line, as `veille extract`."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for article in pipeline.extract([str(corpus)]):
            fh.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def scoreboard(result: dict[str, Any]) -> str:
    """The scorer's own text layout, so the numbers read the same as score.py's output."""
    lines = [f"{result['files']} gold files; missing predictions: "
             f"{', '.join(result['missing_predictions']) or 'none'}"]
    for key, val in result.items():
        if isinstance(val, dict) and "f1" in val:
            lines.append(f"{key:26} P {val['precision']:.3f}  R {val['recall']:.3f}  F1 {val['f1']:.3f}"
                         f"   (tp {val['tp']}, fp {val['fp']}, fn {val['fn']})")
        elif isinstance(val, dict) and "accuracy" in val:
            acc = "n/a" if val["accuracy"] is None else f"{val['accuracy']:.3f}"
            lines.append(f"{key:26} {acc}   ({val['right']}/{val['total']})")
    return "\n".join(lines)


def evaluate(folder: Path, *, verbose: bool = False, as_json: bool = False, keep: Path | None = None,
             add_stages: list[str] | None = None) -> int:
    """Runs the pipeline on ``folder``/corpus, scores against ``folder``/gold, prints the board."""
    scorer = load_scorer()
    if scorer is None:
        print(f"{SCORER} is not there: nothing to score against", file=sys.stderr)
        return 2
    from veille.pipeline import DOC_STAGES, Pipeline

    doc_stages = DOC_STAGES + [s for s in add_stages or [] if s not in DOC_STAGES]
    with tempfile.TemporaryDirectory() as tmp:
        pred = keep or Path(tmp) / f"{folder.name}.jsonl"
        write_predictions(Pipeline(doc_stages=doc_stages), pred, corpus=folder / "corpus")
        result = scorer.score(folder / "gold", pred, verbose=verbose)
    print(json.dumps(result, ensure_ascii=False) if as_json else scoreboard(result))
    return 0


def common_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--keep", type=Path, help="also keep the predictions in this JSONL file")
    ap.add_argument("--add-stage", action="append", default=[], metavar="MODULE:CLASS",
                    help="append a doc stage not yet in the registry (to measure it before it is added)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", dest="name", default="heldout", choices=["heldout", "dev2"],
                    help="which dev set under tests/data (default heldout)")
    ap.add_argument("--verbose", action="store_true", help="explain wrong speakers on stderr")
    common_arguments(ap)
    args = ap.parse_args()
    return evaluate(ROOT / "tests" / "data" / args.name, verbose=args.verbose, as_json=args.json,
                    keep=args.keep, add_stages=args.add_stage)


if __name__ == "__main__":
    sys.exit(main())
