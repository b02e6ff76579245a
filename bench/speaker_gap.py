"""The direct-speaker dev–test gap broken down by rule, by page and by page shape: numbers only (issue 16).

    .venv/bin/python bench/real_eval.py who --part test --body --explain --keep /tmp/keep
    .venv/bin/python bench/speaker_gap.py /tmp/keep/who-test.jsonl --part test [--kind direct]
    .venv/bin/python bench/speaker_gap.py /tmp/keep/who-dev.jsonl --part dev --against /tmp/keep/who-test.jsonl

Aggregates only, so the who test part can be broken down without reading its errors: nothing of a
page's text, its quotes or its names is printed, only rule names, page ids, sites and counts.

* per rule (as recorded with ``--explain``; a scorer overrule counts under ``model>R``): matched gold
  quotes, named right, named wrong, named where the gold has nobody, nobody where the gold names one,
  pages and sites it fired on, pages it was wrong on;
* per page: gold quotes, matched, speakers wrong, distinct gold speakers and the share of the page's
  quotes the most quoted gold speaker holds (an interview or a portrait has one voice), the page's
  batch (``test`` splits into its gold files: first, second, third, fourth);
* per page and overall, the wrong speakers by kind (``bench/speaker_error_kinds.py``: null predicted,
  a name inside the gold's split into shorter / longer / same surname, another entity, gold nobody)
  and by rule, and the gold voices missing from the page's predicted entities;
* per rule family (cue subject, pronoun, governed, cue-less, scorer overrule): quotes and wrong rate;
* how concentrated the wrong speakers are: the share the worst 3 and 5 pages hold;
* by page shape (one voice: the top speaker holds ≥ 60 % of ≥ 5 quotes; several voices; few quotes):
  quotes and speaker accuracy.

``--against`` prints a second run's rule table beside the first (e.g. dev beside test): per rule the
wrong rate on each and the ratio.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from bench.speaker_error_kinds import KINDS, relation  # noqa: E402
from bench.who_real import gold_pages  # noqa: E402
from tools.quotes.speaker_rule_table import matched_pairs, rule_label  # noqa: E402
from tools.real_pages.gold import BATCH_FILES, GOLD_DIR, load, sites  # noqa: E402

from veille.quotes.cueless_rules import ALL_RULES  # noqa: E402

FAMILY = {rule.name: family for family, rules in ALL_RULES.items() for rule in rules}
ONE_VOICE = 0.6  # the top gold speaker's share of a page's quotes above which it is a one-voice page
FEW = 5          # a page with fewer matched quotes is "few" whatever its voices


def batch_of(part: str) -> dict[str, str]:
    """page id -> the gold file (batch) it comes from, for the files of ``part``."""
    out: dict[str, str] = {}
    for name in BATCH_FILES["who"].get(part, (f"who_{part}.jsonl",)):
        path = GOLD_DIR / name
        if path.exists():
            for row in load(path):
                out.setdefault(row["page"], name.removeprefix("who_").removesuffix(".jsonl"))
    return out


def _voice(quote: dict) -> tuple[str, ...]:
    """A gold quote's speaker as a hashable key (the gold may give one name or a list of names)."""
    speaker = quote.get("speaker")
    return tuple(speaker) if isinstance(speaker, list) else (speaker,) if speaker else ()


def inside_form(scorer: Any, said: str, gold: list) -> str:
    """How a predicted name that shares words with the gold's differs: ``inside:shorter`` (its words
    are some of the gold name's: a surname or a first name alone), ``inside:longer`` (it holds the
    gold name and more), ``inside:surname`` (the same last word, other words differ: a kinsman, a
    misspelt or other given name)."""
    sw = {scorer.strip_accents(w) for w in scorer.tokens(said)}
    for name in gold:
        gw = {scorer.strip_accents(w) for w in scorer.tokens(name or "")}
        if sw < gw:
            return "inside:shorter"
        if gw < sw:
            return "inside:longer"
    return "inside:surname"


def rows_of(pred: Path, part: str, kind: str) -> tuple[list[dict], dict[str, dict]]:
    """One row per matched gold quote (rule, right, named, gold named) and one per page (counts)."""
    site_of, batch = sites(), batch_of(part)
    rows: list[dict] = []
    pages: dict[str, dict] = {}
    for page, gold, predicted, names, scorer in gold_pages(pred, part):
        gq = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind and not q.get("optional")]
        speakers = Counter(_voice(q) for q in gq)
        unlisted = {voice for voice in speakers if voice and not any(
            names.same(e.get("name"), list(voice)) for e in predicted.get("entities", []))}
        info = {"page": page, "site": site_of.get(page, page), "batch": batch.get(page, "?"), "gold": len(gq),
                "voices": len(speakers), "named_voices": sum(1 for name in speakers if name), "top": max(speakers.values()) / len(gq) if gq else 0.0,
                "matched": 0, "wrong": 0, "kinds": Counter(),
                "unlisted": len(unlisted), "wrong_unlisted": 0}
        for k, g, p in matched_pairs(gold, predicted, scorer):
            if k != kind:
                continue
            right = names.same(p.get("speaker"), g.get("speaker"))
            kind_of = "right"
            info["matched"] += 1
            info["wrong"] += not right
            if not right:
                found = [relation(scorer, None, p.get("speaker"), n) for n in scorer.as_list(g.get("speaker"))]
                kind_of = min(found, key=KINDS.index)
                if kind_of == "name_inside":
                    kind_of = inside_form(scorer, p["speaker"], scorer.as_list(g.get("speaker")))
                info["kinds"][kind_of] += 1
                info["wrong_unlisted"] += _voice(g) in unlisted
            rows.append({"page": page, "site": info["site"], "rule": rule_label(p.get("rule")), "right": right,
                         "named": bool(p.get("speaker")), "gold_named": bool(g.get("speaker")),
                         "kind": kind_of, "unlisted": _voice(g) in unlisted})
        pages[page] = info
    return rows, pages


def rule_table(rows: list[dict]) -> dict[str, dict]:
    by: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by[r["rule"]].append(r)
    out = {}
    for rule, rs in by.items():
        out[rule] = {"n": len(rs), "ok": sum(r["right"] for r in rs),
                     "wrong_name": sum(not r["right"] and r["named"] and r["gold_named"] for r in rs),
                     "gold_null": sum(not r["right"] and r["named"] and not r["gold_named"] for r in rs),
                     "null": sum(not r["right"] and not r["named"] for r in rs),
                     "pages": len({r["page"] for r in rs}), "sites": len({r["site"] for r in rs}),
                     "bad_pages": len({r["page"] for r in rs if not r["right"]})}
    return out


def _rule_kinds(rows: list[dict]) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if not r["right"]:
            out[r["rule"]][r["kind"]] += 1
            out[r["rule"]]["u"] += r["unlisted"]
    return out


def family(rule: str) -> str:
    """The rule's family: a scorer overrule, a pronoun cue subject, another cue subject, a verb the cue
    hangs on (``governed``), a quote with no cue (``cueless``), or a rule outside the lists (``other``:
    a repeated quote, a labelled answer)."""
    if rule.startswith("model>"):
        return "overrule"
    fam = FAMILY.get(rule, "other")
    return "pronoun" if fam == "subject" and "pronoun" in rule else fam


def shape(info: dict) -> str:
    if info["matched"] < FEW:
        return "few"
    return "one-voice" if info["top"] >= ONE_VOICE else "several"


def print_run(rows: list[dict], pages: dict[str, dict], top: int) -> None:
    n, ok = len(rows), sum(r["right"] for r in rows)
    print(f"matched {n}, speaker right {ok} ({ok / max(n, 1):.3f}) on {len(pages)} pages, "
          f"{len({p['site'] for p in pages.values()})} sites")
    print(f"{'rule':34} {'n':>4} {'ok':>4} {'name':>5} {'g-nul':>5} {'null':>5} {'pages':>5} {'sites':>5} {'badpg':>5}")
    for rule, t in sorted(rule_table(rows).items(), key=lambda kv: -kv[1]["n"]):
        print(f"{rule[:34]:34} {t['n']:4} {t['ok']:4} {t['wrong_name']:5} {t['gold_null']:5} {t['null']:5}"
              f" {t['pages']:5} {t['sites']:5} {t['bad_pages']:5}")
    wrong = sorted(pages.values(), key=lambda p: -p["wrong"])
    total = sum(p["wrong"] for p in wrong)
    if total:
        print(f"wrong {total} on {sum(1 for p in wrong if p['wrong'])} pages; worst 3 pages hold "
              f"{sum(p['wrong'] for p in wrong[:3]) / total:.2f}, worst 5 {sum(p['wrong'] for p in wrong[:5]) / total:.2f}")
    print(f"{'page':8} {'site':28} {'batch':11} {'gold':>4} {'match':>5} {'wrong':>5} {'voices':>6} {'top':>5}"
          f" {'unlisted':>8}  wrong by kind")
    for p in wrong[:top]:
        if p["wrong"]:
            print(f"{p['page']:8} {p['site'][:28]:28} {p['batch']:11} {p['gold']:4} {p['matched']:5} {p['wrong']:5}"
                  f" {p['voices']:6} {p['top']:5.2f} {p['unlisted']:8}  "
                  + " ".join(f"{k}:{v}" for k, v in p["kinds"].most_common())
                  + "  rules " + " ".join(f"{k}:{v}" for k, v in Counter(
                      r["rule"] for r in rows if r["page"] == p["page"] and not r["right"]).most_common()))
    print("wrong by rule and kind (rules with 2 or more wrong; u = the gold voice is not among the page's entities): "
          + "; ".join(f"{rule} " + " ".join(f"{k}:{v}" for k, v in c.most_common())
                      for rule, c in sorted(_rule_kinds(rows).items(), key=lambda kv: -sum(kv[1].values()))
                      if sum(c.values()) - c["u"] >= 2))
    kinds = sum((p["kinds"] for p in pages.values()), Counter())
    print("wrong by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"gold voices missing from the page's entities: {sum(p['unlisted'] for p in pages.values())} of "
          f"{sum(p['named_voices'] for p in pages.values())}; wrong speakers whose gold voice is missing: "
          f"{sum(p['wrong_unlisted'] for p in pages.values())}")
    fams: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        fams[family(r["rule"])][0] += 1
        fams[family(r["rule"])][1] += not r["right"]
    print("by rule family: " + "; ".join(f"{k} {v[0]} quotes, wrong {v[1]} ({v[1] / v[0]:.3f})"
                                         for k, v in sorted(fams.items())))
    for label, group in (("batch", lambda p: p["batch"]), ("shape", shape)):
        agg: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for p in pages.values():
            a = agg[group(p)]
            a[0] += 1
            a[1] += p["matched"]
            a[2] += p["wrong"]
        print(f"by {label}: " + "; ".join(f"{k} {v[0]} pages, {v[1]} quotes, right {1 - v[2] / max(v[1], 1):.3f}"
                                          for k, v in sorted(agg.items())))


def compare(a: list[dict], b: list[dict]) -> None:
    ta, tb = rule_table(a), rule_table(b)
    print(f"{'rule':34} {'n A':>4} {'wrong A':>7} {'n B':>4} {'wrong B':>7} {'ratio':>6}")
    for rule in sorted(set(ta) | set(tb), key=lambda r: -(tb.get(r, {}).get("n", 0) - tb.get(r, {}).get("ok", 0))):
        ra, rb = ta.get(rule), tb.get(rule)
        wa = (ra["n"] - ra["ok"]) / ra["n"] if ra else 0.0
        wb = (rb["n"] - rb["ok"]) / rb["n"] if rb else 0.0
        ratio = f"{wb / wa:6.1f}" if wa else "   inf" if wb else "     -"
        print(f"{rule[:34]:34} {ra['n'] if ra else 0:4} {wa:7.3f} {rb['n'] if rb else 0:4} {wb:7.3f} {ratio}")
    share_a = Counter(r["rule"] for r in a)
    share_b = Counter(r["rule"] for r in b)
    print("firing share A -> B (rules over 2%): " + "; ".join(
        f"{k} {share_a[k] / len(a):.3f}->{share_b[k] / len(b):.3f}" for k in sorted(set(share_a) | set(share_b))
        if max(share_a[k] / len(a), share_b[k] / len(b)) > 0.02))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predictions", type=Path, help="who-PART.jsonl kept by real_eval.py who --explain --keep")
    ap.add_argument("--part", default="dev", choices=["dev", "fresh", "test", "test2", "test4"])
    ap.add_argument("--kind", default="direct", choices=["direct", "indirect"])
    ap.add_argument("--top", type=int, default=15, help="pages listed, most wrong speakers first")
    ap.add_argument("--against", type=Path, help="a second run's predictions (B), its part by --against-part")
    ap.add_argument("--against-part", default="test", choices=["dev", "fresh", "test", "test2", "test4"])
    args = ap.parse_args()
    rows, pages = rows_of(args.predictions, args.part, args.kind)
    print_run(rows, pages, args.top)
    if args.against:
        other, _ = rows_of(args.against, args.against_part, args.kind)
        print(f"\nA = {args.part}, B = {args.against_part}")
        compare(rows, other)
    return 0


if __name__ == "__main__":
    sys.exit(main())
