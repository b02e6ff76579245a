"""The real-page times score split by TIMEX3 type, by form class and by page: aggregates only.

    PYTHONPATH=src .venv/bin/python bench/times_gap_shape.py [--part dev|test|fresh|fresh2|fresh3|fresh4] [--json]

One ``veille extract`` run with the gold title, body and date handed over (as ``real_eval.py times
--body``), matched per occurrence exactly as its all-types columns (``tools.real_pages.times.
match_items``, the same pairing). Recall is split by the gold item's type and form class, precision
by the predicted item's; each row gives strict, relaxed and value counts. Form classes are read off
the wording of each item, type and value only where the wording says nothing (``form_class``): weekday, deictic ("hier", "la veille"), month
and day, month, year, clock time, part of the day, period noun ("la semaine dernière"), duration, set,
reference (``*_REF``), other. Only numbers and page ids are printed, never a wording or an error, so the
test part can be measured without being read (it is still scored at most twice: it is held out).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from real_eval import _gold, run_part  # noqa: E402
from tools.real_pages.materialize import SCORER  # noqa: E402
from tools.real_pages.times import match_items, page_times  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

WEEKDAY = re.compile(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b")
MONTH = (r"(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
         r"|janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)\.?")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}}|1er|premier)\s+{MONTH}\b|\b\d{{1,2}}[/.-]\d{{1,2}}([/.-]\d{{2,4}})?\b")
MONTH_RE = re.compile(rf"\b{MONTH}(\b|$)")
DEICTIC = re.compile(r"\b(hier|aujourd|demain|veille|lendemain|surlendemain|avant-veille|ce jour|ce jour-là)\b")
CLOCK = re.compile(r"\d\s*(h|heures?)\b|\b\d{1,2}:\d\d\b|\b(midi|minuit)\b|\bheures?\b")
DAY_PART = re.compile(r"\b(matin|matinée|soir|soirée|nuit|après-midi|aube|journée|nocturne|midi)\b")
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b|\b(an|année)\b")
PERIOD = re.compile(r"\b(semaine|mois|week-end|trimestre|semestre|siècle|décennie|saison|printemps|été|automne|hiver"
                    r"|ann[ée]es?)\b")
CLASSES = ("weekday", "deictic", "month_day", "month", "year", "clock", "day_part", "period", "duration", "set",
           "ref", "other")


def form_class(item: dict) -> str:
    """The form class of a gold or predicted time, from its type, value and wording (lower case)."""
    kind, value = item.get("type") or "DATE", str(item.get("value") or "")
    text = (item.get("text") or "").lower().replace("’", "'")
    if kind == "SET":
        return "set"
    if kind == "DURATION":
        return "duration"
    if DEICTIC.search(text):
        return "deictic"
    if CLOCK.search(text) and re.search(r"\d|midi|minuit|heure", text):
        return "clock"
    if DAY_PART.search(text):
        return "day_part"
    if value.endswith("_REF"):
        return "ref"
    if WEEKDAY.search(text):
        return "weekday"
    if DAY_MONTH.search(text):
        return "month_day"
    if MONTH_RE.search(text):
        return "month"
    if PERIOD.search(text) and not re.search(r"\b\d{4}\b", text):
        return "period"
    if YEAR.search(text):
        return "year"
    if kind == "TIME":
        return "day_part"
    return "other"


class Shape:
    """Counts by key: gold, predicted, strict, relaxed, value (recall side) and predicted, matched (precision side)."""

    def __init__(self) -> None:
        self.gold: dict[str, Counter] = {}
        self.pred: dict[str, Counter] = {}

    def add(self, keys_gold: list[str], keys_pred: list[str], row: tuple) -> None:
        g, p, strict, ok = row
        if g is not None:
            self._count(self.gold, keys_gold, p is not None, strict, ok)
        if p is not None:
            self._count(self.pred, keys_pred, g is not None, strict, ok)

    @staticmethod
    def _count(side: dict[str, Counter], keys: list[str], matched: bool, strict: bool, ok: bool) -> None:
        for key in keys:
            c = side.setdefault(key, Counter())
            c["n"] += 1
            c["relaxed"] += matched
            c["strict"] += matched and strict
            c["value"] += matched and ok

    def table(self, keys: list[str]) -> list[dict]:
        out = []
        for key in keys:
            g, p = self.gold.get(key, Counter()), self.pred.get(key, Counter())
            if not g["n"] and not p["n"]:
                continue
            out.append({"key": key, "gold": g["n"], "pred": p["n"],
                        **{f"R_{m}": round(g[m] / g["n"], 3) if g["n"] else None for m in ("strict", "relaxed", "value")},
                        **{f"P_{m}": round(p[m] / p["n"], 3) if p["n"] else None for m in ("strict", "relaxed", "value")}})
        return out


def shape(part: str) -> dict:
    """One extraction of ``part`` (body given) and its counts by type, class and page."""
    with tempfile.TemporaryDirectory() as tmp:
        keep = Path(tmp)
        overall = run_part("times", part, True, keep)
        records = {Path(r["source"]["path"]).stem: r
                   for r in map(json.loads, (keep / f"times-{part}.jsonl").read_text(encoding="utf-8").splitlines())}
    entries, times, _ = _gold("times", part)
    by_type, by_class, by_page = Shape(), Shape(), Shape()
    for entry in entries:
        page = entry["page"]
        text, golds, pred_text, preds = page_times(entry, times[page].get("times", []), records.get(page, {}))
        for row in match_items(text, golds, preds, pred_text):
            g, p = row[0], row[1]
            by_type.add([g.get("type", "DATE")] if g else [], [p.get("type") or "DATE"] if p else [], row)
            by_class.add([form_class(g)] if g else [], [form_class(p)] if p else [], row)
            by_page.add([page], [page], row)
    return {"part": part, "pages": len(entries),
            "all": {k: (overall or {}).get(k) for k in ("all_strict", "all_relaxed", "all_value")},
            "type": by_type.table(["DATE", "TIME", "DURATION", "SET"]), "class": by_class.table(list(CLASSES)),
            "page": by_page.table(sorted(by_page.gold.keys() | by_page.pred.keys()))}


def _print(result: dict) -> None:
    a = result["all"]
    print(f"{result['part']}: {result['pages']} pages; all types strict/relaxed/value F1 "
          + "/".join(f"{a[k]['f1']:.3f}" if a.get(k) else "—" for k in ("all_strict", "all_relaxed", "all_value")))
    for section in ("type", "class", "page"):
        print(f"  by {section:5}  gold  pred | R strict relax value | P strict relax value")
        for r in result[section]:
            cells = [f"{r[k]:.3f}" if r[k] is not None else "  —  " for k in
                     ("R_strict", "R_relaxed", "R_value", "P_strict", "P_relaxed", "P_value")]
            print(f"  {r['key']:10} {r['gold']:5} {r['pred']:5} | {' '.join(cells[:3]):>20} | {' '.join(cells[3:])}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "test", "fresh", "fresh2", "fresh3", "fresh4"], default="dev")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not PAGES.is_dir() or not SCORER.exists():
        print("../shared (pages and eval/score.py) is needed", file=sys.stderr)
        return 0
    result = shape(args.part)
    print(json.dumps(result)) if args.json else _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
