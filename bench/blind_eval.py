"""Scores the pipeline on the BLIND set (tests/data/blind): a second held-out set, for measurement only.

Ten articles written for Veille by the team, with hand gold in the shared gold format, kept apart
from the dev held-out set (tests/data/heldout). Nobody tuning a stage reads these articles or their
gold: this script only prints the scoreboard, and no test keeps floors on it, so the numbers stay an
honest estimate of how the rules carry over to unseen outlets, layouts, years and phrasings.
Scoring and layout are bench/heldout_eval.py's.

    .venv/bin/python bench/blind_eval.py [--json] [--keep FILE.jsonl]
    .venv/bin/python bench/blind_eval.py --add-stage veille.events:EventStage   # a stage not registered yet

There is deliberately no --verbose: per-item error listings would put the blind articles in front
of whoever tunes the rules. Look at aggregate numbers only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_eval import ROOT, SCORER, load_scorer, scoreboard, write_predictions  # noqa: E402

BLIND = ROOT / "tests" / "data" / "blind"
CORPUS = BLIND / "corpus"
GOLD = BLIND / "gold"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--keep", type=Path, help="also keep the predictions in this JSONL file")
    ap.add_argument("--add-stage", action="append", default=[], metavar="MODULE:CLASS",
                    help="append a doc stage not yet in the registry (to measure it before it is added)")
    args = ap.parse_args()
    scorer = load_scorer()
    if scorer is None:
        print(f"{SCORER} is not there: nothing to score against", file=sys.stderr)
        return 2
    from veille.pipeline import DOC_STAGES, Pipeline

    doc_stages = DOC_STAGES + [s for s in args.add_stage if s not in DOC_STAGES]
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.keep or Path(tmp) / "blind.jsonl"
        write_predictions(Pipeline(doc_stages=doc_stages), pred, corpus=CORPUS)
        result = scorer.score(GOLD, pred, verbose=False)
    print(json.dumps(result, ensure_ascii=False) if args.json else scoreboard(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
