"""The speaker scorer judged out of site: nested cross-validation grouped by site over the dev speaker
gold (the dev part of the real-page gold, and the outside who pages of ``tests/data/extra_who`` when
``/work/extra`` holds them: ``--sets``, each outside page its own site), and the shipped policy (weights, margin, the rules the model overrules) chosen the
same way on every dev site.

    PYTHONPATH=src .venv/bin/python tools/quotes/speaker_cv.py                 # dump, nested CV, report
    PYTHONPATH=src .venv/bin/python tools/quotes/speaker_cv.py --dump F        # reuse a dump (made when absent)
    PYTHONPATH=src .venv/bin/python tools/quotes/speaker_cv.py --dump F --write  # … and ship the policy

What is chosen, inside the training sites only (inner grouped folds): the L2 penalty; which rules
are *weak* (the model's free choice was right more often than the rule's on that rule's firings,
out of fold, by at least ``--weak-gain`` quotes); and the margin (log odds) by which a candidate must
beat a rule that is not weak. The outer folds are sites the choice never saw: their accuracy is the
honest figure (reported with the candidates' recall and how many rule errors were outranked, not
missing). Only dev pages are read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_speakers as fs  # noqa: E402

WEAK_FILE = ROOT / "src" / "veille" / "lexicons" / "quotes" / "weak_rules.tsv"


def kept_strong() -> frozenset[str]:
    """Rules a reviewed decision keeps out of the weak list (group ``strong`` of the weak-rules file), each
    backed by an invented case the CV's gold cannot show; the fit must honour them so its figure is the
    shipped policy's."""
    if not WEAK_FILE.exists():
        return frozenset()
    rows = (line.split("\t") for line in WEAK_FILE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#"))
    return frozenset(r[1].strip() for r in rows if len(r) >= 2 and r[0] == "strong")


STRONG = kept_strong()
L2S = (0.001, 0.003, 0.01, 0.03)
MARGINS = (0.0, 0.5, 1.0, 2.0, 99.0)
SHARES = (0.0, 0.5)


def rule_name(row: dict) -> str:
    return row["rule"].split("+")[0].strip()


def folds_of(sites: list[str], k: int) -> dict[str, int]:
    """Sites dealt round-robin to ``k`` folds in sorted order (deterministic)."""
    return {s: i % k for i, s in enumerate(sorted(sites))}


def rule_at(row: dict) -> int:
    return next((i for i, (_, f) in enumerate(row["cands"]) if any(k.startswith("rule:") for k in f)), -1)


def decide(x: np.ndarray, w: np.ndarray, at: int, margin: float, share: float) -> int:
    """The candidate the policy keeps: the rules' one (``at``; -1 when the rule is weak) unless the best
    scored beats it by ``margin`` log odds and holds ``share`` of the mass."""
    s = x @ w
    best = int(np.argmax(s))
    if at < 0 or best == at:
        return best
    p_best = 1 / np.exp(s - s[best]).sum()
    return best if s[best] - s[at] > margin and p_best >= share else at


def oof(rows: list[dict], mats: list, extra: list, k: int, l2s: tuple[float, ...]) -> dict[float, list]:
    """Out-of-fold weights per row (grouped by site) for each L2: {l2: [w of the fold holding row i]}."""
    fold = folds_of(list({r["site"] for r in rows}), k)
    out: dict[float, list] = {l2: [None] * len(rows) for l2 in l2s}
    width = mats[0][0].shape[1] if mats else 0
    for f in range(k):
        train = [m for m, r in zip(mats, rows, strict=True) if fold[r["site"]] != f] + extra
        test = [i for i, r in enumerate(rows) if fold[r["site"]] == f]
        if not test:
            continue
        for l2 in l2s:
            w = fs.fit(train, width, l2)
            for i in test:
                out[l2][i] = w
    return out


def kept(row: dict, x: np.ndarray, y: np.ndarray, w: np.ndarray, pol: dict, keep=None) -> bool:
    """Whether the policy ``pol`` (weights ``w``) gets ``row`` right; ``keep(row)`` true: the rules' choice
    stands whatever the scores (a policy variant of ``speaker_policies.py``)."""
    if keep is not None and keep(row):
        return bool(row["rule_right"])
    at = -1 if rule_name(row) in pol["weak"] else rule_at(row)
    return bool(y[decide(x, w, at, pol["margin"], pol["share"])])


def choose(rows: list[dict], mats: list, extra: list, k: int, gain: int, keep=None,
           margins: tuple[float, ...] = MARGINS, strong: frozenset[str] = frozenset()) -> dict:
    """The policy chosen by ``k``-fold grouped CV on ``rows``: l2, weak rules, margin, share (``keep``,
    ``margins`` and ``strong``, rules never weak, constrain it: the variants of ``speaker_policies.py``)."""
    ws = oof(rows, mats, extra, k, L2S)
    best: dict | None = None
    for l2 in L2S:
        free = [bool(y[decide(x, ws[l2][i], -1, 0, 0)]) for i, (x, y) in enumerate(mats)]
        # a rule is weak when the model's free choice beats it on its own firings by ``gain`` quotes, and
        # on more sites than it loses to it (a gain on one site is that site's habit, not the rule's fault)
        by_rule: dict[str, list[int]] = {}
        by_site: dict[tuple[str, str], int] = {}
        for i, r in enumerate(rows):
            t = by_rule.setdefault(rule_name(r), [0, 0, 0])
            t[0] += free[i]
            t[1] += bool(r["rule_right"])
            key = (rule_name(r), r["site"])
            by_site[key] = by_site.get(key, 0) + free[i] - bool(r["rule_right"])
        for (n, _), d in by_site.items():
            by_rule[n][2] += (d > 0) - (d < 0)
        weak = frozenset(n for n, (m, rr, sites) in by_rule.items()
                         if m - rr >= gain and sites >= 2 and n not in STRONG | strong)
        for margin in margins:
            for share in SHARES:
                pol = {"weak": weak, "margin": margin, "share": share}
                right = sum(kept(rows[i], x, y, ws[l2][i], pol, keep) for i, (x, y) in enumerate(mats))
                if best is None or right > best["right"]:
                    best = {"l2": l2, "weak": weak, "margin": margin, "share": share, "right": right}
    assert best is not None
    return best


def nested(rows: list[dict], mats: list, extra: list, outer: int, inner: int, gain: int, **variant) -> list[bool]:
    """Outer grouped folds: the policy chosen on the other sites, applied to the held-out ones
    (``variant``: ``choose``'s constraints)."""
    fold = folds_of(list({r["site"] for r in rows}), outer)
    ok = [False] * len(rows)
    width = mats[0][0].shape[1]
    for f in range(outer):
        tr = [i for i, r in enumerate(rows) if fold[r["site"]] != f]
        te = [i for i, r in enumerate(rows) if fold[r["site"]] == f]
        if not te:
            continue
        pol = choose([rows[i] for i in tr], [mats[i] for i in tr], extra, inner, gain, **variant)
        w = fs.fit([mats[i] for i in tr] + extra, width, pol["l2"])
        for i in te:
            x, y = mats[i]
            ok[i] = kept(rows[i], x, y, w, pol, variant.get("keep"))
        print(f"  fold {f}: {len(te):4} quotes  l2 {pol['l2']}  margin {pol['margin']}  share {pol['share']}"
              f"  weak {sorted(pol['weak'])}  right {sum(ok[i] for i in te)}/{len(te)}"
              f"  (rules {sum(bool(rows[i]['rule_right']) for i in te)})")
    return ok


def report(rows: list[dict], ok: list[bool], label: str) -> None:
    srcs = sorted({r.get("src", "corpus") for r in rows})
    groups = [(kind, None) for kind in ("direct", "indirect", None)]
    if len(srcs) > 1:  # each gold set alone too: the old set's figure stays comparable across rounds
        groups += [(None, src) for src in srcs]
    for kind, src in groups:
        sel = [i for i, r in enumerate(rows) if (kind is None or r["kind"] == kind)
               and (src is None or r.get("src", "corpus") == src)]
        by_site: dict[str, list[bool]] = {}
        for i in sel:
            by_site.setdefault(rows[i]["site"], []).append(ok[i])
        macro = sum(sum(v) / len(v) for v in by_site.values()) / max(1, len(by_site))
        print(f"  {label:22} {src or kind or 'all':8} {sum(ok[i] for i in sel):4}/{len(sel):4}"
              f" = {sum(ok[i] for i in sel) / max(1, len(sel)):.3f}  site-macro {macro:.3f}")


def write(rows: list[dict], features: list[str], mats: list, extra: list, pol: dict, cv: float,
          rules_acc: float) -> None:
    w = fs.fit(mats + extra, len(features), pol["l2"])
    outside = sorted({r["src"] for r in rows} - {"corpus"})  # the outside sets whose pages were there
    header = ("# source: fitted by tools/quotes/speaker_cv.py on the dev speaker gold: the dev part of the real-page "
              "gold\n# (tests/data/real_pages/who_dev.jsonl, who_dev_fresh.jsonl)"
              + (f", the outside gold sets {', '.join(outside)} of tests/data/extra_who" if outside else "")
              + ",\n# every site, and the invented cases of "
              f"tests/data/quote_cases.jsonl; conditional logit over each quote's speaker candidates, L2 {pol['l2']} "
              f"chosen by grouped CV by site;\n# nested CV by site (out of site): {cv:.3f} (rules alone {rules_acc:.3f}).\n"
              "# Columns: feature <TAB> weight (features: veille/quotes/candidates.py); __margin__: log odds by "
              "which a candidate\n# must beat the rules' choice to replace it, __min_share__: the share of the "
              "score mass it must hold.\n# Example: org_says_i < 0: in \"L'association Voix libres a reçu Anne Roy. "
              "« J'ai attendu trois mois », a-t-elle dit.\"\n# the first person singular points to Anne Roy, "
              "not to the association.\n")
    fs.WEIGHTS.write_text(header + f"__margin__\t{pol['margin']}\n__min_share__\t{pol['share']}\n"
                          + "".join(f"{f}\t{v:.3f}\n" for f, v in zip(features, w, strict=True) if abs(v) >= 0.0005),
                          encoding="utf-8")
    weak_header = ("# source: chosen by tools/quotes/speaker_cv.py by grouped CV by site on the dev part of the "
                   "real-page gold: speaker rules\n# whose choice the scorer's free choice beat, out of fold, on "
                   "that rule's own firings. Such a rule does not decide alone:\n# the evidence scorer of "
                   "quotes/candidates.py picks among the candidates with no margin kept for the rule's choice.\n"
                   "# Columns: group <TAB> rule name (as recorded in Quote.rule). weak: the scorer decides.\n"
                   "# Example: \"Paul Arnaud a dit non. Claire Dubois, elle, a salué l'accord et souligné que "
                   "« rien n'est joué ».\"\n# (a rule reading a cue the parse left without its subject passes; "
                   "the scorer weighs who the sentence names).\n"
                   "# strong: kept out of the weak list by a reviewed decision, whatever the fit says (the fit honours it).\n")
    WEAK_FILE.write_text(weak_header + "".join(f"weak\t{n}\n" for n in sorted(pol["weak"]))
                         + "".join(f"strong\t{n}\n" for n in sorted(STRONG)), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=Path, help="reuse this candidate dump (else run the pipeline)")
    ap.add_argument("--outer", type=int, default=10)
    ap.add_argument("--inner", type=int, default=5)
    ap.add_argument("--weak-gain", type=int, default=2)
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes to leave out (ablation)")
    ap.add_argument("--nested-figure", type=float, help="skip the nested CV, quoting this earlier figure")
    ap.add_argument("--no-cases", dest="cases", action="store_false", help="leave the invented cases out")
    ap.add_argument("--write", action="store_true", help="write the weights and the weak rules")
    ap.add_argument("--sets", default=",".join(fs.SETS),
                    help=f"gold sets to learn from, comma-separated (default all: {','.join(fs.SETS)})")
    args = ap.parse_args()
    dump = args.dump or Path(tempfile.gettempdir()) / "veille-speaker-cv-dump.jsonl"
    sets = tuple(x for x in args.sets.split(",") if x)
    if args.dump is None or not dump.exists():  # a named dump not made yet is made, then reused
        fs.dump_candidates(dump, sets)
    rows = fs.labelled(dump, sets)
    cases = fs.case_rows() if args.cases else []
    drop = tuple(p for p in args.drop.split(",") if p)
    features = sorted({k for r in rows + cases for _, f in r["cands"] for k in f
                       if not (drop and k.startswith(drop))})
    mats, extra = fs.design(rows, features), fs.design(cases, features)
    wrong = [r for r in rows if not r["rule_right"]]
    print(f"{len(rows)} matched gold quotes on {len({r['site'] for r in rows})} dev sites ({', '.join(sets)}), {len(features)} features")
    print(f"  candidate recall (gold speaker among the candidates): {sum(any(r['labels']) for r in rows) / len(rows):.3f}")
    print(f"  rules wrong {len(wrong)}: right candidate present but outranked {sum(any(r['labels']) for r in wrong)},"
          f" missing {sum(not any(r['labels']) for r in wrong)}")
    report(rows, [bool(r["rule_right"]) for r in rows], "rules alone")
    if args.nested_figure is None:
        ok = nested(rows, mats, extra, args.outer, args.inner, args.weak_gain)
        report(rows, ok, "nested CV (out of site)")
        figure = sum(ok) / len(ok)
    else:
        figure = args.nested_figure  # from an earlier run on the same dump
    if args.write:
        pol = choose(rows, mats, extra, args.outer, args.weak_gain)
        print(f"shipped: l2 {pol['l2']} margin {pol['margin']} share {pol['share']} weak {sorted(pol['weak'])}"
              f" (CV-chosen on every dev site: {pol['right']}/{len(rows)})")
        write(rows, features, mats, extra, pol, figure, sum(r["rule_right"] for r in rows) / len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
