"""How much of the TimeBank figure is the record format and the scorer's text search, not the rules.

    PYTHONPATH=src .venv/bin/python tools/times/timebank_mentions.py [--json]

TimeML marks every mention of a time expression; the article record lists a repeated expression
once (its occurrences in ``spans``), and ``shared/eval/timebank.py`` reads only ``text``, finding each
predicted wording by a plain substring search from the start of the article. Three figures on the
TimeBank dev split (the test split is never read here), the same predictions scored three ways:

* ``record``: the record as ``veille extract`` writes it (what ``bench/timebank.sh`` reports);
* ``mentions``: one entry per mention (``extract --times-each-occurrence``, the TimeML count);
* ``mentions_words``: one entry per mention, each wording searched as a whole word, so that "hier"
  is not found inside "Thierry" or "cahier", "été" inside "a été", "midi" inside "après-midi".

The gap between ``record`` and ``mentions_words`` is what the scorer's reading costs, not what the
rules miss. Counts use the shared scorer's own matching (strict, relaxed, value on relaxed matches).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.times.tb_pairs import pairs  # noqa: E402
from tools.times.times_cv import _timebank_module, load_items  # noqa: E402

Locate = Callable[[str, list[str]], list[tuple[int, int, int]]]


def word_locate(text: str, pred_texts: list[str]) -> list[tuple[int, int, int]]:
    """The shared scorer's search, each wording found only as whole words."""
    low = text.lower().replace("’", "'")
    out, pos = [], {}

    def bounded(needle: str, k: int) -> bool:
        before = low[k - 1] if k > 0 else " "
        after = low[k + len(needle)] if k + len(needle) < len(low) else " "
        return not (before.isalnum() or before == "-" or after.isalnum() or after == "-")

    def find(needle: str, start: int) -> int:
        k = low.find(needle, start)
        while k >= 0 and not bounded(needle, k):
            k = low.find(needle, k + 1)
        return k

    for i, t in enumerate(pred_texts):
        needle = t.lower().replace("’", "'").strip()
        if not needle:
            continue
        k = find(needle, pos.get(needle, 0))
        if k < 0:
            k = find(needle, 0)
        if k >= 0:
            pos[needle] = k + len(needle)
            out.append((k, k + len(needle), i))
    return out


def counts(tb: Any, doc: dict, times: list[dict], locate: Locate) -> dict[str, int]:
    """The shared scorer's counts for one article (all types, values whole)."""
    c = {"gold": len(doc["timex"]), "pred": len(times), "strict": 0, "relaxed": 0, "value": 0}
    located = locate(doc["text"], [t["text"] for t in times])
    for g, i, strict in pairs(located, doc["timex"]):
        if i is not None:
            c["relaxed"] += 1
            c["strict"] += strict
            c["value"] += tb.value_right(g, times[i].get("value"), whole=True)
    return c


def f1(c: dict[str, int], k: str) -> float:
    p = c[k] / c["pred"] if c["pred"] else 0.0
    r = c[k] / c["gold"] if c["gold"] else 0.0
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from veille.times import TimeStage, each_occurrence

    tb = _timebank_module()
    files = sorted((ROOT.parent / "shared" / "external" / "fr-timebank" / "Data").glob("*.tml"))[0::2]
    docs = {p.stem: tb.parse(p) for p in files}
    stage = TimeStage(None)
    ways: dict[str, tuple[bool, Locate]] = {"record": (False, tb.locate), "mentions": (True, tb.locate),
                                            "mentions_words": (True, word_locate)}
    total = {w: {"gold": 0, "pred": 0, "strict": 0, "relaxed": 0, "value": 0} for w in ways}
    for it in load_items("timebank"):
        art = copy.copy(it.article)
        stage(art, it.doc, None)
        record = [dict(t.__dict__) for t in art.times]
        mentions = each_occurrence(copy.deepcopy(record), art.nlp_text())
        for w, (each, locate) in ways.items():
            for k, v in counts(tb, docs[it.id], mentions if each else record, locate).items():
                total[w][k] += v
    report = {w: {"strict": f1(c, "strict"), "relaxed": f1(c, "relaxed"), "value": f1(c, "value"),
                  "gold": c["gold"], "predicted": c["pred"]} for w, c in total.items()}
    if args.json:
        print(json.dumps(report))
    else:
        for w, r in report.items():
            print(f"TimeBank dev, {w:15s} strict F1 {r['strict']:.3f}  relaxed F1 {r['relaxed']:.3f}  "
                  f"value F1 {r['value']:.3f}  ({r['gold']} gold, {r['predicted']} predicted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
