"""Times (issue 12) on outside pages: a third body of TIMEX3 gold, from writers neither the French
TimeBank nor the corpus real pages have (tests/data/extra_times, format and conventions in its README).

    .venv/bin/python bench/extra_times.py [--pages-dir /work/extra/pages] [--verbose] [--json]
                                          [--as-given] [--pages x0001,x0002] [--keep DIR]

Scored as ``bench/real_eval.py times`` scores the corpus pages (``tools/real_pages/times.py``
``AllTypes``): one item per occurrence over DATE, TIME, DURATION and SET, strict (same extent) and
relaxed (overlap) F1, value F1 and value accuracy on relaxed matches, optional gold items neither
counted when missed nor wrong when found. By default the gold title, body and date of
``tests/data/extra_pages/gold.jsonl`` are handed over (the "body given" column: what the times
stage does when cleaning is not to blame); ``--as-given`` runs the raw pages instead. The pages
(copyrighted) stay in /work/extra; exits 0 with a note when the folder is absent. ``--verbose``
prints each page's errors (misses, extras, wrong extents and values) on stderr.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT / "src", ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from extra_pages import DEFAULT_GOLD as PAGES_GOLD  # noqa: E402
from extra_pages import page_file, view  # noqa: E402
from tools.real_pages.materialize import body_inputs  # noqa: E402
from tools.real_pages.times import AllTypes, doc_index, gold_spans, pred_occurrences, type_counts  # noqa: E402

DEFAULT_PAGES = Path("/work/extra/pages")
DEFAULT_GOLD = ROOT / "tests" / "data" / "extra_times" / "times_dev.jsonl"
MEASURES = ("all_strict", "all_relaxed", "all_value", "all_value_on_matches")


def load_rows(path: Path, only: set[str] | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if only is None or r["page"] in only]


def page_entries(pages: set[str]) -> dict[str, dict]:
    """The title/body/published gold of the outside pages (``tests/data/extra_pages``)."""
    out = {}
    for line in PAGES_GOLD.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["page"] in pages:
            out[entry["page"]] = entry
    return out


def predict(entries: list[dict], pages_dir: Path, as_given: bool, tmp: Path) -> dict[str, dict]:
    """Veille's records, one a page, through ``veille extract`` (the CLI every bench runs)."""

    def lines_of(page: str) -> list[str]:
        path = page_file(pages_dir, page)
        return view(path) if path else []

    if as_given:
        paths = [str(p) for p in (page_file(pages_dir, e["page"]) for e in entries) if p]
    else:
        inputs = tmp / "inputs"
        body_inputs(entries, inputs, lines_of=lines_of)
        paths = sorted(str(p) for p in inputs.iterdir())
    pred = tmp / "pred.jsonl"
    cmd = [sys.executable, "-m", "veille", "extract", *paths, "--output", str(pred)]
    subprocess.run(cmd, cwd=ROOT, check=False, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    records = {}
    if pred.exists():
        for line in pred.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            records[Path(rec["source"]["path"]).stem] = rec
    return records


def score(rows: list[dict], pages_dir: Path, as_given: bool = False, keep: Path | None = None) -> tuple[dict, list[str]]:
    entries = page_entries({r["page"] for r in rows})
    usable = [r for r in rows if r["page"] in entries and page_file(pages_dir, r["page"])]
    with tempfile.TemporaryDirectory() as tmp:
        records = predict([entries[r["page"]] for r in usable], pages_dir, as_given, Path(tmp))
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / "extra_times.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()), encoding="utf-8")
    tally = AllTypes()
    for row in usable:
        entry = entries[row["page"]]
        lines = view(page_file(pages_dir, row["page"]))
        text, _ = doc_index(entry, lines)
        golds = gold_spans(entry, row.get("times", []), lines)
        pred_text, preds = pred_occurrences(records.get(row["page"], {}))
        tally.add(row["page"], text, golds, preds, pred_text)
    result = tally.result()
    result["pages"] = len(usable)
    result["gold"] = type_counts(usable)
    return result, tally.errors


def _cell(value: dict) -> str:
    if "f1" in value:
        return f"F1 {value['f1']:.3f} (P {value['precision']:.3f} R {value['recall']:.3f})"
    if value.get("accuracy") is None:
        return "— (0 items)"
    return f"{value['accuracy']:.3f} ({value['right']}/{value['total']})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages-dir", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--pages", help="only these pages (comma-separated ids)")
    ap.add_argument("--as-given", action="store_true", help="run the raw pages instead of the gold title and body")
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder (outside the repo)")
    ap.add_argument("--verbose", action="store_true", help="print the errors on stderr")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.pages_dir.is_dir():
        print(f"{args.pages_dir} is absent: outside times not scored")
        return 0
    only = set(args.pages.split(",")) if args.pages else None
    rows = load_rows(args.gold, only)
    result, errors = score(rows, args.pages_dir, args.as_given, args.keep)
    if args.verbose:
        print("\n".join(errors), file=sys.stderr)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    mode = "pages as given" if args.as_given else "body given"
    gold = result["gold"]
    print(f"outside times, {mode}: {result['pages']} pages, gold " + ", ".join(f"{k} {v}" for k, v in gold.items()))
    for measure in MEASURES:
        print(f"{measure:22} {_cell(result[measure])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
