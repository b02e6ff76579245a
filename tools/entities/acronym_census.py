"""The census of organisations named by a full name and by an acronym in one article, on the dev
who gold (dev material only): the pairs the gold joins and the output splits, the pairs the output
joins and the gold keeps apart, and the acronyms the output keeps alone (no full name joined),
with how many of those the KB knows as an alias; by site.

    .venv/bin/python bench/real_eval.py who --part dev --body --keep /tmp/X/who
    .venv/bin/python tools/entities/acronym_census.py /tmp/X/who/who-dev.jsonl [--list]

Prints names read from the pages to the terminal only (never redirect into the repository).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from tools.entities.entity_errors import dev_gold  # noqa: E402
from tools.entities.keep_cv import sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402
from veille.common.fold import norm  # noqa: E402
from veille.entities.loose_acronyms import letters_of  # noqa: E402
from veille.kb import load_kb  # noqa: E402


def _forms(e: dict) -> set[str]:
    return {e.get("name") or "", *(e.get("mentions") or [])} - {""}


def census(preds: list[Path]) -> dict[str, list[tuple]]:
    """Rows (site, page, names…) of the three kinds: ``split``, ``joined``, ``alone``."""
    scorer, kb = shared_scorer(), load_kb()
    gold, site_of = dev_gold(), sites()
    records: dict[str, dict] = {}
    for path in preds:
        records.update(scorer.load_predictions(path))
    out: dict[str, list[tuple]] = {"split": [], "joined": [], "alone": []}
    for page, entry in sorted(gold.items()):
        rec = records.get(page)
        if rec is None:
            continue
        site, names, pents = site_of.get(page, page), scorer.Names(entry), rec.get("entities", [])
        for g in entry.get("entities", []):
            forms = [g["name"], *g.get("aliases", [])]
            acros = {norm(f) for f in forms if letters_of(f)}
            longs = {norm(f) for f in forms if len(f.split()) >= 2}
            if not acros or not longs:
                continue
            has_acro = {i for i, p in enumerate(pents) if {norm(f) for f in _forms(p)} & acros}
            has_long = {i for i, p in enumerate(pents) if {norm(f) for f in _forms(p)} & longs}
            if has_acro and has_long and not has_acro & has_long:
                out["split"].append((site, page, g["name"], sorted(pents[i]["name"] for i in has_acro | has_long)))
        for p in pents:
            named = {g["name"] for g in entry.get("entities", []) for f in _forms(p) if names.same(f, g["name"])}
            if len(named) >= 2 and any(letters_of(f) for f in _forms(p)):
                out["joined"].append((site, page, p["name"], sorted(named)))
            if p.get("type") in ("ORG", "LOC") and all(letters_of(f) for f in _forms(p)):
                out["alone"].append((site, page, p["name"], p.get("kb_id"), norm(p["name"]) in kb.aliases))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("preds", type=Path, nargs="+")
    ap.add_argument("--list", action="store_true", help="print each row, not only the counts")
    args = ap.parse_args()
    rows = census(args.preds)
    alone = rows["alone"]
    print(f"gold joins, output splits: {len(rows['split'])} on {len({r[0] for r in rows['split']})} sites")
    print(f"output joins, gold apart:  {len(rows['joined'])} on {len({r[0] for r in rows['joined']})} sites")
    unlinked = [r for r in alone if not r[3]]
    print(f"acronyms alone: {len(alone)} ({len(alone) - len(unlinked)} KB-linked; {len(unlinked)} unlinked on "
          f"{len({r[0] for r in unlinked})} sites, {sum(r[4] for r in unlinked)} of them a KB alias)")
    if args.list:
        for kind in ("split", "joined"):
            for r in rows[kind]:
                print(kind, *r)
        for r in unlinked:
            print("alone", *r)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
