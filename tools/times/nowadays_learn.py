"""The day or nowadays of "aujourd'hui" (``veille.times.present_judge``): its data, site-grouped check, weights.

    PYTHONPATH=src .venv/bin/python tools/times/nowadays_learn.py [--c 1.0 ...] [--threshold 0.5 ...]
                                                                  [--show] [--write]

Data (dev only): each bare "aujourd'hui" of the real-page times dev gold (four files, the body as
``real_eval.py times --body`` gives it) and of the French TimeBank dev split, with the rules' reading
and ``present_judge.features``; its label from the gold item on it: ``ref`` (PRESENT_REF only),
``day`` (the article's day only), ``either`` (the gold accepts both: right either way, not learned
from), ``none`` (no gold time there). Check: leave one site out (a TimeBank article is its own site):
a logistic model fit on the other sites' ``ref``/``day`` items judges the held-out site's items; a
held-out item read as the day turns nowadays when the model's odds reach the threshold. Counted
right when the reading is one the gold accepts. The rules alone are the baseline. ``--show`` lists
the held-out verdicts that differ from the rules' (dev material only). ``--write`` fits on every
site and stores ``src/veille/times/model/nowadays.json``. Test parts are never loaded.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.times.times_cv import SHARED, _parse_all, _timebank_module  # noqa: E402
from tools.times.timex_learn import aligned, real_dev_pages  # noqa: E402
from veille.times import present_judge  # noqa: E402

_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def label(values: set[str]) -> str:
    kinds = {"ref" if v == "PRESENT_REF" else "day" if _DAY.match(v) else "other" for v in values if v}
    if kinds == {"ref", "day"}:
        return "either"
    return next(iter(kinds)) if len(kinds) == 1 else "other"


def load() -> list[dict[str, Any]]:
    """Each "aujourd'hui" the rules find on the dev material: site, rules' value, features, label, sentence."""
    from tools.real_pages.gold import sites as page_sites
    from tools.real_pages.times import doc_index, gold_spans
    from veille.pipeline import Pipeline
    from veille.times import TimeStage

    pipeline = Pipeline(doc_stages=[])
    recs: list[tuple[str, dict]] = []
    gold: dict[str, tuple[str, str, list[tuple]]] = {}
    tb = _timebank_module()
    for p in sorted((SHARED / "external" / "fr-timebank" / "Data").glob("*.tml"))[0::2]:  # dev only
        d = tb.parse(p)
        recs.append((d["id"], {"text": d["text"], "date": d["dct"], "title": ""}))
        gold[d["id"]] = ("tb:" + d["id"], d["text"], [(g["start"], g["end"], {g["value"]}) for g in d["timex"]])
    sites = page_sites()
    for page, row, entry, lines, given in real_dev_pages():
        recs.append((page, given))
        spans = [(g["begin"], g["finish"], {g.get("value"), *g.get("accept", [])} if not g.get("optional") else None)
                 for g in gold_spans(entry, row.get("times", []), lines)]
        gold[page] = (sites.get(page, page), doc_index(entry, lines)[0], spans)
    stage = TimeStage(pipeline.ctx)
    out: list[dict[str, Any]] = []
    for rid, art, doc in _parse_all(pipeline, recs):
        site, source, spans = gold[rid]
        placed = aligned(doc.text, source, spans)
        seen: list[dict[str, Any]] = []

        def record(times, doc_, text, ref, words, is_past, model=None, seen=seen):  # noqa: ANN001
            page = present_judge.page_facts(text, times, ref, words)
            for t, span in present_judge._present_or_day(times, doc_):
                seen.append({"start": t.start, "end": t.end, "value": t.value,
                             "features": present_judge.features(t, span, text, times, ref, words, is_past, page),
                             "sentence": span.sent.text})

        with mock.patch("veille.times.judge_present", record):
            stage(art, doc, None)
        for s in seen:
            hit = [g for g in placed if g[0] < s["end"] and s["start"] < g[1]]
            if hit and hit[0][2] is None:
                continue  # optional in the gold: right either way
            s.update(id=rid, site=site, label=label(hit[0][2]) if hit else "none",
                     rules="ref" if s["value"] == "PRESENT_REF" else "day")
            out.append(s)
    return out


def fit(items: list[dict[str, Any]], c: float, steps: int = 3000) -> dict[str, float]:
    """An L2 logistic model (nowadays = 1) over the ``ref``/``day`` items, by gradient descent."""
    rows = [it for it in items if it["label"] in ("ref", "day")]
    names = list(present_judge.FEATURES)
    x = np.array([[it["features"][k] for k in names] for it in rows]) if rows else np.zeros((0, len(names)))
    y = np.array([1.0 if it["label"] == "ref" else 0.0 for it in rows])
    w = np.zeros(len(names))
    penalty = np.ones(len(names)) / max(c, 1e-9)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = (x.T @ (p - y) + penalty * w) / max(len(rows), 1)
        w -= 0.5 * grad
    return {k: round(float(v), 4) for k, v in zip(names, w, strict=True)}


def verdict(item: dict[str, Any], model: dict[str, Any] | None) -> str:
    if model is None or item["rules"] == "ref":
        return item["rules"]
    gate = present_judge.looks_back({k: bool(v) for k, v in item["features"].items()})
    return "ref" if gate and present_judge.odds(item["features"], model) >= model["threshold"] else "day"


def right(item: dict[str, Any], reading: str) -> bool:
    return item["label"] == "either" or item["label"] == reading


def loso(items: list[dict[str, Any]], c: float, threshold: float, show: bool = False) -> Counter[str]:
    """Leave one site out: right counts of the rules and of rules + model, overall and by source."""
    tally: Counter[str] = Counter()
    for site in sorted({it["site"] for it in items}):
        held = [it for it in items if it["site"] == site]
        model = {"weights": fit([it for it in items if it["site"] != site], c), "threshold": threshold}
        for it in held:
            if it["label"] in ("none", "other"):
                continue
            src = "tb" if site.startswith("tb:") else "real"
            new = verdict(it, model)
            for key in ("all", src):
                tally[f"{key}_n"] += 1
                tally[f"{key}_rules"] += right(it, it["rules"])
                tally[f"{key}_model"] += right(it, new)
            tally["changed"] += new != it["rules"]
            if right(it, new) != right(it, it["rules"]):
                tally[f"{'gain' if right(it, new) else 'loss'}:{site}"] += 1
            if show and new != it["rules"]:
                print(f"  {site:26s} {it['label']:6s} rules {it['rules']:3s} model {new:3s} | {it['sentence'][:160]}")
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--c", type=float, nargs="+", default=[0.3, 1.0, 3.0])
    ap.add_argument("--threshold", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8])
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--write", action="store_true", help="fit on every site with the first --c and --threshold")
    ap.add_argument("--cache", type=Path, help="keep the loaded items in this JSON file (outside the repo)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print("../shared is needed", file=sys.stderr)
        return 0
    if args.cache and args.cache.exists():
        items = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        with mock.patch("veille.times.present_judge.load_weights", lambda *a: None):
            items = load()
        if args.cache:
            args.cache.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    labels = Counter((it["label"], it["rules"]) for it in items)
    print(f"{len(items)} items on {len({it['site'] for it in items})} sites; (label, rules): {dict(labels)}")
    for c in args.c:
        for thr in args.threshold:
            t = loso(items, c, thr, args.show and c == args.c[0] and thr == args.threshold[0])
            gains = sum(v for k, v in t.items() if k.startswith("gain:"))
            losses = sum(v for k, v in t.items() if k.startswith("loss:"))
            sites_g = len([k for k in t if k.startswith("gain:")])
            sites_l = len([k for k in t if k.startswith("loss:")])
            print(f"C {c:<5} thr {thr:.2f}: right rules {t['all_rules']}/{t['all_n']} -> {t['all_model']} "
                  f"(real {t['real_rules']} -> {t['real_model']}, tb {t['tb_rules']} -> {t['tb_model']}); "
                  f"changed {t['changed']}, gained {gains} on {sites_g} sites, lost {losses} on {sites_l} sites")
    if args.write:
        model = {"weights": fit(items, args.c[0]), "threshold": args.threshold[0],
                 "source": "tools/times/nowadays_learn.py: real-page times dev (four files) and French TimeBank dev"}
        present_judge.MODEL.parent.mkdir(parents=True, exist_ok=True)
        present_judge.MODEL.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {present_judge.MODEL}: {model['weights']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
