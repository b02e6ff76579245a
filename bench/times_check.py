"""Scores the times stage on the invented check set (tests/data/times/check.jsonl).

The sentences were written for Veille (invented people and places, every register of French news:
regional, agency, sports, courts, economy), one or two a line, annotated by hand after the TimeML
and French TimeBank guidelines (Bittar 2010) against a stated article date; README.md beside the
data gives the conventions. Each line names the categories of HeidelTime's French resources it
covers, so a failure says which kind of expression is weak. Unlike the French TimeBank, nothing
here was read while the rules were written; a rule that lifts the TimeBank dev split but not this
set was fitted to dev articles.

Scoring as ``../shared/eval/timebank.py --all-types``: detection strict (same extent) and relaxed
(overlapping extents) over every TIMEX3, value on relaxed matches compared whole.

    .venv/bin/python bench/times_check.py [--verbose] [--json] [--category CAT] [--half a|b]

``--half`` keeps every other line (a/b, by position), for grouped cross-checks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "times" / "check.jsonl"


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The stage's times for each item, one entry per occurrence."""
    from dataclasses import asdict

    from veille.model import Article
    from veille.nlp import load_nlp
    from veille.pipeline import Context
    from veille.times import TimeStage, each_occurrence

    nlp = load_nlp()
    stage = TimeStage(Context(nlp=nlp))
    out = []
    for it in items:
        art = Article(id=it["id"], paragraphs=[it["text"]], published=it["dct"])
        text = art.nlp_text()
        stage(art, nlp(text), None)
        out.append(each_occurrence([asdict(t) for t in art.times], text))
    return out


_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                       r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
_SECONDS = (365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1)


def same_value(pred: str | None, gold: str) -> bool:
    """Equal values; two ISO durations are equal when they are the same length (PT90M = PT1.5H
    = PT1H30M, P45D = P1.5M with a month of 30 days): the guidelines leave the unit free."""
    if pred == gold:
        return True
    a, b = _DURATION.match(pred or ""), _DURATION.match(gold)
    if not (a and b and any(a.groups()) and any(b.groups())):
        return False
    return abs(sum(float(x or 0) * k for x, k in zip(a.groups(), _SECONDS, strict=True))
               - sum(float(x or 0) * k for x, k in zip(b.groups(), _SECONDS, strict=True))) < 1e-6


def _locate(text: str, gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    spans, pos = [], {}
    for g in gold:
        k = text.find(g["text"], pos.get(g["text"], 0))
        if k < 0:
            raise ValueError(f"gold {g['text']!r} not in {text!r}")
        pos[g["text"]] = k + len(g["text"])
        spans.append((k, k + len(g["text"])))
    return spans


def score(items: list[dict[str, Any]], preds: list[list[dict[str, Any]]]) -> tuple[dict[str, Any], list[str]]:
    c: Counter[str] = Counter()
    errors: list[str] = []
    by_cat: dict[str, Counter[str]] = {}
    by_type: dict[str, Counter[str]] = {}  # the gold's TIMEX3 type: which kind of form fails
    for it, times in zip(items, preds, strict=True):
        text, gold = it["text"], it["timex"]
        located = [(t["start"], t["end"], i) for i, t in enumerate(times) if t.get("start") is not None]
        used: set[int] = set()
        c["gold"] += len(gold)
        cat = by_cat.setdefault(it.get("register", "?"), Counter())
        cat["gold"] += len(gold)
        for g, (gs, ge) in zip(gold, _locate(text, gold), strict=True):
            kind = by_type.setdefault(g["type"], Counter())
            kind["gold"] += 1
            hit = None
            for s, e, i in located:
                if i in used:
                    continue
                if (s, e) == (gs, ge):
                    hit = (i, True)
                    break
                if s < ge and gs < e and hit is None:
                    hit = (i, False)
            if hit is None:
                errors.append(f"{it['id']}: missed {g['text']!r}={g['value']} ({g['type']})")
                continue
            used.add(hit[0])
            p = times[hit[0]]
            ok = same_value(p.get("value"), g["value"])
            c["relaxed"] += 1
            c["strict"] += hit[1]
            c["value"] += ok
            cat["value"] += ok
            kind["strict"] += hit[1]
            kind["value"] += ok
            if not ok or not hit[1] or p.get("type", "DATE") != g["type"]:
                errors.append(f"{it['id']}: gold {g['text']!r}={g['type']}:{g['value']} "
                              f"pred {p['text']!r}={p.get('type')}:{p.get('value')}")
        for _, _, i in located:
            if i not in used:
                c["extra"] += 1
                errors.append(f"{it['id']}: extra {times[i]['text']!r}={times[i].get('value')}")
        c["pred"] += len(times)
    res: dict[str, Any] = {"items": len(items), "gold": c["gold"], "predicted": c["pred"]}
    for k in ("strict", "relaxed", "value"):
        p = c[k] / c["pred"] if c["pred"] else 0.0
        r = c[k] / c["gold"] if c["gold"] else 0.0
        res[k] = {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}
    res["value_recall_by_register"] = {k: f"{v['value']}/{v['gold']}" for k, v in sorted(by_cat.items())}
    res["strict_value_recall_by_type"] = {k: f"{v['strict']}/{v['value']}/{v['gold']}" for k, v in sorted(by_type.items())}
    return res, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--category", help="only the lines with this category")
    ap.add_argument("--half", choices=["a", "b"], help="every other line, for cross-checks")
    a = ap.parse_args(argv)
    items = load(Path(a.data))
    if a.category:
        items = [it for it in items if a.category in it.get("categories", [])]
    if a.half:
        items = items[0 if a.half == "a" else 1::2]
    res, errors = score(items, predict(items))
    if a.json:
        print(json.dumps(res, ensure_ascii=False))
    else:
        print(f"times check set: {res['items']} items, {res['gold']} TIMEX3, {res['predicted']} predicted")
        for k in ("strict", "relaxed", "value"):
            print(f"  {k:8s} P {res[k]['p']:.3f}  R {res[k]['r']:.3f}  F1 {res[k]['f1']:.3f}")
        print("  value recall by register: " + ", ".join(f"{k} {v}" for k, v in res["value_recall_by_register"].items()))
        print("  strict/value recall by type: " + ", ".join(f"{k} {v}" for k, v in res["strict_value_recall_by_type"].items()))
    if a.verbose:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
