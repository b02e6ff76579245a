"""Which rules make the right and the wrong events, and on how many sites (issue 13, dev and fresh only).

    .venv/bin/python bench/events_rule_sites.py --pred DIR [--parts dev,fresh[,fresh4]] [--prefix source1:] [--top 40]

Reads the rows of ``bench/events_spurious.py`` (every prediction of the annotated sentences, matched or
not, with its ``rule`` string) and splits each rule into its parts: ``type:`` (trigger kind or model),
``entry:`` (the trigger entry), ``source:`` / ``target:`` (the whole chain of rules) and ``source1:`` /
``target1:`` (the last rule of the chain, the one that named the actor). For each part: right events
(matched on type, source and target) and sites, wrong events and sites, and among the wrong the
``actor`` kind (the gold has the type in the sentence, with other actors). A part whose right events
come from two sites or fewer while its wrong ones spread over three or more is flagged ``fit?``: the
sign of a rule written for the pages it was tuned on. ``--batches`` adds, per annotation batch
(annotator), pages, sites, recorded gold events, right and wrong predictions, P, R and F1: the pages the
rules were first written against beside the batches kept out at their time. ``--parts dev,fresh,fresh4,fresh5``
adds the fourth and fifth later batches (readable after their first score). The ``fresh2``, ``fresh3`` and test parts
are never read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_real import RECORDED, predictions  # noqa: E402
from events_spurious import census  # noqa: E402
from tools.real_pages.gold import load_events, sites  # noqa: E402


def parts(rule: str | None) -> set[str]:
    """The parts of a rule string ("type=trigger:verb:réclamer source=up>subject target=none")."""
    out: set[str] = set()
    for part in (rule or "").split():
        key, _, value = part.partition("=")
        if key == "type":
            kind = value.split(":")[:2] if value.startswith("trigger:") else [re.sub(r"[:0-9.]+$", "", value)]
            out |= {"type:" + ":".join(kind), "entry:" + value}
        elif key in ("source", "target"):
            out |= {f"{key}:{value}", f"{key}1:{value.split('>')[-1].split(' ')[0]}"}
    return out


def tally(rows: list[dict]) -> dict[str, dict[str, list]]:
    """part -> {"right"|"wrong"|"actor": [count, sites]}."""
    table: dict[str, dict[str, list]] = defaultdict(lambda: {k: [0, set()] for k in ("right", "wrong", "actor")})
    for r in rows:
        kinds = ["right"] if r["kind"] == "match" else ["wrong"] + (["actor"] if r["kind"] == "actor" else [])
        for part in parts(r["rule"]):
            for kind in kinds:
                table[part][kind][0] += 1
                table[part][kind][1].add(r["site"])
    return table


def fitted(cell: dict[str, list]) -> bool:
    return len(cell["right"][1]) <= 2 and len(cell["wrong"][1]) >= 3


def batches(rows: list[dict], parts_read: list[str], site_of: dict[str, str]) -> list[str]:
    """One line per annotator of the parts read: pages, sites, gold, right, wrong, P, R, F1."""
    of_page: dict[str, str] = {}
    gold: dict[str, int] = defaultdict(int)
    for part in parts_read:
        for sent in load_events(part):
            of_page[sent["page"]] = sent.get("annotator") or "?"
            gold[of_page[sent["page"]]] += sum(1 for e in sent["events"] if e.get("mode") in RECORDED)
    lines = []
    for who in sorted(gold):
        mine = [r for r in rows if of_page.get(r["page"]) == who]
        tp = sum(r["kind"] == "match" for r in mine)
        fp = len(mine) - tp
        p, r = tp / max(1, tp + fp), tp / max(1, gold[who])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        pages = {pg for pg, w in of_page.items() if w == who}
        lines.append(f"{who:18} pages {len(pages):3} sites {len({site_of.get(pg, pg) for pg in pages}):3} gold {gold[who]:4} "
                     f"right {tp:3} wrong {fp:3}  P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", type=Path, required=True, help="folder of kept predictions (written when missing)")
    ap.add_argument("--parts", default="dev,fresh")
    ap.add_argument("--prefix", default="", help="only the parts starting so (source1:, entry:, …)")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--batches", action="store_true", help="also P / R / F1 per annotation batch")
    args = ap.parse_args()
    site_of = sites()
    rows: list[dict] = []
    for part in args.parts.split(","):
        if part not in ("dev", "fresh", "fresh4", "fresh5"):
            raise SystemExit(f"{part}: not read by this census")
        path = predictions(part, False, args.pred)
        if path is None:
            return 1
        rows += census(part, path)
    for r in rows:
        r["site"] = site_of.get(r["page"], "?")
    table = tally(rows)
    chosen = sorted(((p, c) for p, c in table.items() if p.startswith(args.prefix)),
                    key=lambda pc: (pc[1]["right"][0] - pc[1]["wrong"][0], pc[0]))
    print(f"{'part':58} {'right':>10} {'wrong':>10} {'actor':>10}")
    for part, cell in chosen[:args.top]:
        cols = " ".join(f"{cell[k][0]:4} ({len(cell[k][1]):3})" for k in ("right", "wrong", "actor"))
        print(f"{part[:58]:58} {cols}{'  fit?' if fitted(cell) else ''}")
    if args.batches:
        print("\n".join(batches(rows, args.parts.split(","), site_of)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
