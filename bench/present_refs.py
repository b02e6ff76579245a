"""Present references on the dev gold: each "aujourd'hui", "actuellement", "désormais"… the day or nowadays.

    PYTHONPATH=src .venv/bin/python bench/present_refs.py [--source real|timebank|both] [--reuse FILE]
                                                          [--list] [--json]

Every occurrence of a present-reference wording (``FORMS``: "aujourd'hui", "actuellement",
"maintenant", "à présent", "désormais", "de nos jours", "à l'heure actuelle", "en ce moment"…) in the
dev times gold — the real-page dev files (150 pages, body given as ``real_eval.py times --body``)
and the French TimeBank dev split — with the gold's reading (``day``: a calendar value, ``ref``:
PRESENT_REF, ``other``: another value, ``none``: not marked, ``opt``: optional) and Veille's, counted
by form and by site. Right when Veille's value is the gold's (or one it accepts), or both leave it
unmarked. ``--list`` prints each wrong occurrence with its sentence (dev only: never run on a test
part). ``--reuse FILE`` reads the real-page records of an earlier ``real_eval.py --keep`` run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from real_eval import _gold, run_part  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402
from tools.real_pages.materialize import SCORER  # noqa: E402
from tools.real_pages.times import locate, page_times  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

# The wordings counted, longest first so that "jusqu'à aujourd'hui" is not counted as "aujourd'hui".
FORMS = {
    "aujourd'hui": r"aujourd'hui",
    "actuellement": r"actuellement",
    "maintenant": r"maintenant",
    "à présent": r"à présent",
    "désormais": r"désormais",
    "dorénavant": r"dorénavant",
    "de nos jours": r"de nos jours",
    "à l'heure actuelle": r"à l'heure actuelle",
    "à l'heure qu'il est": r"à l'heure qu'il est",
    "en ce moment": r"en ce moment",
    "pour le moment": r"pour le moment",
    "pour l'instant": r"pour l'instant",
    "présentement": r"présentement",
    "ces jours-ci": r"ces jours[- ]ci",
    "actuel": r"actuel(?:le)?s?",
}
WORDING = re.compile(r"(?<![\w'])(" + "|".join(f"(?P<f{i}>{p})" for i, p in enumerate(FORMS.values()))
                     + r")(?!\w)", re.IGNORECASE)
NAMES = list(FORMS)
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def reading(item: dict | None) -> str:
    """day / ref / other / none / opt: what a gold or predicted item says of the wording."""
    if item is None:
        return "none"
    if item.get("optional"):
        return "opt"
    values = [str(v) for v in [item.get("value"), *item.get("accept", [])] if v]
    kinds = {"ref" if v == "PRESENT_REF" else "day" if _DAY.match(v) else "other" for v in values}
    return "either" if kinds == {"ref", "day"} else min(kinds) if len(kinds) == 1 else "other"


def _covering(items: list[dict], a: int, b: int) -> dict | None:
    for it in items:
        if it.get("begin") is not None and it["begin"] < b and a < it["finish"]:
            return it
    return None


def _right(gold: dict | None, pred: dict | None) -> bool:
    if gold is not None and gold.get("optional"):
        return True
    if gold is None or pred is None:
        return gold is None and pred is None
    return pred.get("value") in {gold.get("value"), *gold.get("accept", [])}


def occurrences(text: str, golds: list[dict], preds: list[dict]) -> list[dict]:
    """Each present-reference wording of ``text`` with the gold and predicted items on it."""
    out = []
    for m in WORDING.finditer(text.replace("’", "'").replace("ʼ", "'")):
        form = next(NAMES[int(k[1:])] for k, v in m.groupdict().items() if v)
        g = _covering(golds, m.start(), m.end())
        p = _covering(preds, m.start(), m.end())
        lo = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        hi = min([k for k in (text.find(c, m.end()) for c in ".!?\n") if k >= 0] or [len(text)])
        out.append({"form": form, "start": m.start(), "gold": reading(g), "pred": reading(p),
                    "gold_value": (g or {}).get("value"), "pred_value": (p or {}).get("value"),
                    "right": _right(g, p), "sentence": text[lo:hi + 1].strip()})
    return out


def real_dev(reuse: Path | None) -> list[dict]:
    """The occurrences on the real-page times dev (four files), each with its page and site."""
    if reuse is None:
        with tempfile.TemporaryDirectory() as tmp:
            run_part("times", "dev", True, Path(tmp))
            records = _records(Path(tmp) / "times-dev.jsonl")
    else:
        records = _records(reuse)
    entries, times, _ = _gold("times", "dev")
    site_of = sites()
    out = []
    for entry in entries:
        page = entry["page"]
        text, golds, pred_text, preds = page_times(entry, times[page].get("times", []), records.get(page, {}))
        if pred_text != text:  # found by wording, as the scorer's pairing does
            preds = [{**preds[i], "begin": a, "finish": b} for a, b, i in locate(text, preds)]
        out.extend({**o, "page": page, "site": site_of.get(page, page)} for o in occurrences(text, golds, preds))
    return out


def _records(path: Path) -> dict[str, dict]:
    return {Path(r["source"]["path"]).stem: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def timebank_dev() -> list[dict]:
    """The occurrences on the French TimeBank dev split (an article is its own site)."""
    from timebank_types import DATA, extract, load_scorer

    scorer = load_scorer()
    docs = [scorer.parse(p) for p in sorted(DATA.glob("*.tml"))[0::2]]
    preds = extract(docs, sys.executable)
    out = []
    for d in docs:
        golds = [{**g, "begin": g["start"], "finish": g["end"]} for g in d["timex"]]
        times = (preds.get(d["id"]) or {}).get("times", [])
        located = [{**t, "begin": a, "finish": b} for t in times for a, b in (t.get("spans") or [])]
        out.extend({**o, "page": d["id"], "site": d["id"]} for o in occurrences(d["text"], golds, located))
    return out


def summary(rows: list[dict]) -> dict:
    """Counts by form (gold reading → Veille's, right/wrong) and the wrong ones by site."""
    by_form: dict[str, Counter] = defaultdict(Counter)
    wrong_sites: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        c = by_form[r["form"]]
        c["n"] += 1
        c["right"] += r["right"]
        c[f"{r['gold']}>{r['pred']}"] += 1
        if not r["right"]:
            wrong_sites[r["form"]].add(r["site"])
    return {form: {**dict(c), "wrong_sites": len(wrong_sites[form]),
                   "sites": len({r["site"] for r in rows if r["form"] == form})}
            for form, c in sorted(by_form.items(), key=lambda kv: -kv[1]["n"])}


def _print(name: str, rows: list[dict], listing: bool) -> None:
    total = len(rows)
    right = sum(r["right"] for r in rows)
    print(f"{name}: {total} occurrences, {right} right ({right / total:.3f})" if total else f"{name}: none")
    for form, c in summary(rows).items():
        pairs = " ".join(f"{k}:{v}" for k, v in sorted(c.items()) if ">" in k)
        print(f"  {form:20} n {c['n']:3}  right {c['right']:3}  sites {c['sites']:3}  wrong on {c['wrong_sites']:2} sites | {pairs}")
    if listing:
        for r in rows:
            if not r["right"]:
                print(f"    {r['page']} {r['site']}: {r['form']} gold {r['gold_value']} pred {r['pred_value']} | {r['sentence']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", choices=["real", "timebank", "both"], default="both")
    ap.add_argument("--reuse", type=Path, help="real-page records of a `real_eval.py times --part dev --keep` run")
    ap.add_argument("--list", action="store_true", help="print each wrong occurrence with its sentence (dev only)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not PAGES.is_dir() or not SCORER.exists():
        print("../shared (pages and eval/score.py) is needed", file=sys.stderr)
        return 0
    result = {}
    if args.source in ("real", "both"):
        result["real"] = real_dev(args.reuse)
    if args.source in ("timebank", "both"):
        result["timebank"] = timebank_dev()
    if args.json:
        print(json.dumps({k: {"summary": summary(v), "rows": v} for k, v in result.items()}, ensure_ascii=False))
        return 0
    for name, rows in result.items():
        _print(name, rows, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
