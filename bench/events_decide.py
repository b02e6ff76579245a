"""Which sentences carry an event, and of what type (issue 13): detection and the event reviewer on
the dev gold, out of site.

    .venv/bin/python bench/events_decide.py [--cache /tmp/ev.pkl] [--folds 5] [--no-model] [--write]

Printed: sentence × type precision / recall of the rules alone, the sentence model alone (out of
fold, best type over a threshold), rules + model as production combines them, and rules + the
reviewer (out of fold); per PLOVER type; the rules' false alarms by kind. Then end to end
(``bench/events_real.py`` scoring, body given): rules alone vs rules + reviewer, all pages and per fold
(the last fold is the held-out annotator batch, ``bench/events_cv.py``). ``--write`` fits the
reviewer on every dev page with the setting an inner grouped CV chooses and ships it
(``src/veille/events/model/event_review.*``). Dev only: the test part is never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from tools.real_pages import event_cv as cv  # noqa: E402
from tools.real_pages import event_decide as ed  # noqa: E402
from tools.real_pages.event_probes import Labeller  # noqa: E402


def _line(name: str, res: dict, rules: dict) -> str:
    e, r = res["events"], rules["events"]
    return (f"{name:30} F1 {e['f1']:.3f} (P {e['precision']:.3f} R {e['recall']:.3f}; tp {e['tp']} fp {e['fp']} "
            f"fn {e['fn']}); {e['f1'] - r['f1']:+.3f} vs rules")


def model_types(parsed: dict, folds: list[set[str]], seed: int) -> tuple[dict, dict]:
    """(page, sentence index) -> out-of-fold scores of the sentence model, and the labels."""
    items, labels, oof, _ = cv.sentence_model_oof(parsed, folds, seed)
    return {(it["page"], it["index"]): dict(zip(labels, row, strict=True)) for it, row in zip(items, oof, strict=True)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="keep the parsed pages here between runs (a pickle)")
    ap.add_argument("--no-model", action="store_true", help="skip the sentence model's columns")
    ap.add_argument("--write", action="store_true", help="fit the reviewer on every dev page and ship it")
    args = ap.parse_args()

    from events_real import score_part

    from veille.events.model import load_model
    from veille.model import EVENT_TYPES

    parsed = cv.load_or_parse(args.cache)
    items = cv.sentence_items(parsed)
    folds = cv.site_folds(items, args.folds, cv.held_pages())
    by_fold = cv.fold_pages(parsed, folds)
    lab = Labeller()
    events, rows = ed.code_pages(parsed)
    labels = {p: lab.labels(p, events[p]) for p in events}
    gold_count = ed.gold_counts(lab)
    kept, chosen = ed.review_cv(events, rows, labels, by_fold, gold_count)
    print(f"{len(parsed)} pages, {len(folds)} folds by site; reviewer setting per fold (l2, threshold, inner F1): {chosen}")

    kept_types: dict[tuple[str, int], set[str]] = {}
    for page, evs in kept.items():
        for ev, si in zip(evs, ed.sentence_of(lab, page, evs), strict=True):
            if si is not None:
                kept_types.setdefault((page, si), set()).add(ev.type)
    others = {"reviewed": lambda page, si, rules: kept_types.get((page, si), set())}
    if not args.no_model:
        scores = model_types(parsed, folds, args.seed)
        shipped = load_model()
        add, drop = (shipped.add_threshold, shipped.drop_threshold) if shipped else (0.99, 0.07)

        def best(page: str, si: int, thr: float) -> set[str]:
            s = scores.get((page, si))
            if not s:
                return set()
            t = max(EVENT_TYPES, key=lambda k: s[k])
            return {t} if s[t] >= thr else set()

        others["model p≥.5"] = lambda page, si, rules: best(page, si, 0.5)
        others["model p≥.8"] = lambda page, si, rules: best(page, si, 0.8)

        def combined(page: str, si: int, rules: set[str]) -> set[str]:
            s = scores.get((page, si), {})
            if rules:
                return set() if s.get("ANY", 1.0) < drop else rules
            return best(page, si, add)

        others[f"rules+model (add {add}, drop {drop})"] = combined
    ed.print_detection(ed.detection(events, rows, others, lab))

    with cv.temp_dir() as tmp_name:
        tmp = Path(tmp_name)

        def scored(evs: dict) -> dict:
            path = ed.records(evs, tmp / "pred.jsonl")
            out = score_part("dev", path, set(parsed)).as_dict()
            out["folds"] = [score_part("dev", path, pages).as_dict() for pages in by_fold]
            return out

        rules = scored(events)
        reviewed = scored(kept)
        print("end to end, out of site:")
        print("  " + _line("rules alone", rules, rules))
        print("  " + _line("rules + reviewer", reviewed, rules))
        for k, (fr, fv) in enumerate(zip(rules["folds"], reviewed["folds"], strict=True)):
            print(f"    fold {k + 1}: rules {fr['events']['f1']:.3f} -> reviewer {fv['events']['f1']:.3f} "
                  f"(tp {fr['events']['tp']}->{fv['events']['tp']}, fp {fr['events']['fp']}->{fv['events']['fp']})")
    if args.write:
        from veille.events.review import write_reviewer

        pages = sorted(events)
        l2, thr, f = ed.choose(rows, labels, pages, gold_count)
        vocab, w, b = ed.fit(*ed.training(pages, rows, labels), l2)
        write_reviewer(vocab, w, b, {"version": 1, "l2": l2, "threshold": thr, "inner_f1": round(f, 4),
                                     "pages": len(pages), "events": int(sum(len(v) for v in events.values())),
                                     "folds": "site", "min_count": 3})
        print(f"shipped the reviewer: l2 {l2}, threshold {thr}, inner F1 {f:.3f}, {len(vocab)} features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
