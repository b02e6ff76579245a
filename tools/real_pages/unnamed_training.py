"""The unnamed-doer chooser (``veille.events.unnamed``) fitted on the dev events gold, its
regularisation and threshold chosen by grouped cross-validation by site.

    PYTHONPATH=src .venv/bin/python -m tools.real_pages.unnamed_training [--write]

The pages are parsed once (body given). Every candidate the rules give no source is kept once with a
null source and a tag; it is a positive when its event matches a gold event of its sentence (type,
null source, target), a negative otherwise (sentences nobody annotated are left out). Folds by
site: a site's pages are never both trained on and scored. The cross-validated F1 is
``bench/events_real.py``'s on the records with the held-out fold's events kept above the
threshold. Only features, labels and scores leave this module: no text of the pages.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from . import actor_examples as ax

ROOT = Path(__file__).resolve().parents[2]
TAG = re.compile(r"unnamed-model#(\d+)")
L2S = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 1.1)
RECORDED = {"fact", "intent"}


def fit(rows: list[list[str]], y: np.ndarray, l2: float, min_count: int = 2) -> tuple[dict[str, int], np.ndarray, float]:
    """L2 logistic regression by Newton's method (the bias unpenalised)."""
    counts = Counter(f for r in rows for f in set(r))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count and f != "bias"))}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, -1] = 1.0
    for r, row in enumerate(rows):
        for f in row:
            if f in vocab:
                x[r, vocab[f]] = 1.0
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[-1] = 1e-6
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return vocab, w[:-1], float(w[-1])


def predict(model: tuple[dict[str, int], np.ndarray, float], rows: list[list[str]]) -> np.ndarray:
    vocab, w, b = model
    z = np.array([b + sum(w[vocab[f]] for f in r if f in vocab) for r in rows])
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def collect(parsed: dict) -> tuple[list[dict], dict[str, list[dict]]]:
    """Rows (features, label, site, page, tag) and each page's events (as dicts, extras tagged)."""
    from veille.events import unnamed
    from veille.events.ranker import load_ranker

    same = ax.names().Names({}).same
    sites = ax._sites()
    gold = ax.gold_sentences("dev")
    rows: list[dict] = []
    events: dict[str, list[dict]] = {}
    for page, item in sorted(parsed.items()):
        rec: list[dict] = []
        unnamed.RECORDER = rec
        try:
            evs = [dataclasses.asdict(e) for e in ax.code(item, load_ranker())]
        finally:
            unnamed.RECORDER = None
        doc = item[3]
        base = len(rows)
        events[page] = evs
        spans = []
        for s in gold.get(page, []):
            at = doc.text.find(s["text"])
            if at >= 0:
                spans.append((at, at + len(s["text"]), s["events"]))
        for ev in evs:
            m = TAG.search(ev.get("rule") or "")
            if m is None:
                ev["_tag"] = None
                continue
            k = int(m.group(1))
            ev["_tag"] = base + k
            where = next((sp for sp in spans if ev["start"] is not None and sp[0] <= ev["start"] < sp[1]), None)
            if where is None:
                continue
            hit = any(g.get("mode") in RECORDED and ev["type"] in (g["type"] if isinstance(g["type"], list) else [g["type"]])
                      and same(ev["source"], g["source"]) and (g.get("target") is None or same(ev["target"], g["target"]))
                      for g in where[2])
            rows.append({"feats": rec[k]["feats"], "y": float(hit), "site": sites.get(page, page), "page": page,
                         "tag": base + k})
    return rows, events


def f1_with(events: dict[str, list[dict]], keep: set[int], tmp: Path) -> float:
    sys.path.insert(0, str(ROOT / "bench"))
    from events_real import score_part

    recs = [{"source": {"path": f"{page}.json"},
             "events": [{k: v for k, v in e.items() if k != "_tag"} for e in evs if e["_tag"] is None or e["_tag"] in keep]}
            for page, evs in events.items()]
    path = ax.write_records(recs, tmp / "pred.jsonl")
    return float(score_part("dev", path).as_dict()["events"]["f1"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="ship the model fitted on all dev pages")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    parsed = ax.parse_pages("dev")
    rows, events = collect(parsed)
    y = np.array([r["y"] for r in rows])
    print(f"{len(parsed)} pages, {len(rows)} source-less candidates in annotated sentences, {int(y.sum())} right "
          f"with a null source; sites {len({r['site'] for r in rows})}")
    folds = ax.folds([{"site": r["site"]} for r in rows], args.folds)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rules = f1_with(events, set(), tmp)
        print(f"rules alone: dev F1 {rules:.3f}; every source-less candidate kept: {f1_with(events, {r['tag'] for r in rows}, tmp):.3f}")
        best = (rules, None, 1.1)
        for l2 in L2S:
            oof = np.zeros(len(rows))
            for held in folds:
                train = [i for i, r in enumerate(rows) if r["site"] not in held]
                test = [i for i, r in enumerate(rows) if r["site"] in held]
                if not test:
                    continue
                model = fit([rows[i]["feats"] for i in train], y[train], l2)
                oof[test] = predict(model, [rows[i]["feats"] for i in test])
            for t in THRESHOLDS:
                keep = {rows[i]["tag"] for i in range(len(rows)) if oof[i] >= t}
                f1 = f1_with(events, keep, tmp)
                kept = [i for i in range(len(rows)) if oof[i] >= t]
                print(f"l2 {l2} threshold {t}: grouped-CV F1 {f1:.3f} (kept {len(kept)}, right {int(y[kept].sum())})")
                if f1 > best[0] + 1e-9:
                    best = (f1, l2, t)
    print(f"best: CV F1 {best[0]:.3f} (rules {rules:.3f}) at l2 {best[1]} threshold {best[2]}")
    if args.write and best[1] is not None:
        from veille.events.unnamed import UnnamedChooser

        vocab, w, b = fit([r["feats"] for r in rows], y, best[1])
        chooser = UnnamedChooser(vocab=vocab, weights=w.astype(np.float32), bias=b,
                                 meta={"l2": best[1], "threshold": best[2], "rows": len(rows), "folds": args.folds,
                                       "cv_f1": round(best[0], 3), "rules_f1": round(rules, 3)})
        chooser.save()
        print("written", json.dumps({k: v for k, v in chooser.meta.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
