"""The sentence-type model's further uses, out of site (issue 13): proposals beside rule candidates
of other types, type corrections of rule events, proposals where the rules found nothing.

    .venv/bin/python bench/events_learn.py [--cache FILE] [--folds 5] [--seed 13] [--part dev+fresh]
                                           [--audit NAME]

The model is fitted per fold on every annotated sentence of the other folds (sites dealt into folds,
the helper-evheld batch a fold of its own, as ``bench/events_cv.py``); each page is coded with its
fold's model, end to end (``bench/events_real.py`` scoring, body given). Printed per setting: F1, P, R,
type and mode accuracy against the rules alone (the model off), per fold and per annotation batch
(the later batches, annotated after the rules were written, are the honest dev figure), and how many
events it changed on how many sites. ``--audit NAME``: every sentence whose events the setting
changes, with its gold (page:line, types and actors: no text of the page).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from tools.real_pages import actor_examples as ax  # noqa: E402
from tools.real_pages import event_cv as cv  # noqa: E402

# name -> the fold model's thresholds (the rest of its metadata as training writes it)
SETTINGS: dict[str, dict[str, float]] = {
    "retrained, no new use": {},
    "add ≥ .4": {"add_threshold": 0.4},
    "add ≥ .5": {"add_threshold": 0.5},
    "add ≥ .6": {"add_threshold": 0.6},
    "add ≥ .8": {"add_threshold": 0.8},
    "add ≥ .4, beside ≥ .4": {"add_threshold": 0.4, "beside_threshold": 0.4},
    "beside ≥ .4": {"beside_threshold": 0.4},
    "beside ≥ .5": {"beside_threshold": 0.5},
    "beside ≥ .6": {"beside_threshold": 0.6},
    "beside ≥ .7": {"beside_threshold": 0.7},
    "beside ≥ .8": {"beside_threshold": 0.8},
    "retype ≥ .4 floor .1": {"retype_threshold": 0.4, "retype_floor": 0.1},
    "retype ≥ .5 floor .1": {"retype_threshold": 0.5, "retype_floor": 0.1},
    "retype ≥ .6 floor .1": {"retype_threshold": 0.6, "retype_floor": 0.1},
    "retype ≥ .7 floor .1": {"retype_threshold": 0.7, "retype_floor": 0.1},
    "retype ≥ .6 floor .05": {"retype_threshold": 0.6, "retype_floor": 0.05},
    "retype ≥ .8 floor .2": {"retype_threshold": 0.8, "retype_floor": 0.2},
}
NEUTRAL = {"add_threshold": 0.99, "beside_threshold": 0.99, "retype_threshold": 0.99, "drop_threshold": 0.0}


def batches(parsed: dict) -> dict[str, set[str]]:
    """Annotator -> its pages (the fresh file's pages under their own annotator)."""
    return ax.batch_pages(parsed, cv.gold_part())


def code_pages(parsed: dict, model_of_page: dict) -> list[dict]:
    from veille.events.coder import Coder

    recs = []
    for page, (lex, kb, article, doc) in sorted(parsed.items()):
        doc.user_data.clear()
        coder = Coder(lex, article, doc, kb=kb, explain=True)
        coder.model = model_of_page.get(page)
        coder.finder = None
        recs.append({"source": {"path": f"{page}.json"}, "events": [dataclasses.asdict(e) for e in coder.run()]})
    return recs


def scored(recs: list[dict], tmp: Path, groups: dict[str, set[str]]) -> dict[str, dict]:
    from events_real import score_part

    path = ax.write_records(recs, tmp / "pred.jsonl")
    return {name: score_part(cv.gold_part(), path, pages).as_dict() for name, pages in groups.items()}


def line(res: dict, base: dict | None = None) -> str:
    e = res["events"]
    ta, ma = res["type_acc"], res["mode_acc"]
    out = (f"F1 {e['f1']:.3f} (P {e['precision']:.3f} R {e['recall']:.3f}; tp {e['tp']} fp {e['fp']}); "
           f"type {ta[0] or 0:.3f} mode {ma[0] or 0:.3f}")
    if base is not None:
        out += f"; {e['f1'] - base['events']['f1']:+.3f}"
    return out


def changes(base: list[dict], new: list[dict]) -> tuple[int, int]:
    """(events changed, sites) between two codings of the same pages."""
    sites = ax.page_sites()
    n, where = 0, set()
    for a, b in zip(base, new, strict=True):
        key = lambda e: (e["type"], e["source"], e["target"], e["start"], e["mode"])  # noqa: E731
        diff = (Counter(map(key, a["events"])) - Counter(map(key, b["events"]))) + \
            (Counter(map(key, b["events"])) - Counter(map(key, a["events"])))
        if diff:
            n += sum(diff.values())
            where.add(sites.get(Path(a["source"]["path"]).stem))
    return n, len(where)


def audit(base: list[dict], new: list[dict]) -> None:
    """Each sentence whose events changed: gold, before, after (types, actors, trigger, rule)."""
    from events_real import Scores, _scorer, events_by_sentence, gold_sentences, score_sentence

    scorer = _scorer()
    names = scorer.Names({})
    gold = gold_sentences(cv.gold_part())
    sites = ax.page_sites()
    tally = Counter()
    for a, b in zip(base, new, strict=True):
        page = Path(a["source"]["path"]).stem
        sents = gold.get(page, [])
        before = events_by_sentence(a["events"], sents, scorer.tokens)
        after = events_by_sentence(b["events"], sents, scorer.tokens)
        for i, s in enumerate(sents):
            show = lambda evs: sorted(f"{e['type']} {e['source']}→{e['target']} [{e['mode']}] «{e['trigger']}» "  # noqa: E731
                                      f"{e.get('rule') or ''}" for e in evs)
            if show(before.get(i, [])) == show(after.get(i, [])):
                continue
            s0, s1 = Scores(), Scores()
            score_sentence(s, before.get(i, []), names, s0, page)
            score_sentence(s, after.get(i, []), names, s1, page)
            tally["tp"] += s1.tp - s0.tp
            tally["fp"] += s1.fp - s0.fp
            print(f"{page}:{s['start'][0]} ({sites.get(page)}) tp {s1.tp - s0.tp:+d} fp {s1.fp - s0.fp:+d}")
            print("   gold: " + ("; ".join(f"{g['type']} {g['source']}→{g['target']} [{g.get('mode')}]"
                                           for g in s["events"]) or "-"))
            for tag, evs in (("before", before.get(i, [])), ("after", after.get(i, []))):
                for text in show(evs):
                    print(f"   {tag}: {text}")
    print(f"audit: tp {tally['tp']:+d}, fp {tally['fp']:+d}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="parsed pages kept between runs (``bench/events_cv.py --cache``)")
    ap.add_argument("--part", choices=["dev", "dev+fresh"], default="dev+fresh")
    ap.add_argument("--only", help="settings whose name holds one of these words (comma-separated)")
    ap.add_argument("--audit", help="the setting whose changed sentences to print")
    args = ap.parse_args()
    cv.use_part(args.part)

    from veille.events.model import ANY, features, fit
    from veille.model import EVENT_TYPES

    parsed = cv.load_or_parse(args.cache)
    items = cv.sentence_items(parsed)
    folds = cv.site_folds(items, args.folds, cv.held_pages())
    width = int(parsed[next(iter(parsed))][3].vocab.vectors_length)
    rows = np.stack([features(it["span"], width) for it in items]).astype(np.float64)
    labels = [*EVENT_TYPES, ANY]
    oof, models = cv.oof_scores(items, rows, labels, folds, lambda x, y: fit(x, y, labels, width, seed=args.seed),
                                lambda m, x: 1.0 / (1.0 + np.exp(-(x @ m.weights + m.bias))))
    print(f"{len(parsed)} pages, {len(items)} sentences, {len(folds)} folds by site")
    for thr in (0.5, 0.6, 0.7, 0.8, 0.9):
        p, r, n = cv.summary(cv.per_type_table(items, cv.best_guesses(oof, labels, thr)))
        print(f"  best type p ≥ {thr:.1f}: precision {p:.3f} recall {r:.3f} ({n} sentences)")
    groups = {"all": set(parsed), **{f"fold {k + 1}": pages for k, pages in enumerate(cv.fold_pages(parsed, folds))},
              **batches(parsed)}
    later = {"helper-evheld", "helper-evheld2", "helper-evheld3", "helper-annotev"}
    groups["later batches"] = set().union(*(groups[b] for b in later if b in groups))
    by_fold = cv.fold_pages(parsed, folds)
    with cv.temp_dir() as tmp_name:
        tmp = Path(tmp_name)
        base_recs = code_pages(parsed, {})
        base = scored(base_recs, tmp, groups)
        print(f"rules alone: {line(base['all'])}; later batches {line(base['later batches'])}")
        wanted = [w.strip() for w in (args.only or "").split(",") if w.strip()]
        for name, meta in SETTINGS.items():
            if wanted and not any(w in name for w in wanted) and name != args.audit:
                continue
            of_page = {}
            for pages, model in zip(by_fold, models, strict=True):
                model.meta.clear()
                model.meta.update({**NEUTRAL, **meta})
                of_page.update(dict.fromkeys(pages, model))
            recs = code_pages(parsed, of_page)
            res = scored(recs, tmp, groups)
            n, sites = changes(base_recs, recs)
            print(f"{name:26} {line(res['all'], base['all'])}; {n} events changed on {sites} sites")
            print(f"    later batches {line(res['later batches'], base['later batches'])}")
            print("    " + "; ".join(f"{g} {res[g]['events']['f1']:.3f} ({res[g]['events']['f1'] - base[g]['events']['f1']:+.3f})"
                                     for g in groups if g not in ("all", "later batches")))
            if name == args.audit:
                audit(base_recs, recs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
