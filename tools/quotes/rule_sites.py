"""Each speaker rule judged out of site: on how many distinct dev sites it decides right and wrong.

    PYTHONPATH=src .venv/bin/python tools/quotes/rule_sites.py                # dump the dev gold, then report
    PYTHONPATH=src .venv/bin/python tools/quotes/rule_sites.py --dump F       # reuse a candidate dump

For every rule (as recorded in ``Quote.rule``), over the dev speaker gold of ``fit_speakers.gold_sets``
(corpus dev part, the outside who pages, the speakers-only dev gold; each outside page its own site):

* rules alone: quotes and distinct sites where the rule's own choice is right / wrong;
* shipped: the same after the evidence scorer (the shipped weights, margin and weak rules of
  ``lexicons/quotes``): in-sample for the scorer, which was fitted on these sites;
* free out of fold: the scorer's free choice with weights fitted on the other sites only (grouped
  folds), and on how many sites it beats the rule or loses to it.

A rule right on one or two sites and wrong on more is what makes a dev/test gap: it is flagged
``FITS-DEV`` (demote it, or remove it when the scorer does no worse on its firings). Only dev pages are
read; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_speakers as fs  # noqa: E402
import speaker_cv as cv  # noqa: E402


def shipped_right(rows: list[dict], mats: list, features: list[str]) -> list[bool]:
    """Whether the shipped policy (rules, then the scorer with its margin) is right on each row."""
    w, margin, share = fs.shipped(features)
    fs.MIN_SHARE[0] = share
    out = []
    for (x, y), row in zip(mats, rows, strict=True):
        if len(row["cands"]) < 2:
            out.append(bool(row["rule_right"]))
            continue
        out.append(bool(y[fs.pick(x, w, fs.rule_index(row), 0.0 if fs.is_weak(row["rule"]) else margin)]))
    return out


def free_right(rows: list[dict], mats: list, extra: list, l2: float, folds: int) -> list[bool]:
    """Whether the scorer's free choice, fitted on the other sites' folds, is right on each row."""
    ws = cv.oof(rows, mats, extra, folds, (l2,))[l2]
    return [bool(y[cv.decide(x, ws[i], -1, 0, 0)]) for i, (x, y) in enumerate(mats)]


def table(rows: list[dict], shipped: list[bool], free: list[bool]) -> list[tuple]:
    by: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for row, ok, fr in zip(rows, shipped, free, strict=True):
        t = by[cv.rule_name(row)][row["site"]]
        t[0] += 1
        t[1] += bool(row["rule_right"])
        t[2] += ok
        t[3] += fr
    out = []
    for name, sites in by.items():
        n = sum(v[0] for v in sites.values())
        rr = sum(v[1] for v in sites.values())
        out.append((name, n, rr, len([s for s in sites.values() if s[1]]), n - rr,
                    len([s for s in sites.values() if s[1] < s[0]]),
                    sum(v[2] for v in sites.values()), len([s for s in sites.values() if s[2] < s[0]]),
                    sum(v[3] for v in sites.values()), sum(v[1] > v[3] for v in sites.values()),
                    sum(v[3] > v[1] for v in sites.values())))
    return sorted(out, key=lambda r: -r[1])


def fits_dev(right_sites: int, wrong_sites: int) -> bool:
    """A rule right on one or two sites only and wrong on more sites than that: a habit of the dev sites."""
    return right_sites <= 2 and wrong_sites > right_sites


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=Path, help="reuse this candidate dump (else run the pipeline)")
    ap.add_argument("--l2", type=float, default=0.003, help="L2 of the out-of-fold free scorer")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--sets", default=",".join(fs.SETS))
    args = ap.parse_args()
    sets = tuple(x for x in args.sets.split(",") if x)
    dump = args.dump
    if dump is None:
        dump = Path(tempfile.mkdtemp()) / "rule-sites-dump.jsonl"
        fs.dump_candidates(dump, sets)
    rows = fs.labelled(dump, sets)
    cases = fs.case_rows()
    features = sorted({k for r in rows + cases for _, f in r["cands"] for k in f})
    mats, extra = fs.design(rows, features), fs.design(cases, features)
    shipped = shipped_right(rows, mats, features)
    free = free_right(rows, mats, extra, args.l2, args.folds)
    print(f"{len(rows)} matched gold quotes on {len({r['site'] for r in rows})} dev sites: rules alone "
          f"{sum(bool(r['rule_right']) for r in rows) / len(rows):.3f}, shipped {sum(shipped) / len(rows):.3f}"
          f" (scorer in sample), free scorer out of fold {sum(free) / len(rows):.3f}")
    print(f"{'rule':30} {'n':>4} | {'right q/sites':>13} {'wrong q/sites':>13} | {'shipped ok':>10} {'wrong sites':>11}"
          f" | {'free ok':>7} {'rule>free':>9} {'free>rule':>9}")
    for name, n, rr, rs, rw, ws_, sok, sws, fok, rb, fb in table(rows, shipped, free):
        flag = "  FITS-DEV" if fits_dev(rs, ws_) else ""
        print(f"{name:30} {n:4} | {rr:6}/{rs:<6} {rw:6}/{ws_:<6} | {sok:10} {sws:11} | {fok:7} {rb:9} {fb:9}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
