"""The French TimeBank score split by TIMEX3 type, precision and recall apart: aggregates only.

    PYTHONPATH=src .venv/bin/python bench/timebank_types.py [--split dev|test] [--data DIR] [--json]

Counts exactly as ``../shared/eval/timebank.py --all-types`` (its ``parse``, ``locate`` and
``value_right`` are imported, not copied), then splits them: recall by the gold type (DATE, TIME,
DURATION, SET), precision by the predicted type, for strict extents, relaxed extents and values;
plus the type confusion on relaxed matches (gold type → predicted type). One extraction gives two
views: the record as written (a repeated expression listed once, the scorer's default) and one
entry per occurrence (each record time repeated for each of its ``spans``, as
``extract --times-each-occurrence`` writes it). No page text and no single error is printed, so
the test split can be measured without being read. ``--classes`` adds the split by form class of
``bench/times_gap_shape.py`` (weekday, deictic, clock, part of the day, duration, set, ref…), counts only.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import subprocess
import sys
import tempfile
from collections import Counter
from types import ModuleType
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.times.tb_pairs import pairs, unpaired  # noqa: E402  (the scorer's pairing, one place)

sys.path.insert(0, str(ROOT / "bench"))
from times_gap_shape import CLASSES, Shape, form_class  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "timebank.py"
DATA = ROOT.parent / "shared" / "external" / "fr-timebank" / "Data"
TYPES = ("DATE", "TIME", "DURATION", "SET")
LEVELS = ("strict", "relaxed", "value")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_timebank", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(docs: list[dict[str, Any]], python: str) -> dict[str, dict[str, Any]]:
    """The record of each document, from one ``veille extract`` run (as the scorer runs it)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp, "in")
        src.mkdir()
        for d in docs:
            (src / f"{d['id']}.jsonl").write_text(
                json.dumps({"text": d["text"], "date": d["dct"], "title": ""}, ensure_ascii=False) + "\n")
        out = pathlib.Path(tmp, "out.jsonl")
        run = subprocess.run([python, "-m", "veille", "extract", str(src), "--output", str(out)],
                             capture_output=True, text=True, timeout=1800)
        if not out.exists():
            sys.exit(f"extract wrote nothing (exit {run.returncode}): {run.stderr[-400:]}")
        return {pathlib.Path(r["source"]["path"]).stem: r
                for r in map(json.loads, out.read_text().splitlines())}


def per_occurrence(times: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each record time once per occurrence (the scorer locates repeated wordings left to right)."""
    return [t for t in times for _ in range(max(1, len(t.get("spans") or [])))]


def score(scorer: ModuleType, docs: list[dict[str, Any]], preds: dict[str, dict[str, Any]],
          each: bool) -> dict[str, Any]:
    """Counts by type: gold, predicted, and matches at each level, by gold type and by predicted type."""
    gold_n, pred_n = Counter(), Counter()
    by_gold = {lv: Counter() for lv in LEVELS}
    by_pred = {lv: Counter() for lv in LEVELS}
    confusion: Counter = Counter()
    for d in docs:
        times = (preds.get(d["id"]) or {}).get("times", [])
        if each:
            times = per_occurrence(times)
        located = scorer.locate(d["text"], [t["text"] for t in times])
        gold = d["timex"]
        for g, i, strict in pairs(located, gold):
            gold_n[g["type"]] += 1
            if i is None:
                continue
            ptype = times[i].get("type") or "DATE"
            confusion[(g["type"], ptype)] += 1
            right = {"relaxed": True, "strict": strict,
                     "value": scorer.value_right(g, times[i].get("value"), whole=True)}
            for lv in LEVELS:
                by_gold[lv][g["type"]] += right[lv]
                by_pred[lv][ptype] += right[lv]
        for t in times:  # every prediction counts once, located or not, as in the scorer
            pred_n[t.get("type") or "DATE"] += 1
    return {"gold": gold_n, "pred": pred_n, "by_gold": by_gold, "by_pred": by_pred, "confusion": confusion}


def by_class(scorer: ModuleType, docs: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> list[dict]:
    """One entry per occurrence, recall by the gold item's form class and precision by the predicted
    item's (``times_gap_shape.form_class``: weekday, deictic, clock, part of the day, duration…)."""
    shape = Shape()
    for d in docs:
        times = per_occurrence((preds.get(d["id"]) or {}).get("times", []))
        located = scorer.locate(d["text"], [t["text"] for t in times])
        paired: set[int] = set()
        for g, i, strict in pairs(located, d["timex"]):
            p = times[i] if i is not None else None
            ok = p is not None and scorer.value_right(g, p.get("value"), whole=True)
            shape.add([form_class(g)], [form_class(p)] if p else [], (g, p, strict, ok))
            paired |= {i} if i is not None else set()
        found = {i for _s, _e, i in located}
        for i in [*unpaired(located, paired), *(i for i in range(len(times)) if i not in found)]:
            shape.add([], [form_class(times[i])], (None, times[i], False, False))
    return shape.table(list(CLASSES))


def table(counts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for typ in (*TYPES, "ALL"):
        g = sum(counts["gold"].values()) if typ == "ALL" else counts["gold"][typ]
        p = sum(counts["pred"].values()) if typ == "ALL" else counts["pred"][typ]
        row: dict[str, Any] = {"gold": g, "pred": p}
        for lv in LEVELS:
            rg = sum(counts["by_gold"][lv].values()) if typ == "ALL" else counts["by_gold"][lv][typ]
            rp = sum(counts["by_pred"][lv].values()) if typ == "ALL" else counts["by_pred"][lv][typ]
            prec = rp / p if p else 0.0
            rec = rg / g if g else 0.0
            row[lv] = {"p": round(prec, 3), "r": round(rec, 3),
                       "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0}
        out[typ] = row
    out["confusion"] = {f"{a}->{b}": n for (a, b), n in sorted(counts["confusion"].items()) if a != b}
    return out


def show(name: str, res: dict[str, Any]) -> None:
    print(f"{name}")
    print("  type      gold pred | strict P/R/F      | relaxed P/R/F     | value P/R/F")
    for typ in (*TYPES, "ALL"):
        r = res[typ]
        cells = " | ".join(f"{r[lv]['p']:.3f} {r[lv]['r']:.3f} {r[lv]['f1']:.3f}" for lv in LEVELS)
        print(f"  {typ:8s} {r['gold']:5d} {r['pred']:4d} | {cells}")
    print(f"  type confusion on relaxed matches (gold->pred): {res['confusion'] or 'none'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--classes", action="store_true",
                    help="also split by form class (one entry per occurrence; bench/times_gap_shape.py's classes)")
    a = ap.parse_args()
    if not SCORER.exists() or not pathlib.Path(a.data).is_dir():
        print("timebank_types: ../shared (scorer or TimeBank data) absent; nothing to score")
        return
    scorer = load_scorer()
    files = sorted(pathlib.Path(a.data).glob("*.tml"))
    if a.split != "all":
        files = files[0 if a.split == "dev" else 1::2]
    docs = [scorer.parse(p) for p in files]
    preds = extract(docs, a.python)
    res = {"split": a.split, "documents": len(docs),
           "record": table(score(scorer, docs, preds, each=False)),
           "each_occurrence": table(score(scorer, docs, preds, each=True)),
           **({"classes": by_class(scorer, docs, preds)} if a.classes else {})}
    if a.json:
        print(json.dumps(res))
        return
    print(f"French TimeBank ({a.split}), {len(docs)} articles, all TIMEX3 types")
    show("record as written (a repeated expression once)", res["record"])
    show("one entry per occurrence", res["each_occurrence"])
    if a.classes:
        print("by form class, one entry per occurrence: recall by the gold's class, precision by the prediction's")
        print("  class      gold  pred | R strict relax value | P strict relax value")
        for r in res["classes"]:
            cells = [f"{r[k]:.3f}" if r[k] is not None else "  -  " for k in
                     ("R_strict", "R_relaxed", "R_value", "P_strict", "P_relaxed", "P_value")]
            print(f"  {r['key']:10} {r['gold']:5} {r['pred']:5} | {' '.join(cells[:3])} | {' '.join(cells[3:])}")


if __name__ == "__main__":
    main()
