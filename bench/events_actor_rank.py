"""The actor ranker retrained on every dev batch, judged out of fold by site and by annotation batch
(issue 13).

    .venv/bin/python bench/events_actor_rank.py [--cache FILE] [--folds 5] [--seed 13]
                                                [--only WORDS] [--audit NAME] [--pick-by site|batch]

Body given, dev + fresh gold (never fresh2 nor fresh3: held out). The pages are parsed once (``--cache``
as ``bench/events_cv.py``); the ranker's rows are those ``veille train actors`` fits on
(``tools/real_pages/actor_examples``). Two fold schemes, each page coded by a model that never saw its
site: ``site`` (sites dealt into ``--folds`` folds, as the trainer's CV) and ``batch`` (one fold per
annotation batch, its sites kept out of the training rows too: the question the later batches ask of
a ranker fitted on the first ones). Printed per setting (regularisation, source and target
thresholds): F1, P, R, type and mode accuracy against the rules alone and the shipped ranker, per
batch and for the later batches (annotated after the rules were written), and how many events
changed on how many sites. ``--audit NAME``: every sentence whose events that setting (batch folds)
changes against the shipped ranker, with its gold (page:line, types and actors: no page text).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events_learn import audit, batches, changes, line, scored  # noqa: E402
from tools.real_pages import actor_examples as ax  # noqa: E402
from tools.real_pages import event_cv as cv  # noqa: E402

LATER = ("helper-evheld", "helper-evheld2", "helper-evheld3", "helper-annotev")
L2S = (1e-3, 1e-2)
# (source, target) thresholds; above 1 the role stays the rules'
THRESHOLDS = ((1.1, 0.3), (1.1, 0.4), (1.1, 0.5), (0.5, 1.1), (0.7, 1.1), (0.6, 0.4))


def fold_models(groups: list[dict], held: list[set[str]], l2: float, seed: int) -> list:
    from veille.events.model.actor_fit import fit_ranker

    return [fit_ranker(*ax.stack([g for g in groups if g["site"] not in sites]), seed=seed, l2=l2) for sites in held]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="parsed pages kept between runs (``bench/events_cv.py --cache``)")
    ap.add_argument("--only", help="settings whose name holds one of these words (comma-separated)")
    ap.add_argument("--audit", help="the setting whose changed sentences to print (batch folds)")
    args = ap.parse_args()
    cv.use_part("dev+fresh")

    from veille.events import ranker as ranker_module
    from veille.events.ranker import load_ranker

    parsed = cv.load_or_parse(args.cache)
    same = ax.names().Names({}).same
    with_context = {}
    for context in (False, True):  # the rows without and with the context candidates (topic, paragraph)
        ranker_module.RECORD_CONTEXT = context
        with_context[context] = ax.examples(parsed, same, cv.gold_part())
    rows = with_context[False]
    sites = ax.page_sites()
    by_batch = batches(parsed)
    groups = {"all": set(parsed), **by_batch}
    groups["later batches"] = set().union(*(by_batch[b] for b in LATER if b in by_batch))
    site_folds = ax.folds(rows, args.folds)
    batch_sites = [{sites.get(p, p) for p in pages} for pages in by_batch.values()]
    schemes = {"site": (site_folds, [{p for p in parsed if sites.get(p, p) in f} for f in site_folds]),
               "batch": (batch_sites, list(by_batch.values()))}
    print(f"{len(parsed)} pages, {len(rows)} candidates, {sum(len(g['rows']) for g in rows)} candidate actors; "
          f"batches: " + ", ".join(f"{b} {len(p)}" for b, p in by_batch.items()))
    wanted = [w.strip() for w in (args.only or "").split(",") if w.strip()]
    with cv.temp_dir() as tmp_name:
        tmp = Path(tmp_name)
        none_recs = ax.records(parsed, {})
        shipped = load_ranker()
        ship_recs = ax.records(parsed, dict.fromkeys(parsed, shipped))
        base, ship = scored(none_recs, tmp, groups), scored(ship_recs, tmp, groups)
        print(f"rules alone: {line(base['all'])}; later {line(base['later batches'])}")
        print(f"shipped ranker: {line(ship['all'], base['all'])}; later {line(ship['later batches'], base['later batches'])}")
        print("    " + "; ".join(f"{g} {ship[g]['events']['f1']:.3f}" for g in by_batch))
        for context, l2 in ((c, l2) for c in (False, True) for l2 in L2S):
            names = [f"{'context ' if context else ''}l2 {l2} source {ts} target {tt}" for ts, tt in THRESHOLDS]
            if wanted and not any(w in name for w in wanted for name in names) and args.audit not in names:
                continue
            models = {s: fold_models(with_context[context], held, l2, args.seed) for s, (held, _) in schemes.items()}
            for name, (ts, tt) in zip(names, THRESHOLDS, strict=True):
                if wanted and not any(w in name for w in wanted) and name != args.audit:
                    continue
                for scheme, (_, pages) in schemes.items():
                    of_page = {}
                    for model, fold in zip(models[scheme], pages, strict=True):
                        model.meta.update(source_threshold=ts, target_threshold=tt, context=context)
                        of_page.update(dict.fromkeys(fold, model))
                    recs = ax.records(parsed, of_page)
                    res = scored(recs, tmp, groups)
                    n, where = changes(ship_recs, recs)
                    print(f"{name} [{scheme} folds]: {line(res['all'], ship['all'])} vs shipped; "
                          f"{n} events changed on {where} sites")
                    print(f"    later batches {line(res['later batches'], ship['later batches'])}")
                    print("    " + "; ".join(f"{g} {res[g]['events']['f1']:.3f} ({res[g]['events']['f1'] - ship[g]['events']['f1']:+.3f})"
                                             for g in by_batch))
                    if name == args.audit and scheme == "batch":
                        audit(ship_recs, recs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
