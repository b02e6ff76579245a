"""Scores Veille on the team's real-page gold (tests/data/real_pages), dev and test side by side.

    .venv/bin/python bench/real_eval.py pages            # title, published, body (issue 11)
    .venv/bin/python bench/real_eval.py who [--body]     # entities, quotes, speakers (issue 16)
    .venv/bin/python bench/real_eval.py events [--body]  # PLOVER events (issue 13)
    .venv/bin/python bench/real_eval.py times [--body]   # time expressions (issue 12): dates as SCHEMA
                                                         # scores them, and all four TIMEX3 types
    options: --part dev|test|both|fresh|fresh2|fresh3|fresh4|fresh5|test2|test4 (default both), --json, --keep DIR (keep predictions),
             (who: dev is who_dev.jsonl + who_dev_fresh.jsonl; --part fresh scores who_dev_fresh.jsonl alone;
             who: test is who_test.jsonl + who_test_second.jsonl + who_test_third.jsonl + who_test_fourth.jsonl;
             --part test2 scores the later test batches (who_test_second.jsonl, who_test_third.jsonl) alone and
             --part test4 the fourth (who_test_fourth.jsonl) alone, on the test page gold;
             times: dev is times_dev.jsonl + times_dev_fresh.jsonl + _fresh2 + _fresh3 + _fresh4;
             --part fresh / fresh2 / fresh3 / fresh4 score times_dev_fresh.jsonl / _fresh2 (unseen sites) / _fresh3 / _fresh4 alone;
             events: --part fresh2 / fresh3 score events_dev_fresh2.jsonl / events_dev_fresh3.jsonl, unseen sites, alone;
             --part fresh4 events_dev_fresh4.jsonl, a fourth later batch, alone;
             --part fresh5 events_dev_fresh5.jsonl, the fifth, alone),
             --explain (quotes record their speaker rule; bench/who_real.py lists the errors per page),
             --pages w0204,w0238 / --annotator NAME (only those pages / the pages that annotator marked),
             --errors (times, dev only: the all-types misses, extras and wrong values per page)

The pages stay in ../shared; gold holds positions and labels, turned into the shared gold format
in a temporary folder (tools/real_pages/materialize.py) and scored by ../shared/eval/score.py.
``--body`` hands the gold title, body and date over instead of the page (the "body given" column:
what a stage does when cleaning is not to blame). For events, predicted events are kept only when
their sentence is one the annotators marked (pages may be annotated in part). Test figures are for
reporting: tune on dev only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, gold_files, load, load_events, pages_part  # noqa: E402
from tools.real_pages.materialize import SCORER, body_inputs, materialize, shared_scorer  # noqa: E402
from tools.real_pages.times import AllTypes, doc_index, gold_spans, pred_occurrences, times_rows  # noqa: E402
from tools.real_pages.view import PAGES, page_path  # noqa: E402

MEASURES = {
    "pages": ["body", "title", "published"],
    "who": ["entities", "entities_typed", "quotes_direct", "speaker_direct", "quotes_indirect", "speaker_indirect",
            "quantities", "quantity_value"],
    "events": ["events", "event_date"],
    "times": ["times", "time_value", "time_value_ignoring_year", "all_strict", "all_relaxed", "all_value",
              "all_value_on_matches"],
}


def _scorer():
    return shared_scorer()


def page_filter(kind: str, part: str, pages: str | None, annotator: str | None) -> set[str] | None:
    """The pages ``--pages`` (comma-separated ids) and ``--annotator`` (pages that annotator marked in
    the ``kind`` gold) keep; ``None`` keeps every page."""
    keep: set[str] | None = None
    if pages:
        keep = {p.strip() for p in pages.split(",") if p.strip()}
    if annotator:
        if kind == "who":
            rows = [e for path in who_files(part) for e in load(path)]
        elif kind == "events":
            rows = load_events(part)
        elif kind == "times":
            rows = list(times_rows(part).values())
        else:
            path = GOLD_DIR / f"{kind}_{part}.jsonl"
            rows = load(path) if path.exists() else []
        marked = {e["page"] for e in rows if e.get("annotator") == annotator}
        keep = marked if keep is None else keep & marked
    return keep


def who_files(part: str) -> list[Path]:
    """The who gold files of a part that exist (``gold.BATCH_FILES``: ``dev`` includes the fresh batch)."""
    return [path for path in gold_files("who", part) if path.exists()]


def _gold(kind: str, part: str, only: set[str] | None = None) -> tuple[list[dict], dict | None, dict | None]:
    if part == "fresh" and kind not in ("who", "events", "times"):
        raise SystemExit(f"--part fresh exists for who, events and times, not {kind}")
    if part == "fresh2" and kind not in ("events", "times"):
        raise SystemExit(f"--part fresh2 exists for events and times, not {kind}")
    if part == "fresh3" and kind not in ("events", "times"):
        raise SystemExit(f"--part fresh3 exists for events and times, not {kind}")
    if part == "fresh4" and kind not in ("events", "times"):
        raise SystemExit(f"--part fresh4 exists for events and times, not {kind}")
    if part == "fresh5" and kind != "events":
        raise SystemExit(f"--part fresh5 exists for events, not {kind}")
    if part in ("test2", "test4") and kind != "who":
        raise SystemExit(f"--part {part} exists for who, not {kind}")
    page_gold = GOLD_DIR / f"gold_{pages_part(part)}.jsonl"
    pages = {e["page"]: e for e in load(page_gold)} if page_gold.exists() else {}
    if only is not None:
        pages = {p: e for p, e in pages.items() if p in only}
    who = events = None
    if kind == "times":
        who = times_rows(part)
        entries = [pages[p] for p in who if p in pages]
    elif kind == "who":
        who = {e["page"]: e for path in who_files(part) for e in load(path)}
        entries = [pages[p] for p in who if p in pages]
    elif kind == "events":
        events = {}
        for s in load_events(part):
            events.setdefault(s["page"], []).append(s)
        entries = [pages[p] for p in events if p in pages]
    else:
        entries = list(pages.values())
    return entries, who, events


def _dice(a: str, b: str, tokens) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    from collections import Counter

    common = sum((Counter(ta) & Counter(tb)).values())
    return 2 * common / (len(ta) + len(tb))


def _keep_annotated_events(pred_path: Path, gold_dir: Path, tokens) -> None:
    out = []
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold_file = gold_dir / f"{Path(rec['source']['path']).stem}.json"
        sentences = json.loads(gold_file.read_text(encoding="utf-8")).get("sentences", []) if gold_file.exists() else []
        rec["events"] = [ev for ev in rec.get("events", [])
                         if any(_dice(ev.get("text", ""), s, tokens) >= 0.6 for s in sentences)]
        out.append(json.dumps(rec, ensure_ascii=False))
    pred_path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _all_types(entries: list[dict], times: dict[str, dict], pred: Path, errors: bool) -> dict:
    """TimeBank-style scores over the four TIMEX3 types, one item per occurrence."""
    from tools.real_pages.view import view_lines

    records = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        records[Path(rec["source"]["path"]).stem] = rec
    tally = AllTypes()
    for entry in entries:
        lines = view_lines(entry["page"])
        text, _ = doc_index(entry, lines)
        golds = gold_spans(entry, times[entry["page"]].get("times", []), lines)
        pred_text, preds = pred_occurrences(records.get(entry["page"], {}))
        tally.add(entry["page"], text, golds, preds, pred_text)
    if errors:
        print("\n".join(tally.errors), file=sys.stderr)
    return tally.result()


def run_part(kind: str, part: str, body: bool, keep: Path | None, explain: bool = False,
             only: set[str] | None = None, errors: bool = False) -> dict | None:
    entries, who, events = _gold(kind, part, only)
    if not entries:
        return None
    scorer = _scorer()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        gold_dir = tmp_dir / "gold"
        if kind == "times":
            materialize(entries, gold_dir, times=who)
        else:
            materialize(entries, gold_dir, who=who, events=events)
        if body:
            inputs = tmp_dir / "inputs"
            body_inputs(entries, inputs)
            paths = sorted(str(p) for p in inputs.iterdir())
        else:
            paths = [str(page_path(e["page"])) for e in entries if e.get("article") is not False]
        pred = tmp_dir / "pred.jsonl"
        cmd = [sys.executable, "-m", "veille", "extract", *paths, "--output", str(pred), *(["--explain"] if explain else [])]
        subprocess.run(cmd, cwd=ROOT, check=False, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        if not pred.exists():
            print(f"{part}: veille extract wrote nothing", file=sys.stderr)
            return None
        if kind == "events":
            _keep_annotated_events(pred, gold_dir, scorer.tokens)
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{kind}-{part}.jsonl").write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
        result = scorer.score(gold_dir, pred)
        if kind == "times":
            result.update(_all_types(entries, who or {}, pred, errors and part in ("dev", "fresh", "fresh2", "fresh3", "fresh4", "fresh5")))
    result["pages"] = len(entries)
    return result


def _cell(value: dict | None) -> str:
    if value is None:
        return "—"
    if "f1" in value:
        return f"F1 {value['f1']:.3f} (P {value['precision']:.3f} R {value['recall']:.3f})"
    if "accuracy" in value:
        if value["accuracy"] is None:
            return "— (0 items)"
        return f"{value['accuracy']:.3f} ({value.get('right', value.get('correct', '?'))}/{value.get('total', '?')})"
    return str(value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=sorted(MEASURES))
    ap.add_argument("--part", choices=["dev", "test", "both", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "test2", "test4"], default="both",
                    help="fresh (who, times): the dev pages marked last (who_dev_fresh.jsonl, times_dev_fresh.jsonl), "
                         "alone; fresh2 (times, events) and fresh3 (times, events): later dev batches, sites no earlier file marks; "
                         "fresh4 (events, times): a fourth later batch of dev pages; fresh5 (events): the fifth; "
                         "test2 (who): the later who test batches (who_test_second/_third.jsonl), alone; "
                         "test4 (who): the fourth who test batch (who_test_fourth.jsonl), alone")
    ap.add_argument("--body", action="store_true", help="hand over the gold title, body and date")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder (outside the repo)")
    ap.add_argument("--explain", action="store_true", help="record each quote's speaker rule (see bench/who_real.py)")
    ap.add_argument("--pages", help="only these pages (comma-separated ids)")
    ap.add_argument("--annotator", help="only the pages this annotator marked in the gold of KIND")
    ap.add_argument("--errors", action="store_true", help="times: list the all-types errors of dev pages")
    args = ap.parse_args()
    if not PAGES.is_dir() or not SCORER.exists():
        print("../shared (pages and eval/score.py) is needed", file=sys.stderr)
        return 1
    parts = ["dev", "test"] if args.part == "both" else [args.part]
    results = {p: run_part(args.kind, p, args.body, args.keep, args.explain,
                           page_filter(args.kind, p, args.pages, args.annotator), args.errors) for p in parts}
    if args.json:
        print(json.dumps({p: r for p, r in results.items()}, ensure_ascii=False))
        return 0
    mode = "body given" if args.body else "pages as given"
    print(f"real pages, {args.kind}, {mode}")
    print(f"{'measure':20} " + " | ".join(f"{p} ({(results[p] or {}).get('pages', 0)} pages)".ljust(44) for p in parts))
    for measure in MEASURES[args.kind]:
        print(f"{measure:20} " + " | ".join(_cell((results[p] or {}).get(measure)).ljust(44) for p in parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
