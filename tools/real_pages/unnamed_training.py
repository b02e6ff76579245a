"""The keep decision for source-less event candidates (``veille.events.unnamed``) fitted on the dev
events gold, its regularisation, feature groups and threshold chosen by grouped cross-validation by
site (``veille train actors`` rebuilds it after the actor ranker; this module alone measures it).

    PYTHONPATH=src .venv/bin/python -m tools.real_pages.unnamed_training [--part dev+fresh]
                                                                         [--cache FILE] [--write] [--list]

The pages are parsed once (body given). Every candidate the rules leave without a source (and that
``source_rules.agentless`` does not keep) is kept once with a null source and a tag; it is a positive
when its event matches a gold event of its sentence (type, null source, target), a negative
otherwise (sentences nobody annotated are left out). The sentence-type model's probability of the
candidate's type is a feature: each fold's rows get it from a sentence model fitted on the other
folds' sites, so no row is scored by a model that saw its sentence. Folds by site: a site's pages are
never both trained on and scored. The threshold is the one that maximises the out-of-fold F1 of the
whole coder (``bench/events_real.py``'s scorer over the part, each fold's candidates kept by the model
of the other folds), not the kept subset's precision. Only features, labels and scores leave this
module (``--list``: page, gold line, type, trigger lemma and label of each out-of-fold kept event).
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from . import actor_examples as ax
from . import event_cv

ROOT = Path(__file__).resolve().parents[2]
TAG = re.compile(r"agentless_kept#(\d+)")
L2S = (1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 1.1)
# Feature groups tried out of fold: the trigger's lemma (site-bound wording?), the sentence model.
VARIANTS = {"all": (), "no-lemma": ("lemma=",), "no-sentence-model": ("ptype", "pany"),
            "closed": ("lemma=", "ptype", "pany")}
RECORDED = {"fact", "intent"}
# The end-to-end out-of-fold gain a chooser must bring to be shipped: the setting is picked among
# many, so a smaller gain is within what the pick alone gives (2026-12-06: +.004 out of fold, and
# the blind set lost .021 with it: not shipped).
MIN_GAIN = 0.01


def fit(rows: list[list[str]], y: np.ndarray, l2: float, min_count: int = 3) -> tuple[dict[str, int], np.ndarray, float]:
    """L2 logistic regression by Newton's method (the bias unpenalised); deterministic."""
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
    for _ in range(50):
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


def _label(ev: dict, golds: list[dict], same: Callable[[Any, Any], bool]) -> str:
    """right, or why not: the gold names the doer, a null source with another target, no gold of the type."""
    typed = [g for g in golds if g.get("mode") in RECORDED
             and ev["type"] in (g["type"] if isinstance(g["type"], list) else [g["type"]])]
    if not typed:
        return "no-gold-of-type"
    if any(same(ev["source"], g["source"]) and (g.get("target") is None or same(ev["target"], g["target"])) for g in typed):
        return "right"
    return "gold-names-doer" if all(g["source"] is not None for g in typed) else "null-source-other-target"


def collect(parsed: dict, part: str, ranker: Any = None) -> tuple[list[dict], dict[str, list[dict]]]:
    """Rows (features, label, site, page, sentence span, tag) and each page's events (extras tagged),
    coded with ``ranker`` (None: the shipped actor ranker)."""
    from veille.events import unnamed
    from veille.events.ranker import load_ranker

    ranker = ranker if ranker is not None else load_ranker()
    same = ax.names().Names({}).same
    sites = ax._sites()
    gold = ax.gold_sentences(part)
    rows: list[dict] = []
    events: dict[str, list[dict]] = {}
    for page, item in sorted(parsed.items()):
        rec: list[dict] = []
        unnamed.RECORDER = rec
        try:
            evs = [dataclasses.asdict(e) for e in ax.code(item, ranker)]
        finally:
            unnamed.RECORDER = None
        doc = item[3]
        base = len(rows)
        events[page] = evs
        spans = []
        for s in gold.get(page, []):
            at = doc.text.find(s["text"])
            if at >= 0:
                spans.append((at, at + len(s["text"]), s["events"], s["start"][0]))
        for ev in evs:
            m = TAG.search(ev.get("rule") or "")
            if m is None:
                ev["_tag"] = None
                continue
            k = int(m.group(1))
            ev["_tag"] = base + k
            where = next((sp for sp in spans if ev["start"] is not None and sp[0] <= ev["start"] < sp[1]), None)
            if where is None or any(r["tag"] == base + k for r in rows[base:]):
                continue
            label = _label(ev, where[2], same)
            rows.append({"feats": rec[k]["feats"], "type": rec[k]["type"], "sent": rec[k]["sent"],
                         "y": float(label == "right"), "label": label, "site": sites.get(page, page), "page": page,
                         "line": where[3], "trigger": ev["trigger"], "tag": base + k})
    return rows, events


def fold_sentence_models(parsed: dict, folds: list[set[str]], seed: int) -> list[Any]:
    """One sentence-type model per fold, fitted on the other folds' annotated sentences."""
    return event_cv.sentence_model_oof(parsed, folds, seed)[3]


def sentence_probs(parsed: dict, rows: list[dict], folds: list[set[str]], seed: int) -> list[dict[str, float]]:
    """Each row's sentence scored by a sentence-type model fitted on the other folds' annotated sentences."""
    models = fold_sentence_models(parsed, folds, seed)
    fold_of = {site: k for k, fold in enumerate(folds) for site in fold}
    out = []
    for r in rows:
        doc = parsed[r["page"]][3]
        span = doc.char_span(*r["sent"], alignment_mode="expand")
        fold = fold_of.get(r["site"])  # (a site with no sentence found in its Doc: no score)
        out.append(models[fold].scores(span) if span is not None and fold is not None else {})
    return out


def f1_with(events: dict[str, list[dict]], keep: set[int], tmp: Path, part: str) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    from events_real import score_part

    recs = [{"source": {"path": f"{page}.json"},
             "events": [{k: v for k, v in e.items() if k != "_tag"} for e in evs if e["_tag"] is None or e["_tag"] in keep]}
            for page, evs in events.items()]
    path = ax.write_records(recs, tmp / "pred.jsonl")
    return score_part(part, path).as_dict()["events"]


def _strip(feats: list[str], drop: tuple[str, ...]) -> list[str]:
    return [f for f in feats if not f.startswith(drop)] if drop else feats


def prepare(parsed: dict, part: str, seed: int, k: int, ranker: Any = None,
            cache: Path | None = None) -> tuple[list[dict], dict[str, list[dict]], list[set[str]]]:
    """Rows with their out-of-fold sentence-model bins, the pages' events and the site folds
    (``cache``: a pickle of them, kept between runs of the measurement)."""
    import pickle

    from veille.events.unnamed import type_prob_features

    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]  # noqa: S301 (a file this module wrote)
    event_cv.use_part(part)
    rows, events = collect(parsed, part, ranker)
    folds = ax.folds(event_cv.sentence_items(parsed), k)
    for r, scores in zip(rows, sentence_probs(parsed, rows, folds, seed), strict=True):
        r["feats"] = r["feats"] + type_prob_features(r["type"], scores or None)
    if cache is not None:
        cache.write_bytes(pickle.dumps((rows, events, folds)))
    return rows, events, folds


def _oof(rows: list[dict], y: np.ndarray, folds: list[set[str]], drop: tuple[str, ...], l2: float) -> np.ndarray:
    fold_of = {site: j for j, fold in enumerate(folds) for site in fold}
    feats = [_strip(r["feats"], drop) for r in rows]
    oof = np.zeros(len(rows))
    for j in range(len(folds)):
        test = [i for i, r in enumerate(rows) if fold_of.get(r["site"]) == j]
        train = [i for i, r in enumerate(rows) if fold_of.get(r["site"]) != j]
        if test:
            oof[test] = predict(fit([feats[i] for i in train], y[train], l2), [feats[i] for i in test])
    return oof


def verify(parsed: dict, part: str, rows: list[dict], folds: list[set[str]], variant: str, l2: float, t: float,
           seed: int, ranker: Any = None) -> dict:
    """The bench's scores of the part with each page coded by the chooser of the folds that do not
    hold its site, and that chooser's sentence-type model too (an end-to-end check of the grid,
    which adds and removes tagged events: a kept event may also displace another in the merge)."""
    from veille.events import unnamed
    from veille.events.coder import Coder
    from veille.events.ranker import load_ranker
    from veille.events.unnamed import UnnamedChooser

    ranker = ranker if ranker is not None else load_ranker()
    sentence_models = fold_sentence_models(parsed, folds, seed)
    fold_of = {site: j for j, fold in enumerate(folds) for site in fold}
    y = np.array([r["y"] for r in rows])
    choosers = []
    for j in range(len(folds)):
        train = [i for i, r in enumerate(rows) if fold_of.get(r["site"]) != j]
        vocab, w, b = fit([_strip(rows[i]["feats"], VARIANTS[variant]) for i in train], y[train], l2)
        choosers.append(UnnamedChooser(vocab=vocab, weights=w, bias=b, meta={"threshold": t}))
    sites = ax._sites()
    recs = []
    for page, (lex, kb, article, doc) in sorted(parsed.items()):
        j = fold_of.get(sites.get(page, page))
        doc.user_data.clear()
        coder = Coder(lex, article, doc, kb=kb, explain=True)
        coder.ranker = ranker
        if j is not None:
            model = sentence_models[j]
            coder.view.sentence_scores = lambda start, m=model, d=doc: m.scores(d[start:start + 1].sent)
        unnamed.CHOOSER = choosers[j] if j is not None else UnnamedChooser({}, np.zeros(0), 0.0, {"threshold": 1.1})
        try:
            evs = coder.run()
        finally:
            unnamed.CHOOSER = None
        recs.append({"source": {"path": f"{page}.json"}, "events": [dataclasses.asdict(e) for e in evs]})
    sys.path.insert(0, str(ROOT / "bench"))
    from events_real import score_part

    with tempfile.TemporaryDirectory() as tmp_name:
        path = ax.write_records(recs, Path(tmp_name) / "pred.jsonl")
        return score_part(part, path).as_dict()["events"]


def _quick(base: dict, right: int, wrong: int) -> float:
    """The F1 the rules' counts give with ``right`` true and ``wrong`` false events more (the
    grid's estimate; the best settings are then scored by the bench's scorer)."""
    tp = base["tp"] + right
    fp = base["fp"] + wrong
    fn = base["fn"] - right
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def train_unnamed(parsed: dict, part: str = "dev+fresh", seed: int = 13, k: int = 5,
                  log: Callable[[str], None] = print, listing: bool = False, ranker: Any = None,
                  cache: Path | None = None) -> tuple[Any, str]:
    """The chooser fitted on every row with the variant, l2 and threshold best out of fold (ties go
    to the rules: threshold 1.1, nothing kept; kept events right on fewer than 3 sites never win),
    and a report line. ``ranker``: the actor ranker the coder runs with (None: the shipped one)."""
    from veille.events.unnamed import UnnamedChooser

    rows, events, folds = prepare(parsed, part, seed, k, ranker, cache)
    y = np.array([r["y"] for r in rows])
    log(f"{len(parsed)} pages, {len(rows)} source-less candidates in annotated sentences, {int(y.sum())} right "
        f"with a null source on {len({r['site'] for r in rows if r['y']})} sites; labels "
        f"{dict(Counter(r['label'] for r in rows))}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rules = f1_with(events, set(), tmp, part)
        every = f1_with(events, {r["tag"] for r in rows}, tmp, part)
        log(f"rules alone: F1 {rules['f1']:.3f} (P {rules['precision']:.3f} R {rules['recall']:.3f}); every "
            f"source-less candidate kept: {every['f1']:.3f} (P {every['precision']:.3f} R {every['recall']:.3f})")
        grid = []
        for variant, drop in VARIANTS.items():
            for l2 in L2S:
                oof = _oof(rows, y, folds, drop, l2)
                for t in THRESHOLDS[:-1]:
                    kept = oof >= t
                    right = int(y[kept].sum())
                    sites = len({r["site"] for r, kk, yy in zip(rows, kept, y, strict=True) if kk and yy})
                    grid.append((_quick(rules, right, int(kept.sum()) - right), variant, l2, t, oof, sites))
        grid.sort(key=lambda g: -g[0])
        best = (rules["f1"], "closed", None, 1.1, np.zeros(len(rows)))
        for est, variant, l2, t, oof, sites in grid[:6]:
            kept = [i for i in range(len(rows)) if oof[i] >= t]
            score = f1_with(events, {rows[i]["tag"] for i in kept}, tmp, part)
            log(f"{variant} l2 {l2} p ≥ {t}: out-of-fold F1 {score['f1']:.3f} (estimate {est:.3f}; P "
                f"{score['precision']:.3f} R {score['recall']:.3f}); kept {len(kept)}, right {int(y[kept].sum())} "
                f"on {sites} sites, precision {y[kept].mean() if kept else 0:.3f}")
            if score["f1"] > best[0] + 1e-9 and sites >= 3:
                best = (score["f1"], variant, l2, t, oof)
    f1, variant, l2, t, oof = best
    kept = [i for i in range(len(rows)) if oof[i] >= t]
    right = int(y[kept].sum()) if kept else 0
    end_to_end = base = None
    if l2 is not None:  # the grid adds and removes tagged events; a kept event may also displace another
        base = round(verify(parsed, part, rows, folds, variant, l2, 1.1, seed, ranker)["f1"], 3)
        end_to_end = round(verify(parsed, part, rows, folds, variant, l2, t, seed, ranker)["f1"], 3)
        log(f"end to end, out of fold: rules alone {base:.3f}, with the keep decision {end_to_end:.3f}")
        if end_to_end < base + MIN_GAIN - 1e-9:
            t = 1.1  # too small a gain once coded: not shipped
    if listing:
        for i in sorted(kept, key=lambda i: (rows[i]["page"], rows[i]["line"])):
            r = rows[i]
            log(f"  {r['page']}:{r['line']} {r['type']} «{r['trigger']}» p={oof[i]:.2f} {r['label']} ({r['site']})")
    feats = [_strip(r["feats"], VARIANTS[variant]) for r in rows]
    vocab, w, b = fit(feats, y, l2 if l2 is not None else L2S[0])
    chooser = UnnamedChooser(vocab=vocab, weights=w.astype(np.float32), bias=b,
                             meta={"variant": variant, "l2": l2, "threshold": t, "rows": len(rows), "folds": k,
                                   "seed": seed, "part": part, "cv_f1": round(f1, 3), "rules_f1": round(rules["f1"], 3),
                                   "oof_kept": len(kept), "oof_right": right, "end_to_end_f1": end_to_end,
                                   "end_to_end_rules_f1": base,
                                   "oof_precision": round(right / len(kept), 3) if kept else None})
    report = (f"{part} events F1 rules alone {rules['f1']:.3f}; with the source-less keep decision, grouped {k}-fold "
              f"by site {f1:.3f} ({variant}, l2 {l2}, p ≥ {t}: {len(kept)} kept out of fold, {right} right, "
              f"on {len({rows[i]['site'] for i in kept if y[i]})} sites; coded end to end {base} -> {end_to_end})")
    return chooser, report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "dev+fresh"], default="dev+fresh")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="keep the parsed pages here between runs (a pickle)")
    ap.add_argument("--rows", type=Path, help="keep the coded rows here between runs (a pickle)")
    ap.add_argument("--verify", nargs="*", metavar="VARIANT:L2:P",
                    help="only code the part end to end with these settings (out of fold), e.g. all:10:0.2 closed:1.1:1.1")
    ap.add_argument("--write", action="store_true", help="ship the chooser (only when it beats the rules)")
    ap.add_argument("--list", action="store_true", help="every event kept out of fold: page:line, type, label")
    args = ap.parse_args()
    event_cv.use_part(args.part)
    parsed = event_cv.load_or_parse(args.cache)
    if args.verify:
        rows, _, folds = prepare(parsed, args.part, args.seed, args.folds, cache=args.rows)
        for setting in args.verify:
            variant, l2, t = setting.split(":")
            res = verify(parsed, args.part, rows, folds, variant, float(l2), float(t), args.seed)
            print(f"{setting}: end-to-end out-of-fold F1 {res['f1']:.3f} (P {res['precision']:.3f} R {res['recall']:.3f}; "
                  f"tp {res['tp']} fp {res['fp']} fn {res['fn']})", flush=True)
        return 0
    chooser, report = train_unnamed(parsed, args.part, args.seed, args.folds, listing=args.list, cache=args.rows)
    print(report)
    if args.write and chooser.threshold <= 1.0:
        chooser.save()
        print("written", chooser.meta)
    return 0


if __name__ == "__main__":
    sys.exit(main())
