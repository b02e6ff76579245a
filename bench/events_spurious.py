"""Predicted events the gold does not have (issue 13, precision census), on dev and fresh only.

    .venv/bin/python bench/events_spurious.py [--parts dev,fresh] [--pred DIR] [--rows] [--text]

Reads the predictions ``bench/events_real.py --pred DIR`` kept (``events-<part>.jsonl``; extracted when
missing) and matches them as that bench does. Each unmatched prediction gets a first kind from the gold of
its sentence, to be read by hand:

- ``dup``: another prediction of the sentence (matched, or before it) has its type and actors (the gold
  codes one event per type, source and target in a sentence);
- ``type``: an unmatched gold event of the sentence has its source and target, another type;
- ``actor``: an unmatched gold event of the sentence has its type, other actors;
- ``other-gold``: the sentence has unmatched gold events of other types and actors;
- ``repeat``: no gold left in the sentence, but an earlier sentence of the page has a gold event of its
  type and actors (a telling the gold codes once);
- ``none``: nothing in the gold near it (a mode, a sense, a line that is no prose, or a gold gap).

Counts by kind, site, trigger lemma and rule; ``--rows`` prints every row (page, line, prediction, gold),
``--text`` adds the sentence for reading at the terminal (never copy it into the repository). The
``fresh2`` part is a held-out estimate: this census never reads it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events_real import RECORDED, _as_list, events_by_sentence, gold_sentences, predictions  # noqa: E402
from real_eval import _scorer  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402


def _rule_head(rule: str | None) -> str:
    """The trigger entry of a rule string ("type=trigger:verb:réclamer source=…" -> "verb:réclamer")."""
    for part in (rule or "").split():
        if part.startswith("type="):
            return part[5:].removeprefix("trigger:").split(">")[0]
    return "?"


def census(part: str, pred_path: Path) -> list[dict]:
    """One row per prediction of the part's annotated sentences, ``kind`` "match" when the gold has it."""
    scorer = _scorer()
    same = scorer.Names({}).same
    records = {Path(json.loads(line)["source"]["path"]).stem: json.loads(line)
               for line in pred_path.read_text(encoding="utf-8").splitlines() if line.strip()}
    rows: list[dict] = []
    for page, sents in gold_sentences(part).items():
        by_sent = events_by_sentence((records.get(page) or {}).get("events", []), sents, scorer.tokens)

        def args_fit(g: dict, p: dict) -> bool:
            return same(p.get("source"), g["source"]) and (g.get("target") is None
                                                           or same(p.get("target"), g["target"]))

        for i, s in enumerate(sents):
            golds, preds = s["events"], by_sent.get(i, [])
            used, matched = set(), set()
            for gi, g in sorted(enumerate(golds), key=lambda x: x[1].get("mode") not in RECORDED):
                for pi, p in enumerate(preds):
                    if pi not in used and p.get("type") in _as_list(g["type"]) and args_fit(g, p):
                        used.add(pi)
                        matched.add(gi)
                        break
            left = [g for gi, g in enumerate(golds) if gi not in matched]
            for pi, p in enumerate(preds):
                if pi in used:
                    kind = "match"
                elif any(q.get("type") == p.get("type") and same(q.get("source"), p.get("source"))
                         and same(q.get("target"), p.get("target")) for qi, q in enumerate(preds) if qi < pi or qi in used):
                    kind = "dup"
                elif any(args_fit(g, p) for g in left):
                    kind = "type"
                elif any(p.get("type") in _as_list(g["type"]) for g in left):
                    kind = "actor"
                elif left:
                    kind = "other-gold"
                elif any(p.get("type") in _as_list(g["type"]) and args_fit(g, p)
                         for s0 in sents[:i] for g in s0["events"]):
                    kind = "repeat"
                else:
                    kind = "none"
                rows.append({"part": part, "page": page, "line": s["start"][0], "sent": i, "kind": kind, "type": p.get("type"),
                             "source": p.get("source"), "target": p.get("target"), "mode": p.get("mode"),
                             "trigger": p.get("trigger"), "rule": p.get("rule"), "entry": _rule_head(p.get("rule")),
                             "gold": [f"{g['type']} {g['source']}→{g['target']} [{g.get('mode')}]" for g in golds],
                             "text": s["text"]})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default="dev,fresh")
    ap.add_argument("--pred", type=Path, required=True, help="folder of kept predictions (written when missing)")
    ap.add_argument("--rows", action="store_true")
    ap.add_argument("--text", action="store_true", help="print each sentence (terminal only)")
    ap.add_argument("--json", type=Path, help="write the rows here")
    args = ap.parse_args()
    site_of = sites()
    rows: list[dict] = []
    for part in args.parts.split(","):
        if part in ("fresh2", "test", "dev+fresh", "both"):
            raise SystemExit(f"{part}: not read by this census")
        path = predictions(part, False, args.pred)
        if path is None:
            return 1
        rows += census(part, path)
    matched = [r for r in rows if r["kind"] == "match"]
    rows = [r for r in rows if r["kind"] != "match"]
    for r in rows + matched:
        r["site"] = site_of.get(r["page"], "?")
    if args.json:
        args.json.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows + matched), encoding="utf-8")
    print(f"{len(matched)} matched predictions")
    kinds = Counter(r["kind"] for r in rows)
    print(f"{len(rows)} unmatched predictions on {len({r['site'] for r in rows})} sites")
    for kind, n in kinds.most_common():
        these = [r for r in rows if r["kind"] == kind]
        print(f"{kind:11} {n:4}  sites {len({r['site'] for r in these}):3}  entries "
              + ", ".join(f"{e} {c}" for e, c in Counter(r["entry"] for r in these).most_common(8)))
    print("by type: " + ", ".join(f"{t} {c}" for t, c in Counter(r["type"] for r in rows).most_common()))
    print("by site: " + ", ".join(f"{t} {c}" for t, c in Counter(r["site"] for r in rows).most_common(25)))
    if args.rows:
        for r in rows:
            print(f"{r['page']}:{r['line']} [{r['site']}] {r['kind']}: {r['type']} {r['source']}→{r['target']} "
                  f"[{r['mode']}] «{r['trigger']}» {r['rule']}\n   gold: {'; '.join(r['gold']) or '-'}")
            if args.text:
                print(f"   text: {r['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
