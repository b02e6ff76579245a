"""Each speaker rule's decisions by site on the dev pages and in the perturbation benches' variants (issue 16).

    .venv/bin/python bench/quote_perturb.py --variants merged straight --keep /tmp/qp
    .venv/bin/python bench/name_perturb.py --variants caps initials --keep /tmp/np
    .venv/bin/python tools/quotes/variant_rules.py /tmp/qp /tmp/np [--kind direct] [--rule R]

Reads the gold files (``gold/VARIANT/*.json``) and predictions (``pred.jsonl``, extracted with
``--explain``) a perturbation bench kept, matches quotes as the scorer does (token Dice >= .5) and
counts, per rule (as ``speaker_rule_table.rule_label`` names it):

* given: quotes and distinct sites right / wrong on the pages as given (body given);
* variants: the same over every variant's pages (a site counted once over all variants);
* fires: how often the rule decides per hundred matched quotes, as given and in the variants: a rule
  that fires rarely as given but often in a variant has a form-specific trigger (``FORM``);
* broke / fixed: the quotes a variant turned from right to wrong (from wrong to right) while this rule
  decides them in the variant, and their sites (a wrong answer the page already had as given is not
  counted again);
* a rule right on two sites or fewer as given, wrong on more sites as given or broken on more sites in
  the variants, is flagged ``NARROW``.

``--rule R`` lists the rule's wrong quotes as given and in the variants (variant, site, page, gold and said
speaker; the text goes to the terminal only). Dev pages only; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.quotes.speaker_rule_table import matched_pairs, rule_label  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

GIVEN = "given"
SEP = "__"
MIN_QUOTES = 50  # a variant with fewer matched quotes gives no firing rate


def rows_of(keep: Path) -> list[dict]:
    """One row per matched, non-optional gold quote of a kept perturbation run: variant, page, site,
    kind, gold and said speaker, rule, right."""
    scorer = shared_scorer()
    site_of = sites()
    preds = scorer.load_predictions(keep / "pred.jsonl")
    out: list[dict] = []
    for folder in sorted((keep / "gold").iterdir()):
        if not folder.is_dir() or folder.name == "base" or folder.name.startswith("given-for-"):
            continue
        for gold_file in sorted(folder.glob("*.json")):
            variant, page = gold_file.stem.split(SEP, 1)
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            pred, names = preds.get(gold_file.stem, {}), scorer.Names(gold)
            for kind, gq, pq in matched_pairs(gold, pred, scorer):
                said = pq.get("speaker")
                out.append({"variant": variant, "page": page, "site": site_of.get(page, page), "kind": kind,
                            "gold": gq.get("speaker"), "said": said, "rule": rule_label(pq.get("rule")),
                            "right": names.same(said, gq.get("speaker")), "text": gq["text"]})
    return out


def _count(rows: list[dict]) -> tuple[int, int, int, int]:
    right = [r for r in rows if r["right"]]
    wrong = [r for r in rows if not r["right"]]
    return len(right), len({r["site"] for r in right}), len(wrong), len({r["site"] for r in wrong})


def table(rows: list[dict]) -> list[tuple]:
    """Per rule: given right/sites/wrong/sites, variants the same, broke/sites and fixed/sites in the
    variants, firing rate per 100 as given and in the variants, the variant it fires most in (rate), flags."""
    given = [r for r in rows if r["variant"] == GIVEN]
    varied = [r for r in rows if r["variant"] != GIVEN]
    moved = shifts(rows)
    per_variant: dict[str, int] = defaultdict(int)
    for r in varied:
        per_variant[r["variant"]] += 1
    out = []
    for rule in sorted({r["rule"] for r in rows}):
        g = _count([r for r in given if r["rule"] == rule])
        v = _count([r for r in varied if r["rule"] == rule])
        rate_g = 100 * (g[0] + g[2]) / max(1, len(given))
        rate_v = 100 * (v[0] + v[2]) / max(1, len(varied))
        fired: dict[str, int] = defaultdict(int)
        for r in varied:
            if r["rule"] == rule:
                fired[r["variant"]] += 1
        top = max((k for k in fired if per_variant[k] >= MIN_QUOTES), key=lambda k: fired[k] / per_variant[k], default="")
        top_rate = 100 * fired[top] / per_variant[top] if top else 0.0
        flags = []
        broke, fixed = moved[rule]["broke_sites"], moved[rule]["fixed_sites"]
        if g[1] <= 2 and max(g[3], len(broke)) > g[1]:
            flags.append("NARROW")
        if top_rate >= 3 * max(rate_g, 0.2) and fired[top] >= 3:
            flags.append("FORM")
        out.append((rule, *g, *v, len(moved[rule]["broke"]), len(broke), len(moved[rule]["fixed"]), len(fixed),
                    rate_g, rate_v, top, top_rate, " ".join(flags)))
    return sorted(out, key=lambda t: -(t[1] + t[3]))


def _keyed(rows: list[dict]) -> dict[tuple, dict]:
    """Rows by (variant, page, kind, text, n): a text the gold holds twice on a page is told apart by its order."""
    seen: dict[tuple, int] = defaultdict(int)
    out = {}
    for r in rows:
        key = (r["variant"], r["page"], r["kind"], r["text"])
        out[(*key, seen[key])] = r
        seen[key] += 1
    return out


def shifts(rows: list[dict]) -> dict[str, dict[str, set]]:
    """Per rule deciding in a variant: the quotes (and their sites) right as given and wrong in the
    variant (``broke``), wrong as given and right in the variant (``fixed``), and those where the rule
    decides in the variant but another rule did as given (``took``)."""
    keyed = _keyed(rows)
    out: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for key, r in keyed.items():
        g = keyed.get((GIVEN, *key[1:]))
        if r["variant"] == GIVEN or g is None:
            continue
        if g["right"] and not r["right"]:
            out[r["rule"]]["broke"].add(key)
            out[r["rule"]]["broke_sites"].add(r["site"])
        elif r["right"] and not g["right"]:
            out[r["rule"]]["fixed"].add(key)
            out[r["rule"]]["fixed_sites"].add(r["site"])
        if g["rule"] != r["rule"]:
            out[r["rule"]]["took"].add(key)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", type=Path, nargs="+", help="folders a perturbation bench kept (--keep)")
    ap.add_argument("--kind", choices=["direct", "indirect"])
    ap.add_argument("--rule", help="list this rule's wrong quotes in the variants")
    args = ap.parse_args()
    rows: list[dict] = []
    for i, keep in enumerate(args.keep):
        # the pages as given are in every kept run: count them once
        rows += [r for r in rows_of(keep) if i == 0 or r["variant"] != GIVEN]
    if args.kind:
        rows = [r for r in rows if r["kind"] == args.kind]
    if args.rule:
        for r in rows:
            if r["rule"] == args.rule and not r["right"]:
                print(f"{r['variant']:14} {r['site']:28} {r['page']} {r['kind']:8} said {r['said']!r}"
                      f" gold {r['gold']!r}: {r['text'][:70]!r}")
        return 0
    print(f"{'rule':32} | {'given ok':>8} {'site':>4} {'bad':>4} {'site':>4} | {'var ok':>6} {'site':>4} {'bad':>4}"
          f" {'site':>4} | {'broke':>5} {'site':>4} {'fixed':>5} {'site':>4} | {'%given':>6} {'%var':>5} {'top variant':>16}")
    for rule, gok, gos, gbad, gbs, vok, vos, vbad, vbs, br, brs, fx, fxs, rg, rv, top, tr, flags in table(rows):
        print(f"{rule[:32]:32} | {gok:8} {gos:4} {gbad:4} {gbs:4} | {vok:6} {vos:4} {vbad:4} {vbs:4} | {br:5} {brs:4}"
              f" {fx:5} {fxs:4} | {rg:6.1f} {rv:5.1f} {top[:10]:>10} {tr:5.1f}  {flags}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
