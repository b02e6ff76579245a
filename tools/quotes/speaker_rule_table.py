"""Each speaker rule's decisions on the who gold, counted by quote and by site (issue 16).

    .venv/bin/python bench/real_eval.py who --part dev --body --explain --keep /tmp/keep
    .venv/bin/python tools/quotes/speaker_rule_table.py /tmp/keep/who-dev.jsonl [--kind direct] [--rule R]
    .venv/bin/python tools/quotes/speaker_rule_table.py NEW.jsonl --against OLD.jsonl   # changed speakers

For every rule recorded on the quotes (``--explain``; a scorer overrule ``model:F P (over R)`` counts
under ``model>R``), over the gold quotes a prediction matched (token Dice >= .5, as the scorer):

* named: the rule gave a speaker, right / wrong name / where the gold has nobody;
* nobody: the rule left the quote without a speaker, right (gold nobody too) / wrong (gold names one);
* sites: on how many distinct sites (``split.tsv``) it was right and wrong.

A rule right on two sites or fewer and wrong on more, or under .5 over three sites or more, is
flagged (``CANDIDATE``): remove, demote or narrow it, judged by a before/after over the sites.
``--against`` lists each quote whose speaker changed between two runs, with its site and whether the
change went right -> wrong or wrong -> right (page text goes to the terminal only; dev pages only).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.who_real import gold_pages  # noqa: E402

from tools.real_pages.gold import sites  # noqa: E402

OVERRULE = re.compile(r"model:\S+ [\d.]+ \(over (.+)\)")


def rule_label(rule: str | None, detail: bool = False) -> str:
    """``model>R`` for a scorer overrule of rule R, the rule's name otherwise; without ``detail`` the
    notes after "+" (``+via:…``, ``+full_name``, `` +speaker_not_entity``) are left off."""
    if not rule:
        return "?"
    rule = rule.split(" || ")[0]  # (a census of the later rules, ``rule_census.py``)
    m = OVERRULE.match(rule)
    name = m.group(1) if m else rule
    if not detail:
        name = name.split("+")[0].strip()
    return f"model>{name}" if m else name


def matched(pred_path: Path, part: str, raw: bool = False, detail: bool = False) -> list[dict]:
    """One row per gold quote a prediction matched: page, site, kind, gold and predicted speaker, rule,
    whether the speaker is right, the quote's text (for ``--against``); with ``raw`` also the rule as
    recorded and the scorer's name test (for ``rule_census.py``)."""
    site_of = sites()
    out: list[dict] = []
    for page, gold, pred, names, scorer in gold_pages(pred_path, part):
        for kind, gq, pq in matched_pairs(gold, pred, scorer):
            said, gold_speaker = pq.get("speaker"), gq.get("speaker")
            out.append({"page": page, "site": site_of.get(page, page),
                        "kind": kind, "gold": gold_speaker, "said": said, "rule": rule_label(pq.get("rule"), detail),
                        "right": names.same(said, gold_speaker), "text": gq["text"],
                        **({"raw_rule": pq.get("rule") or "?", "same": names.same} if raw else {})})
    return out


def matched_pairs(gold: dict, pred: dict, scorer: Any) -> Iterator[tuple[str, dict, dict]]:
    """(kind, gold quote, predicted quote) for each non-optional gold quote of a page a prediction
    matched (token Dice >= .5, as the scorer pairs them)."""
    for kind in ("direct", "indirect"):
        gq = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind]
        pq = [q for q in pred.get("quotes", []) if q.get("kind", "direct") == kind]
        for g, p in scorer.greedy_match(gq, pq, lambda a, b: scorer.dice(a["text"], b.get("text", "")) >= 0.5):
            if not gq[g].get("optional"):
                yield kind, gq[g], pq[p]


def table(rows: list[dict]) -> list[tuple]:
    """Per rule: n, named right/wrong/gold-nobody, nobody right/wrong, right sites, wrong sites, flag."""
    by: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by[r["rule"]].append(r)
    out = []
    for rule, rs in by.items():
        named = [r for r in rs if r["said"]]
        nobody = [r for r in rs if not r["said"]]
        right_sites = {r["site"] for r in rs if r["right"]}
        wrong_sites = {r["site"] for r in rs if not r["right"]}
        right = sum(r["right"] for r in rs)
        flag = (len(right_sites) <= 2 and len(wrong_sites) > len(right_sites)) or (
            len(wrong_sites) >= 3 and right / len(rs) < 0.5)
        out.append((rule, len(rs), sum(r["right"] for r in named), sum(not r["right"] and bool(r["gold"]) for r in named),
                    sum(not r["gold"] for r in named), sum(r["right"] for r in nobody),
                    sum(not r["right"] for r in nobody), len(right_sites), len(wrong_sites), flag))
    return sorted(out, key=lambda t: -t[1])


def print_table(rows: list[dict], kind: str | None) -> None:
    for k in (("direct", "indirect") if kind is None else (kind,)):
        rs = [r for r in rows if r["kind"] == k]
        if not rs:
            continue
        print(f"\n{k}: {len(rs)} matched gold quotes on {len({r['site'] for r in rs})} sites, "
              f"speaker right {sum(r['right'] for r in rs) / len(rs):.3f}")
        print(f"{'rule':34} {'n':>4} | {'named ok':>8} {'wrong':>5} {'g-null':>6} | {'null ok':>7} {'null bad':>8}"
              f" | {'ok sites':>8} {'bad sites':>9}")
        for rule, n, ok, bad, gnull, nok, nbad, rsites, wsites, flag in table(rs):
            print(f"{rule[:34]:34} {n:4} | {ok:8} {bad:5} {gnull:6} | {nok:7} {nbad:8} | {rsites:8} {wsites:9}"
                  f"{'  CANDIDATE' if flag else ''}")


def changes(new: list[dict], old: list[dict]) -> None:
    """The quotes whose speaker changed between two runs, right -> wrong and wrong -> right, by site."""
    def keyed(rows: list[dict]) -> dict[tuple, dict]:
        seen: dict[tuple, int] = defaultdict(int)  # a text the gold holds twice on a page: its n-th time
        out = {}
        for r in rows:
            key = (r["page"], r["kind"], r["text"])
            out[(*key, seen[key])] = r
            seen[key] += 1
        return out

    before = keyed(old)
    gained: dict[str, int] = defaultdict(int)
    lost: dict[str, int] = defaultdict(int)
    for key, r in keyed(new).items():
        o = before.get(key)
        if o is None or o["said"] == r["said"]:
            continue
        mark = "wrong->right" if r["right"] and not o["right"] else "right->wrong" if o["right"] and not r["right"] \
            else "same"
        (gained if mark == "wrong->right" else lost if mark == "right->wrong" else defaultdict(int))[r["site"]] += 1
        print(f"{mark:13} {r['site']:28} {r['page']} {r['kind']:8} {o['said']!r} ({o['rule']}) -> {r['said']!r}"
              f" ({r['rule']}) gold {r['gold']!r}: {r['text'][:60]!r}")
    print(f"wrong->right {sum(gained.values())} on {len(gained)} sites; right->wrong {sum(lost.values())}"
          f" on {len(lost)} sites; sites net better {len(set(gained) - set(lost))}, worse {len(set(lost) - set(gained))}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predictions", type=Path, help="who-dev.jsonl kept by real_eval.py --explain --keep")
    ap.add_argument("--part", choices=["dev", "fresh"], default="dev")
    ap.add_argument("--kind", choices=["direct", "indirect"])
    ap.add_argument("--rule", help="list this rule's wrong quotes (dev pages; terminal only)")
    ap.add_argument("--against", type=Path, help="an earlier run's predictions: list the changed speakers")
    ap.add_argument("--detail", action="store_true", help="keep the notes after '+' in the rule names")
    args = ap.parse_args()
    rows = matched(args.predictions, args.part, detail=args.detail)
    if args.against:
        changes(rows, matched(args.against, args.part, detail=args.detail))
        return 0
    if args.rule:
        for r in rows:
            if r["rule"] == args.rule and (args.kind is None or r["kind"] == args.kind):
                print(f"{'ok ' if r['right'] else 'BAD'} {r['site']:28} {r['page']} {r['kind']:8} said {r['said']!r}"
                      f" gold {r['gold']!r}: {r['text'][:70]!r}")
        return 0
    print_table(rows, args.kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
