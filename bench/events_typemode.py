"""Events matched on their actors with the wrong type, and matched events with the wrong mode (issue 13).

    .venv/bin/python bench/events_typemode.py --pred DIR [--parts dev,fresh,fresh4,fresh5] [--rows] [--text]

The pairs are the ones ``bench/events_real.py`` scores: for ``type_acc`` each gold event takes the
first free prediction of its sentence that agrees on source and target (a null gold target accepts
any); for ``mode_acc`` each gold event matched on type, source and target. Each error is tallied by
trigger entry (the rule string's ``type=`` part), type pair (gold → predicted), mode pair, with its
events and sites; ``--rows`` prints each one by page:line, site, rule and both labels (``--text``: the
sentence too, at the terminal only: the pages stay in ../shared). Type errors whose sentence also
holds a prediction of the gold's type with the same actors are counted apart (``twin``), and so are
those whose prediction has the type of another gold event of the sentence that its actors fit
(``other``): the pairing took the wrong one of two predictions or golds, not a wrong type. Readable dev batches only: fresh2, fresh3
and test are refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_real import RECORDED, _as_list, _scorer, events_by_sentence, gold_sentences, predictions  # noqa: E402
from events_spurious import _rule_head  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402

READABLE = ("dev", "fresh", "fresh4", "fresh5")


def errors(part: str, pred_path: Path) -> tuple[list[dict], Counter]:
    """The type and mode errors of one part, and the counts of pairs scored."""
    scorer = _scorer()
    same = scorer.Names({}).same
    records = {Path(json.loads(line)["source"]["path"]).stem: json.loads(line)
               for line in pred_path.read_text(encoding="utf-8").splitlines() if line.strip()}
    rows: list[dict] = []
    counts: Counter = Counter()

    def args_fit(g: dict, p: dict) -> bool:
        return same(p.get("source"), g["source"]) and (g.get("target") is None or same(p.get("target"), g["target"]))

    for page, sents in gold_sentences(part).items():
        by_sent = events_by_sentence((records.get(page) or {}).get("events", []), sents, scorer.tokens)
        for i, s in enumerate(sents):
            golds, preds = s["events"], by_sent.get(i, [])
            base = {"part": part, "page": page, "line": s["start"][0], "text": s["text"]}
            used: set[int] = set()
            for g in sorted(golds, key=lambda g: g.get("mode") not in RECORDED):
                for pi, p in enumerate(preds):
                    if pi not in used and p.get("type") in _as_list(g["type"]) and args_fit(g, p):
                        used.add(pi)
                        counts["mode_n"] += 1
                        if p.get("mode") != g.get("mode"):
                            rows.append(base | _row("mode", g, p))
                        break
            free = set(range(len(preds)))
            for g in golds:
                for pi in sorted(free):
                    p = preds[pi]
                    if args_fit(g, p):
                        free.discard(pi)
                        counts["type_n"] += 1
                        if p.get("type") not in _as_list(g["type"]):
                            twin = any(q.get("type") in _as_list(g["type"]) and args_fit(g, q) for q in preds)
                            other = any(p.get("type") in _as_list(o["type"]) and args_fit(o, p) for o in golds)
                            kind = "twin" if twin else "other" if other else "type"
                            rows.append(base | _row(kind, g, p))
                        break
    return rows, counts


def _row(kind: str, g: dict, p: dict) -> dict:
    return {"kind": kind, "gold_type": "/".join(_as_list(g["type"])), "type": p.get("type"),
            "gold_mode": g.get("mode"), "mode": p.get("mode"), "source": p.get("source"), "target": p.get("target"),
            "gold_source": g.get("source"), "gold_target": g.get("target"), "trigger": p.get("trigger"),
            "rule": p.get("rule"), "entry": _rule_head(p.get("rule"))}


def _table(title: str, rows: list[dict], key) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    print(f"  {title}:")
    for k, rs in sorted(groups.items(), key=lambda kv: (-len({r['site'] for r in kv[1]}), -len(kv[1]))):
        print(f"    {k:48} {len(rs):3} events {len({r['site'] for r in rs}):3} sites")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default=",".join(READABLE))
    ap.add_argument("--pred", type=Path, required=True, help="folder of kept predictions (written when missing)")
    ap.add_argument("--rows", action="store_true")
    ap.add_argument("--text", action="store_true", help="print each sentence (terminal only)")
    args = ap.parse_args()
    site_of = sites()
    rows: list[dict] = []
    for part in args.parts.split(","):
        if part not in READABLE:
            raise SystemExit(f"{part}: not read by this census")
        path = predictions(part, False, args.pred)
        if path is None:
            return 1
        found, counts = errors(part, path)
        for r in found:
            r["site"] = site_of.get(r["page"], "?")
        rows += found
        kinds = Counter(r["kind"] for r in found)
        print(f"{part}: type pairs {counts['type_n']}, wrong {kinds['type']} (+{kinds['twin']} twin, "
              f"+{kinds['other']} other); "
              f"mode pairs {counts['mode_n']}, wrong {kinds['mode']}")
    for kind in ("type", "twin", "other", "mode"):
        these = [r for r in rows if r["kind"] == kind]
        print(f"{kind}: {len(these)} events on {len({r['site'] for r in these})} sites")
        if not these:
            continue
        _table("entry", these, lambda r: r["entry"])
        if kind == "mode":
            _table("mode pair", these, lambda r: f"{r['gold_mode']} -> {r['mode']}")
            _table("mode pair by entry", these, lambda r: f"{r['gold_mode']} -> {r['mode']} {r['entry']}")
        else:
            _table("type pair", these, lambda r: f"{r['gold_type']} -> {r['type']}")
    if args.rows:
        for r in rows:
            print(f"{r['kind']} {r['part']} {r['page']}:{r['line']} [{r['site']}] gold {r['gold_type']} "
                  f"{r['gold_source']}→{r['gold_target']} [{r['gold_mode']}] | pred {r['type']} {r['source']}→"
                  f"{r['target']} [{r['mode']}] «{r['trigger']}» {r['rule']}")
            if args.text:
                print(f"   text: {r['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
