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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_eval import ROOT, common_arguments, evaluate  # noqa: E402

BLIND = ROOT / "tests" / "data" / "blind"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    common_arguments(ap)
    args = ap.parse_args()
    return evaluate(BLIND, as_json=args.json, keep=args.keep, add_stages=args.add_stage)


if __name__ == "__main__":
    sys.exit(main())
