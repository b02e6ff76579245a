"""The events' date and place error budget on the real-sentence DEV gold, by cell, anchor and site.

    .venv/bin/python bench/events_slots.py [--part dev|fresh|fresh4|fresh5] [--pred DIR] [--show CELL]

Pairs are those of ``bench/events_real.py`` (``date_loose`` / ``place_loose``: the matched events
and, beside them, a gold and a predicted event of one sentence that share a type). Each wrong date
or place is put in a cell: ``extra`` (a value where the gold has none), ``missing`` (none where the
gold has one) or ``other`` (another value); a predicted date is also put by its anchor: ``time`` (a
time expression of the sentence has that value), ``published`` (the article's date, no time of the
sentence has it) or ``reported`` (another day: the day the lede or the dateline reports). Counts
are printed with the number of sites and the sites most met, so that a rule goes where a cell
recurs across sites; ``--right`` counts the right predicted values too (cell ``right``), so that an
anchor's right and wrong dates can be weighed. ``--show CELL`` (e.g. ``date:missing``) lists that cell's dev pairs by page
and line with the gold and predicted values only (the pages stay in ../shared). Dev batches only
(``--part`` dev, fresh, fresh4 or fresh5): the test parts are only ever scored, by
``bench/events_real.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import events_real  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402


def _body(record: dict) -> str:
    title = record.get("title") or ""
    return (title + "\n\n" if title else "") + "\n\n".join(record.get("paragraphs", []))


def anchor(record: dict, event: dict | None, value: str | None) -> str:
    """Where a predicted date comes from: a time of the event's sentence, the publication, else
    the day the article reports."""
    if not value or event is None:
        return "-"
    text = _body(record)
    start = text.find(event.get("text", ""))
    if start >= 0:
        end = start + len(event["text"])
        for t in record.get("times", []):
            spans = t.get("spans") or [[t.get("start"), t.get("end")]]
            if any(a is not None and start <= a < end for a, _ in spans) and str(t.get("value") or "")[:10] == value:
                return "time"
    return "published" if value == record.get("published") else "reported"


def collect(pred_path: Path, part: str = "dev", right: bool = False) -> list[dict]:
    rows: list[dict] = []
    records = {Path(json.loads(line)["source"]["path"]).stem: json.loads(line)
               for line in pred_path.read_text(encoding="utf-8").splitlines() if line.strip()}

    class Recording(events_real.Scores):
        current: tuple = ()

        def slot(self, slot, gold, pred, names) -> None:  # type: ignore[no-untyped-def]
            super().slot(slot, gold, pred, names)
            page, sent, preds = self.current
            ok = names.same(pred, gold or None) if slot.startswith("place") else (pred == gold or not (gold or pred))
            if (ok and not (right and pred)) or not slot.endswith("_loose"):
                return
            field = slot.split("_")[0]
            event = next((p for p in preds if p.get(field) == pred), None)
            rows.append({"page": page, "line": sent["start"][0], "slot": field, "gold": gold, "pred": pred,
                         "cell": "right" if ok else "extra" if not gold else "missing" if not pred else "other",
                         "anchor": anchor(records.get(page, {}), event, pred) if field == "date" else "-"})

    original = events_real.score_sentence

    def score_sentence(sent, preds, names, scores, page) -> None:  # type: ignore[no-untyped-def]
        scores.current = (page, sent, preds)
        original(sent, preds, names, scores, page)

    events_real.score_sentence, events_real.Scores = score_sentence, Recording
    try:
        events_real.score_part(part, pred_path)
    finally:
        events_real.score_sentence, events_real.Scores = original, Recording.__mro__[1]
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", type=Path, help="folder of kept predictions (read if there, else written)")
    ap.add_argument("--show", help="list one cell's pairs, e.g. date:missing or place:other")
    ap.add_argument("--right", action="store_true",
                    help="also count the right predicted values (cell 'right'), by anchor: which anchors earn dates")
    ap.add_argument("--part", choices=["dev", "fresh", "fresh4", "fresh5"], default="dev",
                    help="a readable dev batch (never a test part)")
    args = ap.parse_args()
    path = events_real.predictions(args.part, False, args.pred)
    if path is None:
        print(f"{args.part}: no predictions (is ../shared there?)", file=sys.stderr)
        return 1
    site_of = sites()
    rows = collect(path, args.part, args.right)
    counts: Counter = Counter()
    where: dict[tuple, Counter] = defaultdict(Counter)
    for r in rows:
        key = (r["slot"], r["cell"], r["anchor"])
        counts[key] += 1
        where[key][site_of.get(r["page"], "?")] += 1
    print("slot   cell     anchor       pairs  sites  most met")
    for key, n in sorted(counts.items()):
        top = ", ".join(f"{s} {c}" for s, c in where[key].most_common(3))
        print(f"{key[0]:6} {key[1]:8} {key[2]:10} {n:7} {len(where[key]):6}  {top}")
    if args.show:
        slot, _, cell = args.show.partition(":")
        for r in rows:
            if r["slot"] == slot and (not cell or r["cell"] == cell):
                print(f"{r['page']}:{r['line']} {site_of.get(r['page'], '?')} gold={r['gold']} pred={r['pred']} "
                      f"anchor={r['anchor']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
