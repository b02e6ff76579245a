"""Which speaker rules may carry the direct-speaker dev–test gap (issue 16): each rule on dev by site, out of
site, and (aggregate counts only) on test.

    .venv/bin/python bench/real_eval.py who --part dev --body --explain --keep DEV
    .venv/bin/python bench/real_eval.py who --part test --body --explain --keep TEST      # once: numbers only
    PYTHONPATH=src .venv/bin/python tools/quotes/rule_suspects.py DEV/who-dev.jsonl --dump F [--test TEST/who-test.jsonl]

Per rule (the rule that fired before the scorer; an overrule ``model>R`` is counted under R), direct quotes:

* dev: matched gold quotes, right, on how many sites right / wrong, and ``top3``: the share of its right
  quotes the three sites it is right most often on hold (a rule right mostly on a few sites is a habit
  of those sites);
* out of site, from the candidate dump (``fit_speakers.dump_candidates``; ``--dump`` reuses one, made
  when absent): the rule alone right; the shipped policy (weights, margin, share, weak rules) in sample
  right and how often it overrules the rule; the same policy with the weights refitted on the other sites
  only (grouped folds): right and overrules; and the scorer's free choice out of fold;
* test (``--test``): matched gold quotes and wrong, and the wrong rate beside dev's. Only rule names and
  counts are printed for the test part: no page, quote, name or site.

A rule is flagged ``SUSPECT`` when its right dev quotes sit on few sites (``top3`` >= .6 over 8 quotes or
more), when the policy out of site overrules it differently from the shipped one (right count apart by 2
or more), or when its test wrong rate is over .2 and three times dev's. Only dev pages are read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_speakers as fs  # noqa: E402
import speaker_cv as cv  # noqa: E402
from rule_sites import shipped_right  # noqa: E402
from speaker_rule_table import matched  # noqa: E402


def base_rule(label: str) -> str:
    return label[len("model>"):] if label.startswith("model>") else label


def by_rule(rows: list[dict]) -> dict[str, dict]:
    """Per base rule: n, right, right sites, wrong sites, the top-3 sites' share of the right quotes."""
    out: dict[str, dict] = {}
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[base_rule(r["rule"])].append(r)
    for rule, rs in groups.items():
        right = Counter(r["site"] for r in rs if r["right"])
        n_right = sum(right.values())
        out[rule] = {"n": len(rs), "right": n_right, "right_sites": len(right),
                     "wrong_sites": len({r["site"] for r in rs if not r["right"]}),
                     "top3": sum(c for _, c in right.most_common(3)) / n_right if n_right else 0.0}
    return out


def out_of_site(dump: Path, l2: float, folds: int) -> dict[str, dict]:
    """Per rule over the dumped direct quotes: rule alone, shipped in sample, shipped policy out of site,
    free scorer out of site (right counts) and the overrules of the two policies."""
    rows = [r for r in fs.labelled(dump, ("corpus",)) if r.get("kind", "direct") == "direct"]
    cases = fs.case_rows()
    features = sorted({k for r in rows + cases for _, f in r["cands"] for k in f})
    mats, extra = fs.design(rows, features), fs.design(cases, features)
    _, margin, share = fs.shipped(features)
    shipped = shipped_right(rows, mats, features)
    w_in, _, _ = fs.shipped(features)
    ws = cv.oof(rows, mats, extra, folds, (l2,))[l2]
    out: dict[str, dict] = defaultdict(lambda: dict.fromkeys(
        ("n", "alone", "in", "in_over", "oos", "oos_over", "free"), 0))
    for i, ((x, y), row) in enumerate(zip(mats, rows, strict=True)):
        t = out[cv.rule_name(row)]
        t["n"] += 1
        t["alone"] += bool(row["rule_right"])
        t["in"] += shipped[i]
        at = -1 if fs.is_weak(row["rule"]) else cv.rule_at(row)
        if len(row["cands"]) < 2:
            t["oos"] += bool(row["rule_right"])
            t["free"] += bool(row["rule_right"])
            continue
        t["in_over"] += fs.pick(x, w_in, fs.rule_index(row), 0.0 if fs.is_weak(row["rule"]) else margin) != cv.rule_at(row)
        k = cv.decide(x, ws[i], at, margin, share)
        t["oos"] += bool(y[k])
        t["oos_over"] += k != cv.rule_at(row)
        t["free"] += bool(y[cv.decide(x, ws[i], -1, 0, 0)])
    total = {k: sum(t[k] for t in out.values()) for k in ("n", "alone", "in", "oos", "free")}
    print(f"out of site: {total['n']} dumped direct quotes; right: rules alone {total['alone']}, shipped in sample "
          f"{total['in']}, shipped policy with out-of-site weights {total['oos']}, free scorer out of site "
          f"{total['free']}")
    return dict(out)


def suspect(dev: dict, oos: dict | None, test: dict | None) -> list[str]:
    why = []
    if dev["n"] >= 8 and dev["top3"] >= 0.6:
        why.append("few-sites")
    if oos is not None and abs(oos["in"] - oos["oos"]) >= 2:
        why.append("overruled-out-of-site")
    if test is not None and test["n"]:
        dev_rate = 1 - dev["right"] / dev["n"]
        test_rate = 1 - test["right"] / test["n"]
        if test_rate > 0.2 and test_rate >= 3 * max(dev_rate, 0.01):
            why.append("test")
    return why


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", type=Path, help="who-dev.jsonl kept by real_eval.py --explain --keep")
    ap.add_argument("--dump", type=Path, help="candidate dump of the dev pages (made when absent)")
    ap.add_argument("--test", type=Path, help="who-test.jsonl kept the same way: aggregate counts only")
    ap.add_argument("--l2", type=float, default=0.003)
    ap.add_argument("--folds", type=int, default=10)
    args = ap.parse_args()
    dev = by_rule([r for r in matched(args.dev, "dev") if r["kind"] == "direct"])
    test = by_rule([r for r in matched(args.test, "test") if r["kind"] == "direct"]) if args.test else {}
    dump = args.dump or Path(tempfile.mkdtemp()) / "dump.jsonl"
    if not dump.exists():
        fs.dump_candidates(dump, ("corpus",))
    oos = out_of_site(dump, args.l2, args.folds)
    print(f"{'rule':28} {'n':>4} {'ok':>4} {'sites+':>6} {'sites-':>6} {'top3':>5} | {'alone':>5} {'in':>4}"
          f" {'over':>4} {'oos':>4} {'over':>4} {'free':>4} | {'test n':>6} {'wrong':>5} {'rate':>5} {'dev':>5}")
    for rule, d in sorted(dev.items(), key=lambda kv: -kv[1]["n"]):
        o, t = oos.get(rule), test.get(rule)
        ocol = (f"{o['alone']:5} {o['in']:4} {o['in_over']:4} {o['oos']:4} {o['oos_over']:4} {o['free']:4}" if o
                else " " * 30)
        tcol = (f"{t['n']:6} {t['n'] - t['right']:5} {1 - t['right'] / t['n']:5.3f}" if t else " " * 18)
        flag = suspect(d, o, t)
        print(f"{rule[:28]:28} {d['n']:4} {d['right']:4} {d['right_sites']:6} {d['wrong_sites']:6} {d['top3']:5.2f} | "
              f"{ocol} | {tcol} {1 - d['right'] / d['n']:5.3f}{'  SUSPECT ' + ','.join(flag) if flag else ''}")
    for rule in sorted(set(test) - set(dev)):
        t = test[rule]
        print(f"{rule[:28]:28} (not on dev) | test {t['n']} matched, {t['n'] - t['right']} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
