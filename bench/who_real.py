"""Lists, per dev page, what the "who" measures of ``bench/real_eval.py`` count as wrong: wrong
speakers, missed and extra entities, missed and extra quotes (tuning aid, dev part only).

    .venv/bin/python bench/real_eval.py who --part dev --body --keep /tmp/who-keep
    .venv/bin/python bench/who_real.py /tmp/who-keep/who-dev.jsonl [--only speakers|entities|quotes] [--part fresh]

Prints page text to the terminal only (the pages stay in ../shared; never redirect into the repo).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.real_eval import _gold, _scorer  # noqa: E402
from tools.real_pages.materialize import materialize  # noqa: E402


def _short(text: str | None, width: int = 70) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def gold_pages(pred_path: Path, part: str) -> Iterator[tuple[str, dict, dict, Any, ModuleType]]:
    """(page, its who gold as the scorer reads it, its prediction, the scorer's name test for that
    gold, the scorer), page by page, for the tools that break the who figures down."""
    scorer = _scorer()
    entries, who, _ = _gold("who", part)
    preds = scorer.load_predictions(pred_path)
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = Path(tmp)
        materialize(entries, gold_dir, who=who)
        for gold_file in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            yield gold_file.stem, gold, preds.get(gold_file.stem, {}), scorer.Names(gold), scorer


def report(pred_path: Path, only: str | None, part: str = "dev") -> None:
    for page, gold, pred, names, scorer in gold_pages(pred_path, part):
        lines: list[str] = []
        if only in (None, "entities"):
            gents, pents = gold.get("entities", []), pred.get("entities", [])
            pairs = scorer.greedy_match(gents, pents, lambda g, p, names=names: names.same(p.get("name"), g["name"]))
            got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
            lines += [f"  missed entity {g['type']} {g['name']!r}" for i, g in enumerate(gents)
                      if i not in got_g and not g.get("optional")]
            lines += [f"  extra entity  {p.get('type')} {p.get('name')!r}" for i, p in enumerate(pents)
                      if i not in got_p]
            lines += [f"  wrong type    {gents[g]['name']!r} gold {gents[g]['type']} got {pents[p].get('type')}"
                      for g, p in pairs if gents[g]["type"] != pents[p].get("type")]
        for kind in ("direct", "indirect"):
            gq = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind]
            pq = [q for q in pred.get("quotes", []) if q.get("kind", "direct") == kind]
            pairs = scorer.greedy_match(gq, pq, lambda g, p, scorer=scorer: scorer.dice(g["text"], p.get("text", "")) >= 0.5)
            got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
            if only in (None, "quotes"):
                lines += [f"  missed {kind}: {_short(g['text'])} [{g.get('speaker')}]"
                          for i, g in enumerate(gq) if i not in got_g and not g.get("optional")]
                lines += [f"  extra {kind}: {_short(p.get('text'))} [{p.get('speaker')}]"
                          for i, p in enumerate(pq) if i not in got_p]
            if only in (None, "speakers"):
                for g, p in pairs:
                    gold_q, pred_q = gq[g], pq[p]
                    if not gold_q.get("optional") and not names.same(pred_q.get("speaker"), gold_q.get("speaker")):
                        lines.append(f"  speaker {kind}: got {pred_q.get('speaker')!r} ({pred_q.get('rule', '?')})"
                                     f" gold {gold_q.get('speaker')!r}: {_short(gold_q['text'], 60)}")
        if lines:
            print(page)
            print("\n".join(lines))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predictions", type=Path, help="who-dev.jsonl kept by real_eval.py --keep")
    ap.add_argument("--only", choices=["speakers", "entities", "quotes"])
    ap.add_argument("--part", choices=["dev", "fresh"], default="dev", help="the gold the predictions were made on")
    args = ap.parse_args()
    report(args.predictions, args.only, args.part)
    return 0


if __name__ == "__main__":
    sys.exit(main())
