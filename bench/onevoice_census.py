"""Speaker accuracy of the who pages by how concentrated their voices are, and the wrong speakers of the
one-voice pages by what was given instead (issue 16).

    .venv/bin/python bench/real_eval.py who --part dev [--body] --explain --keep /tmp/keep
    .venv/bin/python bench/onevoice_census.py /tmp/keep/who-dev.jsonl [--part dev] [--kind direct] [--list]

A page's concentration is the share of its gold quotes of ``--kind`` (non-optional, a named speaker or
nobody) the most quoted gold speaker holds; bands ``one`` (>= .8), ``main`` (.6 to .8), ``two`` (.4 to
.6), ``many`` (below .4), and ``few`` for a page with fewer than 5 such quotes whatever its share. Per
band: pages, sites, matched quotes, speaker right, accuracy.

The wrong speakers of the ``one`` and ``main`` bands, by what was given instead:

* ``null``: nobody;
* ``org``: an organisation (the predicted entity's type);
* ``para``: a person named, outside quotes, in the quote's own paragraph;
* ``page``: a person named elsewhere in the paragraphs;
* ``unwritten``: a person whose name no paragraph holds outside quotes (a byline, a credit line,
  the title);

and by whether the gold speaker is the page's main voice (``main``), another (``other``) or nobody
(``gold-null``). Cells in quotes and sites, then the rules that gave them. ``--list`` prints each such
wrong speaker's page, site, cell, rule and both names (dev and fresh pages only; names, no page text);
a test part gives the counts only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from bench.speaker_layout_census import name_words, names_in, outside_quotes  # noqa: E402
from bench.who_real import gold_pages  # noqa: E402
from tools.quotes.speaker_rule_table import matched_pairs, rule_label  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402

FEW = 5
BANDS = (("one", 0.8), ("main", 0.6), ("two", 0.4), ("many", 0.0))


def _speaker(q: dict) -> str | None:
    s = q.get("speaker")
    return s[0] if isinstance(s, list) else s


def band(gold: dict, kind: str) -> tuple[str, str | None, float]:
    """(band, the most quoted gold speaker, its share) of a page's gold quotes of ``kind``."""
    qs = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind and not q.get("optional")]
    if not qs:
        return "few", None, 0.0
    counts = Counter(_speaker(q) for q in qs)
    top, n = counts.most_common(1)[0]
    share = n / len(qs)
    if len(qs) < FEW:
        return "few", top, share
    return next(name for name, low in BANDS if share >= low), top, share


def given(pred: dict, paras: list[str], qtext: str, said: str | None) -> str:
    """What the prediction gave instead, as the module doc says."""
    if not said:
        return "null"
    types = {e.get("name"): e.get("type") for e in pred.get("entities", [])}
    if types.get(said) == "ORG":
        return "org"
    words = name_words({"entities": []}, said)
    k = next((i for i, p in enumerate(paras) if qtext and qtext in p), None)
    if k is not None and names_in(outside_quotes(paras[k].replace(qtext, " ")), words):
        return "para"
    if any(names_in(outside_quotes(p), words) for p in paras):
        return "page"
    return "unwritten"


def census(pred_path: Path, part: str, kind: str) -> tuple[dict, list[dict]]:
    site_of = sites()
    bands: dict[str, dict] = defaultdict(lambda: {"pages": set(), "sites": set(), "n": 0, "ok": 0})
    wrong: list[dict] = []
    for page, gold, pred, names, scorer in gold_pages(pred_path, part):
        name, top, _ = band(gold, kind)
        site = site_of.get(page, page)
        b = bands[name]
        b["pages"].add(page)
        b["sites"].add(site)
        paras = pred.get("paragraphs") or []
        for k, gq, pq in matched_pairs(gold, pred, scorer):
            if k != kind:
                continue
            said, gs = pq.get("speaker"), _speaker(gq)
            right = names.same(said, gq.get("speaker"))
            b["n"] += 1
            b["ok"] += right
            if right or name not in ("one", "main"):
                continue
            whose = "gold-null" if gs is None else "main" if gs == top else "other"
            wrong.append({"page": page, "site": site, "band": name, "gave": given(pred, paras, pq.get("text", ""), said),
                          "gold_is": whose, "rule": rule_label(pq.get("rule")), "gold": gs, "said": said})
    return bands, wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--part", default="dev")
    ap.add_argument("--kind", choices=("direct", "indirect"), default="direct")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    bands, wrong = census(args.pred, args.part, args.kind)
    print(f"{'band':6} {'pages':>5} {'sites':>5} {'n':>5} {'ok':>5} {'acc':>6}")
    for name in [b for b, _ in BANDS] + ["few"]:
        b = bands.get(name)
        if b:
            print(f"{name:6} {len(b['pages']):5} {len(b['sites']):5} {b['n']:5} {b['ok']:5} {b['ok'] / max(b['n'], 1):6.3f}")
    cells: dict[tuple, list[dict]] = defaultdict(list)
    for r in wrong:
        cells[(r["gave"], r["gold_is"])].append(r)
    print(f"wrong speakers in bands one and main: {len(wrong)}; gave / gold is: quotes / sites, rules")
    for (gave, whose), rs in sorted(cells.items(), key=lambda kv: -len(kv[1])):
        rules = Counter(r["rule"] for r in rs)
        print(f"  {gave:9} {whose:9} {len(rs):3} / {len({r['site'] for r in rs}):2}  "
              + " ".join(f"{k}:{v}" for k, v in rules.most_common()))
    if args.list and args.part in ("dev", "fresh"):
        for r in sorted(wrong, key=lambda r: (r["site"], r["page"])):
            print(f"{r['page']:8} {r['site'][:26]:26} {r['band']:5} {r['gave']:9} {r['gold_is']:9} {r['rule'][:30]:30}"
                  f" gold={r['gold']!r} said={r['said']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
