"""The entity errors of the dev who gold, with their sites: extra, missed and wrong-type entities over
the corpus dev part and the outside dev who pages (heldout3, heldout5), as the shared scorer matches
them, and the names wrong on one site only versus on several (a tuning aid; dev material only).

    .venv/bin/python bench/real_eval.py who --part dev --body --keep /tmp/X/who
    .venv/bin/python bench/extra_who.py --part heldout3 --body --keep /tmp/X/h3
    .venv/bin/python bench/extra_who.py --part heldout5 --body --keep /tmp/X/h5
    .venv/bin/python tools/entities/entity_errors.py /tmp/X/who/who-dev.jsonl /tmp/X/h3/who-extra.jsonl \
        /tmp/X/h5/who-extra.jsonl [--only extra|missed|type] [--compare OTHER_DIR_FILES...]

Prints names read from the pages to the terminal only (never redirect into the repository).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.entities.keep_cv import load_gold, sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402


def errors(preds: list[Path]) -> list[dict]:
    """One row per error: kind (extra / missed / type), page, site, name, type, mentions."""
    scorer = shared_scorer()
    gold, site_of = load_gold(), sites()
    records: dict[str, dict] = {}
    for path in preds:
        records.update(scorer.load_predictions(path))
    out: list[dict] = []
    for page, entry in sorted(gold.items()):
        if page not in records:
            continue
        pents = records[page].get("entities", [])
        gents = entry.get("entities", [])
        names = scorer.Names(entry)
        pairs = scorer.greedy_match(gents, pents, lambda g, p, names=names: names.same(p.get("name"), g["name"]))
        got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
        site = site_of.get(page, page)
        for i, g in enumerate(gents):
            if i not in got_g and not g.get("optional"):
                out.append({"kind": "missed", "page": page, "site": site, "name": g["name"], "type": g["type"],
                            "mentions": []})
        for i, p in enumerate(pents):
            if i not in got_p:
                out.append({"kind": "extra", "page": page, "site": site, "name": p.get("name"), "type": p.get("type"),
                            "mentions": p.get("mentions", [])})
        for g, p in pairs:
            if gents[g]["type"] != pents[p].get("type") and not gents[g].get("optional"):
                out.append({"kind": "type", "page": page, "site": site, "name": gents[g]["name"],
                            "type": f"{gents[g]['type']}->{pents[p].get('type')}", "mentions": pents[p].get("mentions", [])})
    return out


def refusals(preds: list[Path]) -> dict[str, dict]:
    """Per refusing row (``phase/test`` of ``lexicons/entities/name_decisions.tsv``, recorded by
    ``--explain``): refusals, sites, and the refused names a required gold entity of the page goes
    by, split by whether the output still has that entity (harmless) or misses it (a wrong refusal)."""
    scorer = shared_scorer()
    gold, site_of = load_gold(), sites()
    records: dict[str, dict] = {}
    for path in preds:
        records.update(scorer.load_predictions(path))
    out: dict[str, dict] = {}
    for page, entry in sorted(gold.items()):
        rec = records.get(page)
        if rec is None:
            continue
        names = scorer.Names(entry)
        gents = [g for g in entry.get("entities", []) if not g.get("optional")]
        found = {g["name"] for g in gents if any(names.same(p.get("name"), g["name"]) for p in rec.get("entities", []))}
        for r in rec.get("entity_refusals") or []:
            row = out.setdefault(r["rule"], {"n": 0, "sites": set(), "gold_kept": [], "gold_lost": []})
            row["n"] += 1
            row["sites"].add(site_of.get(page, page))
            hit = next((g["name"] for g in gents if names.same(r["name"], g["name"])), None)
            if hit is not None:
                row["gold_lost" if hit not in found else "gold_kept"].append(f"{site_of.get(page, page)}:{r['name']}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("preds", type=Path, nargs="+")
    ap.add_argument("--only", choices=("extra", "missed", "type"))
    ap.add_argument("--refusals", action="store_true", help="per refusing row (predictions made with --explain)")
    args = ap.parse_args()
    if args.refusals:
        for rule, row in sorted(refusals(args.preds).items(), key=lambda kv: -kv[1]["n"]):
            print(f"{rule:28} refused {row['n']:4} on {len(row['sites']):3} sites; gold names refused but found "
                  f"{len(row['gold_kept'])}, lost {len(row['gold_lost'])}: {'; '.join(row['gold_lost'])[:300]}")
        return 0
    rows = errors(args.preds)
    for row in rows:
        if args.only and row["kind"] != args.only:
            continue
        ments = "; ".join(dict.fromkeys(row["mentions"]))[:100]
        print(f"{row['kind']:6} {row['site'][:24]:24} {row['page']} {row['type']:8} {row['name']!r}  [{ments}]")
    kinds = Counter(r["kind"] for r in rows)
    print(f"\n{dict(kinds)} over {len({r['site'] for r in rows})} sites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
