"""The entity errors of the dev who gold, with their sites: extra, missed and wrong-type entities over
the corpus dev part (the fresh batch included) and the outside dev who pages (heldout3, heldout5), as
the shared scorer matches them, and the names wrong on one site only versus on several (a tuning aid;
dev material only).

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
from tools.real_pages.gold import gold_files, load  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402


def dev_gold() -> dict[str, dict]:
    """The keep model's dev gold plus the fresh dev batch (``who_dev_fresh.jsonl``), which the keep
    model is not fitted on but whose errors are dev material to read."""
    gold = load_gold()
    for path in gold_files("who", "fresh"):
        if path.exists():
            gold.update({e["page"]: e for e in load(path)})
    return gold


def errors(preds: list[Path]) -> list[dict]:
    """One row per error: kind (extra / missed / type), page, site, name, type, mentions."""
    scorer = shared_scorer()
    gold, site_of = dev_gold(), sites()
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
    gold, site_of = dev_gold(), sites()
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


def speaker_causes(pred: Path) -> list[dict]:
    """The wrong speakers of the corpus dev part (quotes matched as ``bench/who_real.py`` matches
    them) whose cause may be the entity stage: the gold speaker is no predicted entity (missed, or
    kept under another name or extent), or the predicted speaker is no gold entity (a spurious or
    over-long name)."""
    import json
    import tempfile

    from bench.real_eval import _gold

    from tools.real_pages.materialize import materialize

    scorer = shared_scorer()
    site_of = sites()
    preds = scorer.load_predictions(pred)
    entries, who, _ = _gold("who", "dev")
    out: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        materialize(entries, Path(tmp), who=who)
        for gold_file in sorted(Path(tmp).glob("*.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            rec = preds.get(gold_file.stem, {})
            names = scorer.Names(gold)
            pnames = [e.get("name") for e in rec.get("entities", [])]
            gnames = [g["name"] for g in gold.get("entities", [])]
            for kind in ("direct", "indirect"):
                gq = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind]
                pq = [q for q in rec.get("quotes", []) if q.get("kind", "direct") == kind]
                pairs = scorer.greedy_match(gq, pq, lambda g, p: scorer.dice(g["text"], p.get("text", "")) >= 0.5)
                for gi, pi in pairs:
                    g, p = gq[gi].get("speaker"), pq[pi].get("speaker")
                    if gq[gi].get("optional") or (g is None and p is None) \
                            or (g is not None and p is not None and names.same(p, g)):
                        continue
                    cause = "other"
                    if g is not None and not any(names.same(n, g) for n in pnames):
                        cause = "gold speaker no entity"
                    elif p is not None and not any(names.same(p, n) for n in gnames):
                        cause = "spoken by a non-entity"
                    page = gold_file.stem
                    out.append({"page": page, "site": site_of.get(page, page), "gold": g, "pred": p, "cause": cause})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("preds", type=Path, nargs="+")
    ap.add_argument("--only", choices=("extra", "missed", "type"))
    ap.add_argument("--speakers", action="store_true",
                    help="wrong speakers of the corpus dev part the entity stage may cause (first file: who-dev.jsonl)")
    ap.add_argument("--refusals", action="store_true", help="per refusing row (predictions made with --explain)")
    args = ap.parse_args()
    if args.speakers:
        rows = speaker_causes(args.preds[0])
        for row in rows:
            print(f"{row['cause']:24} {row['site'][:24]:24} {row['page']} gold {row['gold']!r} got {row['pred']!r}")
        print(dict(Counter(r["cause"] for r in rows)))
        return 0
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
