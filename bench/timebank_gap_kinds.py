"""The French TimeBank errors by form class and kind of error, counts only (so the test split can be measured unread).

    PYTHONPATH=src .venv/bin/python bench/timebank_gap_kinds.py [--split dev|test|A|B] [--keep F | --reuse F]
                                                                [--each] [--list CLASS] [--json]

Two views of one extraction, the record as written (what ``bench/timebank.sh`` scores) and one entry per
occurrence (as ``extract --times-each-occurrence`` writes it), each paired as
``../shared/eval/timebank.py --all-types`` pairs it (``tools/times/tb_pairs.py``). Each gold TIMEX3 is put in
its form class (``bench/times_gap_shape.form_class``) and in one kind:

* ``right``: same extent, same value;
* missed: ``miss_repeat`` (the record holds that wording, the scorer's search did not reach this mention: the
  record format), ``miss_taken`` (a prediction overlaps it but was paired with another gold), ``miss_none``;
* extent (relaxed only): ``ext_longer_fn`` / ``ext_shorter_fn`` (the words in one extent and not the other are
  function words only: a preposition, an article, a determiner), ``ext_longer`` / ``ext_shorter`` / ``ext_shift``;
* value (on any relaxed match; an extent error with a wrong value counts as the value kind): ``val_type`` (another
  TIMEX3 type), ``val_null``, ``val_ref`` (a ``*_REF`` against anything else), ``val_coarser`` / ``val_finer``
  (the predicted value is a prefix of the gold's, or the reverse), ``val_clock`` (same day, another time part),
  ``val_day1`` (one day off), ``val_week`` (a multiple of seven days off: a weekday's direction), ``val_year``
  (the same month and day another year), ``val_day`` (same month another day), ``val_other``.

Spurious predictions are counted by the predicted item's class: ``sp_near`` (overlaps a gold paired with another
prediction), ``sp_none`` (no gold near), ``sp_unlocated`` (the wording is not in the text).
Splits: ``dev`` and ``test`` as the scorer cuts them, ``A`` and ``B`` the halves of ``bench/timebank_halves.sh``.
``--list CLASS`` prints the dev errors of one class with their wording (refused on test).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import re
import sys
from collections import Counter
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from timebank_types import DATA, SCORER, extract, load_scorer, per_occurrence  # noqa: E402
from times_gap_shape import CLASSES, form_class  # noqa: E402
from tools.times.tb_pairs import pairs  # noqa: E402

FUNCTION_WORDS = frozenset(
    "à a au aux de d du des en le la l les un une dans depuis pendant durant pour par sur sous vers dès jusqu jusqu'à "
    "avant après entre ce cet cette ces ses son sa leur leurs notre nos votre vos mon ma mes ici il y et ou "
    "la' l' d' qu' c' environ près plus moins".split())
KINDS = ("right", "miss_repeat", "miss_taken", "miss_none", "ext_longer_fn", "ext_shorter_fn", "ext_longer",
         "ext_shorter", "ext_shift", "val_type", "val_null", "val_ref", "val_coarser", "val_finer", "val_clock",
         "val_day1", "val_week", "val_year", "val_day", "val_other")
SPURIOUS = ("sp_near", "sp_none", "sp_unlocated")
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("’", "'")).strip()


def _words(s: str) -> list[str]:
    return re.findall(r"[\w-]+'?|'", _norm(s))


def value_kind(gold: dict, pred: dict) -> str:
    """The kind of a wrong value (the gold item against its paired prediction)."""
    g, p = gold.get("value") or "", pred.get("value")
    if (pred.get("type") or "DATE") != gold["type"]:
        return "val_type"
    if not p:
        return "val_null"
    if g.endswith("_REF") or p.endswith("_REF"):
        return "val_ref"
    if g.startswith(p):
        return "val_coarser"
    if p.startswith(g):
        return "val_finer"
    if "T" in g and "T" in p and g.split("T")[0] == p.split("T")[0]:
        return "val_clock"
    gd, pd = _DAY.match(g.split("T")[0]), _DAY.match(p.split("T")[0])
    if gd and pd:
        try:
            delta = abs((dt.date(*map(int, gd.groups())) - dt.date(*map(int, pd.groups()))).days)
        except ValueError:
            return "val_other"
        if delta == 1:
            return "val_day1"
        if delta % 7 == 0:
            return "val_week"
        if gd.group(2, 3) == pd.group(2, 3):
            return "val_year"
        if gd.group(1, 2) == pd.group(1, 2):
            return "val_day"
    return "val_other"


def extent_kind(text: str, g: dict, s: int, e: int) -> str:
    """How a relaxed (not strict) extent differs from the gold's."""
    gs, ge = g["start"], g["end"]
    if s <= gs and e >= ge:
        extra, kind = text[s:gs] + " " + text[ge:e], "ext_longer"
    elif s >= gs and e <= ge:
        extra, kind = text[gs:s] + " " + text[e:ge], "ext_shorter"
    else:
        return "ext_shift"
    words = _words(extra)
    return kind + "_fn" if words and all(w.strip("'") in FUNCTION_WORDS or w in FUNCTION_WORDS for w in words) \
        else kind


def classify(scorer: Any, doc: dict, times: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """(class, kind, gold, prediction, same extent) per gold item, and (class, kind, prediction) per spurious
    prediction."""
    located = scorer.locate(doc["text"], [t["text"] for t in times])
    where = {i: (s, e) for s, e, i in located}
    pred_texts = {_norm(t["text"]) for t in times}
    gold_rows, paired = [], set()
    for g, i, strict in pairs(located, doc["timex"]):
        cls = form_class(g)
        if i is None:
            near = any(s < g["end"] and g["start"] < e for s, e, _ in located)
            kind = ("miss_repeat" if _norm(g["text"]) in pred_texts else "miss_taken" if near else "miss_none")
            gold_rows.append((cls, kind, g, None, False))
            continue
        paired.add(i)
        p = times[i]
        if scorer.value_right(g, p.get("value"), whole=True):
            kind = "right" if strict else extent_kind(doc["text"], g, *where[i])
        else:
            kind = value_kind(g, p)
        gold_rows.append((cls, kind, g, p, strict))
    spurious = []
    for i, p in enumerate(times):
        if i in paired:
            continue
        if i not in where:
            kind = "sp_unlocated"
        else:
            s, e = where[i]
            kind = "sp_near" if any(s < g["end"] and g["start"] < e for g in doc["timex"]) else "sp_none"
        spurious.append((form_class(p), kind, p))
    return gold_rows, spurious


def split_files(split: str, data: str) -> list[pathlib.Path]:
    files = sorted(pathlib.Path(data).glob("*.tml"))
    if split == "test":
        return files[1::2]
    dev = files[0::2]
    return {"dev": dev, "A": dev[0::2], "B": dev[1::2]}[split]


def value_shape(item: dict | None) -> str:
    """Type and value with every digit a 9 and runs of them kept short: ``DATE:9999-99-99``, ``TIME:PRESENT_REF``."""
    if item is None:
        return "-"
    digits = re.sub(r"\d", "9", item.get("value") or "null")
    return f"{item.get('type') or 'DATE'}:{re.sub(r'9{5,}', '9999', digits)}"


def tally(scorer: Any, docs: list[dict], preds: dict[str, dict], each: bool) -> dict[str, Any]:
    gold: dict[str, Counter] = {c: Counter() for c in CLASSES}
    spur: dict[str, Counter] = {c: Counter() for c in CLASSES}
    shapes: Counter = Counter()
    score: Counter = Counter()  # the shared scorer's counts (--all-types): gold, pred, strict, relaxed, value
    rows: list[tuple] = []
    for d in docs:
        times = (preds.get(d["id"]) or {}).get("times", [])
        times = per_occurrence(times) if each else times
        g_rows, s_rows = classify(scorer, d, times)
        score["gold"] += len(g_rows)
        score["pred"] += len(times)
        for cls, kind, g, p, strict in g_rows:
            gold[cls][kind] += 1
            score["relaxed"] += p is not None
            score["strict"] += strict
            score["value"] += kind == "right" or kind.startswith("ext_")
            if kind != "right":
                shapes[f"{kind} {value_shape(g)} <- {value_shape(p)}"] += 1
        for cls, kind, p in s_rows:
            spur[cls][kind] += 1
            shapes[f"{kind} - <- {value_shape(p)}"] += 1
        rows += [(d["id"], *r[:4]) for r in g_rows if r[1] != "right"]
        rows += [(d["id"], r[0], r[1], None, r[2]) for r in s_rows]
    return {"gold": {c: dict(v) for c, v in gold.items() if v},
            "spurious": {c: dict(v) for c, v in spur.items() if v},
            "shapes": dict(shapes.most_common()), "f1": _f1(score), "rows": rows}


def _f1(c: Counter) -> dict[str, float]:
    out = {}
    for level in ("strict", "relaxed", "value"):
        p, r = c[level] / c["pred"] if c["pred"] else 0.0, c[level] / c["gold"] if c["gold"] else 0.0
        out[level] = round(2 * p * r / (p + r), 3) if p + r else 0.0
    return out


def show(res: dict[str, Any]) -> None:
    f1 = res["f1"]
    print(f"French TimeBank ({res['split']}), {res['documents']} articles, "
          f"{'one entry per occurrence' if res['each'] else 'record as written'}: "
          f"strict F1 {f1['strict']:.3f}  relaxed F1 {f1['relaxed']:.3f}  value F1 {f1['value']:.3f}")
    print("gold items by form class and kind (counts)")
    for cls, c in res["gold"].items():
        n = sum(c.values())
        cells = "  ".join(f"{k} {c[k]}" for k in KINDS if c.get(k))
        print(f"  {cls:9s} {n:4d}  right {c.get('right', 0) / n:.3f} | {cells}")
    print("spurious predictions by predicted class")
    for cls, c in res["spurious"].items():
        print(f"  {cls:9s} " + "  ".join(f"{k} {c[k]}" for k in SPURIOUS if c.get(k)))
    tot = Counter()
    for c in res["gold"].values():
        tot.update(c)
    print("all gold: " + "  ".join(f"{k} {tot[k]}" for k in KINDS if tot.get(k)))
    print("errors by kind, gold value shape <- predicted value shape (counts)")
    for key, n in res["shapes"].items():
        print(f"  {n:3d}  {key}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--split", choices=["dev", "test", "A", "B"], default="dev")
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--keep", help="write the extracted records to this JSON file")
    ap.add_argument("--reuse", help="read the records from a --keep file instead of extracting")
    ap.add_argument("--each", action="store_true", help="list the one-entry-per-occurrence view's errors")
    ap.add_argument("--list", metavar="CLASS", help="print the errors of one class with their wording (dev only)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if a.list and a.split == "test":
        sys.exit("--list reads errors one by one: dev splits only")
    if not SCORER.exists() or not pathlib.Path(a.data).is_dir():
        print("timebank_gap_kinds: ../shared (scorer or TimeBank data) absent; nothing to score")
        return
    scorer = load_scorer()
    docs = [scorer.parse(p) for p in split_files(a.split, a.data)]
    if a.reuse:
        preds = json.loads(pathlib.Path(a.reuse).read_text())
    else:
        preds = extract(docs, a.python)
        if a.keep:
            pathlib.Path(a.keep).write_text(json.dumps(preds, ensure_ascii=False))
    views = [{"split": a.split, "documents": len(docs), "each": each, **tally(scorer, docs, preds, each)}
             for each in (False, True)]
    rows = views[a.each].pop("rows")
    views[not a.each].pop("rows")
    if a.json:
        print(json.dumps(views))
    else:
        for res in views:
            show(res)
    if a.list:
        for doc, cls, kind, g, p in rows:
            if cls == a.list or a.list == "all":
                gw = f"{g['text']!r}={g['value']} {g['type']}" if g else "-"
                pw = f"{p['text']!r}={p.get('value')} {p.get('type')}" if p else "-"
                print(f"{doc}\t{kind}\tgold {gw}\tpred {pw}")


if __name__ == "__main__":
    main()
