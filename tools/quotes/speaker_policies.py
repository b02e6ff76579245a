"""Policies for when the speaker scorer may overrule the rules, judged out of site: each variant's policy is
chosen inside the training sites (``speaker_cv.choose``, under the variant's constraint) and applied to
unseen sites (outer folds grouped by site), with the per-fold spread and the paired per-fold difference
to the unconstrained policy (the noise a variant must beat to ship).

    PYTHONPATH=src .venv/bin/python tools/quotes/speaker_policies.py --dump F   # F made when absent

Variants: ``rules`` (no override), ``shipped`` (the shipped weights, margin and weak rules as they are:
in sample on the pages they were fitted on, so optimistic), ``refit`` (speaker_cv's policy, refitted in
each fold), ``keep_nobody`` (never overrule a rule that chose nobody), ``keep_nobody_nocue`` (… when the
quote has no speech verb subject), ``keep_last`` (never overrule ``recent_last_speaker``), ``keep_both``,
``margin2`` (a margin of 2 log odds at least), ``margin3``.
Round 23 (speakers16), 1090 quotes on 108 dev sites (corpus dev only: the outside pages are gone), direct
quotes: rules .882, refit .886, keep_nobody .889, keep_nobody_nocue .888, keep_last .881, keep_both .882,
margin2 .885, margin3 .885; fold-to-fold spread about ±.04, paired difference to refit within ±.005 (sd
about .02 for keep_nobody): none beats the noise, so none ships. Only dev pages are read.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_speakers as fs  # noqa: E402
import speaker_cv as sc  # noqa: E402

_FITS: dict = {}
_fit = fs.fit


def _cached_fit(mats: list, width: int, l2: float):
    """The variants share their folds: each (training set, L2) is fitted once (the fit is deterministic)."""
    key = (tuple(id(x) for x, _ in mats), width, l2)
    if key not in _FITS:
        _FITS[key] = _fit(mats, width, l2)
    return _FITS[key]


fs.fit = _cached_fit
LAST = "recent_last_speaker"
VARIANTS = {
    "refit": {},
    "keep_nobody": {"keep": lambda r: r["speaker"] is None},
    "keep_nobody_nocue": {"keep": lambda r: r["speaker"] is None and r.get("subject") is None},
    "keep_last": {"keep": lambda r: sc.rule_name(r) == LAST, "strong": frozenset({LAST})},
    "keep_both": {"keep": lambda r: r["speaker"] is None or sc.rule_name(r) == LAST, "strong": frozenset({LAST})},
    "margin2": {"margins": (2.0, 3.0, 99.0)},
    "margin3": {"margins": (3.0, 99.0)},
}


def shipped_right(rows: list[dict], mats: list, features: list[str]) -> list[bool]:
    w, margin, share = fs.shipped(features)
    weak = frozenset(line.split("\t")[1] for line in sc.WEAK_FILE.read_text(encoding="utf-8").splitlines()
                     if line.startswith("weak\t"))
    pol = {"weak": weak, "margin": margin, "share": share}
    return [sc.kept(r, x, y, w, pol) for r, (x, y) in zip(rows, mats, strict=True)]


def table(rows: list[dict], results: dict[str, list[bool]], outer: int) -> None:
    fold = sc.folds_of(list({r["site"] for r in rows}), outer)
    base = results["refit"]
    for kind in ("direct", "indirect", None):
        sel = [i for i, r in enumerate(rows) if kind is None or r["kind"] == kind]
        print(f"\n{kind or 'all'} ({len(sel)} quotes): accuracy, per-fold mean ± sd, paired per-fold difference "
              "to refit (mean, sd, folds better/worse)")
        for name, ok in results.items():
            per, diff = [], []
            for f in range(outer):
                idx = [i for i in sel if fold[rows[i]["site"]] == f]
                if idx:
                    per.append(sum(ok[i] for i in idx) / len(idx))
                    diff.append(per[-1] - sum(base[i] for i in idx) / len(idx))
            print(f"  {name:18} {sum(ok[i] for i in sel) / len(sel):.3f}  {statistics.mean(per):.3f} ± "
                  f"{statistics.pstdev(per):.3f}  {statistics.mean(diff):+.4f} sd {statistics.pstdev(diff):.4f}"
                  f"  +{sum(d > 0 for d in diff)}/-{sum(d < 0 for d in diff)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=Path, default=Path(tempfile.gettempdir()) / "veille-speaker-cv-dump.jsonl")
    ap.add_argument("--outer", type=int, default=10)
    ap.add_argument("--inner", type=int, default=5)
    ap.add_argument("--weak-gain", type=int, default=2)
    ap.add_argument("--sets", default=",".join(fs.SETS))
    args = ap.parse_args()
    sets = tuple(x for x in args.sets.split(",") if x)
    if not args.dump.exists():
        fs.dump_candidates(args.dump, sets)
    rows, cases = fs.labelled(args.dump, sets), fs.case_rows()
    features = sorted({k for r in rows + cases for _, f in r["cands"] for k in f})
    mats, extra = fs.design(rows, features), fs.design(cases, features)
    print(f"{len(rows)} quotes on {len({r['site'] for r in rows})} dev sites")
    results = {"rules": [bool(r["rule_right"]) for r in rows], "shipped": shipped_right(rows, mats, features)}
    for name, variant in VARIANTS.items():
        print(f"{name}:")
        results[name] = sc.nested(rows, mats, extra, args.outer, args.inner, args.weak_gain, **variant)
    table(rows, results, args.outer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
