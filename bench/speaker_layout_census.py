"""Wrong speakers of the who pages by the paragraph layout around the quote (issue 16).

    .venv/bin/python bench/real_eval.py who --part dev [--body] --explain --keep /tmp/keep
    .venv/bin/python bench/speaker_layout_census.py /tmp/keep/who-dev.jsonl [--part dev] [--kind direct] [--list]

For every gold quote a prediction matched (token Dice >= .5, as the scorer) whose speaker is wrong, the
layout of the paragraphs the prediction read (its record's ``paragraphs``: as given the page's blocks,
body given the gold body's):

* the quote: ``alone`` in its paragraph (no word outside its marks), ``opens`` it (nothing before the
  mark), ``inside`` (words before it);
* where the gold speaker is written, outside quotes, nearest first: ``same`` paragraph, ``next``
  paragraph (and not the quote's own), ``back-1`` (the paragraph before), ``back-2+``, ``far`` (two
  paragraphs or more after, or nowhere near), ``gold-null`` (the gold has nobody);
* the page: ``interview`` when three paragraphs or more end on a question mark.

Cells are counted in quotes and sites (``split.tsv``); ``--list`` prints each wrong speaker's page, site,
cell, the rule and both names (dev and fresh pages only; names, no page text). The gold speaker is found
by its name's or an alias's words (three letters or more, capitalised), folded.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from bench.who_real import gold_pages  # noqa: E402
from tools.quotes.speaker_rule_table import matched_pairs, rule_label  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402

from veille.common.fold import bare  # noqa: E402

MARKS = "«»“”\"„‹›'’ \u00a0\u202f.,;:!?…—–-()"


def name_words(gold: dict, speaker: str) -> set[str]:
    """The folded words (three letters or more, capitalised as written) of the speaker's name and aliases."""
    forms = [speaker]
    for e in gold.get("entities", []):
        if e.get("name") == speaker:
            forms += e.get("aliases", [])
    return {bare(w) for f in forms for w in f.replace("-", " ").split() if len(w) >= 3 and w[0].isupper()}


def names_in(text: str, words: set[str]) -> bool:
    folded = set(bare(text).replace("’", " ").replace("'", " ").replace("-", " ").split())
    folded = {w.strip(MARKS) for w in folded}
    return bool(words & folded)


def outside_quotes(text: str) -> str:
    """``text`` with what stands between « » or “ ” taken out (straight marks left: they pair badly)."""
    out, depth = [], 0
    for c in text:
        if c in "«“":
            depth += 1
        elif c in "»”":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(c)
    return "".join(out)


def layout(paras: list[str], qtext: str, gold: dict, speaker: str | None) -> tuple[str, str] | None:
    """(quote position, where the speaker is written) of the quote ``qtext``, None when not found."""
    k = next((i for i, p in enumerate(paras) if qtext and qtext in p), None)
    if k is None:
        return None
    p = paras[k]
    at = p.find(qtext)
    before, after = p[:at].strip(MARKS), p[at + len(qtext):].strip(MARKS)
    pos = "alone" if not before and not after else "opens" if not before else "inside"
    if speaker is None:
        return pos, "gold-null"
    words = name_words(gold, speaker)
    rest = (p[:at] + " " + p[at + len(qtext):])
    if names_in(outside_quotes(rest), words):
        return pos, "same"
    if k + 1 < len(paras) and names_in(outside_quotes(paras[k + 1]), words):
        return pos, "next"
    if k >= 1 and names_in(outside_quotes(paras[k - 1]), words):
        return pos, "back-1"
    if any(names_in(outside_quotes(paras[j]), words) for j in range(k - 1)):
        return pos, "back-2+"
    return pos, "far"


def census(pred_path: Path, part: str, kind: str | None) -> list[dict]:
    site_of = sites()
    rows = []
    for page, gold, pred, names, scorer in gold_pages(pred_path, part):
        paras = pred.get("paragraphs") or []
        interview = sum(p.rstrip(" »”\"").endswith("?") for p in paras) >= 3
        for k, gq, pq in matched_pairs(gold, pred, scorer):
            if kind and k != kind or names.same(pq.get("speaker"), gq.get("speaker")):
                continue
            speaker = gq.get("speaker")
            speaker = speaker[0] if isinstance(speaker, list) else speaker
            cell = layout(paras, pq.get("text", ""), gold, speaker) or ("?", "?")
            rows.append({"page": page, "site": site_of.get(page, page), "kind": k, "pos": cell[0], "where": cell[1],
                         "interview": interview, "rule": rule_label(pq.get("rule")), "gold": speaker,
                         "said": pq.get("speaker")})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--part", default="dev")
    ap.add_argument("--kind", choices=("direct", "indirect"))
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    rows = census(args.pred, args.part, args.kind)
    if args.list and args.part not in ("dev", "fresh"):
        sys.exit("--list: dev and fresh pages only")
    cells: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        cells[(r["kind"], r["pos"], r["where"])].append(r)
    print(f"{'kind':9} {'quote':7} {'speaker':10} {'quotes':>6} {'sites':>5} {'interview':>9}")
    for key in sorted(cells):
        rs = cells[key]
        print(f"{key[0]:9} {key[1]:7} {key[2]:10} {len(rs):6} {len({r['site'] for r in rs}):5} "
              f"{sum(r['interview'] for r in rs):9}")
    print(f"{'all':28} {len(rows):6} {len({r['site'] for r in rows}):5} {sum(r['interview'] for r in rows):9}")
    if args.list:
        for r in sorted(rows, key=lambda r: (r["pos"], r["where"], r["page"])):
            print(f"{r['page']} {r['site']:28} {r['kind']:8} {r['pos']:6} {r['where']:9} {r['rule']:32} "
                  f"gold={r['gold']!r} said={r['said']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
