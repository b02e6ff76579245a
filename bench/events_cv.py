"""The events model out of site (issue 13): grouped cross-validation by site on the dev gold.

    .venv/bin/python bench/events_cv.py [--folds 5] [--seed 13] [--held-annotator helper-evheld]
                                        [--part dev|dev+fresh]

Sites are dealt into folds, and the pages of ``--held-annotator`` (a batch from sites no rule was
written on) form one fold more; each fold's model is fitted on the other folds' sentences and codes
only its own pages, the rules running as in production. Printed:

- the model's proposals alone (its best type per sentence, out of fold) at several thresholds:
  micro precision / recall over sentence types, and per PLOVER type at the threshold the
  training command would choose;
- with ``--probes``, two components measured and not shipped (``tools/real_pages/event_probes``):
  a reviewer that drops rule events, and candidates kept with an unnamed doer;
- with ``--only tokens``, a token classifier (the finder's features, plus the word's own static
  vector, its head's and its sentence's) out of site on the words no rule candidate covers: how
  many of its k best-scored words are gold triggers of the type it gives (measured, not shipped);
- rules alone vs rules + model end to end (``bench/events_real.py`` scoring, body given), each
  page coded with the model of its fold: all pages, per fold, per PLOVER type, and the events the
  model adds (predicted / right, the precision of the new events).

``--part dev+fresh`` adds the later dev batch of ``events_dev_fresh.jsonl`` (its own cache file).
Dev only: the test part is never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from tools.real_pages import actor_examples as ax  # noqa: E402
from tools.real_pages import event_cv as cv  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
FINDER_THRESHOLDS = (0.5, 0.7)
L2 = 1e-4


def _line(name: str, res: dict, rules: dict | None = None) -> str:
    e = res["events"]
    out = f"{name:34} F1 {e['f1']:.3f} (P {e['precision']:.3f} R {e['recall']:.3f}; tp {e['tp']} fp {e['fp']} fn {e['fn']})"
    if rules is not None:
        r = rules["events"]
        added, right = e["tp"] + e["fp"] - r["tp"] - r["fp"], e["tp"] - r["tp"]
        out += f"; {e['f1'] - r['f1']:+.3f} vs rules, new events {right}/{added} right"
    return out


def _report(name: str, res: dict, rules: dict, fold_names: list[str]) -> None:
    """Overall, per fold and per type, against the rules alone."""
    print(_line(name, res, rules))
    for fname, fres, rres in zip(fold_names, res.get("folds", []), rules.get("folds", []), strict=False):
        print("    " + _line(fname, fres, rres))
    print("      per type (gold/predicted/found): " + ", ".join(
        f"{t} {c.get('gold', 0)}/{c.get('predicted', 0)}/{c.get('found', 0)}" for t, c in res["per_type"].items()))


def _table(items: list[dict], labels: list[str], probs: np.ndarray, classes: np.ndarray, mask: np.ndarray,
           thr: float) -> str:
    best = probs[:, 1:].max(1)
    guess = probs[:, 1:].argmax(1) + 1
    out = []
    for j, lab in enumerate(labels[1:], 1):
        gold = int(((classes == j) & mask).sum())
        chosen = mask & (best >= thr) & (guess == j)
        right = int((classes[chosen] == j).sum())
        if gold or chosen.sum():
            out.append(f"{lab} {right}/{int(chosen.sum())}/{gold}")
    return ", ".join(out)


def finder_cv(parsed: dict, items: list[dict], folds: list[set[str]], seed: int, names: list[str]) -> list:
    """Out-of-site probabilities of the trigger finder; prints precision / recall of its proposals."""
    from veille.events.model.finder import fit_finder
    from veille.model import EVENT_TYPES

    rows, classes, info = cv.finder_rows(parsed, items)
    sites = np.array([i["site"] for i in info])
    probs = np.zeros((len(classes), 1 + len(EVENT_TYPES)))
    models = []
    for held in folds:
        part = np.isin(sites, list(held))
        model = fit_finder(rows[~part], classes[~part], seed=seed, l2=L2)
        probs[part] = model.probabilities(rows[part])
        models.append(model)
    labels = models[0].labels
    unlisted = np.array([not i["listed"] for i in info])
    every = np.ones(len(info), dtype=bool)
    print(f"trigger finder: {len(classes)} words, {int((classes > 0).sum())} gold triggers "
          f"({int(((classes > 0) & unlisted).sum())} unlisted)")
    best = probs[:, 1:].max(1)
    guess = probs[:, 1:].argmax(1) + 1
    for name, mask in (("unlisted words", unlisted), ("every word, read as unlisted", every)):
        print(f"  {name}: threshold: precision / recall (proposals)")
        for thr in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            chosen = mask & (best >= thr)
            right = int((guess[chosen] == classes[chosen]).sum())
            gold = int(((classes > 0) & mask).sum())
            print(f"    p ≥ {thr:.1f}: {right / max(int(chosen.sum()), 1):.3f} / {right / max(gold, 1):.3f} "
                  f"({int(chosen.sum())})")
        print(f"    per type at p ≥ 0.5 (right/proposed/gold): {_table(items, labels, probs, classes, mask, 0.5)}")
    sites_of = ax.page_sites()
    by_fold = cv.fold_pages(parsed, folds)
    with cv.temp_dir() as tmp_name:
        tmp = Path(tmp_name)
        rules = cv.end_to_end(parsed, {}, tmp, by_fold=by_fold)
        _report("rules alone", rules, rules, names)
        for pos in (("VERB", "ADJ"), ("VERB", "NOUN", "ADJ")):
            for thr in FINDER_THRESHOLDS:
                for free, named in ((False, False), (False, True)):
                    of_page = {}
                    for held, model in zip(folds, models, strict=True):
                        model.meta.update(threshold=thr, pos=list(pos), free_sentences=free, named_subject=named)
                        of_page.update({p: model for p in parsed if sites_of.get(p, p) in held})
                    res = cv.end_to_end(parsed, {}, tmp, of_page, by_fold=by_fold)
                    _report(f"rules + finder {'/'.join(pos)} p ≥ {thr}{' named' if named else ''}", res, rules,
                            names)
    return models


def tokens_cv(parsed: dict, items: list[dict], folds: list[set[str]], seed: int) -> None:
    """Out of site, a token classifier on the words no rule candidate covers (issue 13): of its k
    best-scored words, how many are gold triggers of its type, and on how many sites."""
    from veille.events.model.tokens import fit_tokens
    from veille.model import EVENT_TYPES

    rows, classes, info = cv.finder_rows(parsed, items)
    taken = cv.rule_words(parsed)
    free = np.array([i["tok"].i not in taken[i["page"]] for i in info])
    sites = np.array([i["site"] for i in info])
    labels = ["NONE", *EVENT_TYPES]
    print(f"token classifier: {len(classes)} words, {int(free.sum())} no rule candidate covers, "
          f"{int(((classes > 0) & free).sum())} of them gold triggers")
    for name, x in (("finder features", rows), ("+ word, head, sentence vectors",
                                                np.hstack([rows, cv.word_context(info)]))):
        probs = np.zeros((len(classes), len(labels)))
        for held in folds:
            part = np.isin(sites, list(held))
            probs[part] = fit_tokens(x[~part], classes[~part], labels, x.shape[1], seed=seed,
                                     l2=L2).probabilities(x[part])
        best, guess = probs[:, 1:].max(1), probs[:, 1:].argmax(1) + 1
        order = np.argsort(-np.where(free, best, -1.0))
        out = []
        for k in (10, 25, 50, 100, 200):
            top = order[:k]
            right = guess[top] == classes[top]
            out.append(f"top {k} (p ≥ {best[top[-1]]:.2f}): {int(right.sum())} right "
                       f"({len(set(sites[top][right]))} sites)")
        print(f"  {name}: " + "; ".join(out))


def probes(parsed: dict, folds: list[set[str]], names: list[str]) -> None:
    """The reviewer and the unnamed doer (``tools/real_pages/event_probes``), out of site."""
    from events_real import score_part
    from tools.real_pages import event_probes as pr
    from tools.real_pages.materialize import event_sentences

    by_fold = cv.fold_pages(parsed, folds)
    gold_count = {p: sum(1 for s in sents for g in s["events"] if g.get("mode") in cv.RECORDED)
                  for p, sents in event_sentences(cv.gold_part()).items()}
    with cv.temp_dir() as tmp_name:
        tmp = Path(tmp_name)

        def scores(events: dict) -> dict:
            path = pr.records(events, tmp / "probe.jsonl")
            out = score_part(cv.gold_part(), path, set(parsed)).as_dict()
            out["folds"] = [score_part(cv.gold_part(), path, pages).as_dict() for pages in by_fold]
            return out

        rules = scores(pr.code_all(parsed))
        _report("rules alone", rules, rules, names)
        kept, thresholds = pr.reviewer(parsed, by_fold, gold_count)
        _report(f"rules + reviewer (thresholds {thresholds})", scores(kept), rules, names)
        unnamed = pr.unnamed_doer(parsed, by_fold)
        right, added = unnamed["all"]
        _report(f"rules + every unnamed doer ({right}/{added} right)", scores(unnamed["events"]), rules, names)
        for t in (0.2, 0.3, 0.4, 0.5):
            print(f"  unnamed doer classifier p ≥ {t}: right/kept per fold " + ", ".join(
                f"{n.split(' (')[0]} {r}/{k}" for n, (r, k) in zip(names, unnamed[t], strict=True)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="keep the parsed pages here between runs (a pickle)")
    ap.add_argument("--only", choices=["sentence", "finder", "tokens"], help="one model only")
    ap.add_argument("--probes", action="store_true",
                    help="only the components measured and not shipped: reviewer, unnamed doer")
    ap.add_argument("--held-annotator", default=cv.HELD_ANNOTATOR,
                    help="this annotator's pages form one fold of their own ('' : none)")
    ap.add_argument("--part", choices=["dev", "dev+fresh"], default="dev",
                    help="the events gold: dev, or dev with the later batch (events_dev_fresh.jsonl)")
    args = ap.parse_args()
    cv.use_part(args.part)

    from veille.events.model import ANY, features, fit, load_model
    from veille.model import EVENT_TYPES

    parsed = cv.load_or_parse(args.cache)
    items = cv.sentence_items(parsed)
    held = cv.held_pages(args.held_annotator) if args.held_annotator else set()
    folds = cv.site_folds(items, args.folds, held)
    names = [f"fold {k + 1} ({len(f)} sites)" for k, f in enumerate(folds)]
    if held:
        names[-1] = f"{args.held_annotator} ({len(folds[-1])} sites)"
    print(f"{len(parsed)} pages, {len(items)} sentences, {len({i['site'] for i in items})} sites, "
          f"{len(folds)} folds by site")
    if args.probes:
        probes(parsed, folds, names)
        return 0
    if args.only == "tokens":
        tokens_cv(parsed, items, folds, args.seed)
        return 0
    if args.only != "sentence":
        finder_cv(parsed, items, folds, args.seed, names)
    if args.only == "finder":
        return 0
    width = int(parsed[next(iter(parsed))][3].vocab.vectors_length)
    rows = np.stack([features(it["span"], width) for it in items]).astype(np.float64)
    labels = [*EVENT_TYPES, ANY]
    oof, models = cv.oof_scores(items, rows, labels, folds,
                                lambda x, y: fit(x, y, labels, width, seed=args.seed),
                                lambda m, x: 1.0 / (1.0 + np.exp(-(x @ m.weights + m.bias))))
    print("sentence-type model, best type per sentence, out of site:")
    for thr in THRESHOLDS:
        p, r, n = cv.summary(cv.per_type_table(items, cv.best_guesses(oof, labels, thr)))
        print(f"  p ≥ {thr:.2f}: precision {p:.3f} recall {r:.3f} ({n} proposals)")
    by_fold = cv.fold_pages(parsed, folds)
    with cv.temp_dir() as tmp_name:
        tmp = Path(tmp_name)
        rules = cv.end_to_end(parsed, {}, tmp, by_fold=by_fold)
        _report("rules alone", rules, rules, names)
        shipped = load_model()
        print(_line("rules + shipped model (in sample)", cv.end_to_end(parsed, dict.fromkeys(parsed, shipped), tmp),
                    rules))
        settings = [(thr, 0.0) for thr in (0.6, 0.8, 0.9)]
        if shipped is not None:  # the shipped review alone (drop under its threshold), out of site
            settings.append((1.01, shipped.drop_threshold))
        for add, drop in settings:
            of_page = {}
            for fold, model in zip(by_fold, models, strict=True):
                model.meta.update(add_threshold=add, drop_threshold=drop)
                of_page.update(dict.fromkeys(fold, model))
            res = cv.end_to_end(parsed, of_page, tmp, by_fold=by_fold)
            _report(f"rules + fold model, add ≥ {add}, drop < {drop}", res, rules, names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
