"""PLOVER events (issue 13) on held-out pages kept outside the corpus, scored the way
``bench/events_real.py`` and ``bench/real_eval.py events`` score the corpus gold.

    python bench/extra_events.py [--pages-dir /work/extra/event_pages]
                                 [--gold tests/data/extra_events/events_heldout4.jsonl] [--pages-gold FILE]
                                 [--mode body|pages|both] [--json] [--keep DIR]
    python bench/extra_events.py --check     # the gold against the pages: ranges, digests, spans, labels
    python bench/extra_events.py --counts    # how much gold there is, per type (no extraction)

The pages (``z0001.txt`` …, copyrighted) stay in ``--pages-dir``; ``tests/data/extra_events`` holds their
sources and gold, positions and labels only: the events gold (``events_*.jsonl``, one annotated sentence
a row, the format of ``tests/data/real_pages/events_dev.jsonl``) and the page gold with title, date and
body lines (``--pages-gold``, by default the ``gold_*.jsonl`` beside it). Veille extracts the pages
(``--mode pages``) or the gold title, body and date handed over (``--mode body``, the figure of
``real_eval.py events --body``); both families of measures come from the same run:

- ``events_real``: per-sentence F1 on type + source + target (negated, hypothetical and demanded gold
  events optional), type, mode and date accuracy, per-type gold/predicted/found counts
  (``events_real.score_sentence``, each predicted event given to the annotated sentence its text
  matches best, token Dice ≥ .6);
- ``shared``: ``../shared/eval/score.py`` on the materialized gold (``events``, ``event_date``), the
  predictions kept only when their sentence is an annotated one, as ``real_eval.py`` keeps them.

Exits 0 with a note when the folder is absent (CI has no such folder). Held-out gold: score it only
when its brief says so, and read only the figures (no per-sentence error list is printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from events_real import Scores, _dice, score_sentence  # noqa: E402
from extra_common import Pages, checked, extracted, no_scorer, pages_at, readable  # noqa: E402
from real_eval import MEASURES, _keep_annotated_events  # noqa: E402
from real_eval import _cell as shared_cell  # noqa: E402
from tools.real_pages.gold import load  # noqa: E402
from tools.real_pages.materialize import shared_scorer, span_text  # noqa: E402

DEFAULT_PAGES = Path("/work/extra/event_pages")
DEFAULT_GOLD = ROOT / "tests" / "data" / "extra_events" / "events_heldout4.jsonl"
TYPES = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODES = {"fact", "intent", "hypothetical", "negated", "demanded"}


def pages_gold_for(events_gold: Path) -> Path:
    """``events_NAME.jsonl`` -> ``gold_NAME.jsonl`` beside it."""
    return events_gold.with_name("gold_" + events_gold.name.removeprefix("events_"))


def load_gold(pages_gold: Path, events_gold: Path) -> tuple[list[dict], dict[str, list[dict]]]:
    """The page-gold entries that have events gold, and the annotated sentences by page (file order)."""
    events: dict[str, list[dict]] = {}
    for row in load(events_gold):
        events.setdefault(row["page"], []).append(row)
    pages = {e["page"]: e for e in load(pages_gold)}
    return [pages[p] for p in events if p in pages], events


def sentences(events: dict[str, list[dict]], pages: Pages) -> dict[str, list[dict]]:
    """Annotated sentences by page with their text read from the page (as ``event_sentences`` does)."""
    out: dict[str, list[dict]] = {}
    for page, rows in events.items():
        lines = pages.lines(page)
        out[page] = [{**r, "text": span_text(lines, r["start"], r["end"])} for r in rows]
    return out


def _inside(lines: list[str], pos: list[int]) -> bool:
    line, col = pos
    return 1 <= line <= len(lines) and 0 <= col <= len(lines[line - 1])


def _as_list(value) -> list:  # noqa: ANN001 - a type or a list of types
    return value if isinstance(value, list) else [value]


def check(entries: list[dict], events: dict[str, list[dict]], pages: Pages) -> list[str]:
    """Problems of the gold against the pages (empty when all is well)."""
    out: list[str] = []
    for entry, lines in readable(entries, pages, out):
        page = entry["page"]
        ranges = entry.get("body") or []
        skip = set(entry.get("exclude") or [])
        body = {i for a, b in ranges for i in range(a, b + 1) if i not in skip}
        previous = (0, 0)
        for row in events[page]:
            start, end = row["start"], row["end"]
            if not (_inside(lines, start) and _inside(lines, end) and tuple(start) < tuple(end)):
                out.append(f"{page}: sentence {start}-{end} is outside the page")
                continue
            if start[0] not in body or end[0] not in body:
                out.append(f"{page}: sentence {start}-{end} is outside the body lines")
            if tuple(start) < previous:
                out.append(f"{page}: sentence {start} is out of order")
            previous = tuple(end)
            for ev in row["events"]:
                line, c1, c2 = ev["trigger"]
                if not (start[0] <= line <= end[0] and 0 <= c1 < c2 <= len(lines[line - 1])):
                    out.append(f"{page}: trigger {ev['trigger']} is outside its sentence")
                if not set(_as_list(ev["type"])) <= TYPES or ev.get("mode") not in MODES:
                    out.append(f"{page}: unknown type or mode {ev['type']!r} {ev.get('mode')!r}")
    return out


def counts(events: dict[str, list[dict]]) -> dict:
    """Pages, sentences, events (all and required: fact or intent) and required events per first type."""
    rows = [r for page_rows in events.values() for r in page_rows]
    evs = [e for r in rows for e in r["events"]]
    required = [e for e in evs if e.get("mode") in ("fact", "intent")]
    per_type = Counter(_as_list(e["type"])[0] for e in required)
    return {"pages": len(events), "sentences": len(rows), "events": len(evs), "required": len(required),
            "per_type": dict(sorted(per_type.items()))}


def score_pages(sents: dict[str, list[dict]], records: dict[str, dict]) -> Scores:
    """``events_real.py``'s sentence-by-sentence scoring, on sentences read from any folder."""
    scorer = shared_scorer()
    names = scorer.Names({})
    scores = Scores()
    for page, page_sents in sents.items():
        by_sent: dict[int, list[dict]] = {}
        for ev in (records.get(page) or {}).get("events", []):
            best, best_i = 0.0, None
            for i, s in enumerate(page_sents):
                d = _dice(ev.get("text", ""), s["text"], scorer.tokens)
                if d > best:
                    best, best_i = d, i
            if best_i is not None and best >= 0.6:
                by_sent.setdefault(best_i, []).append(ev)
        for i, s in enumerate(page_sents):
            score_sentence(s, by_sent.get(i, []), names, scores, page)
    return scores


def run(entries: list[dict], events: dict[str, list[dict]], pages: Pages, body: bool,
        keep: Path | None = None) -> dict | None:
    """Veille on the pages (or their gold body), both families of measures; ``None`` if nothing ran."""
    if not entries:
        return None
    scorer = shared_scorer()
    with extracted(entries, pages, body, explain=True, events=events) as (gold_dir, pred):
        if pred is None:
            return None
        _keep_annotated_events(pred, gold_dir, scorer.tokens)
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            name = f"events-extra{'-body' if body else ''}.jsonl"
            (keep / name).write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
        records = {Path(json.loads(line)["source"]["path"]).stem: json.loads(line)
                   for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()}
        shared = scorer.score(gold_dir, pred)
    per_sentence = score_pages(sentences(events, pages), records).as_dict()
    return {"events_real": per_sentence, "shared": {m: shared.get(m) for m in MEASURES["events"]},
            "pages": len(entries)}


def _ratio(value) -> str:  # noqa: ANN001 - (accuracy, ok, n)
    acc, ok, n = value
    return "—" if acc is None else f"{acc:.3f} ({ok}/{n})"


def report(mode: str, result: dict | None, gold: dict) -> None:
    print(f"extra events pages, {mode}: {gold['pages']} pages, {gold['sentences']} sentences, "
          f"{gold['events']} events ({gold['required']} fact/intent)")
    if result is None:
        print("  nothing scored")
        return
    ev = result["events_real"]["events"]
    print(f"  events_real events    F1 {ev['f1']:.3f} (P {ev['precision']:.3f} R {ev['recall']:.3f}; "
          f"tp {ev['tp']} fp {ev['fp']} fn {ev['fn']})")
    for measure in ("type_acc", "mode_acc", "event_date"):
        print(f"  events_real {measure:10} {_ratio(result['events_real'][measure])}")
    print("  per type (gold/predicted/found): " + ", ".join(
        f"{t} {c.get('gold', 0)}/{c.get('predicted', 0)}/{c.get('found', 0)}"
        for t, c in result["events_real"]["per_type"].items()))
    for measure in MEASURES["events"]:
        print(f"  shared {measure:15} {shared_cell(result['shared'].get(measure))}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages-dir", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="events gold (one sentence a row)")
    ap.add_argument("--pages-gold", type=Path, help="title/date/body gold (default: gold_*.jsonl beside --gold)")
    ap.add_argument("--mode", choices=["body", "pages", "both"], default="body",
                    help="hand over the gold title, body and date (body), the page files (pages), or both")
    ap.add_argument("--check", action="store_true", help="check the gold against the pages, score nothing")
    ap.add_argument("--counts", action="store_true", help="print how much gold there is, score nothing")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder (outside the repo)")
    args = ap.parse_args(argv)
    entries, events = load_gold(args.pages_gold or pages_gold_for(args.gold), args.gold)
    if args.counts:
        print(json.dumps(counts(events), ensure_ascii=False))
        return 0
    pages = pages_at(args.pages_dir)
    if pages is None:
        return 0
    if args.check:
        return checked(check(entries, events, pages),
                       f"{len(entries)} pages, {sum(len(r) for r in events.values())} sentences")
    if no_scorer():
        return 1
    modes = ["body", "pages"] if args.mode == "both" else [args.mode]
    results = {m: run(entries, events, pages, m == "body", args.keep) for m in modes}
    gold = counts(events)
    if args.json:
        print(json.dumps({"gold": gold, "results": results}, ensure_ascii=False))
        return 0
    for m in modes:
        report("body given" if m == "body" else "pages as given", results[m], gold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
