"""Lists, per dev page, the quantities ``bench/real_eval.py who`` counts as wrong: each gold quantity
missed, each extra one, each matched one with a wrong value, by page, line and site, with a kind
(number typography, range, share, "pour cent", approximation, written-out number, money, noun), and
a tally by kind and by the number of sites (tuning aid, dev only).

    .venv/bin/python bench/real_eval.py who --part dev --body --keep /tmp/who-keep
    .venv/bin/python bench/quantity_census.py /tmp/who-keep/who-dev.jsonl [--tally] [--by-value] [--part fresh]

Prints page text to the terminal only (the pages stay in ../shared; never redirect into the repo).
``--tally`` prints the counts only (no page text).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.real_eval import _gold  # noqa: E402
from bench.who_real import gold_pages  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402
from tools.real_pages.materialize import span_text  # noqa: E402
from tools.real_pages.view import view_lines  # noqa: E402

APPROX = re.compile(r"\b(?:dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?"
                    r"|soixantaines?|centaines?|milliers?)\b", re.I)
WORDS = re.compile(r"\b(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze"
                   r"|seize|vingt|trente|quarante|cinquante|soixante|cent|mille)s?\b", re.I)
RANGE = re.compile(r"\d\s*(?:-|–|à|et)\s*\d|\bentre\b", re.I)
TYPO = re.compile(r"\d[.'’\u202f\u00a0 ]\d{3}\b")
SCALE = re.compile(r"\b(?:millions?|milliards?|mds?|mrds?|m|k)\b|[MK]\s?[€$]", re.I)


def kind(text: str, unit: str | None) -> str:
    """The form of a quantity's text, for the census's tally."""
    if "%" in text or re.search(r"pour\s*cent|p\.\s*100", text, re.I):
        return "pour cent" if "%" not in text else "share %"
    if unit and re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    if APPROX.search(text):
        return "approximate"
    if RANGE.search(text):
        return "range"
    if not re.search(r"\d", text):
        return "written-out" if WORDS.search(text) else "other"
    if SCALE.search(text):
        return "scale"
    if TYPO.search(text):
        return "typography"
    return "unit/noun"


def gold_lines(part: str) -> dict[tuple[str, str], int]:
    """(page, gold text) -> the view line where that gold quantity starts."""
    _, who, _ = _gold("who", part)
    out: dict[tuple[str, str], int] = {}
    for page, entry in (who or {}).items():
        lines = view_lines(page)
        for q in entry.get("quantities", []):
            out.setdefault((page, span_text(lines, q["start"], q["end"])), q["start"][0])
    return out


def pairing(scorer, gq: list[dict], pq: list[dict], by_value: bool) -> list[tuple[int, int]]:
    """The scorer's first-fit pairs; with ``by_value``, pairs of overlapping text and equal value
    first (the closest texts first), then first-fit on the rest: the scorer's pairing lets one missed gold quantity take the
    next prediction sharing a token with it ("2", "000", "cas") and shifts every pair after it."""
    def fits(g: dict, p: dict) -> bool:
        return scorer.text_overlaps(g["text"], p.get("text", ""))

    if not by_value:
        return scorer.greedy_match(gq, pq, fits)
    candidates = sorted(((scorer.dice(g["text"], p.get("text", "")), gi, pi) for gi, g in enumerate(gq)
                         for pi, p in enumerate(pq) if fits(g, p) and p.get("value") is not None
                         and float(p["value"]) == float(g["value"])), key=lambda c: (-c[0], c[1], c[2]))
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for _, gi, pi in candidates:  # the closest texts first
        if pi not in used and gi not in {g for g, _ in pairs}:
            pairs.append((gi, pi))
            used.add(pi)
    done = {gi for gi, _ in pairs}
    rest_g = [gi for gi in range(len(gq)) if gi not in done]
    rest_p = [pi for pi in range(len(pq)) if pi not in used]
    more = scorer.greedy_match([gq[i] for i in rest_g], [pq[i] for i in rest_p], fits)
    return pairs + [(rest_g[a], rest_p[b]) for a, b in more]


def census(pred_path: Path, part: str, by_value: bool = False) -> list[dict]:
    site_of = sites()
    where = gold_lines(part)
    rows = []
    for page, gold, pred, _, scorer in gold_pages(pred_path, part):
        gq, pq = gold.get("quantities", []), pred.get("quantities", [])
        pairs = pairing(scorer, gq, pq, by_value)
        got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
        site = site_of.get(page, "?")
        for i, g in enumerate(gq):
            if i not in got_g and not g.get("optional"):
                rows.append({"page": page, "site": site, "line": where.get((page, g["text"])), "what": "missed",
                             "kind": kind(g["text"], g.get("unit")), "gold": g, "pred": None})
        for i, p in enumerate(pq):
            if i not in got_p:
                rows.append({"page": page, "site": site, "line": None, "what": "extra",
                             "kind": kind(p.get("text", ""), p.get("unit")), "gold": None, "pred": p})
        for gi, pi in pairs:
            g, p = gq[gi], pq[pi]
            if g.get("optional"):
                continue
            if p.get("value") is None or float(p["value"]) != float(g["value"]):
                rows.append({"page": page, "site": site, "line": where.get((page, g["text"])), "what": "value",
                             "kind": kind(g["text"], g.get("unit")), "gold": g, "pred": p})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predictions", type=Path, help="who-dev.jsonl kept by real_eval.py --keep")
    ap.add_argument("--part", choices=["dev", "fresh"], default="dev")
    ap.add_argument("--tally", action="store_true", help="counts by kind and sites only, no page text")
    ap.add_argument("--by-value", action="store_true",
                    help="pair equal values first (the errors themselves, not the scorer's shifted pairs)")
    args = ap.parse_args()
    rows = census(args.predictions, args.part, args.by_value)
    if not args.tally:
        for r in rows:
            g, p = r["gold"] or {}, r["pred"] or {}
            print(f"{r['page']}:{r['line'] or '-'} {r['site']:<22} {r['what']:<6} {r['kind']:<12} "
                  f"gold {g.get('text')!r} {g.get('value')} {g.get('unit')} | "
                  f"ours {p.get('text')!r} {p.get('value')} {p.get('unit')}")
    by: dict[tuple[str, str], set[str]] = defaultdict(set)
    counts = Counter()
    for r in rows:
        counts[r["what"], r["kind"]] += 1
        by[r["what"], r["kind"]].add(r["site"])
    print("\nwhat    kind          count  sites")
    for (what, k), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{what:<7} {k:<13} {n:>5}  {len(by[what, k]):>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
