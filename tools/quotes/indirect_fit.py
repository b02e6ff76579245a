"""How much of the dev indirect score is fitted to dev sites: each cue lemma and each clause form judged by
the distinct dev sites where it found a right indirect quote and a wrong one, and a site-grouped
cross-validation of the rule "a cue row earns its place on three sites".

    PYTHONPATH=src .venv/bin/python bench/real_eval.py who --part dev --body --explain --keep DIR
    PYTHONPATH=src .venv/bin/python tools/quotes/indirect_fit.py DIR [--min-sites 3]

Reads the rows of ``indirect_cues.rows`` (dev material only). Three figures, each as indirect F1 and
speaker accuracy recomputed from the rows (the scorer's counts: a right quote is a true positive, a
wrong one a false positive, a missed one a false negative):

* shipped: every row as it fires;
* narrow off: the cue lemmas (and clause forms) that found right quotes on fewer than ``--min-sites``
  dev sites switched off everywhere (their right quotes become misses, their wrong ones go);
* grouped CV: each dev site held out in turn, a cue lemma kept for it only when it found right quotes
  on ``--min-sites`` of the *other* sites; the held-out site's quotes of the other lemmas are
  switched off. What the shipped figure loses here is the part fitted to single sites.

The clause form is read from the text before the quote: "que" (the clause after "que"), else the
clause before an inverted cue or a "comme l'a dit X" report (``before``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import indirect_cues as ic  # noqa: E402

QUE_END = re.compile(r"\bqu(?:e|'|’)\s*$", re.IGNORECASE)


def clause_form(row: dict) -> str:
    """"que" when the quote follows a "que", else "before" (the clause before its cue)."""
    return "que" if QUE_END.search(row.get("context", "")) else "before"


def scores(rows: list[dict], off: set[tuple[str, str]] | None = None) -> tuple[float, float, int, int]:
    """(indirect F1, speaker accuracy, right, wrong) with the rows whose (site, cue) is in ``off`` removed."""
    off = off or set()
    tp = fp = fn = sp = 0
    for r in rows:
        v = r["verdict"]
        gone = (r["site"], r["cue"]) in off or (r["site"], "form:" + r.get("form", "")) in off
        if v == "right":
            if gone:
                fn += 1
            else:
                tp += 1
                sp += bool(r["speaker_ok"])
        elif v in ("wrong", "wrong-direct"):
            fp += 0 if gone else 1
        elif v == "missed":
            fn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return f1, (sp / tp if tp else 0.0), tp, fp


def table(rows: list[dict], key: str) -> dict[str, dict[str, set]]:
    by: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        v = "wrong" if r["verdict"] == "wrong-direct" else r["verdict"]
        by[r[key]][v].add(r["site"])
        by[r[key]]["n_" + v].add((r["page"], r["text"][:60]))
    return by


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", type=Path)
    ap.add_argument("--min-sites", type=int, default=3)
    args = ap.parse_args()
    rows = [r for r in ic.rows(args.keep) if not r["verdict"].startswith("speaker")]
    for r in rows:
        r["form"] = clause_form(r) if r["verdict"] != "missed" else "-"
    k = args.min_sites
    for key in ("cue", "form"):
        by = table(rows, key)
        print(f"\n{key:<16}{'right':>6}{'sites':>6}{'wrong':>6}{'sites':>6}{'opt':>5}  flag")
        for name in sorted(by, key=lambda c: -len(by[c]["n_right"]) - len(by[c]["n_wrong"])):
            v = by[name]
            if not v["n_right"] and not v["n_wrong"] and not v["n_optional"]:
                continue
            flag = "NARROW" if 0 < len(v["right"]) < k else ""
            if len(v["wrong"]) >= max(1, len(v["right"])):
                flag += " WRONG>=RIGHT"
            print(f"{name:<16}{len(v['n_right']):>6}{len(v['right']):>6}{len(v['n_wrong']):>6}"
                  f"{len(v['wrong']):>6}{len(v['n_optional']):>5}  {flag}")
    sites = {r["site"] for r in rows}
    f1, sp, tp, fp = scores(rows)
    print(f"\nshipped            indirect F1 {f1:.3f}  speaker {sp:.3f}  (right {tp}, wrong {fp}; {len(sites)} sites)")
    by_cue = table(rows, "cue")
    narrow = {c for c, v in by_cue.items() if len(v["right"]) < k}
    off = {(s, c) for s in sites for c in narrow}
    f1, sp, tp, fp = scores(rows, off)
    print(f"narrow off         indirect F1 {f1:.3f}  speaker {sp:.3f}  (right {tp}, wrong {fp}; "
          f"{len(narrow)} cue lemmas off)")
    cv_off = set()
    for s in sites:
        for c, v in by_cue.items():
            if len(v["right"] - {s}) < k:
                cv_off.add((s, c))
    f1, sp, tp, fp = scores(rows, cv_off)
    print(f"grouped CV (site)  indirect F1 {f1:.3f}  speaker {sp:.3f}  (right {tp}, wrong {fp}; a lemma kept for a "
          f"site when right on >= {k} other sites)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
