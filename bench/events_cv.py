"""The events model out of site (issue 13): grouped cross-validation by site on the dev gold.

    .venv/bin/python bench/events_cv.py [--folds 5] [--seed 13] [--held-annotator helper-evheld]
                                        [--part dev|dev+fresh|readable] [--only sentence|finder|tokens|shipped]

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

``--part dev+fresh`` adds the later dev batch of ``events_dev_fresh.jsonl`` (its own cache file);
``--part readable`` every readable dev batch (dev+fresh, fresh4 and fresh5). ``--only shipped``: the
rules alone (no sentence model, no actor ranker) against the shipped models as shipped and against
each fitted per fold on the other folds' sites (ranker settings ``RANKER_SETTINGS``, sentence-model
drop thresholds ``DROPS``), per fold, per annotation batch (the later batches: annotated after the
rules) and per PLOVER type, with the events changed and their sites; then the rule families
(``bench/events_rule_sites.py`` parts) right and wrong on the sites outside the first batches'
(``FIRST``), ``off?`` under precision .3 with wrong events on ≥ 3 sites.
Dev only: the test part, fresh2 and fresh3 are never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from tools.real_pages import actor_examples as ax  # noqa: E402
from tools.real_pages import event_cv as cv  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
# The batches the rules were first written against; every other batch is annotated after them (the honest
# dev figure), and their sites outside the first batches' are "out of site" for the rule-family census.
FIRST = ("helper-events", "helper-evann1", "helper-evann2")
# ``--only shipped``: the actor ranker's settings tried per fold, (l2, source threshold, target threshold);
# a threshold above 1 leaves the role to the rules
RANKER_SETTINGS = ((1e-3, 1.1, 0.3), (1e-3, 1.1, 0.4), (1e-3, 1.1, 0.5), (1e-2, 1.1, 0.3), (1e-2, 1.1, 0.4),
                   (1e-3, 0.5, 1.1), (1e-3, 0.6, 0.4))
DROPS = (0.042, 0.1, 0.2)  # the sentence model's drop thresholds tried per fold (.042: the shipped one)
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


def _code(parsed: dict, model_of: dict, ranker_of: dict) -> list[dict]:
    """Extract-like records, each page coded with its own sentence model and ranker (absent: none)."""
    import dataclasses

    from veille.events.coder import Coder

    recs = []
    for page, (lex, kb, article, doc) in sorted(parsed.items()):
        doc.user_data.clear()
        coder = Coder(lex, article, doc, kb=kb, explain=True)
        coder.model, coder.ranker, coder.finder = model_of.get(page), ranker_of.get(page), None
        recs.append({"source": {"path": f"{page}.json"}, "events": [dataclasses.asdict(e) for e in coder.run()]})
    return recs


def _types_moved(res: dict, base: dict) -> str:
    """Per PLOVER type whose predictions moved: gold, predicted and found, rules alone -> setting."""
    out = []
    for t, c in res["per_type"].items():
        b = base["per_type"].get(t, {})
        if (c.get("predicted", 0), c.get("found", 0)) != (b.get("predicted", 0), b.get("found", 0)):
            out.append(f"{t} {c.get('gold', 0)}: pred {b.get('predicted', 0)}→{c.get('predicted', 0)}, "
                       f"found {b.get('found', 0)}→{c.get('found', 0)}")
    return "; ".join(out) or "no type moved"


def rule_families(recs: list[dict], tmp: Path, first_sites: set[str], top: int = 25) -> None:
    """Rule parts (``bench/events_rule_sites.py``) right and wrong on the sites outside the first
    batches' (out of site) beside those sites (in site); parts under precision .3 out of site with
    wrong events on ≥ 3 sites are marked ``off?`` (the bar for switching a family off)."""
    from events_rule_sites import parts, tally
    from events_spurious import census

    rows = census(cv.gold_part(), ax.write_records(recs, tmp / "families.jsonl"))
    site_of = ax.page_sites()
    for r in rows:
        r["site"] = site_of.get(r["page"], "?")
    out_t = tally([r for r in rows if r["site"] not in first_sites])
    in_t = tally([r for r in rows if r["site"] in first_sites])
    right = sum(r["kind"] == "match" for r in rows if r["site"] not in first_sites)
    total = sum(1 for r in rows if r["site"] not in first_sites)
    print(f"rule families (rules alone), out of site: {right}/{total} right "
          f"(P {right / max(total, 1):.3f}); in site: {sum(r['kind'] == 'match' for r in rows) - right}/"
          f"{len(rows) - total}")
    print(f"  {'part':50} out: right (sites) wrong (sites)   P   | in: right wrong")
    order = sorted(out_t, key=lambda k: (out_t[k]["right"][0] - out_t[k]["wrong"][0], k))
    for key in order[:top]:
        o, i = out_t[key], in_t.get(key, {"right": [0, set()], "wrong": [0, set()]})
        n_r, n_w = o["right"][0], o["wrong"][0]
        prec = n_r / max(n_r + n_w, 1)
        flag = "  off?" if prec < 0.3 and len(o["wrong"][1]) >= 3 else ""
        print(f"  {key[:50]:50} {n_r:4} ({len(o['right'][1]):2}) {n_w:4} ({len(o['wrong'][1]):2}) {prec:.3f} | "
              f"{i['right'][0]:4} {i['wrong'][0]:4}{flag}")
        if flag:  # the wrong events' kinds (``bench/events_spurious.py``): actor, none, type, other-gold…
            kinds = Counter(r["kind"] for r in rows if r["site"] not in first_sites and r["kind"] != "match"
                            and key in parts(r["rule"]))
            print("      wrong out of site by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


def shipped_cv(parsed: dict, folds: list[set[str]], names: list[str], seed: int, families_only: bool = False) -> None:
    """The shipped models out of site on every page read: rules alone (no model, no ranker) against the
    rules with each model, fitted per fold on the other folds' sites; per fold, annotation batch and
    PLOVER type; then the rule families out of site."""
    from events_learn import batches, changes, line, scored

    from veille.events import ranker as ranker_module
    from veille.events.model import load_model
    from veille.events.model.actor_fit import fit_ranker
    from veille.events.ranker import load_ranker

    by_fold = cv.fold_pages(parsed, folds)
    by_batch = batches(parsed)
    later = set().union(*(p for b, p in by_batch.items() if b not in FIRST))
    groups = {"all": set(parsed), "later batches": later, **dict(zip(names, by_fold, strict=True)), **by_batch}
    print("batches: " + ", ".join(f"{b} {len(p)}" for b, p in sorted(by_batch.items())))
    sites = ax.page_sites()
    first_sites = {sites.get(p, p) for b in FIRST for p in by_batch.get(b, ())}
    if families_only:
        with cv.temp_dir() as tmp_name:
            rule_families(_code(parsed, {}, {}), Path(tmp_name), first_sites, top=40)
        return
    same = ax.names().Names({}).same
    ranker_module.RECORD_CONTEXT = False
    try:
        rows = ax.examples(parsed, same, cv.gold_part())
    finally:
        ranker_module.RECORD_CONTEXT = True
    print(f"ranker rows: {len(rows)} candidates, {sum(len(g['rows']) for g in rows)} candidate actors")
    _, _, _, smodels = cv.sentence_model_oof(parsed, folds, seed)

    def fold_map(models: list) -> dict:
        return {p: m for m, pages in zip(models, by_fold, strict=True) for p in pages}

    with cv.temp_dir() as tmp_name:
        tmp = Path(tmp_name)
        base_recs = _code(parsed, {}, {})
        base = scored(base_recs, tmp, groups)

        def report(name: str, recs: list[dict]) -> dict:
            res = scored(recs, tmp, groups)
            n, where = changes(base_recs, recs)
            print(f"{name}: {line(res['all'], base['all'])}; {n} events changed on {where} sites")
            print(f"    later batches {line(res['later batches'], base['later batches'])}")
            print("    " + "; ".join(f"{g} {res[g]['events']['f1']:.3f} ({res[g]['events']['f1'] - base[g]['events']['f1']:+.3f})"
                                     for g in [*names, *sorted(by_batch)]))
            print("    per type: " + _types_moved(res["all"], base["all"]))
            return res

        print(f"rules alone: {line(base['all'])}; later {line(base['later batches'])}")
        print("    " + "; ".join(f"{g} {base[g]['events']['f1']:.3f}" for g in [*names, *sorted(by_batch)]))
        print("    per type (gold/predicted/found): " + ", ".join(
            f"{t} {c.get('gold', 0)}/{c.get('predicted', 0)}/{c.get('found', 0)}" for t, c in base["all"]["per_type"].items()))
        shipped_ranker, shipped_model = load_ranker(), load_model()
        report("shipped ranker as shipped (in sample on the pages it was fitted on)",
               _code(parsed, {}, dict.fromkeys(parsed, shipped_ranker)))
        report("shipped sentence model as shipped (in sample on dev+fresh)",
               _code(parsed, dict.fromkeys(parsed, shipped_model), {}))
        best = (base["all"]["events"]["f1"], None, None)
        for l2, ts, tt in RANKER_SETTINGS:
            models = [fit_ranker(*ax.stack([g for g in rows if g["site"] not in held]), seed=seed, l2=l2)
                      for held in folds]
            for m in models:
                m.meta.update(source_threshold=ts, target_threshold=tt, context=False)
            res = report(f"fold ranker l2 {l2} source {ts} target {tt}", _code(parsed, {}, fold_map(models)))
            if res["all"]["events"]["f1"] > best[0] + 1e-9:
                best = (res["all"]["events"]["f1"], (l2, ts, tt), models)
        for drop in DROPS:
            for m in smodels:
                m.meta.update(add_threshold=1.01, drop_threshold=drop)
            report(f"fold sentence model, drop < {drop}", _code(parsed, fold_map(smodels), {}))
        if best[2] is not None:
            for m in smodels:
                m.meta.update(add_threshold=1.01, drop_threshold=DROPS[0])
            report(f"fold ranker {best[1]} + fold sentence model drop < {DROPS[0]}",
                   _code(parsed, fold_map(smodels), fold_map(best[2])))
        rule_families(base_recs, tmp, first_sites)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="keep the parsed pages here between runs (a pickle)")
    ap.add_argument("--only", choices=["sentence", "finder", "tokens", "shipped"],
                    help="one model only; shipped: rules alone against each shipped model fitted per fold, "
                         "per batch and type, and the rule families out of site")
    ap.add_argument("--families", action="store_true",
                    help="only the rule families out of site (the rules alone coded once)")
    ap.add_argument("--probes", action="store_true",
                    help="only the components measured and not shipped: reviewer, unnamed doer")
    ap.add_argument("--held-annotator", default=cv.HELD_ANNOTATOR,
                    help="this annotator's pages form one fold of their own ('' : none)")
    ap.add_argument("--part", choices=["dev", "dev+fresh", "readable"], default="dev",
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
    if args.only == "shipped" or args.families:
        shipped_cv(parsed, folds, names, args.seed, families_only=args.families)
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
