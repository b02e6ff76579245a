"""Speaker errors of the who gold sorted by how the predicted name relates to the gold one (issue 16).

    python bench/speaker_error_kinds.py --part dev|test [--pred FILE] [--json]

The part's pages are extracted body given (as ``bench/real_eval.py who --body``), or ``--pred`` gives
the predictions of such a run (``real_eval.py --keep DIR`` writes ``DIR/who-PART.jsonl``). Every gold
quote the scorer pairs with a predicted one and whose speaker it counts wrong falls in one kind:

    null_predicted   no speaker predicted, the gold names one
    gold_null        the gold has no speaker, one is predicted
    name_inside      the same surname, or one name's words inside the other's ("Dupont" / "Jean Dupont")
    kb_alias         the knowledge base gives both names to one entry ("Zelenski" / "Volodymyr Zelensky")
    different        another entity

Counts only, per kind, for direct and indirect quotes: nothing of the pages is printed, so the test
part may be broken down (numbers only) without reading its errors.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from bench.real_eval import _gold  # noqa: E402
from tools.real_pages.materialize import SCORER, body_inputs, materialize, shared_scorer  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

KINDS = ("null_predicted", "name_inside", "kb_alias", "different", "gold_null")


def _words(scorer, name: str) -> list[str]:
    return [scorer.strip_accents(w) for w in scorer.tokens(name)]


def relation(scorer, kb, predicted: str | None, gold: str | None) -> str:
    """The kind of one wrong speaker (``KINDS``): ``gold`` is one of the gold's names."""
    if gold is None:
        return "gold_null"
    if predicted is None:
        return "null_predicted"
    pw, gw = _words(scorer, predicted), _words(scorer, gold)
    if pw and gw and (pw[-1] == gw[-1] or set(pw) <= set(gw) or set(gw) <= set(pw)):
        return "name_inside"
    if kb is not None and set(kb.lookup(predicted)) & set(kb.lookup(gold)):
        return "kb_alias"
    return "different"


def kinds_of(scorer, kb, gold_dir: Path, pred_path: Path) -> dict[str, Counter]:
    """Kind counts of the wrong speakers, per quote kind (direct, indirect)."""
    preds = scorer.load_predictions(pred_path)
    out = {"direct": Counter(), "indirect": Counter()}
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pred = preds.get(gold_file.stem, {})
        names = scorer.Names(gold)
        for kind in out:
            gq = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind]
            pq = [q for q in pred.get("quotes", []) if q.get("kind", "direct") == kind]
            pairs = scorer.score_items(gq, pq, lambda g, p: scorer.dice(g["text"], p.get("text", "")) >= 0.5,
                                       scorer.Tally())
            for g, p in pairs:
                if names.same(p.get("speaker"), g.get("speaker")):
                    out[kind]["right"] += 1
                    continue
                found = [relation(scorer, kb, p.get("speaker"), name) for name in scorer.as_list(g.get("speaker"))]
                out[kind][min(found, key=KINDS.index)] += 1
    return out


def run(part: str, pred: Path | None) -> dict[str, Counter]:
    from veille.kb import load_kb

    scorer = shared_scorer()
    entries, who, _ = _gold("who", part)
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = Path(tmp) / "gold"
        materialize(entries, gold_dir, who=who)
        if pred is None:
            inputs = Path(tmp) / "inputs"
            body_inputs(entries, inputs)
            pred = Path(tmp) / "pred.jsonl"
            subprocess.run([sys.executable, "-m", "veille", "extract", *sorted(str(p) for p in inputs.iterdir()),
                            "--output", str(pred)], cwd=ROOT, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return kinds_of(scorer, load_kb(), gold_dir, pred)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "test", "fresh"], default="dev")
    ap.add_argument("--pred", type=Path, help="predictions of a body-given run over the same part")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not PAGES.is_dir() or not SCORER.exists():
        print("../shared (pages and eval/score.py) is needed", file=sys.stderr)
        return 1
    result = run(args.part, args.pred)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"who {args.part}, body given: wrong speakers by kind")
    print(f"{'quotes':9} {'right':>6} " + " ".join(f"{k:>15}" for k in KINDS))
    for kind, counts in result.items():
        print(f"{kind:9} {counts['right']:6} " + " ".join(f"{counts[k]:15}" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
